"""The ``newsgraph`` command: one module per subcommand, each with ``register`` and ``run``."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from newsgraph import __version__
from newsgraph.errors import NewsgraphError, printable, store_error

COMMANDS = ("analyze", "schema", "serve", "ingest", "sql", "events", "quotes", "dyad", "export")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Read news articles into records of who said what and who did what to whom.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMANDS:
        module = importlib.import_module(f"newsgraph.cli.{name}")
        module.register(sub)
    return parser


class _Notes(logging.Handler):
    """Notes about inputs (newsgraph.errors.note) as ``newsgraph: note: ...`` lines on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        print(f"newsgraph: note: {printable(record.getMessage())}", file=sys.stderr)


def _show_notes() -> None:
    notes = logging.getLogger("newsgraph.notes")
    if not any(isinstance(h, _Notes) for h in notes.handlers):
        notes.addHandler(_Notes())
        notes.propagate = False


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _show_notes()
    try:
        return args.run(args) or 0
    except NewsgraphError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        message = _failure(args, exc)
        if message is None:
            raise
        print(f"newsgraph: error: {message}", file=sys.stderr)
        return 1


def _failure(args, exc: Exception) -> str | None:
    """One line for a store or file that failed under a command (damaged store, full disk);
    None for anything else (a bug: its traceback is worth seeing)."""
    duckdb = sys.modules.get("duckdb")
    if duckdb is not None and isinstance(exc, duckdb.Error):
        return str(store_error(getattr(args, "db", None) or "the store", exc))
    if isinstance(exc, OSError):
        where = printable(exc.filename) if exc.filename else getattr(args, "output", None) or "output"
        return f"{printable(where)}: {exc.strerror or exc}"
    return None


if __name__ == "__main__":
    sys.exit(main())

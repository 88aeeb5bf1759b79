"""Errors a user sees: one line that names the input and says what is wrong.

Whatever names an input (a file name, a URL, a JSONL line) or quotes it (a garbled
WARC header) goes through :func:`printable` first, so a message is always one line of
printable text: a file called ``"a\\nnewsgraph: 0 input(s) failed"`` cannot forge a
log line, and one holding terminal escape codes cannot send them to the terminal.
"""

from __future__ import annotations

import logging
import re

REASON_CHARS = 300  # a message's reason is cut to this many characters

# C0 and C1 controls, DEL, lone surrogates (undecodable bytes in file names), line and
# paragraph separators, and the bidirectional overrides that reorder what a terminal shows
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: object, limit: int | None = None) -> str:
    """``text`` with every control character written as an escape (``\\n``, ``\\x1b``),
    cut to ``limit`` characters (``...`` marks the cut)."""
    text = str(text)
    if limit is not None and len(text) > limit:
        text = text[:limit] + "..."
    return _UNPRINTABLE.sub(_escape, text)


def _escape(m: re.Match) -> str:
    ch = m.group()
    return _SHORT.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


class NewsgraphError(Exception):
    """Base of the errors newsgraph reports to users."""

    def __str__(self) -> str:
        return printable(super().__str__())


class InputError(NewsgraphError):
    """An input that cannot be read or analysed; a batch records it and goes on."""

    def __init__(self, input_name: str, reason: str):
        input_name, reason = printable(input_name), printable(reason, REASON_CHARS)
        super().__init__(f"{input_name}: {reason}")
        self.input = input_name
        self.reason = reason


class StoreError(NewsgraphError):
    """The store cannot be read or written (damaged, truncated, disk full): the run stops."""


class ModelMissing(NewsgraphError):
    """No English spaCy pipeline is installed."""


_notes = logging.getLogger("newsgraph.notes")


def note(input_name: str, what: str) -> None:
    """Tell the user something about an input that is read anyway (bytes replaced, a file skipped).

    Notes go to the ``newsgraph.notes`` logger; the command line prints them on standard error.
    """
    _notes.warning("%s: %s", printable(input_name), printable(what, REASON_CHARS))


def store_error(db: object, exc: BaseException) -> StoreError:
    """One clear line for a store that failed: disk full, damaged or truncated, or else the error."""
    text = str(exc)
    first = text.splitlines()[0] if text else exc.__class__.__name__
    lower = text.lower()
    if "no space left" in lower or getattr(exc, "errno", None) == 28:
        why = "the disk is full (No space left on device); what was committed before is kept, " \
              "free some space and run the command again to go on"
    elif "could not read enough bytes" in lower or "not a valid duckdb database" in lower \
            or "corrupt" in lower or "checksum" in lower:
        why = f"the store is damaged or truncated ({first})"
    else:
        why = f"the store failed ({first})"
    return StoreError(f"{db}: {why}")

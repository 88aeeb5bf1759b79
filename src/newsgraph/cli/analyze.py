"""``newsgraph analyze PATH...``: analyse articles and print their records."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import nullcontext

from newsgraph.errors import InputError


def register(sub) -> None:
    p = sub.add_parser(
        "analyze", help="analyse articles (files, folders, globs, URLs, - for stdin)",
        description="Analyse articles and print their records: a readable summary, or JSON.",
    )
    p.add_argument("inputs", nargs="+", metavar="PATH", help="file, folder, glob, http(s) URL, or - for stdin")
    add_date_options(p)
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="one JSON record (a JSON list for several)")
    fmt.add_argument("--jsonl", action="store_true", help="one JSON record per line")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--allow-private", action="store_true", help="allow URLs on loopback and private addresses")
    add_analysis_options(p)
    p.add_argument("--explain", action="store_true",
                   help="also list the event readings rejected as not asserted (negated, hypothetical, "
                        "question, claimed): in JSON as `rejected`")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="draw a progress bar on standard error (default: when it is a terminal)")
    p.set_defaults(run=run)


def add_date_options(p) -> None:
    """--date and --meta: the publication dates and metadata of the inputs (analyze and ingest share them)."""
    p.add_argument("--date", type=iso_date,
                   help="publication date (YYYY-MM-DD) of every input that gives none of its own (in a --meta "
                        "row, its page metadata or JSONL field, or its file name)")
    p.add_argument("--meta", metavar="FILE",
                   help="a sidecar of article metadata: CSV, TSV or JSONL with a row per article, keyed by file "
                        "name, path or URL, with published, url, publisher, title, language (docs/record.md)")


def add_analysis_options(p) -> None:
    """The options that choose what the analysis knows and does (analyze and ingest share them)."""
    p.add_argument("--knowledge", metavar="DIR", action="append", default=[],
                   help="a folder of knowledge files merged over the built-in ones (repeatable; docs/actors.md)")
    p.add_argument("--skip", metavar="STAGE", action="append", default=[],
                   help="switch a stage off: actors, quotes, times, places, events, tone (repeatable)")
    p.add_argument("--min-confidence", type=confidence_value, metavar="P",
                   help="keep only events at least this confident (0-1; docs/events.md)")


def confidence_value(value: str) -> float:
    try:
        found = float(value)
    except ValueError:
        found = -1.0
    if not 0.0 <= found <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return found


def undated_note(undated: int, articles: int) -> str:
    """The closing line about articles with no publication date (analyze and ingest)."""
    return (f"{undated} of {articles} article(s) have no publication date: their relative dates (\"last Friday\") "
            "stay unresolved and their events undated (give --date, or --meta with a date per article)")


def iso_date(value: str) -> str:
    from newsgraph.read.dates import normalise_date

    try:
        return normalise_date(value, "--date")
    except InputError as exc:
        raise argparse.ArgumentTypeError(exc.reason) from None


def run(args) -> int:
    from newsgraph import analyze_all
    from newsgraph.progress import tracked
    from newsgraph.read import count_files

    total = count_files(args.inputs)
    results = analyze_all(args.inputs, date=args.date, meta=args.meta, allow_private=args.allow_private,
                          knowledge=args.knowledge or None, skip=args.skip, explain=args.explain,
                          min_confidence=args.min_confidence, texts=False)
    show = args.progress if args.progress is not None else (sys.stderr.isatty() and total > 1)
    failures: list[InputError] = []
    records = undated = 0
    with open(args.output, "w", encoding="utf-8") if args.output else nullcontext(sys.stdout) as out:
        writer = _writer(args, out)
        for item in tracked(results, total if total > 1 else None, "analyzing", enabled=show):
            if isinstance(item, InputError):
                failures.append(item)
                print(f"newsgraph: error: {item}", file=sys.stderr)
                continue
            records += 1
            undated += item.meta.published is None
            writer.write(item)
        writer.close()
    if undated:
        print(f"newsgraph: {undated_note(undated, records)}", file=sys.stderr)
    if failures and (records or len(failures) > 1):
        print(f"newsgraph: {len(failures)} input(s) failed, {records} analysed:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
    return 1 if failures else 0


def _writer(args, out):
    if args.jsonl:
        return JsonlWriter(out)
    if args.json:
        return JsonWriter(out)
    from newsgraph.cli.summary import SummaryWriter

    return SummaryWriter(out)


class JsonlWriter:
    def __init__(self, out):
        self.out = out

    def write(self, record) -> None:
        self.out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self) -> None:
        pass


class JsonWriter:
    """One record as a JSON object; several as a JSON list."""

    def __init__(self, out):
        self.out, self.records = out, []

    def write(self, record) -> None:
        self.records.append(record.to_dict())

    def close(self) -> None:
        if not self.records:
            return
        data = self.records[0] if len(self.records) == 1 else self.records
        json.dump(data, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")

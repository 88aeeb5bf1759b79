"""Exports of a store: JSONL records, Parquet or CSV tables, GDELT 2.0 events, PLOVER JSONL."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

from newsgraph.errors import NewsgraphError

FORMATS = ("jsonl", "parquet", "csv", "gdelt", "plover")
STREAMS = ("jsonl", "gdelt", "plover")  # one file, so standard output too; parquet and csv write a folder
STDOUT = "-"


def export(con, fmt: str, path: str | Path, min_confidence: float | None = None) -> int:
    """Write the store behind ``con`` to ``path`` in ``fmt``; returns how many rows (or records).

    jsonl, gdelt and plover write one file (``-``: standard output); parquet and csv write a
    folder with a file per table. ``min_confidence`` keeps the GDELT and PLOVER events at least
    that confident (the tables export the store as it is: ingest with ``--min-confidence`` to
    store only confident events).
    """
    from newsgraph.export import gdelt, plover, tables

    folders = {"parquet": tables.write_parquet, "csv": tables.write_csv}
    streams = {"jsonl": tables.write_jsonl, "gdelt": partial(gdelt.write_gdelt, min_confidence=min_confidence),
               "plover": partial(plover.write_plover, min_confidence=min_confidence)}
    if fmt in folders:
        if str(path) == STDOUT:
            raise NewsgraphError(f"{fmt} writes a folder of files, not standard output: give -o FOLDER "
                                 f"(standard output takes {', '.join(STREAMS)})")
        return folders[fmt](con, Path(path))
    if fmt not in streams:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    if str(path) == STDOUT:
        count = streams[fmt](con, sys.stdout)
        sys.stdout.flush()
        return count
    with Path(path).open("w", encoding="utf-8", newline="") as out:
        return streams[fmt](con, out)

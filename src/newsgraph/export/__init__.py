"""Exports of a store: JSONL records, Parquet or CSV tables, GDELT 2.0 events, PLOVER JSONL."""

from __future__ import annotations

from pathlib import Path

FORMATS = ("jsonl", "parquet", "csv", "gdelt", "plover")


def export(con, fmt: str, path: str | Path) -> int:
    """Write the store behind ``con`` to ``path`` in ``fmt``; returns how many rows (or records).

    jsonl, gdelt and plover write one file; parquet and csv write a folder with a file per table.
    """
    from newsgraph.export import gdelt, plover, tables

    writers = {"jsonl": tables.write_jsonl, "parquet": tables.write_parquet, "csv": tables.write_csv,
               "gdelt": gdelt.write_gdelt, "plover": plover.write_plover}
    if fmt not in writers:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    return writers[fmt](con, Path(path))

"""The store as JSONL records, or its tables as Parquet or CSV files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from newsgraph.store.schema import TABLES, VIEWS

BATCH_ROWS = 10_000  # records fetched at a time, so memory stays flat on big stores
SCHEMA_FILE = "schema.json"  # beside the CSV files: table -> column -> DuckDB type


def write_jsonl(con, out: IO[str]) -> int:
    """One article record (newsgraph/1) per line, as ``newsgraph analyze --jsonl`` writes them."""
    cursor = con.execute("SELECT record FROM articles ORDER BY path NULLS LAST, line NULLS FIRST, article_id")
    count = 0
    while rows := cursor.fetchmany(BATCH_ROWS):
        for (record,) in rows:
            out.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
        count += len(rows)
    return count


def write_parquet(con, path: Path) -> int:
    """A folder with one Parquet file per table (and per view), written by DuckDB."""
    return _copy_tables(con, path, "parquet", "(FORMAT parquet, COMPRESSION zstd)", keep_record=True)


def write_csv(con, path: Path) -> int:
    """A folder with one CSV file per table, and ``schema.json`` giving every column's type, so that
    pandas and polars keep codes and ids as strings and read dates as dates (docs/store.md has the
    recipe). The article's JSON record stays out (see jsonl)."""
    count = _copy_tables(con, path, "csv", "(FORMAT csv, HEADER true)", keep_record=False)
    types = {table: dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE {_select(table, False)})")
                         .fetchall()) for table in (*TABLES, *VIEWS)}
    (path / SCHEMA_FILE).write_text(json.dumps(types, indent=1) + "\n", encoding="utf-8")
    return count


def _copy_tables(con, folder: Path, suffix: str, options: str, keep_record: bool) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in (*TABLES, *VIEWS):
        target = str(folder / f"{table}.{suffix}").replace("'", "''")
        con.execute(f"COPY ({_select(table, keep_record)}) TO '{target}' {options}")
        total += con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return total


def _select(table: str, keep_record: bool) -> str:
    return f"SELECT {'*' if keep_record or table != 'articles' else '* EXCLUDE (record)'} FROM {table}"

"""The store as JSONL records, or its tables as Parquet or CSV files."""

from __future__ import annotations

import json
from pathlib import Path

from newsgraph.store.schema import TABLES, VIEWS

BATCH_ROWS = 10_000  # records fetched at a time, so memory stays flat on big stores


def write_jsonl(con, path: Path) -> int:
    """One article record (newsgraph/1) per line, as ``newsgraph analyze --jsonl`` writes them."""
    cursor = con.execute("SELECT record FROM articles ORDER BY path NULLS LAST, line NULLS FIRST, article_id")
    count = 0
    with path.open("w", encoding="utf-8") as out:
        while rows := cursor.fetchmany(BATCH_ROWS):
            for (record,) in rows:
                out.write(json.dumps(json.loads(record), ensure_ascii=False) + "\n")
            count += len(rows)
    return count


def write_parquet(con, path: Path) -> int:
    """A folder with one Parquet file per table (and per view), written by DuckDB."""
    return _copy_tables(con, path, "parquet", "(FORMAT parquet, COMPRESSION zstd)", keep_record=True)


def write_csv(con, path: Path) -> int:
    """A folder with one CSV file per table; the article's JSON record stays out (see jsonl)."""
    return _copy_tables(con, path, "csv", "(FORMAT csv, HEADER true)", keep_record=False)


def _copy_tables(con, folder: Path, suffix: str, options: str, keep_record: bool) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in (*TABLES, *VIEWS):
        select = "*" if keep_record or table != "articles" else "* EXCLUDE (record)"
        target = str(folder / f"{table}.{suffix}").replace("'", "''")
        con.execute(f"COPY (SELECT {select} FROM {table}) TO '{target}' {options}")
        total += con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return total

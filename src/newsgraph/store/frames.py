"""Records as the store's tables, in memory: ``newsgraph.to_arrow(records)`` and ``to_pandas``.

The records are written into an in-memory store through the same rows (``store/rows.py``) and
the same batch writer (``store/db.py``) as ``newsgraph ingest``, so the tables are the store's:
the same columns and types, events merged across articles with their counts, the views
(``actors``, ...). A text given twice is one article, as in the store.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pyarrow as pa

from newsgraph.errors import NewsgraphError
from newsgraph.record import Record
from newsgraph.store.db import to_arrow, write_batch
from newsgraph.store.rows import record_rows
from newsgraph.store.schema import TABLES, VIEWS, ddl


def records_to_arrow(records: Iterable[Record]) -> dict[str, pa.Table]:
    """Table name -> Arrow table, as the store holds them, for these records (rows in key order)."""
    from newsgraph.store.engines.base import merged_rows

    seen: set[str] = set()
    rows = []
    for record in records:
        if isinstance(record, Record) and record.id not in seen:  # an InputError of analyze_all holds no rows
            seen.add(record.id)
            rows.append(record_rows(record))
    con = duckdb.connect(":memory:")
    try:
        for statement in ddl():
            con.execute(statement)
        write_batch(con, to_arrow(merged_rows(rows, [])))
        out = {}
        for table in (*TABLES, *VIEWS):
            key = ", ".join(TABLES[table][1]) if table in TABLES else "ALL"
            out[table] = con.sql(f"SELECT * FROM {table} ORDER BY {key}").to_arrow_table()
        return out
    finally:
        con.close()


def records_to_pandas(records: Iterable[Record]) -> dict:
    """Table name -> pandas DataFrame, as the store holds them (pandas must be installed)."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise NewsgraphError("to_pandas needs pandas: pip install 'newsgraph[pandas]' (or pandas)") from None
    return {name: table.to_pandas() for name, table in records_to_arrow(records).items()}

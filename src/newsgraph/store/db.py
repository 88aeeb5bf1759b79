"""Opening a store and writing batches of rows into it, one transaction per batch.

A batch is all the rows of some articles (and some failures). It is written in a single
transaction, so a run killed at any moment leaves whole articles or none of an article;
articles already stored are skipped, so a restarted run adds exactly what is missing.
"""

from __future__ import annotations

import functools
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from newsgraph.errors import NewsgraphError, store_error
from newsgraph.store.rows import Rows
from newsgraph.store.schema import ADDED_COLUMNS, ARTICLE_TABLES, TABLES, columns, ddl

_ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string()),
}


# Errors of the store itself, not of one article's rows: the run cannot go on past them
STORE_FAILURES = (duckdb.IOException, duckdb.FatalException, duckdb.InternalException,
                  duckdb.TransactionException, duckdb.OutOfMemoryException, duckdb.PermissionException, OSError)

# A sandboxed connection reads the store and nothing else: no file readers or writers
# (read_text, read_csv, COPY ... TO, ATTACH), no extensions, and it cannot be turned back.
SANDBOX = {"enable_external_access": False, "autoinstall_known_extensions": False,
           "autoload_known_extensions": False, "lock_configuration": True}


def open_store(path: str | Path, read_only: bool = False, *, sandboxed: bool = False) -> duckdb.DuckDBPyConnection:
    """A connection to the store at ``path``, created with its tables when writable.

    ``sandboxed`` (read-only stores only) shuts DuckDB's access to other files.
    """
    if read_only and not Path(path).exists():
        raise NewsgraphError(f"{path}: no such store (run `newsgraph ingest ... --db {path}` first)")
    if read_only:
        _upgrade(path)
    try:
        con = duckdb.connect(str(path), read_only=read_only, config=SANDBOX if sandboxed and read_only else {})
        if not read_only:
            for statement in ddl():
                con.execute(statement)
    except (duckdb.IOException, duckdb.FatalException, duckdb.InternalException, duckdb.SerializationException,
            duckdb.CatalogException, OSError) as exc:
        raise store_error(path, exc) from None
    return con


def _upgrade(path: str | Path) -> None:
    """Give a store made by an older newsgraph the columns added since (ADDED_COLUMNS), so that
    read-only readers find every column; a store that cannot be opened to write says so."""
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            have = {(t, c) for t, c in con.execute("SELECT table_name, column_name FROM information_schema.columns")
                    .fetchall()}
        finally:
            con.close()
    except (duckdb.Error, OSError) as exc:
        raise store_error(path, exc) from None
    tables = {t for t, _ in have}
    missing = [(t, c) for t, cols in ADDED_COLUMNS.items() if t in tables for c, _ in cols if (t, c) not in have]
    if not missing:
        return
    try:
        open_store(path).close()
    except NewsgraphError as exc:
        table, column = missing[0]
        raise NewsgraphError(f"{path}: made by an older newsgraph (no {table}.{column}) and it cannot be "
                             f"upgraded now: {exc}") from None


@functools.lru_cache(maxsize=64)  # one entry per table
def arrow_schema(table: str) -> pa.Schema:
    """The Arrow (and Parquet) schema of a table's rows."""
    return pa.schema([(name, _ARROW_TYPES[sqltype]) for name, sqltype in TABLES[table][0]])


def to_arrow(rows: Rows) -> dict[str, pa.Table]:
    """Row tuples per table as Arrow tables with the store's column types."""
    out = {}
    for table in TABLES:
        schema = arrow_schema(table)
        cols = list(zip(*rows.get(table, []), strict=True)) or [[] for _ in schema]
        out[table] = pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, schema, strict=True)],
                                          schema=schema)
    return out


def is_stored(con: duckdb.DuckDBPyConnection, article_id: str) -> bool:
    """Whether the article is already in the store."""
    return con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None


def write_batch(con: duckdb.DuckDBPyConnection, batch: dict[str, pa.Table]) -> int:
    """Write one batch in one transaction; returns how many articles it added.

    Articles already in the store (and their rows) are dropped, so writing the same
    batch twice adds nothing. Event counts are brought up to date in the same transaction.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        batch = _drop_stored(con, batch)
        for table in ARTICLE_TABLES:
            _insert(con, table, batch[table])
        _merge_events(con, batch["events"])
        _insert(con, "failures", batch["failures"], ignore=True)
        _clear_failures(con, batch["articles"])
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:  # a failed COMMIT has ended the transaction: the first error is the one to tell
            pass
        raise
    return batch["articles"].num_rows


def _drop_stored(con, batch: dict[str, pa.Table]) -> dict[str, pa.Table]:
    ids = batch["articles"].column("article_id")
    if len(ids) == 0:
        return batch
    con.register("_batch_ids", pa.table({"article_id": ids}))
    old = [r[0] for r in con.execute(
        "SELECT article_id FROM articles WHERE article_id IN (SELECT article_id FROM _batch_ids)").fetchall()]
    con.unregister("_batch_ids")
    if not old:
        return batch
    old_ids = pa.array(old, type=pa.string())
    out = dict(batch)
    for table in (*ARTICLE_TABLES, "events"):
        key = "first_article" if table == "events" else "article_id"
        out[table] = batch[table].filter(pc.invert(pc.is_in(batch[table].column(key), value_set=old_ids)))
    return out


def _insert(con, table: str, rows: pa.Table, ignore: bool = False) -> None:
    if rows.num_rows == 0:
        return
    con.register("_rows", rows)
    verb = "INSERT OR IGNORE" if ignore else "INSERT"
    names = ", ".join(columns(table))  # named: the columns the store fills itself take their default
    con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM _rows")
    con.unregister("_rows")


def _clear_failures(con, articles: pa.Table) -> None:
    """An input stored now is no longer a failure (a URL that timed out last time, say)."""
    if articles.num_rows == 0:
        return
    con.register("_stored", articles.select(["path", "url", "line"]))
    con.execute("""DELETE FROM failures WHERE input IN (
        SELECT coalesce(path, url) || coalesce(':' || line, '') FROM _stored)""")
    con.unregister("_stored")


def _merge_events(con, events: pa.Table) -> None:
    """New events get a row (their first sighting); every touched event gets fresh counts."""
    if events.num_rows == 0:
        return
    con.register("_events", events.append_column("_n", pa.array(range(events.num_rows), type=pa.int64())))
    cols = ", ".join(columns("events"))
    con.execute(f"""
        INSERT INTO events SELECT {cols} FROM _events
        WHERE event_id NOT IN (SELECT event_id FROM events)
        QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _n) = 1""")
    con.execute("""
        UPDATE events SET n_mentions = c.n_mentions, n_articles = c.n_articles, confidence = c.confidence
        FROM (SELECT event_id, count(*) AS n_mentions, count(DISTINCT article_id) AS n_articles,
                     max(confidence) AS confidence
              FROM event_mentions WHERE event_id IN (SELECT event_id FROM _events) GROUP BY event_id) AS c
        WHERE events.event_id = c.event_id""")
    con.unregister("_events")

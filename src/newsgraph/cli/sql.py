"""``newsgraph sql --db FILE "SELECT ..."``: any SQL over a store."""

from __future__ import annotations

import sys

from newsgraph.store.render import FORMATS


def register(sub) -> None:
    p = sub.add_parser("sql", help="run SQL over a store (tables: docs/store.md)",
                       description="Run a SQL statement over a store, read-only, and print the result. "
                                   "The statement sees the store and nothing else: DuckDB's access to other "
                                   "files (read_csv, read_text, COPY ... TO, ATTACH) is off.")
    p.add_argument("statement", metavar="SQL", help='e.g. "SELECT cameo, count(*) FROM events GROUP BY 1"')
    add_store_options(p)
    p.set_defaults(run=run)


def add_store_options(p, limit: int | None = None) -> None:
    """--db and --format, shared by the query commands."""
    p.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    if limit is not None:
        p.add_argument("--limit", type=int, default=limit, metavar="N", help=f"at most N rows (default {limit})")
        p.add_argument("--offset", type=int, default=0, metavar="N", help="skip the first N rows")


def run(args) -> int:
    import duckdb

    from newsgraph.errors import NewsgraphError
    from newsgraph.store import query
    from newsgraph.store.db import STORE_FAILURES, open_store
    from newsgraph.store.render import render

    con = open_store(args.db, read_only=True, sandboxed=True)
    try:
        columns, rows = query.sql(con, args.statement)
    except duckdb.PermissionException as exc:
        raise NewsgraphError(f"SQL: refused, the statement may read the store only ({str(exc).splitlines()[0]})") \
            from None
    except STORE_FAILURES:
        raise
    except duckdb.Error as exc:
        raise NewsgraphError(f"SQL: {str(exc).splitlines()[0]}") from None
    finally:
        con.close()
    render(columns, rows, args.format, sys.stdout)
    return 0

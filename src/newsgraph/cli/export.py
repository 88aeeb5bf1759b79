"""``newsgraph export --db FILE --format F -o PATH``: the store in other shapes."""

from __future__ import annotations

import sys

from newsgraph.cli.analyze import confidence_value
from newsgraph.export import FORMATS


def register(sub) -> None:
    p = sub.add_parser(
        "export", help="export a store: jsonl, parquet, csv, gdelt, plover",
        description="Export a store. jsonl: one article record per line; parquet, csv: a folder with a file "
                    "per table; gdelt: the GDELT 2.0 events table (61 tab-separated columns); plover: PLOVER "
                    "JSON records, one per line. docs/store.md gives the mappings.",
    )
    p.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store")
    p.add_argument("--format", required=True, choices=FORMATS)
    p.add_argument("-o", "--output", required=True, metavar="PATH",
                   help="file (jsonl, gdelt, plover; - for standard output) or folder (parquet, csv)")
    p.add_argument("--min-confidence", type=confidence_value, metavar="P",
                   help="gdelt, plover: only events at least this confident (0-1; docs/events.md)")
    p.set_defaults(run=run)


def run(args) -> int:
    from newsgraph.export import STDOUT, export, plover
    from newsgraph.store import query

    con = query.connect(args.db)
    try:
        count = export(con, args.format, args.output, args.min_confidence)
        if args.format == "plover" and (missing := plover.left_out(con)):
            print(f"newsgraph: {missing} event report(s) left out: no date or no actor, both of which PLOVER "
                  "requires", file=sys.stderr)
    finally:
        con.close()
    where = "standard output" if args.output == STDOUT else args.output
    print(f"newsgraph: exported {count} {'rows' if args.format in ('parquet', 'csv') else 'records'} "
          f"({args.format}) -> {where}", file=sys.stderr)
    return 0

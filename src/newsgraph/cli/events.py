"""``newsgraph events --db FILE [filters]``: events across articles, with their counts."""

from __future__ import annotations

import sys

from newsgraph.cli.analyze import confidence_value, iso_date
from newsgraph.cli.sql import add_store_options

COLUMNS = ["event_id", "date", "source_name", "target_name", "cameo", "plover", "goldstein", "quad_class",
           "negated", "n_mentions", "n_articles"]


def register(sub) -> None:
    p = sub.add_parser("events", help="list events from a store",
                       description="List events (one row per event across articles). An actor is matched "
                                   "by actor id, code or country prefix (USA), or part of its name.")
    p.add_argument("--actor", metavar="NAME", help="source or target actor")
    p.add_argument("--source", metavar="NAME", help="source actor")
    p.add_argument("--target", metavar="NAME", help="target actor")
    p.add_argument("--root", metavar="NN", help="CAMEO root code, e.g. 11 (disapprove)")
    p.add_argument("--cameo", metavar="CODE", help="CAMEO code or its prefix, e.g. 036")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="from this day on")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="up to this day")
    p.add_argument("--min-confidence", type=confidence_value, metavar="P",
                   help="only events at least this confident (0-1; docs/events.md)")
    p.add_argument("--all-columns", action="store_true", help="every column (ids and codes too)")
    add_store_options(p, limit=100)
    p.set_defaults(run=run)


def run(args) -> int:
    from newsgraph.store import query
    from newsgraph.store.render import render_dicts

    con = query.connect(args.db)
    try:
        found = query.events(con, actor=args.actor, source=args.source, target=args.target, root=args.root,
                             cameo=args.cameo, quad_class=args.quad, date_from=args.date_from,
                             date_to=args.date_to, min_confidence=args.min_confidence, limit=args.limit,
                             offset=args.offset)
    finally:
        con.close()
    render_dicts(found, args.format, sys.stdout, None if args.all_columns or args.format != "table" else COLUMNS)
    return 0

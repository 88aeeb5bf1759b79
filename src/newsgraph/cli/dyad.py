"""``newsgraph dyad --db FILE A B [--by week|month]``: how two actors treat each other over time."""

from __future__ import annotations

import sys

from newsgraph.cli.analyze import iso_date
from newsgraph.cli.sql import add_store_options


def register(sub) -> None:
    p = sub.add_parser("dyad", help="events between two actors over time",
                       description="Events between two actors per period: counts per quad class "
                                   "(verbal/material cooperation/conflict) and mean Goldstein score.")
    p.add_argument("a", metavar="A", help="first actor: actor id, code or country prefix (USA), or part of a name")
    p.add_argument("b", metavar="B", help="second actor")
    p.add_argument("--by", choices=("day", "week", "month", "year"), default="month", help="period (default month)")
    p.add_argument("--directed", action="store_true", help="only events with A as source and B as target")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="from this day on")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="up to this day")
    add_store_options(p)
    p.set_defaults(run=run)


def run(args) -> int:
    from newsgraph.store import query
    from newsgraph.store.render import render_dicts

    con = query.connect(args.db)
    try:
        found = query.dyad(con, args.a, args.b, by=args.by, both_ways=not args.directed,
                           date_from=args.date_from, date_to=args.date_to)
    finally:
        con.close()
    columns = ["period", "n_events", "n_mentions", "verbal_cooperation", "material_cooperation",
               "verbal_conflict", "material_conflict", "mean_goldstein"]
    render_dicts(found, args.format, sys.stdout, columns)
    return 0

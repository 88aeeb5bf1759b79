"""``newsgraph quotes --db FILE [--speaker NAME]``: who said what, across articles."""

from __future__ import annotations

import sys

from newsgraph.cli.analyze import iso_date
from newsgraph.cli.sql import add_store_options

COLUMNS = ["published", "speaker_name", "kind", "content", "medium", "headline"]


def register(sub) -> None:
    p = sub.add_parser("quotes", help="list quotes from a store",
                       description="List quotes with their speakers and articles.")
    p.add_argument("--speaker", metavar="NAME", help="speaker: actor id, code or country prefix, or part of a name")
    p.add_argument("--search", metavar="WORDS", help="words in the quote")
    p.add_argument("--article", metavar="ID", help="quotes of one article")
    p.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="articles from this day on")
    p.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="articles up to this day")
    add_store_options(p, limit=100)
    p.set_defaults(run=run)


def run(args) -> int:
    from newsgraph.store import query
    from newsgraph.store.render import render_dicts

    con = query.connect(args.db)
    try:
        found = query.quotes(con, speaker=args.speaker, search=args.search, article_id=args.article,
                             date_from=args.date_from, date_to=args.date_to, limit=args.limit, offset=args.offset)
    finally:
        con.close()
    render_dicts(found, args.format, sys.stdout, COLUMNS if args.format == "table" else None)
    return 0

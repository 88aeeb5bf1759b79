"""Ready queries over a store: plain functions returning lists of dicts (JSON-ready).

The CLI commands (``events``, ``quotes``, ``dyad``, ``sql``) and the HTTP API call these
same functions, so a question has one answer whichever way it is asked. Every function
takes an open connection (:func:`connect`) first; dates come back as ISO strings.

An actor filter (``actor``, ``source``, ``target``, ``speaker``, the two sides of a dyad)
matches an actor when the value is its actor id, when its actor code starts with the
value or its country is the value (``USA`` matches ``USAGOV``), or when one of its names
contains the value (case-insensitive): loose, for people typing at the command line.
With ``exact=True`` (the HTTP API) it matches only the actor whose id or whole code is
the value, and the ``*_name``, ``*country`` and ``*sector`` filters ask the other
questions separately.

Listings (articles, actors, quotes, events, places) take ``sort`` (a column name, ``-``
first for descending) and ``limit=None`` for every row; :func:`total` and :func:`facets`
count a listing under the same filters.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from typing import Any

import duckdb
import pyarrow as pa

from newsgraph.store.db import open_store
from newsgraph.store.schema import EVENT_TONES

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}

_EVENT_COLUMNS = """
    e.event_id, e.date, e.day, e.date_source, e.source_actor, sa.name AS source_name, sa.code AS source_code,
    e.target_actor, ta.name AS target_name, ta.code AS target_code, e.cameo, e.root, e.plover,
    e.goldstein, e.quad_class, e.negated, e.n_mentions, e.n_articles, e.first_article, e.confidence"""

# starts_with and contains, not LIKE: a filter's % and _ are characters to find, not wildcards
_ACTOR_MATCH = """(actor_id = ? OR starts_with(upper(code), upper(?)) OR upper(country) = upper(?)
                   OR contains(lower(name), lower(?)))"""


def connect(db: str) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the store at ``db`` (several readers may share a file)."""
    return open_store(db, read_only=True)


def stats(con) -> dict[str, int]:
    """How many rows each table holds, and how many actors there are."""
    tables = ("articles", "entities", "mentions", "quotes", "events", "event_mentions", "places", "times",
              "failures", "actors")
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


ARTICLE_SORTS = {"published": "published", "headline": "headline", "publisher": "publisher",
                 "words": "n_words", "entities": "n_entities", "quotes": "n_quotes", "events": "n_events"}
ACTOR_SORTS = {"name": "name", "type": "type", "country": "country", "code": "code",
               "articles": "n_articles", "mentions": "n_mentions"}
QUOTE_SORTS = {"published": "a.published", "speaker": "q.speaker_name", "kind": "q.kind", "medium": "q.medium",
               "headline": "a.headline"}
EVENT_SORTS = {"date": "e.day", "source": "sa.name", "target": "ta.name", "cameo": "e.cameo", "plover": "e.plover",
               "goldstein": "e.goldstein", "quad_class": "e.quad_class", "mentions": "e.n_mentions",
               "articles": "e.n_articles"}
PLACE_SORTS = {"name": "name", "kind": "kind", "country": "country", "articles": "n_articles",
               "mentions": "n_mentions"}

# facets: name -> the SQL expression whose values are counted (over the filtered rows)
ARTICLE_FACETS = {"publisher": "publisher", "month": "strftime(published, '%Y-%m')"}
ACTOR_FACETS = {"type": "type", "country": "country", "sector": "sector"}
QUOTE_FACETS = {"kind": "q.kind", "medium": "q.medium", "publisher": "a.publisher",
                "month": "strftime(a.published, '%Y-%m')"}
EVENT_FACETS = {"root": "e.root", "quad_class": "e.quad_class", "plover": "e.plover",
                "source_country": "sa.country", "target_country": "ta.country", "month": "strftime(e.day, '%Y-%m')"}
PLACE_FACETS = {"kind": "kind", "country": "country"}


def articles(con, search: str | None = None, limit: int | None = 50, offset: int = 0, *,
             date_from: str | None = None, date_to: str | None = None, publisher: str | None = None,
             month: str | None = None, actor: str | None = None, sort: str | None = None,
             arrow: bool = False) -> list[dict[str, Any]]:
    """Articles, newest first (or by ``sort``); ``search`` looks in the headline and the text,
    ``actor`` (an actor id) keeps the articles that mention it, ``month`` is YYYY-MM."""
    where, params = _article_where(search, date_from, date_to, publisher, month, actor)
    sql = f"""SELECT article_id, headline, publisher, published, url, path, format, n_words,
                     n_entities, n_quotes, n_events FROM articles {where}
              ORDER BY {_order(sort, ARTICLE_SORTS, "-published")}, article_id {_page_sql(limit)}"""
    return _rows(con.execute(sql, [*params, *_page_params(limit, offset)]), arrow)


def _article_where(search=None, date_from=None, date_to=None, publisher=None, month=None, actor=None):
    return _where([
        ("article_id IN (SELECT article_id FROM entities WHERE actor_id = ?)", [actor] if actor else None),
        ("(contains(lower(headline), lower(?)) OR contains(lower(text), lower(?)))",
         [search, search] if search else None),
        ("published >= ?", [date_from] if date_from else None),
        ("published <= ?", [date_to] if date_to else None),
        ("lower(publisher) = lower(?)", [publisher] if publisher else None),
        (f"{ARTICLE_FACETS['month']} = ?", [month] if month else None),
    ])


def article(con, article_id: str) -> dict[str, Any] | None:
    """An article's full record, its entities carrying ``actor_id`` and its events ``event_id``."""
    row = con.execute("SELECT record FROM articles WHERE article_id = ?", [article_id]).fetchone()
    if row is None:
        return None
    record = json.loads(row[0])
    actors = dict(con.execute(
        "SELECT entity_id, actor_id FROM entities WHERE article_id = ?", [article_id]).fetchall())
    for entity in record.get("entities", []):
        entity["actor_id"] = actors.get(entity["id"])
    event_ids = dict(con.execute(
        "SELECT seq, event_id FROM event_mentions WHERE article_id = ?", [article_id]).fetchall())
    for n, event in enumerate(record.get("events", [])):
        event["event_id"] = event_ids.get(n)
    return record


def actors(con, search: str | None = None, limit: int | None = 50, offset: int = 0, *,
           type: str | None = None, country: str | None = None, sector: str | None = None,
           code: str | None = None, sort: str | None = None,
           arrow: bool = False) -> list[dict[str, Any]]:
    """Actors across articles, the most widely reported first (or by ``sort``)."""
    where, params = _actor_where(search, type, country, sector, code)
    sql = f"""SELECT actor_id, name, type, country, sector, code, n_articles, n_mentions FROM actors {where}
              ORDER BY {_order(sort, ACTOR_SORTS, "-articles")}, n_mentions DESC, actor_id {_page_sql(limit)}"""
    return _rows(con.execute(sql, [*params, *_page_params(limit, offset)]), arrow)


def _actor_where(search=None, type=None, country=None, sector=None, code=None):
    return _where([
        (_ACTOR_MATCH, [search] * 4 if search else None),
        ("type = ?", [type] if type else None),
        ("country = upper(?)", [country] if country else None),
        ("sector = upper(?)", [sector] if sector else None),
        ("code = upper(?)", [code] if code else None),
    ])


def known_actors(con, ids: list[str]) -> list[str]:
    """Which of ``ids`` are actors of the store (sorted): to link a fresh record's entities."""
    if not ids:
        return []
    rows = con.execute("SELECT DISTINCT actor_id FROM entities WHERE list_contains(?, actor_id) ORDER BY 1",
                       [list(ids)]).fetchall()
    return [r[0] for r in rows]


def entity(con, actor_id: str, limit: int | None = 50) -> dict[str, Any] | None:
    """One actor: its names, titles, the articles that mention it, and its event and quote counts."""
    found = _dicts(con.execute("SELECT * FROM actors WHERE actor_id = ?", [actor_id]))
    if not found:
        return None
    out = found[0]
    out["names"] = [r[0] for r in con.execute(
        "SELECT name FROM entities WHERE actor_id = ? GROUP BY name ORDER BY count(*) DESC, name", [actor_id]
    ).fetchall()]
    out["titles"] = [r[0] for r in con.execute(
        """SELECT t FROM (SELECT unnest(titles) AS t FROM entities WHERE actor_id = ?)
           GROUP BY t ORDER BY count(*) DESC, t""", [actor_id]).fetchall()]
    out["articles"] = _dicts(con.execute(
        f"""SELECT a.article_id, a.headline, a.publisher, a.published, e.n_mentions FROM entities e
           JOIN articles a USING (article_id) WHERE e.actor_id = ?
           ORDER BY a.published DESC NULLS LAST, a.article_id {_page_sql(limit)}""",
        [actor_id, *_page_params(limit, 0)]))
    counts = con.execute(
        """SELECT count(*) FILTER (WHERE source_actor = ?), count(*) FILTER (WHERE target_actor = ?)
           FROM events""", [actor_id, actor_id]).fetchone()
    out["n_events_as_source"], out["n_events_as_target"] = counts
    out["n_quotes"] = con.execute("SELECT count(*) FROM quotes WHERE speaker_actor = ?", [actor_id]).fetchone()[0]
    return out


def actor_timeline(con, actor_id: str, by: str = "month") -> list[dict[str, Any]]:
    """Per period (only periods with something): articles mentioning the actor, its events as
    source and as target, its quotes. Events are dated by their own day; the rest by the article's."""
    unit = _period(by)
    return _dicts(con.execute(f"""
        WITH dated AS (
            SELECT a.published AS day, 'articles' AS what FROM entities n JOIN articles a USING (article_id)
            WHERE n.actor_id = $1
            UNION ALL SELECT day, 'events_from' FROM events WHERE source_actor = $1
            UNION ALL SELECT day, 'events_to' FROM events WHERE target_actor = $1
            UNION ALL SELECT a.published, 'quotes' FROM quotes q JOIN articles a USING (article_id)
            WHERE q.speaker_actor = $1)
        SELECT date_trunc('{unit}', day)::DATE AS period,
               count(*) FILTER (WHERE what = 'articles') AS articles,
               count(*) FILTER (WHERE what = 'events_from') AS events_from,
               count(*) FILTER (WHERE what = 'events_to') AS events_to,
               count(*) FILTER (WHERE what = 'quotes') AS quotes
        FROM dated WHERE day IS NOT NULL GROUP BY period ORDER BY period""", [actor_id]))


def events(con, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           root: str | None = None, cameo: str | None = None, quad_class: int | None = None,
           date_from: str | None = None, date_to: str | None = None, article_id: str | None = None,
           limit: int | None = 100, offset: int = 0, sort: str | None = None,
           arrow: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Events (one row per event across articles, with its mention and article counts).

    Besides the arguments named here, every filter :func:`event_where` knows may be given.
    """
    where, params = event_where(actor=actor, source=source, target=target, root=root, cameo=cameo,
                                quad_class=quad_class, date_from=date_from, date_to=date_to,
                                article_id=article_id, **filters)
    sql = f"""SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM} {where}
              ORDER BY {_order(sort, EVENT_SORTS, "-date")}, e.n_mentions DESC, e.event_id {_page_sql(limit)}"""
    return _rows(con.execute(sql, [*params, *_page_params(limit, offset)]), arrow)


_EVENT_FROM = """events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor
                 LEFT JOIN actors ta ON ta.actor_id = e.target_actor"""


def event_where(*, actor=None, source=None, target=None, exact: bool = False,
                actor_name=None, source_name=None, target_name=None,
                country=None, source_country=None, target_country=None,
                sector=None, source_sector=None, target_sector=None,
                root=None, cameo=None, quad_class=None, plover=None, month=None, place=None,
                date_from=None, date_to=None, article_id=None, dated: bool = False,
                dyadic: bool = False, min_confidence=None) -> tuple[str, list]:
    """The WHERE clause (over ``events e`` joined to ``actors sa`` and ``ta``) of the event filters.

    ``actor`` (either side), ``source`` and ``target`` match as the module says, or, with
    ``exact``, only the actor whose id or whose whole code is the value (``RUS`` matches
    actors coded RUS, not RUSGOV nor a name holding "rus"). ``*_name`` look for part of a
    name; ``*country`` and ``*sector`` match those parts of the code exactly; ``month`` is
    YYYY-MM; ``place`` an event place's name; ``dated`` keeps events with a day, ``dyadic``
    events whose source and target are both known; ``min_confidence`` keeps events at least that
    confident.
    """
    pick = _exact_actor_sql if exact else _actors_sql
    n = 2 if exact else 4

    def either(sql_in: str, value, k: int) -> tuple[str, list | None]:
        return (f"(e.source_actor IN {sql_in} OR e.target_actor IN {sql_in})", [value] * (2 * k) if value else None)

    name_in = "(SELECT actor_id FROM entities WHERE contains(lower(name), lower(?)))"
    return _where([
        either(pick(), actor, n),
        (f"e.source_actor IN {pick()}", [source] * n if source else None),
        (f"e.target_actor IN {pick()}", [target] * n if target else None),
        either(name_in, actor_name, 1),
        (f"e.source_actor IN {name_in}", [source_name] if source_name else None),
        (f"e.target_actor IN {name_in}", [target_name] if target_name else None),
        ("(sa.country = upper(?) OR ta.country = upper(?))", [country] * 2 if country else None),
        ("sa.country = upper(?)", [source_country] if source_country else None),
        ("ta.country = upper(?)", [target_country] if target_country else None),
        ("(sa.sector = upper(?) OR ta.sector = upper(?))", [sector] * 2 if sector else None),
        ("sa.sector = upper(?)", [source_sector] if source_sector else None),
        ("ta.sector = upper(?)", [target_sector] if target_sector else None),
        ("e.root = ?", [str(root).zfill(2)] if root else None),
        ("starts_with(e.cameo, ?)", [cameo] if cameo else None),
        ("e.quad_class = ?", [quad_class] if quad_class else None),
        ("e.plover = upper(?)", [plover] if plover else None),
        (f"{EVENT_FACETS['month']} = ?", [month] if month else None),
        ("e.event_id IN (SELECT event_id FROM action_places WHERE name = ?)", [place] if place else None),
        ("e.day >= ?", [date_from] if date_from else None),
        ("e.day <= ?", [date_to] if date_to else None),
        ("e.day IS NOT NULL", [] if dated else None),
        ("e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL", [] if dyadic else None),
        ("e.confidence >= ?", [min_confidence] if min_confidence is not None else None),
        ("e.event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)",
         [article_id] if article_id else None),
    ])


def _exact_actor_sql() -> str:
    return "(SELECT actor_id FROM actors WHERE actor_id = ? OR code = upper(?))"


def event(con, event_id: int) -> dict[str, Any] | None:
    """One event with its mentions: every article sentence it was read from."""
    found = _dicts(con.execute(f"SELECT {_EVENT_COLUMNS} FROM {_EVENT_FROM} WHERE e.event_id = ?", [event_id]))
    if not found:
        return None
    out = found[0]
    out["mentions"] = event_mentions(con, [event_id])
    return out


def event_mentions(con, event_ids: list[int]) -> list[dict[str, Any]]:
    """The mentions of the events ``event_ids`` (each with ``event_id``): the sentences they were read from."""
    if not event_ids:
        return []
    return _dicts(con.execute(
        """SELECT m.event_id, m.article_id, m.seq, a.headline, a.publisher, a.published, a.url, m.evidence,
                  m.evidence_start, m.evidence_end FROM event_mentions m JOIN articles a USING (article_id)
           WHERE list_contains(?, m.event_id) ORDER BY a.published NULLS LAST, m.article_id, m.seq""",
        [list(event_ids)]))


def quotes(con, *, speaker: str | None = None, article_id: str | None = None, search: str | None = None,
           date_from: str | None = None, date_to: str | None = None,
           limit: int | None = 100, offset: int = 0, sort: str | None = None,
           arrow: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Quotes with their speaker's actor and their article (filters: see :func:`quote_where`)."""
    where, params = quote_where(speaker=speaker, article_id=article_id, search=search,
                                date_from=date_from, date_to=date_to, **filters)
    sql = f"""SELECT q.article_id, q.seq, q.speaker_actor, q.speaker_name, q.kind, q.medium, q.stance,
                     q.content, q.cue, q.content_start, q.content_end, a.headline, a.publisher, a.published
              FROM {_QUOTE_FROM} {where}
              ORDER BY {_order(sort, QUOTE_SORTS, "-published")}, q.article_id, q.seq {_page_sql(limit)}"""
    return _rows(con.execute(sql, [*params, *_page_params(limit, offset)]), arrow)


_QUOTE_FROM = "quotes q JOIN articles a USING (article_id)"


def quote_where(*, speaker=None, exact: bool = False, speaker_name=None, article_id=None, search=None,
                kind=None, medium=None, publisher=None, month=None, date_from=None, date_to=None):
    """The WHERE clause (over ``quotes q`` joined to ``articles a``) of the quote filters;
    ``speaker`` matches as an event's actor does (see :func:`event_where`)."""
    pick, n = (_exact_actor_sql, 2) if exact else (_actors_sql, 4)
    return _where([
        (f"q.speaker_actor IN {pick()}", [speaker] * n if speaker else None),
        ("contains(lower(q.speaker_name), lower(?))", [speaker_name] if speaker_name else None),
        ("q.article_id = ?", [article_id] if article_id else None),
        ("contains(lower(q.content), lower(?))", [search] if search else None),
        ("q.kind = ?", [kind] if kind else None),
        ("q.medium = ?", [medium] if medium else None),
        ("a.publisher = ?", [publisher] if publisher else None),
        (f"{QUOTE_FACETS['month']} = ?", [month] if month else None),
        ("a.published >= ?", [date_from] if date_from else None),
        ("a.published <= ?", [date_to] if date_to else None),
    ])


def places(con, search: str | None = None, limit: int | None = 50, offset: int = 0, *,
           kind: str | None = None, country: str | None = None, sort: str | None = None,
           arrow: bool = False) -> list[dict[str, Any]]:
    """Places across articles (one row per name, kind, country and coordinates), the most widely reported first."""
    where, params = _place_where(search, kind, country)
    sql = f"""SELECT * FROM {_PLACES} {where}
              ORDER BY {_order(sort, PLACE_SORTS, "-articles")}, n_mentions DESC, name {_page_sql(limit)}"""
    return _rows(con.execute(sql, [*params, *_page_params(limit, offset)]), arrow)


_PLACES = """(SELECT name, kind, country, lat, lon, count(DISTINCT article_id) AS n_articles,
                     sum(n_mentions) AS n_mentions FROM places GROUP BY name, kind, country, lat, lon)"""


def _place_where(search=None, kind=None, country=None):
    return _where([("contains(lower(name), lower(?))", [search] if search else None),
                   ("kind = ?", [kind] if kind else None),
                   ("country = upper(?)", [country] if country else None)])


# what each listing counts and facets over: its FROM clause and how its filters become a WHERE
_LISTINGS = {
    "articles": ("articles", _article_where, ARTICLE_FACETS),
    "actors": ("actors", _actor_where, ACTOR_FACETS),
    "quotes": (_QUOTE_FROM, quote_where, QUOTE_FACETS),
    "events": (_EVENT_FROM, event_where, EVENT_FACETS),
    "places": (_PLACES, _place_where, PLACE_FACETS),
}


def total(con, listing: str, **filters: Any) -> int:
    """How many rows ``listing`` (articles, actors, quotes, events, places) holds under ``filters``."""
    source, where_of, _ = _LISTINGS[listing]
    where, params = where_of(**filters)
    return con.execute(f"SELECT count(*) FROM {source} {where}", params).fetchone()[0]


def facets(con, listing: str, names: list[str] | None = None, top: int = 30,
           **filters: Any) -> dict[str, list[dict[str, Any]]]:
    """Facet counts of ``listing`` under ``filters``: per facet, its ``top`` values with their row counts
    (commonest first; rows without a value are counted under null)."""
    source, where_of, known = _LISTINGS[listing]
    names = names or list(known)
    for name in names:
        if name not in known:
            raise ValueError(f"no facet {name!r}; the facets are {', '.join(known)}")
    where, params = where_of(**filters)
    # one pass over the filtered rows: a grouping set per facet; GROUPING() tells the sets apart
    cols = ", ".join(f"{known[name]} AS f{i}" for i, name in enumerate(names))
    aliases = ", ".join(f"f{i}" for i in range(len(names)))
    rows = con.execute(f"""SELECT {cols}, count(*) AS n, grouping({aliases}) AS g FROM {source} {where}
                           GROUP BY GROUPING SETS ({", ".join(f"(f{i})" for i in range(len(names)))})""",
                       params).fetchall()
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for row in rows:
        i = len(names) - (~row[-1] & ((1 << len(names)) - 1)).bit_length()  # the one 0 bit: facet i's set
        out[names[i]].append({"value": _plain(row[i]), "count": row[-2]})
    for values in out.values():
        values.sort(key=lambda v: (-v["count"], v["value"] is None, str(v["value"])))
        del values[top:]
    return out


def event_timeline(con, by: str = "month", **filters: Any) -> list[dict[str, Any]]:
    """Events per period (only periods with events; undated and negated events left out): counts per
    quad class, the mean Goldstein score and the mean tone of the events (each event's tone as
    GDELT's AvgTone), under the filters of :func:`event_where`."""
    where, params = event_where(dated=True, **filters)
    return _dicts(con.execute(f"""
        WITH {EVENT_TONES}
        SELECT date_trunc('{_period(by)}', e.day)::DATE AS period, {_QUAD_COUNTS},
               round(avg(t.avg_tone), 3) AS mean_tone
        FROM {_EVENT_FROM} LEFT JOIN event_tones t ON t.event_id = e.event_id
        {where} AND NOT e.negated GROUP BY period ORDER BY period""", params))


def event_map(con, **filters: Any) -> list[dict[str, Any]]:
    """Event places (each event's place, as GDELT's ActionGeo) with coordinates: per place, its events
    by quad class and mean Goldstein, under the filters of :func:`event_where`; negated events left out."""
    where, params = event_where(**filters)
    cond = "p.lat IS NOT NULL AND NOT e.negated"
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    return _dicts(con.execute(f"""
        SELECT p.name, p.kind, p.country, p.lat, p.lon, {_QUAD_COUNTS}
        FROM {_EVENT_FROM} JOIN action_places p ON p.event_id = e.event_id {where}
        GROUP BY p.name, p.kind, p.country, p.lat, p.lon ORDER BY n_events DESC, p.name""", params))


_QUAD_COUNTS = """count(*) AS n_events, sum(e.n_mentions) AS n_mentions,
    count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
    count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
    count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
    count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
    round(avg(e.goldstein), 3) AS mean_goldstein"""


def dyad(con, a: str, b: str, by: str = "month", *, both_ways: bool = True, exact: bool = False,
         date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
    """Events between actors ``a`` and ``b`` per period: counts per quad class, mean Goldstein.

    ``exact``: ``a`` and ``b`` are actor ids or whole codes (see :func:`event_where`)."""
    pick, n = (_exact_actor_sql, 2) if exact else (_actors_sql, 4)
    pair = f"(e.source_actor IN {pick()} AND e.target_actor IN {pick()})"
    cond, params = (f"({pair} OR {pair})", [a] * n + [b] * n + [b] * n + [a] * n) if both_ways else \
        (pair, [a] * n + [b] * n)
    where, more = _where([("e.day >= ?", [date_from] if date_from else None),
                          ("e.day <= ?", [date_to] if date_to else None)])
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    sql = f"""SELECT date_trunc('{_period(by)}', e.day)::DATE AS period, {_QUAD_COUNTS}
              FROM events e {where} AND e.day IS NOT NULL AND NOT e.negated
              GROUP BY period ORDER BY period"""
    return _dicts(con.execute(sql, [*more, *params]))


def network(con, date_from: str | None = None, date_to: str | None = None, *,
            min_events: int = 1, limit: int | None = 200) -> dict[str, Any]:
    """The actor network: an edge per (source, target) pair with its event counts and mean Goldstein,
    the busiest ``limit`` pairs with at least ``min_events`` events; ``n_edges`` counts every such pair
    (more than the edges given when the list was cut)."""
    where, params = _where([("e.day >= ?", [date_from] if date_from else None),
                            ("e.day <= ?", [date_to] if date_to else None)])
    cond = "e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL AND NOT e.negated"
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    edges = _dicts(con.execute(
        f"""SELECT e.source_actor AS source, e.target_actor AS target, count(*) AS n_events,
                   sum(e.n_mentions) AS n_mentions, round(avg(e.goldstein), 3) AS mean_goldstein,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS n_cooperation,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS n_conflict,
                   count(*) OVER () AS n_edges
            FROM events e {where} GROUP BY e.source_actor, e.target_actor HAVING count(*) >= ?
            ORDER BY n_events DESC, source, target {_page_sql(limit)}""",
        [*params, min_events, *_page_params(limit, 0)]))
    n_edges = edges[0]["n_edges"] if edges else 0
    for edge in edges:
        del edge["n_edges"]
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = _dicts(con.execute(
        "SELECT actor_id, name, type, country, code, n_articles FROM actors WHERE list_contains(?, actor_id)"
        " ORDER BY actor_id", [ids])) if ids else []
    return {"nodes": nodes, "edges": edges, "n_edges": n_edges, "cut": n_edges > len(edges)}


def sql(con, statement: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Any SQL statement: its column names and rows."""
    cursor = con.execute(statement, params or [])
    if cursor.description is None:
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def _actors_sql() -> str:
    # the entities table, not the actors view: no aggregation per filter, and any spelling matches
    return f"(SELECT actor_id FROM entities WHERE {_ACTOR_MATCH})"


def _period(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}")
    return PERIODS[by]


def _order(sort: str | None, sorts: dict[str, str], default: str) -> str:
    """The ORDER BY expression of ``sort`` (a column name of ``sorts``, ``-`` first for descending)."""
    sort = sort or default
    name = sort.lstrip("-")
    if name not in sorts:
        raise ValueError(f"cannot sort by {name!r}; sort by one of {', '.join(sorts)} (- first: descending)")
    return f"{sorts[name]} {'DESC' if sort.startswith('-') else 'ASC'} NULLS LAST"


def _page_sql(limit: int | None) -> str:
    return "LIMIT ? OFFSET ?" if limit is not None else "OFFSET ?"


def _page_params(limit: int | None, offset: int) -> list[int]:
    """The page's parameters; no ``limit``: every row from ``offset`` on."""
    return [limit, offset] if limit is not None else [offset]


def _where(conditions: list[tuple[str, list | None]]) -> tuple[str, list]:
    """A WHERE clause from the conditions whose parameters are given (None: not asked)."""
    used = [(cond, params) for cond, params in conditions if params is not None]
    if not used:
        return "", []
    return "WHERE " + " AND ".join(c for c, _ in used), [p for _, ps in used for p in ps]


class Rows(list):
    """Rows as dicts, knowing their column names (so that an empty answer still has a header)."""

    def __init__(self, columns: list[str], rows=()):
        super().__init__(rows)
        self.columns = columns


def _rows(cursor, arrow: bool):
    """A listing's rows: as dicts (:func:`_dicts`), or with ``arrow`` as the Arrow table (a
    CSV download of thousands of rows is written from it directly)."""
    if not arrow:
        return _dicts(cursor)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return cursor.to_arrow_table()


def _dicts(cursor) -> Rows:
    """The cursor's rows as dicts, dates as ISO strings: through Arrow, several times faster than
    row tuples for long answers."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "an extra copy": still cheaper than tuples
        table = cursor.to_arrow_table()
    rows = table.to_pylist()
    dated = [n for n in table.column_names if pa.types.is_timestamp(table[n].type) or pa.types.is_date(table[n].type)]
    for row in rows if dated else ():
        for name in dated:
            row[name] = _plain(row[name])
    return Rows(table.column_names, rows)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value

"""Ready queries over a store: plain functions returning lists of dicts (JSON-ready).

The CLI commands (``events``, ``quotes``, ``dyad``, ``sql``) and the HTTP API call these
same functions, so a question has one answer whichever way it is asked. Every function
takes an open connection (:func:`connect`) first; dates come back as ISO strings.

An actor filter (``actor``, ``source``, ``target``, ``speaker``, the two sides of a dyad)
matches an actor when the value is its actor id, when its actor code starts with the
value or its country is the value (``USA`` matches ``USAGOV``), or when one of its names
contains the value (case-insensitive).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import duckdb

from newsgraph.store.db import open_store

PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}

_EVENT_COLUMNS = """
    e.event_id, e.date, e.day, e.date_source, e.source_actor, sa.name AS source_name, sa.code AS source_code,
    e.target_actor, ta.name AS target_name, ta.code AS target_code, e.cameo, e.root, e.plover,
    e.goldstein, e.quad_class, e.negated, e.n_mentions, e.n_articles, e.first_article"""

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


def articles(con, search: str | None = None, limit: int = 50, offset: int = 0, *,
             date_from: str | None = None, date_to: str | None = None,
             publisher: str | None = None) -> list[dict[str, Any]]:
    """Articles, newest first; ``search`` looks in the headline and the text."""
    where, params = _where([
        ("(contains(lower(headline), lower(?)) OR contains(lower(text), lower(?)))",
         [search, search] if search else None),
        ("published >= ?", [date_from] if date_from else None),
        ("published <= ?", [date_to] if date_to else None),
        ("lower(publisher) = lower(?)", [publisher] if publisher else None),
    ])
    sql = f"""SELECT article_id, headline, publisher, published, url, path, format, n_words,
                     n_entities, n_quotes, n_events FROM articles {where}
              ORDER BY published DESC NULLS LAST, article_id LIMIT ? OFFSET ?"""
    return _dicts(con.execute(sql, [*params, limit, offset]))


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


def actors(con, search: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Actors across articles, the most widely reported first."""
    where, params = _where([(_ACTOR_MATCH, [search] * 4 if search else None)])
    sql = f"""SELECT actor_id, name, type, country, sector, code, n_articles, n_mentions FROM actors {where}
              ORDER BY n_articles DESC, n_mentions DESC, actor_id LIMIT ? OFFSET ?"""
    return _dicts(con.execute(sql, [*params, limit, offset]))


def known_actors(con, ids: list[str]) -> list[str]:
    """Which of ``ids`` are actors of the store (sorted): to link a fresh record's entities."""
    if not ids:
        return []
    rows = con.execute("SELECT DISTINCT actor_id FROM entities WHERE list_contains(?, actor_id) ORDER BY 1",
                       [list(ids)]).fetchall()
    return [r[0] for r in rows]


def entity(con, actor_id: str, limit: int = 50) -> dict[str, Any] | None:
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
        """SELECT a.article_id, a.headline, a.publisher, a.published, e.n_mentions FROM entities e
           JOIN articles a USING (article_id) WHERE e.actor_id = ?
           ORDER BY a.published DESC NULLS LAST, a.article_id LIMIT ?""", [actor_id, limit]))
    counts = con.execute(
        """SELECT count(*) FILTER (WHERE source_actor = ?), count(*) FILTER (WHERE target_actor = ?)
           FROM events""", [actor_id, actor_id]).fetchone()
    out["n_events_as_source"], out["n_events_as_target"] = counts
    out["n_quotes"] = con.execute("SELECT count(*) FROM quotes WHERE speaker_actor = ?", [actor_id]).fetchone()[0]
    return out


def events(con, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           root: str | None = None, cameo: str | None = None, quad_class: int | None = None,
           date_from: str | None = None, date_to: str | None = None, article_id: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Events (one row per event across articles, with its mention and article counts)."""
    where, params = _where([
        (f"(e.source_actor IN {_actors_sql()} OR e.target_actor IN {_actors_sql()})",
         [actor] * 8 if actor else None),
        (f"e.source_actor IN {_actors_sql()}", [source] * 4 if source else None),
        (f"e.target_actor IN {_actors_sql()}", [target] * 4 if target else None),
        ("e.root = ?", [str(root).zfill(2)] if root else None),
        ("starts_with(e.cameo, ?)", [cameo] if cameo else None),
        ("e.quad_class = ?", [quad_class] if quad_class else None),
        ("e.day >= ?", [date_from] if date_from else None),
        ("e.day <= ?", [date_to] if date_to else None),
        ("e.event_id IN (SELECT event_id FROM event_mentions WHERE article_id = ?)",
         [article_id] if article_id else None),
    ])
    sql = f"""SELECT {_EVENT_COLUMNS} FROM events e
              LEFT JOIN actors sa ON sa.actor_id = e.source_actor
              LEFT JOIN actors ta ON ta.actor_id = e.target_actor {where}
              ORDER BY e.day DESC NULLS LAST, e.n_mentions DESC, e.event_id LIMIT ? OFFSET ?"""
    return _dicts(con.execute(sql, [*params, limit, offset]))


def event(con, event_id: int) -> dict[str, Any] | None:
    """One event with its mentions: every article sentence it was read from."""
    found = _dicts(con.execute(
        f"""SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN actors sa ON sa.actor_id = e.source_actor
            LEFT JOIN actors ta ON ta.actor_id = e.target_actor WHERE e.event_id = ?""", [event_id]))
    if not found:
        return None
    out = found[0]
    out["mentions"] = _dicts(con.execute(
        """SELECT m.article_id, m.seq, a.headline, a.publisher, a.published, a.url, m.evidence,
                  m.evidence_start, m.evidence_end FROM event_mentions m JOIN articles a USING (article_id)
           WHERE m.event_id = ? ORDER BY a.published NULLS LAST, m.article_id, m.seq""", [event_id]))
    return out


def quotes(con, *, speaker: str | None = None, article_id: str | None = None, search: str | None = None,
           date_from: str | None = None, date_to: str | None = None,
           limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Quotes with their speaker's actor and their article."""
    where, params = _where([
        (f"q.speaker_actor IN {_actors_sql()}", [speaker] * 4 if speaker else None),
        ("q.article_id = ?", [article_id] if article_id else None),
        ("contains(lower(q.content), lower(?))", [search] if search else None),
        ("a.published >= ?", [date_from] if date_from else None),
        ("a.published <= ?", [date_to] if date_to else None),
    ])
    sql = f"""SELECT q.article_id, q.seq, q.speaker_actor, q.speaker_name, q.kind, q.medium, q.stance,
                     q.content, q.cue, q.content_start, q.content_end, a.headline, a.publisher, a.published
              FROM quotes q JOIN articles a USING (article_id) {where}
              ORDER BY a.published DESC NULLS LAST, q.article_id, q.seq LIMIT ? OFFSET ?"""
    return _dicts(con.execute(sql, [*params, limit, offset]))


def dyad(con, a: str, b: str, by: str = "month", *, both_ways: bool = True,
         date_from: str | None = None, date_to: str | None = None) -> list[dict[str, Any]]:
    """Events between actors ``a`` and ``b`` per period: counts per quad class, mean Goldstein."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}")
    pair = f"(e.source_actor IN {_actors_sql()} AND e.target_actor IN {_actors_sql()})"
    cond, params = (f"({pair} OR {pair})", [a] * 4 + [b] * 4 + [b] * 4 + [a] * 4) if both_ways else \
        (pair, [a] * 4 + [b] * 4)
    where, more = _where([("e.day >= ?", [date_from] if date_from else None),
                          ("e.day <= ?", [date_to] if date_to else None)])
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    sql = f"""SELECT date_trunc('{PERIODS[by]}', e.day)::DATE AS period, count(*) AS n_events,
                     sum(e.n_mentions) AS n_mentions,
                     count(*) FILTER (WHERE e.quad_class = 1) AS verbal_cooperation,
                     count(*) FILTER (WHERE e.quad_class = 2) AS material_cooperation,
                     count(*) FILTER (WHERE e.quad_class = 3) AS verbal_conflict,
                     count(*) FILTER (WHERE e.quad_class = 4) AS material_conflict,
                     round(avg(e.goldstein), 3) AS mean_goldstein
              FROM events e {where} AND e.day IS NOT NULL AND NOT e.negated
              GROUP BY period ORDER BY period"""
    return _dicts(con.execute(sql, [*more, *params]))


def network(con, date_from: str | None = None, date_to: str | None = None, *,
            min_events: int = 1, limit: int = 200) -> dict[str, list[dict[str, Any]]]:
    """The actor network: an edge per (source, target) pair with its event counts and mean Goldstein."""
    where, params = _where([("e.day >= ?", [date_from] if date_from else None),
                            ("e.day <= ?", [date_to] if date_to else None)])
    cond = "e.source_actor IS NOT NULL AND e.target_actor IS NOT NULL AND NOT e.negated"
    where = f"{where} AND {cond}" if where else f"WHERE {cond}"
    edges = _dicts(con.execute(
        f"""SELECT e.source_actor AS source, e.target_actor AS target, count(*) AS n_events,
                   sum(e.n_mentions) AS n_mentions, round(avg(e.goldstein), 3) AS mean_goldstein,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS n_cooperation,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS n_conflict
            FROM events e {where} GROUP BY ALL HAVING count(*) >= ?
            ORDER BY n_events DESC, source, target LIMIT ?""", [*params, min_events, limit]))
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    nodes = _dicts(con.execute(
        "SELECT actor_id, name, type, country, code, n_articles FROM actors WHERE list_contains(?, actor_id)"
        " ORDER BY actor_id", [ids])) if ids else []
    return {"nodes": nodes, "edges": edges}


def sql(con, statement: str, params: list | None = None) -> tuple[list[str], list[tuple]]:
    """Any SQL statement: its column names and rows."""
    cursor = con.execute(statement, params or [])
    if cursor.description is None:
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def _actors_sql() -> str:
    # the entities table, not the actors view: no aggregation per filter, and any spelling matches
    return f"(SELECT actor_id FROM entities WHERE {_ACTOR_MATCH})"


def _where(conditions: list[tuple[str, list | None]]) -> tuple[str, list]:
    """A WHERE clause from the conditions whose parameters are given (None: not asked)."""
    used = [(cond, params) for cond, params in conditions if params is not None]
    if not used:
        return "", []
    return "WHERE " + " AND ".join(c for c, _ in used), [p for _, ps in used for p in ps]


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value

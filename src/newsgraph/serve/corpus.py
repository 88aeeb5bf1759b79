"""The corpus endpoints: articles, actors, quotes, events, dyads and the actor network.

Every answer comes from :mod:`newsgraph.store.query` (the same functions the CLI calls),
so a question has one answer whichever way it is asked. This module only holds the
store open, hands each request its own cursor, and shapes results for the pages.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import Counter, OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Body, HTTPException, Query, Request
from pydantic import AfterValidator, BaseModel

from newsgraph import limits
from newsgraph.errors import NewsgraphError

PAGE_MAX = 500  # the most rows one request may ask for
ACTOR_ROWS = 500  # rows of each kind an actor page draws its lists and timeline from


class Corpus:
    """The store behind the API: one DuckDB connection, a cursor per request.

    The connection is read-only unless ingest over HTTP is on. DuckDB lets one process
    hold a file open for writing, so a server that may ingest is the only writer. Either
    way no one else changes the store while it is open, so answers are cached (and the
    cache emptied when this server ingests): the views behind actor names are costly.
    """

    def __init__(self, path: str | None, writable: bool = False):
        self.path, self.writable = path, writable
        self._con = None
        self._lock = threading.Lock()
        self._answers: OrderedDict = OrderedDict()  # key -> (answer, its size)
        self._bytes, self._max_bytes = 0, limits.get("cache_bytes")
        self._generation = 0  # bumped by each ingest, so an answer computed across one is not kept
        if path is not None:
            self._con = self._open()

    def _open(self):
        from newsgraph.store import open_store

        return open_store(self.path, read_only=not self.writable)

    def cursor(self):
        """A cursor of its own for the calling thread (DuckDB cursors are not shared)."""
        if self._con is None:
            raise HTTPException(404, "no store is open: start the server with --db FILE")
        with self._lock:
            return self._con.cursor()

    def answer(self, fn, *args, **kwargs):
        """``fn(cursor, *args, **kwargs)``, from the cache when it was asked before.

        Callers must not change what comes back: it is shared with later requests.
        """
        key = (fn.__name__, args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # list parameters: asked afresh each time
            key = None
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key][0]
            generation = self._generation
        cursor = self.cursor()
        try:
            found = fn(cursor, *args, **kwargs)
        finally:
            cursor.close()
        size = len(json.dumps(found, default=str)) if key is not None else 0  # bounded in bytes, not answers
        with self._lock:
            if key is None or generation != self._generation or size > self._max_bytes // 4 or key in self._answers:
                return found
            self._answers[key] = (found, size)
            self._bytes += size
            while self._bytes > self._max_bytes:
                self._bytes -= self._answers.popitem(last=False)[1][1]
        return found

    def ingest_record(self, record) -> bool:
        """Store one analysed Record; False when it was already stored."""
        from newsgraph.store.engines.local import BatchWriter

        with self._lock:
            writer = BatchWriter(self._con, size=1)
            writer.add_record(record)
            writer.flush()
            if writer.added:
                self._answers.clear()
                self._bytes = 0
                self._generation += 1
            return writer.added > 0

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


def _query(request: Request, fn, *args, **kwargs):
    """Answer a store query (on a cursor of this request's own); store errors become 400s."""
    import duckdb

    try:
        return request.app.state.corpus.answer(fn, *args, **kwargs)
    except (duckdb.Error, ValueError, NewsgraphError) as exc:  # the first line: what is wrong, not the SQL
        raise HTTPException(400, f"cannot answer that query: {str(exc).splitlines()[0]}") from None


def _q():
    from newsgraph.store import query

    return query


Limit = Annotated[int, Query(ge=1, le=PAGE_MAX, description="rows per page")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
_DAY = r"^\d{4}-\d{2}-\d{2}$"


def _real_day(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a day of the calendar (not 2018-13-45)."""
    if value is not None:
        dt.date.fromisoformat(value)  # ValueError: the 422 answer says why
    return value


Day = AfterValidator(_real_day)
From = Annotated[str | None, Query(alias="from", pattern=_DAY, description="first day, YYYY-MM-DD"), Day]
To = Annotated[str | None, Query(alias="to", pattern=_DAY, description="last day, YYYY-MM-DD"), Day]
By = Annotated[str, Query(pattern="^(week|month|year)$", description="period: week, month or year")]
Actor = Annotated[str | None, Query(description="actor id, actor code prefix (USA), country, or part of a name")]

corpus_router = APIRouter(tags=["corpus"])


def _page(rows: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page of rows; ``more`` says whether another page follows (one extra row was fetched)."""
    return {"items": rows[:limit], "limit": limit, "offset": offset, "more": len(rows) > limit}


@corpus_router.get("/articles", summary="Articles, newest first; search looks in headline and text")
def list_articles(request: Request, search: str | None = None, limit: Limit = 20, offset: Offset = 0,
                  date_from: From = None, date_to: To = None,
                  publisher: str | None = None) -> dict[str, Any]:
    rows = _query(request, _q().articles, search or None, limit + 1, offset,
                  date_from=date_from, date_to=date_to, publisher=publisher)
    return _page(rows, limit, offset)


@corpus_router.get("/articles/{article_id}", summary="An article's full record (entities carry actor_id)")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    record = _query(request, _q().article, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return {"record": record, "actors": {e["id"]: e.get("actor_id") for e in record.get("entities", [])}}


@corpus_router.get("/entities", summary="Actors across articles, most widely reported first")
def list_actors(request: Request, search: str | None = None, limit: Limit = 50, offset: Offset = 0):
    return _page(_query(request, _q().actors, search or None, limit + 1, offset), limit, offset)


@corpus_router.get("/entities/{actor_id}", summary="One actor: titles, quotes, events from and to it, timeline")
def get_actor(request: Request, actor_id: str, by: By = "month"):
    q = _q()
    actor = _query(request, q.entity, actor_id, limit=ACTOR_ROWS)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r} in the store")
    events = keyed(_query(request, q.events, actor=actor["actor_id"], limit=ACTOR_ROWS))
    quotes = _query(request, q.quotes, speaker=actor["actor_id"], limit=ACTOR_ROWS)
    own = actor["actor_id"]
    events_from = [e for e in events if e["source_actor"] == own]
    events_to = [e for e in events if e["target_actor"] == own]
    return {
        "actor": {k: v for k, v in actor.items() if k not in ("articles", "titles")},
        "titles": actor["titles"], "articles": actor["articles"], "quotes": quotes,
        "events_from": events_from, "events_to": events_to,
        "timeline": timeline(actor["articles"], events_from, events_to, quotes, by),
    }


def timeline(articles, events_from, events_to, quotes, by: str = "month") -> list[dict[str, Any]]:
    """Per period: articles mentioning the actor, its events as source and target, its quotes."""
    series = {
        "articles": Counter(period(a["published"], by) for a in articles),
        "events_from": Counter(period(e["day"], by) for e in events_from),
        "events_to": Counter(period(e["day"], by) for e in events_to),
        "quotes": Counter(period(x["published"], by) for x in quotes),
    }
    periods = sorted({p for counts in series.values() for p in counts if p is not None})
    return [{"period": p, **{name: counts.get(p, 0) for name, counts in series.items()}} for p in periods]


def period(day: str | None, by: str) -> str | None:
    """The first day of the week, month or year holding ``day`` (ISO), None when undated."""
    if not day:
        return None
    date = dt.date.fromisoformat(day[:10])
    if by == "week":
        date -= dt.timedelta(days=date.weekday())
    elif by == "year":
        date = date.replace(month=1, day=1)
    else:
        date = date.replace(day=1)
    return date.isoformat()


def period_end(start: str, by: str) -> str:
    """The last day of the period that begins on ``start``."""
    date = dt.date.fromisoformat(start)
    if by == "week":
        return (date + dt.timedelta(days=6)).isoformat()
    if by == "year":
        return date.replace(month=12, day=31).isoformat()
    following = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (following - dt.timedelta(days=1)).isoformat()


@corpus_router.get("/quotes", summary="Quotes with their speaker's actor and their article")
def list_quotes(request: Request, speaker: Actor = None, article: str | None = None, search: str | None = None,
                date_from: From = None, date_to: To = None,
                limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    rows = _query(request, _q().quotes, speaker=speaker, article_id=article, search=search,
                  date_from=date_from, date_to=date_to, limit=limit + 1, offset=offset)
    return _page(rows, limit, offset)


@corpus_router.get("/events", summary="Events across articles, filtered as `newsgraph events` filters")
def list_events(request: Request, actor: Actor = None, source: Actor = None, target: Actor = None,
                root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, e.g. 11")] = None,
                cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
                quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
                date_from: From = None, date_to: To = None,
                article: str | None = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    rows = _query(request, _q().events, actor=actor, source=source, target=target, root=root, cameo=cameo,
                  quad_class=quad_class, date_from=date_from, date_to=date_to, article_id=article,
                  limit=limit + 1, offset=offset)
    return _page(keyed(rows), limit, offset)


def keyed(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of event rows carrying ``event_key``, the event id as a string.

    Event ids are 60-bit integers (GDELT's GLOBALEVENTID); JavaScript numbers keep only
    53 bits, so pages address events by the string.
    """
    return [{**e, "event_key": str(e["event_id"])} for e in events]


@corpus_router.get("/events/{event_id}", summary="One event with every article sentence it was read from")
def get_event(request: Request, event_id: int) -> dict[str, Any]:
    found = _query(request, _q().event, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id} in the store")
    return keyed([found])[0]


@corpus_router.get("/dyads/{a}/{b}", summary="Events between two actors per week or month, by quad class")
def get_dyad(request: Request, a: str, b: str, by: By = "month",
             date_from: From = None, date_to: To = None):
    rows = _query(request, _q().dyad, a, b, by, date_from=date_from, date_to=date_to)
    points = [_dyad_point(row) for row in rows]
    undated = [] if date_from or date_to else _undated_between(request, a, b)
    return {"a": _actor_name(request, a), "b": _actor_name(request, b), "by": by,
            "total": sum(p["count"] for p in points), "points": points, "undated": undated}


def _undated_between(request: Request, a: str, b: str) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` (either way) that have no date, so no point in a chart."""
    found = []
    for src, tgt in ((a, b), (b, a)):
        found += _query(request, _q().events, source=src, target=tgt, limit=PAGE_MAX)
    return keyed([e for e in {e["event_id"]: e for e in found}.values() if e["day"] is None and not e["negated"]])


QUAD_COLUMNS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


def _dyad_point(row: dict[str, Any]) -> dict[str, Any]:
    return {"period": row["period"], "count": row["n_events"], "mentions": row["n_mentions"],
            "quads": {q: row[col] for q, col in QUAD_COLUMNS.items()}, "mean_goldstein": row["mean_goldstein"]}


def _actor_name(request: Request, actor: str) -> dict[str, Any]:
    found = _query(request, _q().entity, actor, limit=1)
    return {"actor_id": actor, "name": found["name"] if found else actor}


@corpus_router.get("/dyads/{a}/{b}/articles", summary="The events and articles behind one point of a dyad")
def get_dyad_point(request: Request, a: str, b: str,
                   start: Annotated[str, Query(pattern=_DAY, description="first day of the period"), Day],
                   by: By = "month") -> dict[str, Any]:
    q, end = _q(), period_end(start, by)
    found = []
    for src, tgt in ((a, b), (b, a)):
        found += _query(request, q.events, source=src, target=tgt, date_from=start, date_to=end, limit=PAGE_MAX)
    events = keyed([e for e in {e["event_id"]: e for e in found}.values() if not e["negated"]])
    articles: dict[str, dict[str, Any]] = {}
    for e in events:
        for m in (_query(request, q.event, e["event_id"]) or {}).get("mentions", []):
            entry = articles.setdefault(m["article_id"], {k: m[k] for k in ("article_id", "headline", "published")}
                                        | {"evidence": []})
            entry["evidence"].append(m["evidence"])
    return {"start": start, "end": end, "events": events, "articles": list(articles.values())}


@corpus_router.get("/network", summary="The actor network: who acted on whom in a date range")
def get_network(request: Request, date_from: From = None, date_to: To = None,
                min_events: Annotated[int, Query(ge=1)] = 1, limit: Limit = 200) -> dict[str, Any]:
    return _query(request, _q().network, date_from, date_to, min_events=min_events, limit=limit)


class EntityKey(BaseModel):
    """An entity as a record names it: enough to find its actor across the store."""

    name: str
    code: str | None = None
    type: str | None = None


@corpus_router.post("/entities/lookup", summary="The stored actor ids of a record's entities (null: not stored)")
def lookup_actors(request: Request, entities: Annotated[list[EntityKey], Body(max_length=PAGE_MAX)]):
    from newsgraph.store import actor_id

    ids = [actor_id(e.name, e.code, e.type) for e in entities]
    return {"actor_ids": [i if i in _stored_actors(request, tuple(sorted(set(ids)))) else None for i in ids]}


def _stored_actors(request: Request, ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_query(request, _q().known_actors, list(ids)))

"""The corpus endpoints: articles, actors, quotes, events, dyads and the actor network.

Every answer comes from :mod:`newsgraph.store.query` (the same functions the CLI calls),
so a question has one answer whichever way it is asked. This module only holds the
store open, hands each request its own cursor, and shapes results for the pages.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import threading
from collections import OrderedDict
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import AfterValidator, BaseModel

from newsgraph import limits
from newsgraph.errors import NewsgraphError

PAGE_MAX = 500  # the most rows one request may ask for
CSV_GZIP_BYTES = 64 * 1024  # CSV downloads from this size are compressed at gzip's fastest level
CACHED_ROWS = PAGE_MAX  # answers longer than a page (CSV downloads of every row) are not cached
ACTOR_ROWS = 50  # rows of each kind an actor page lists (with the total, and a link to the rest)


class Corpus:
    """The store behind the API: one DuckDB connection, a cursor per request.

    The store is attached read-only unless ingest over HTTP is on. DuckDB lets one process
    hold a file open for writing, so a server that may ingest is the only writer. Either
    way no one else changes the store while it is open, so answers are cached (and the
    cache emptied when this server ingests). The views every request reads (the actors,
    aggregated over the entities table; the events' places) are copied into memory at
    open and after each ingest (``newsgraph.store.schema.SERVED_VIEWS``).
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
        import duckdb

        from newsgraph.store import open_store

        open_store(self.path, read_only=not self.writable).close()  # a clear error, or a new store's tables
        con = duckdb.connect()  # in memory: the served copies live here, the store is attached beside
        con.execute(f"ATTACH ? AS store {'' if self.writable else '(READ_ONLY)'}", [str(self.path)])
        con.execute("USE store")  # writes (ingest) and the copies' sources go to the store
        self._serve_copies(con)
        return con

    @staticmethod
    def _serve_copies(con) -> None:
        from newsgraph.store.schema import SERVED_VIEWS, VIEWS

        for name in SERVED_VIEWS:
            con.execute(f"CREATE OR REPLACE TABLE memory.main.{name} AS {VIEWS[name]}")

    def cursor(self):
        """A cursor of its own for the calling thread (DuckDB cursors are not shared)."""
        if self._con is None:
            raise HTTPException(404, "no store is open: start the server with --db FILE")
        with self._lock:
            cursor = self._con.cursor()
        cursor.execute("SET search_path = 'memory.main,store.main'")  # the served copies first
        return cursor

    def answer(self, fn, *args, cached: bool = True, **kwargs):
        """``fn(cursor, *args, **kwargs)``, from the cache when it was asked before (unless not
        ``cached``: a CSV download's Arrow table, written once and not kept).

        Callers must not change what comes back: it is shared with later requests.
        """
        if not cached:
            return self._ask(fn, *args, **kwargs)
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
        found = self._ask(fn, *args, **kwargs)
        if key is None or (isinstance(found, list) and len(found) > CACHED_ROWS):
            return found  # a whole-table download: not worth measuring to keep
        size = len(json.dumps(found, default=str))  # bounded in bytes, not answers
        with self._lock:
            if key is None or generation != self._generation or size > self._max_bytes // 4 or key in self._answers:
                return found
            self._answers[key] = (found, size)
            self._bytes += size
            while self._bytes > self._max_bytes:
                self._bytes -= self._answers.popitem(last=False)[1][1]
        return found

    def _ask(self, fn, *args, **kwargs):
        cursor = self.cursor()
        try:
            return fn(cursor, *args, **kwargs)
        finally:
            cursor.close()

    def ingest_record(self, record) -> bool:
        """Store one analysed Record; False when it was already stored."""
        from newsgraph.store.engines.local import BatchWriter

        with self._lock:
            writer = BatchWriter(self._con, size=1)
            writer.add_record(record)
            writer.flush()
            if writer.added:
                self._serve_copies(self._con)
                self._answers.clear()
                self._bytes = 0
                self._generation += 1
            return writer.added > 0

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


def _query(request: Request, fn, *args, cached: bool = True, **kwargs):
    """Answer a store query (on a cursor of this request's own); store errors become 400s."""
    import duckdb

    try:
        return request.app.state.corpus.answer(fn, *args, cached=cached, **kwargs)
    except (duckdb.Error, ValueError, NewsgraphError) as exc:  # the first line: what is wrong, not the SQL
        raise HTTPException(400, f"cannot answer that query: {str(exc).splitlines()[0]}") from None


def _q():
    from newsgraph.store import query

    return query


Limit = Annotated[int | None, Query(ge=1, le=PAGE_MAX, description=f"rows per page (at most {PAGE_MAX}); "
                                    "CSV without a limit: every row")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]
Sort = Annotated[str | None, Query(pattern=r"^-?[a-z_]+$", description="a column to sort by; - first: descending")]
def output_format(request: Request, format: Annotated[str | None, Query(
        pattern="^(json|csv)$", description="json (default) or csv (a download); or ask PATH.csv")] = None) -> str:
    """The answer's format: ``format=``, else the path's suffix (``/events.csv``), else JSON."""
    return format or ("csv" if request.url.path.endswith(".csv") else "json")


Format = Annotated[str, Depends(output_format)]
Facets = Annotated[bool, Query(description="add facet counts (values and how many rows hold each)")]
_DAY = r"^\d{4}-\d{2}-\d{2}$"


def _real_day(value: str | None) -> str | None:
    """A YYYY-MM-DD that is a day of the calendar (not 2018-13-45)."""
    if value is not None:
        dt.date.fromisoformat(value)  # ValueError: the 422 answer says why
    return value


Day = AfterValidator(_real_day)
From = Annotated[str | None, Query(alias="from", pattern=_DAY, description="first day, YYYY-MM-DD"), Day]
To = Annotated[str | None, Query(alias="to", pattern=_DAY, description="last day, YYYY-MM-DD"), Day]
Month = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$", description="a month, YYYY-MM")]
By = Annotated[str, Query(pattern="^(week|month|year)$", description="period: week, month or year")]
Actor = Annotated[str | None, Query(description="an actor id, or a whole actor code (RUS: actors coded RUS only)")]
Name = Annotated[str | None, Query(description="part of an actor's name (case-insensitive)")]
Code = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="a country or sector code (3 letters)")]

corpus_router = APIRouter(tags=["corpus"])


def _listing(request: Request, name: str, fn, filters: dict[str, Any], *, limit: int | None, offset: int,
             sort: str | None, fmt: str, facets: bool, default_limit: int, shape=None, shape_table=None,
             **extra: Any):
    """A page of ``fn``'s rows as JSON — ``items``, ``total``, ``limit``, ``offset``, ``more`` and,
    when asked, ``facets`` — or every row (or the page asked for) as a CSV download, written
    from the rows' Arrow table. ``shape`` reshapes the rows, ``shape_table`` the table alike."""
    q = _q()
    if fmt == "csv":
        table = _query(request, fn, limit=limit, offset=offset, sort=sort, cached=False, arrow=True, **extra, **filters)
        return csv_response(request, shape_table(table) if shape_table else table, name)
    limit = limit or default_limit
    rows = _query(request, fn, limit=limit, offset=offset, sort=sort, **extra, **filters)
    total = _query(request, q.total, name, **extra, **filters)
    out = {"items": shape(rows) if shape else rows, "total": total, "limit": limit, "offset": offset,
           "more": offset + len(rows) < total, "sort": sort}
    if facets:
        out["facets"] = _query(request, q.facets, name, **extra, **filters)
    return out


def csv_response(request: Request, rows, name: str, columns: list[str] | None = None) -> Response:
    """Rows (dicts, or an Arrow table) as a CSV download with a header (the column names, even
    when there is no row). An Arrow table is written by Arrow's CSV writer: a download of every
    event is thousands of rows. A large body is compressed here, at gzip's fastest level: for
    megabytes, the time saved is worth more than the last tenth of the size (the app's gzip,
    at level 6, passes an encoded body by)."""
    import pyarrow as pa

    body = _arrow_csv(rows) if isinstance(rows, pa.Table) else _python_csv(rows, columns)
    headers = {"Content-Disposition": f'attachment; filename="{name}.csv"'}
    if len(body) >= CSV_GZIP_BYTES and "gzip" in request.headers.get("accept-encoding", ""):
        body = gzip.compress(body, compresslevel=1)
        headers.update({"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


def _arrow_csv(table) -> bytes:
    import pyarrow as pa
    import pyarrow.csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(table.column_names)  # unquoted, as the other downloads
    sink = pa.BufferOutputStream()
    pyarrow.csv.write_csv(table, sink, pyarrow.csv.WriteOptions(include_header=False))
    return out.getvalue().encode() + sink.getvalue().to_pybytes()


def _python_csv(rows: list[dict[str, Any]], columns: list[str] | None) -> bytes:
    out = io.StringIO()
    header = list(columns or (rows[0].keys() if rows else []))
    for row in rows:  # shaped rows may carry more keys than the query's columns
        header += [k for k in row if k not in header]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_csv_value(row.get(k)) for k in header] for row in rows)
    return out.getvalue().encode()


def _csv_value(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def _given(**filters: Any) -> dict[str, Any]:
    return {k: v for k, v in filters.items() if v is not None and v != ""}


@corpus_router.get("/articles.csv", include_in_schema=False)
@corpus_router.get("/articles.json", include_in_schema=False)
@corpus_router.get("/articles", summary="Articles, newest first; search looks in headline and text")
def list_articles(request: Request, format: Format, search: str | None = None, date_from: From = None,
                  date_to: To = None, publisher: str | None = None, month: Month = None,
                  actor: Annotated[str | None, Query(description="an actor id: the articles mentioning it")] = None,
                  sort: Sort = None, limit: Limit = None, offset: Offset = 0,
                  facets: Facets = False):
    filters = _given(search=search, date_from=date_from, date_to=date_to, publisher=publisher, month=month,
                     actor=actor)
    return _listing(request, "articles", _q().articles, filters, limit=limit, offset=offset, sort=sort,
                    fmt=format, facets=facets, default_limit=20)


@corpus_router.get("/articles/{article_id}", summary="An article's full record (entities carry actor_id)")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    record = _query(request, _q().article, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return {"record": record, "actors": {e["id"]: e.get("actor_id") for e in record.get("entities", [])}}


@corpus_router.get("/entities.csv", include_in_schema=False)
@corpus_router.get("/entities.json", include_in_schema=False)
@corpus_router.get("/entities", summary="Actors across articles, most widely reported first")
def list_actors(request: Request, format: Format, search: str | None = None,
                type: Annotated[str | None, Query(description="entity type: PERSON, ORG, GPE …")] = None,
                country: Code = None, sector: Code = None,
                code: Annotated[str | None, Query(description="a whole actor code")] = None,
                sort: Sort = None, limit: Limit = None, offset: Offset = 0,
                facets: Facets = False):
    filters = _given(search=search, type=type, country=country, sector=sector, code=code)
    return _listing(request, "actors", _q().actors, filters, limit=limit, offset=offset, sort=sort,
                    fmt=format, facets=facets, default_limit=50)


@corpus_router.get("/places.csv", include_in_schema=False)
@corpus_router.get("/places.json", include_in_schema=False)
@corpus_router.get("/places", summary="Places across articles, most widely reported first")
def list_places(request: Request, format: Format, search: str | None = None,
                kind: Annotated[str | None, Query(description="country, city, region, admin, landmark")] = None,
                country: Code = None, sort: Sort = None, limit: Limit = None, offset: Offset = 0,
                facets: Facets = False):
    filters = _given(search=search, kind=kind, country=country)
    return _listing(request, "places", _q().places, filters, limit=limit, offset=offset, sort=sort,
                    fmt=format, facets=facets, default_limit=50)


@corpus_router.get("/entities/{actor_id}", summary="One actor: titles, quotes, events from and to it, timeline")
def get_actor(request: Request, actor_id: str, by: By = "month"):
    q = _q()
    actor = _query(request, q.entity, actor_id, limit=ACTOR_ROWS)
    if actor is None:
        raise HTTPException(404, f"no actor {actor_id!r} in the store")

    def first(fn, name: str, total: int, **filters: Any) -> dict[str, Any]:
        rows = _query(request, fn, limit=ACTOR_ROWS, **filters)
        return {"items": keyed(rows) if name == "events" else rows, "total": total}

    return {
        "actor": {k: v for k, v in actor.items() if k not in ("articles", "titles")},
        "titles": actor["titles"],
        "articles": {"items": actor["articles"], "total": actor["n_articles"]},
        "quotes": first(q.quotes, "quotes", actor["n_quotes"], speaker=actor_id, exact=True),
        "events_from": first(q.events, "events", actor["n_events_as_source"], source=actor_id, exact=True),
        "events_to": first(q.events, "events", actor["n_events_as_target"], target=actor_id, exact=True),
        "timeline": fill_periods(_query(request, q.actor_timeline, actor_id, by), by,
                                 {"articles": 0, "events_from": 0, "events_to": 0, "quotes": 0}),
    }


def fill_periods(points: list[dict[str, Any]], by: str, empty: dict[str, Any]) -> list[dict[str, Any]]:
    """``points`` (sorted by ``period``) with every period between the first and the last, the
    missing ones as copies of ``empty``: a true time axis, where a quiet month shows as quiet."""
    if not points:
        return []
    have = {p["period"]: p for p in points}
    out, at, last = [], points[0]["period"], points[-1]["period"]
    while at <= last:
        out.append(have.get(at) or {"period": at, **empty})
        at = next_period(at, by)
    return out


def next_period(start: str, by: str) -> str:
    """The first day of the period after the one that begins on ``start``."""
    return (dt.date.fromisoformat(period_end(start, by)) + dt.timedelta(days=1)).isoformat()


def period_end(start: str, by: str) -> str:
    """The last day of the period that begins on ``start``."""
    date = dt.date.fromisoformat(start)
    if by == "day":
        return start
    if by == "week":
        return (date + dt.timedelta(days=6)).isoformat()
    if by == "year":
        return date.replace(month=12, day=31).isoformat()
    following = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (following - dt.timedelta(days=1)).isoformat()


def speaker_filters(speaker: Actor = None, speaker_name: Name = None, article: str | None = None,
                    search: Annotated[str | None, Query(description="words in the quote")] = None,
                    kind: str | None = None, medium: str | None = None, publisher: str | None = None,
                    month: Month = None, date_from: From = None, date_to: To = None) -> dict[str, Any]:
    """The quote filters of the query string."""
    return _given(speaker=speaker, speaker_name=speaker_name, article_id=article, search=search, kind=kind,
                  medium=medium, publisher=publisher, month=month, date_from=date_from, date_to=date_to)


@corpus_router.get("/quotes.csv", include_in_schema=False)
@corpus_router.get("/quotes.json", include_in_schema=False)
@corpus_router.get("/quotes", summary="Quotes with their speaker's actor and their article")
def list_quotes(request: Request, format: Format, filters: Annotated[dict, Depends(speaker_filters)], sort: Sort = None,
                limit: Limit = None, offset: Offset = 0, facets: Facets = False):
    return _listing(request, "quotes", _q().quotes, filters, limit=limit, offset=offset, sort=sort, fmt=format,
                    facets=facets, default_limit=100, exact=True)


def event_filters(actor: Actor = None, source: Actor = None, target: Actor = None,
                  actor_name: Name = None, source_name: Name = None, target_name: Name = None,
                  country: Code = None, source_country: Code = None, target_country: Code = None,
                  sector: Code = None, source_sector: Code = None, target_sector: Code = None,
                  root: Annotated[str | None, Query(pattern=r"^\d{1,2}$", description="CAMEO root, e.g. 11")] = None,
                  cameo: Annotated[str | None, Query(pattern=r"^\d{1,4}$", description="CAMEO code prefix")] = None,
                  quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
                  plover: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
                  month: Month = None, place: Annotated[str | None, Query(description="an event place's name")] = None,
                  date_from: From = None, date_to: To = None, article: str | None = None,
                  dyadic: Annotated[bool, Query(description="only events whose source and target are known")] = False,
                  min_confidence: Annotated[float | None, Query(ge=0, le=1, description=(
                      "only events at least this confident (0-1)"))] = None,
                  ) -> dict[str, Any]:
    """The event filters of the query string (the same on the list, the timeline and the map)."""
    return _given(actor=actor, source=source, target=target, actor_name=actor_name, source_name=source_name,
                  target_name=target_name, country=country, source_country=source_country,
                  target_country=target_country, sector=sector, source_sector=source_sector,
                  target_sector=target_sector, root=root, cameo=cameo, quad_class=quad_class, plover=plover,
                  month=month, place=place, date_from=date_from, date_to=date_to, article_id=article,
                  dyadic=dyadic or None, min_confidence=min_confidence)


EventFilters = Annotated[dict, Depends(event_filters)]


@corpus_router.get("/events.csv", include_in_schema=False)
@corpus_router.get("/events.json", include_in_schema=False)
@corpus_router.get("/events", summary="Events across articles: filtered, sorted, paged, faceted")
def list_events(request: Request, format: Format, filters: EventFilters, sort: Sort = None, limit: Limit = None,
                offset: Offset = 0, facets: Facets = False):
    return _listing(request, "events", _q().events, filters, limit=limit, offset=offset, sort=sort, fmt=format,
                    facets=facets, default_limit=100, shape=keyed, shape_table=keyed_table, exact=True)


QUAD_COLUMNS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
_EMPTY_POINT = {"count": 0, "mentions": 0, "quads": {q: 0 for q in QUAD_COLUMNS}, "mean_goldstein": None}


@corpus_router.get("/events/timeline.csv", include_in_schema=False)
@corpus_router.get("/events/timeline.json", include_in_schema=False)
@corpus_router.get("/events/timeline", summary="Events per period by quad class, mean Goldstein score and tone")
def event_timeline(request: Request, format: Format, filters: EventFilters,
                   by: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month"):
    rows = _query(request, _q().event_timeline, by, exact=True, **filters)
    points = fill_periods([{**_point(row), "mean_tone": row["mean_tone"]} for row in rows], by,
                          {**_EMPTY_POINT, "mean_tone": None})
    if format == "csv":
        return csv_response(request, [_flat_point(p) for p in points], "timeline")
    return {"by": by, "total": sum(p["count"] for p in points), "points": points}


@corpus_router.get("/events/map.csv", include_in_schema=False)
@corpus_router.get("/events/map.json", include_in_schema=False)
@corpus_router.get("/events/map", summary="Event places with coordinates: events per place by quad class")
def event_map(request: Request, format: Format, filters: EventFilters):
    rows = _query(request, _q().event_map, exact=True, **filters)
    if format == "csv":
        return csv_response(request, rows, "places", columns=rows.columns)
    return {"places": rows, "total": sum(r["n_events"] for r in rows)}


def keyed(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of event rows carrying ``event_key``, the event id as a string.

    Event ids are 60-bit integers (GDELT's GLOBALEVENTID); JavaScript numbers keep only
    53 bits, so pages address events by the string.
    """
    return [{**e, "event_key": str(e["event_id"])} for e in events]


def keyed_table(events):
    """The Arrow table of event rows with ``event_key`` added, as :func:`keyed` adds it."""
    import pyarrow as pa
    import pyarrow.compute as pc

    return events.append_column("event_key", pc.cast(events["event_id"], pa.string()))


@corpus_router.get("/events/{event_id}", summary="One event with every article sentence it was read from")
def get_event(request: Request, event_id: int) -> dict[str, Any]:
    found = _query(request, _q().event, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id} in the store")
    return keyed([found])[0]


@corpus_router.get("/dyads/{a}/{b}", summary="Events between two actors per week or month, by quad class")
def get_dyad(request: Request, format: Format, a: str, b: str, by: By = "month",
             date_from: From = None, date_to: To = None):
    rows = _query(request, _q().dyad, a, b, by, exact=True, date_from=date_from, date_to=date_to)
    points = fill_periods([_point(row) for row in rows], by, _EMPTY_POINT)
    if format == "csv":
        return csv_response(request, [_flat_point(p) for p in points], "dyad")
    undated = [] if date_from or date_to else _undated_between(request, a, b)
    return {"a": _actor_name(request, a), "b": _actor_name(request, b), "by": by,
            "total": sum(p["count"] for p in points), "points": points, "undated": undated}


def _undated_between(request: Request, a: str, b: str) -> list[dict[str, Any]]:
    """Events between ``a`` and ``b`` (either way) that have no date, so no point in a chart."""
    found = []
    for src, tgt in ((a, b), (b, a)):
        found += _query(request, _q().events, source=src, target=tgt, exact=True, limit=None)
    return keyed([e for e in {e["event_id"]: e for e in found}.values() if e["day"] is None and not e["negated"]])


def _point(row: dict[str, Any]) -> dict[str, Any]:
    return {"period": row["period"], "count": row["n_events"], "mentions": row["n_mentions"],
            "quads": {q: row[col] for q, col in QUAD_COLUMNS.items()}, "mean_goldstein": row["mean_goldstein"]}


def _flat_point(point: dict[str, Any]) -> dict[str, Any]:
    extra = {"mean_tone": point["mean_tone"]} if "mean_tone" in point else {}
    return {"period": point["period"], "n_events": point["count"], "n_mentions": point["mentions"],
            **{col: point["quads"][q] for q, col in QUAD_COLUMNS.items()}, "mean_goldstein": point["mean_goldstein"],
            **extra}


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
        found += _query(request, q.events, source=src, target=tgt, exact=True, date_from=start, date_to=end,
                        limit=None)
    events = keyed([e for e in {e["event_id"]: e for e in found}.values() if not e["negated"]])
    articles: dict[str, dict[str, Any]] = {}
    for m in _query(request, q.event_mentions, tuple(e["event_id"] for e in events)):
        entry = articles.setdefault(m["article_id"], {k: m[k] for k in ("article_id", "headline", "published")}
                                    | {"evidence": [], "seqs": []})
        entry["evidence"].append(m["evidence"])
        entry["seqs"].append(m["seq"])  # each sentence's event number in the article, for a deep link
    return {"start": start, "end": end, "events": events, "articles": list(articles.values())}


@corpus_router.get("/network.csv", include_in_schema=False)
@corpus_router.get("/network.json", include_in_schema=False)
@corpus_router.get("/network", summary="The actor network: who acted on whom in a date range")
def get_network(request: Request, format: Format, date_from: From = None, date_to: To = None,
                min_events: Annotated[int, Query(ge=1)] = 1, limit: Limit = 200):
    found = _query(request, _q().network, date_from, date_to, min_events=min_events, limit=limit)
    if format == "csv":
        return csv_response(request, found["edges"], "network")
    return found


class EntityKey(BaseModel):
    """An entity as a record names it: enough to find its actor across the store."""

    name: str
    code: str | None = None
    type: str | None = None
    actor_id: str | None = None  # the record's own id of a known actor ("kb:donald-trump")


@corpus_router.post("/entities/lookup", summary="The stored actor ids of a record's entities (null: not stored)")
def lookup_actors(request: Request, entities: Annotated[list[EntityKey], Body(max_length=PAGE_MAX)]):
    from newsgraph.store import actor_id

    ids = [actor_id(e.name, e.code, e.type, e.actor_id) for e in entities]
    return {"actor_ids": [i if i in _stored_actors(request, tuple(sorted(set(ids)))) else None for i in ids]}


def _stored_actors(request: Request, ids: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_query(request, _q().known_actors, list(ids)))

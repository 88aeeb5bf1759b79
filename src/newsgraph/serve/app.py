"""The HTTP API and web UI: one FastAPI app over an optional DuckDB store.

:func:`create_app` builds it; ``newsgraph serve`` runs it under uvicorn. Everything the
UI shows comes from the same JSON endpoints a script would call (``/openapi.json``
lists them). Errors are always JSON: ``{"error": message, "status": code}``.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import time
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsgraph import __version__, limits
from newsgraph.errors import InputError, NewsgraphError
from newsgraph.knowledge import derived
from newsgraph.serve.analysis import (
    AnalysisPool,
    ArticleInput,
    Busy,
    TimedOut,
    WorkPool,
    analyze_request,
    read_article,
    warm_up,
)

# scripts only from this server: article text is shown with textContent, and this is the second fence
CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'"


class AnalyzeRequest(BaseModel):
    """One article: exactly one of ``text``, ``html`` or ``url``."""

    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="the article as an HTML page; its main content is extracted")
    url: str | None = Field(None, description="an http(s) URL to fetch (public addresses only)")
    date: str | None = Field(None, description="publication date, YYYY-MM-DD", examples=["2018-07-20"])


class ErrorBody(BaseModel):
    """Every error the API answers."""

    error: str = Field(description="what is wrong, in a sentence")
    status: int = Field(description="the HTTP status code")


ANALYZE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "the article cannot be read, fetched or analysed"},
    413: {"model": ErrorBody, "description": "the request body is over the size cap"},
    422: {"model": ErrorBody, "description": "the request is not the JSON object described"},
    503: {"model": ErrorBody, "description": "too many analyses are waiting; retry after a moment"},
    504: {"model": ErrorBody, "description": "the analysis did not finish within the request's deadline"},
}


def static_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "serve" / "static"))


def create_app(
    db_path: str | None = None,
    allow_ingest: bool = False,
    token: str | None = None,
    *,
    workers: int = 1,
    max_pending: int | None = None,
    max_body_bytes: int | None = None,
    analyze_seconds: float | None = None,
    allowed_hosts: list[str] | None = None,
    allow_private: bool = False,
    preload: bool = True,
) -> FastAPI:
    """The app over the store at ``db_path`` (None: analysis only, no corpus pages).

    Ingest over HTTP needs both ``allow_ingest`` and a ``token`` that clients send as
    ``Authorization: Bearer TOKEN``. ``workers``: analysis worker processes. ``preload``
    starts them at start-up, each loading the spaCy model (else the first /analyze does).
    ``allowed_hosts``: the names a request's Host header may give (besides IP addresses);
    None checks nothing (``newsgraph serve`` always passes them). The other limits
    default to newsgraph.limits.
    """
    if allow_ingest and not token:
        raise ValueError("ingest over HTTP needs a token")
    pool = AnalysisPool(workers=workers, max_pending=max_pending, setup=warm_up)
    fetches = WorkPool(workers=limits.get("fetch_pending"), max_pending=limits.get("fetch_pending"), name="fetch")

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        import anyio

        # the threads FastAPI runs the (synchronous) store queries on: a few are as fast as many
        # on DuckDB, which works on its own threads, and hold far less memory at once
        anyio.to_thread.current_default_thread_limiter().total_tokens = limits.get("query_threads")
        if preload:
            await anyio.to_thread.run_sync(pool.start)
        yield
        pool.close()
        fetches.close()
        app.state.corpus.close()

    app = FastAPI(
        title="newsgraph", version=__version__, lifespan=lifespan,
        docs_url=None, redoc_url=None,  # FastAPI's doc pages load from a CDN; /openapi.json stays
        description="Who is in a news article, who said what, and who did what to whom: "
        "analyse articles, and browse a corpus stored with `newsgraph ingest`.",
    )
    from newsgraph.serve.corpus import Corpus, corpus_router

    app.state.pool, app.state.fetches, app.state.allow_private = pool, fetches, allow_private
    app.state.corpus = Corpus(db_path, writable=allow_ingest)
    app.state.ingest_token = token if allow_ingest else None
    app.state.max_body_bytes = max_body_bytes = max_body_bytes or limits.get("analyze_body_bytes")
    app.state.analyze_seconds = analyze_seconds or limits.get("analyze_seconds")
    _add_error_handlers(app)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    # pages, libraries and answers, when the client accepts; level 6: near the best ratio at half the time of 9
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    _add_analysis_routes(app)
    app.include_router(corpus_router)
    _add_pages(app)
    _describe_record(app)
    return app


def _describe_record(app: FastAPI) -> None:
    """Put the record's JSON Schema (from newsgraph.record) into the OpenAPI description."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            from newsgraph.record import json_schema

            schema = plain()
            record = json.loads(json.dumps(json_schema()).replace('"#/$defs/', '"#/components/schemas/'))
            found = schema.setdefault("components", {}).setdefault("schemas", {})
            for name, definition in record.pop("$defs").items():
                found.setdefault(name, definition)
            found["Record"] = {k: v for k, v in record.items() if not k.startswith("$")}
        return app.openapi_schema

    app.openapi = openapi


def _add_analysis_routes(app: FastAPI) -> None:
    @app.post("/analyze", tags=["analysis"], summary="Analyse one article and return its record",
              responses={200: {"description": "the article record", "content": {"application/json": {
                  "schema": {"$ref": "#/components/schemas/Record"}}}}, **ANALYZE_ERRORS})
    async def analyze(request: Request, body: AnalyzeRequest) -> JSONResponse:
        """The article record (schema ``newsgraph/1``; see docs/record.schema.json)."""
        return Response(await _analyze(request, body, as_json=True), media_type="application/json")

    @app.post("/ingest", tags=["analysis"], summary="Analyse one article and store it (needs a token)",
              responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, **ANALYZE_ERRORS})
    async def ingest(
        request: Request, body: AnalyzeRequest, authorization: Annotated[str | None, Header()] = None
    ) -> JSONResponse:
        """Off unless the server was started with ``--allow-ingest`` and a token."""
        _check_token(request.app.state.ingest_token, authorization)
        record = await _analyze(request, body, as_json=False)
        added = await run_in_threadpool(request.app.state.corpus.ingest_record, record)
        return JSONResponse({"id": record.id, "added": added}, status_code=201 if added else 200)

    @app.get("/cameo", tags=["meta"], summary="CAMEO event codes: name, Goldstein score, quad class, PLOVER type")
    async def cameo() -> dict[str, dict[str, Any]]:
        return cameo_codes()

    @app.get("/health", tags=["meta"], summary="Liveness, queue length and whether a store is open")
    async def health(request: Request) -> dict[str, Any]:
        state = request.app.state
        return {"status": "ok", "version": __version__, "pending": state.pool.pending, "db": state.corpus.path}


async def _analyze(request: Request, body: AnalyzeRequest, as_json: bool) -> Any:
    """The article's record (as JSON bytes when ``as_json``), analysed on a worker process
    within the request's deadline. A URL is fetched first, on the fetch pool's threads."""
    state = request.app.state
    item = ArticleInput(text=body.text, html=body.html, url=body.url, date=body.date)
    end = time.monotonic() + state.analyze_seconds
    fetched = None
    if item.url is not None:
        fetched = await state.fetches.run(lambda: read_article(
            item, max_bytes=state.max_body_bytes, allow_private=state.allow_private), timeout=state.analyze_seconds)
    return await state.pool.run(analyze_request, item, fetched, state.max_body_bytes, state.allow_private, as_json,
                                timeout=max(0.0, end - time.monotonic()))


@derived
def cameo_codes() -> dict[str, dict[str, Any]]:
    """The event ontology as JSON, for labelling codes in the pages (read once)."""
    from newsgraph.events.ontology import codes

    return {code: {"name": c.name, "goldstein": c.goldstein, "quad_class": c.quad_class, "plover": c.plover}
            for code, c in codes().items()}


def _check_token(expected: str | None, authorization: str | None) -> None:
    """The standard ``Authorization: Bearer TOKEN`` (the scheme in any case), nothing looser."""
    if expected is None:
        raise HTTPException(403, "ingest over HTTP is off; start the server with --allow-ingest and a token")
    scheme, _, given = (authorization or "").strip().partition(" ")
    ok = scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), expected.encode())
    if not ok:
        raise HTTPException(401, "a valid 'Authorization: Bearer TOKEN' header is needed to ingest")


def _add_error_handlers(app: FastAPI) -> None:
    def error(status: int, message: str) -> JSONResponse:
        return JSONResponse({"error": message, "status": status}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return error(422, "invalid request: " + "; ".join(parts))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return error(400, str(exc))

    @app.exception_handler(NewsgraphError)
    async def failed(request: Request, exc: NewsgraphError) -> JSONResponse:
        return error(500, str(exc))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        # the traceback goes to the server's log (uvicorn logs what this handler re-raises)
        return error(500, f"internal error: {exc.__class__.__name__}; see the server log")

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        response = error(503, str(exc))
        response.headers["Retry-After"] = "2"
        return response

    @app.exception_handler(TimedOut)
    async def timed_out(request: Request, exc: TimedOut) -> JSONResponse:
        return error(504, f"{exc}; the limit is set by {limits.LIMITS['analyze_seconds'].variable}")



class SecurityHeaders:
    """Add the content security policy and no-sniff headers to every HTTP response."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff")]

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers if scope["type"] == "http" else send)


class HostCheck:
    """Answer 400 to a request whose Host header names a host the server was not told about.

    A web page elsewhere can make a browser send requests to a local server under a name
    of its own that resolves to 127.0.0.1 (DNS rebinding); such a request carries that
    name in its Host header. IP addresses are always accepted (a page cannot borrow one),
    as are the ``allowed`` names; ``*`` among them turns the check off.
    """

    def __init__(self, app, allowed: list[str]):
        self.app = app
        self.allowed = {name.strip().lower().strip("[]") for name in allowed}

    def accepts(self, host: str) -> bool:
        if "*" in self.allowed:
            return True
        name = host.strip().lower()
        if name.startswith("["):  # [::1]:8000
            name = name[1:].partition("]")[0]
        elif name.count(":") == 1:  # example.org:8000 (more colons: a bare IPv6 address)
            name = name.partition(":")[0]
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return name in self.allowed

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not self.accepts(host):
                message = f"unknown host {host[:100]!r} in the Host header (start the server with --allowed-host NAME)"
                return await JSONResponse({"error": message, "status": 400}, status_code=400)(scope, receive, send)
        await self.app(scope, receive, send)


class BodySizeLimit:
    """Refuse, with a JSON 413, a request body past the cap.

    A declared Content-Length is checked before any byte is read; a body without one
    (chunked) is counted as it arrives, and the route's body reader passes the 413 on.
    """

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope["headers"]).get(b"content-length", b"")
        if length.isdigit() and int(length) > self.max_bytes:
            message = f"request body too large ({int(length)} bytes; the cap is {self.max_bytes})"
            return await JSONResponse({"error": message, "status": 413}, status_code=413)(scope, receive, send)
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise HTTPException(413, f"request body too large (over the cap of {self.max_bytes} bytes)")
            return message

        await self.app(scope, counted, send)


def _add_pages(app: FastAPI) -> None:
    from newsgraph.serve.statics import CachedStatic

    static = static_dir()
    app.mount("/static", CachedStatic(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(static / "index.html", headers={"Cache-Control": "no-cache"})

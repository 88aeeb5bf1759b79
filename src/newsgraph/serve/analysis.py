"""Analysing one article for the HTTP API: reading the request's input, a bounded pool of
threads that fetches URLs, and a bounded pool of worker processes that runs the pipeline.

The analysis runs in worker processes of its own (``--workers``, default 1), each holding
the spaCy model and every stage's data files: the parse is CPU-bound and holds the GIL
for much of its time, and its memory grows with what it reads, so in the server's own
process it would slow every other request and grow the server. Requests beyond
``max_pending`` are refused at once (503) rather than queued without bound, and each
call has a deadline: work still waiting when it passes never runs, work still running
then is stopped (its worker process is killed and a fresh one started), and the caller
gets :class:`TimedOut` (504) instead of waiting on. A worker that dies is replaced the
same way, and so is one whose memory has grown past ``analyze_worker_bytes``. URLs are
fetched on a pool of threads (each fetch within its own total deadline), so a slow site
never holds an analysis worker.
"""

from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import queue
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from newsgraph import limits
from newsgraph.errors import InputError, NewsgraphError

log = logging.getLogger("newsgraph.serve")

WORKER_NICENESS = 10  # added to a worker process's nice value: reading a page comes before analysing one

# a line that wakes every stage: names, a title, a quote, an event, a place and a date
WARM_UP = 'Prime Minister Ann Berg met the mayor of Oslo on Monday. "We agreed," Berg said.'


class Busy(Exception):
    """Too many analyses are already waiting."""


class TimedOut(Exception):
    """The request's deadline passed before its work was done."""


@dataclass(slots=True)
class ArticleInput:
    """What a client sent: exactly one of text, html or url, and an optional date."""

    text: str | None = None
    html: str | None = None
    url: str | None = None
    date: str | None = None


def read_article(item: ArticleInput, *, max_bytes: int, allow_private: bool = False):
    """The Document the request names; InputError when it cannot be read or fetched."""
    from newsgraph.read import read_inputs, read_text
    from newsgraph.read.html import read_html
    from newsgraph.read.url import is_url
    from newsgraph.record import Source

    given = [name for name in ("text", "html", "url") if getattr(item, name) is not None]
    if len(given) != 1:
        raise InputError("request", "send exactly one of 'text', 'html' or 'url'")
    if item.text is not None:
        return read_text(item.text)
    if item.html is not None:
        return read_html(item.html, "<html>", Source(format="html"))
    if not is_url(item.url):  # read_inputs would take anything else for a local path: never over HTTP
        raise InputError(item.url, "only http(s) URLs can be fetched")
    docs = list(read_inputs([item.url], max_bytes=max_bytes, allow_private=allow_private))
    if len(docs) != 1:
        raise InputError(item.url, f"holds {len(docs)} articles; send one at a time")
    if isinstance(docs[0], InputError):
        raise docs[0]
    return docs[0]


def analyze_document(doc, date: str | None):
    """The Record of one Document; InputError when analysis fails."""
    from newsgraph import pipeline
    from newsgraph.read.dates import normalise_date

    date = normalise_date(date, "date") if date else None
    result = next(pipeline.analyze_stream([doc], date=date))
    if isinstance(result, InputError):
        raise result
    return result


def analyze_request(item: ArticleInput, fetched, max_bytes: int, allow_private: bool, as_json: bool):
    """What a worker process does for one request: read the article (unless ``fetched``
    already holds it) and analyse it; the record as JSON bytes (``as_json``, what
    ``/analyze`` sends) or as a Record (for ``/ingest``, which stores it)."""
    record = analyze_document(fetched or read_article(item, max_bytes=max_bytes, allow_private=allow_private),
                              item.date)
    if not as_json:
        return record
    # as Starlette's JSONResponse renders it, but here, off the server's event loop
    return json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def warm_up() -> None:
    """Analyse a line: the model and every stage's data files load (each once per process),
    so the first request does not pay for them."""
    from newsgraph.read import read_text

    analyze_document(read_text(WARM_UP), None)


class WorkPool:
    """A fixed set of worker threads, with a cap on waiting work and a deadline per call."""

    grace = 0.0  # seconds the caller waits past the deadline for the worker's own account of it

    def __init__(self, workers: int = 1, max_pending: int | None = None, name: str = "fetch"):
        self.workers, self.name = workers, name
        self.max_pending = max_pending or limits.get("analyze_pending")
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"newsgraph-{name}")
        self._pending = 0
        self._lock = threading.Lock()

    async def run(self, fn, *args, timeout: float | None = None) -> Any:
        """``fn(*args)`` on a worker; Busy when ``max_pending`` calls already wait,
        TimedOut when it is not done within ``timeout`` seconds (a call that has not started
        by then never starts; see :meth:`_call` for one that is running)."""
        with self._lock:
            if self._pending >= self.max_pending:
                raise Busy(f"the server is busy: {self._pending} {self.name} requests are waiting; "
                           "try again shortly")
            self._pending += 1
        try:
            expires = None if timeout is None else time.monotonic() + timeout
            future = self._executor.submit(self._call, expires, fn, args)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), None if timeout is None
                                              else timeout + self.grace)
            except TimeoutError:
                future.cancel()
                raise TimedOut(f"no answer within {timeout:g} s (the request's deadline)") from None
        finally:
            with self._lock:
                self._pending -= 1

    @property
    def pending(self) -> int:
        return self._pending

    def _call(self, expires: float | None, fn, args: tuple) -> Any:
        """``fn(*args)`` on this thread, unless the deadline passed while the call waited. One
        still running at the deadline is left to finish on its thread, its answer dropped."""
        if expires is not None and time.monotonic() > expires:
            raise TimedOut("the request's deadline passed while it waited")
        return fn(*args)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


class AnalysisPool(WorkPool):
    """A fixed set of worker processes, each driven by a thread of the pool: ``fn`` must be a
    module-level function and its arguments and answer picklable. ``setup`` (module-level
    too) runs in each worker process as it starts, before its first call."""

    grace = 2.0  # the worker thread stops a call at its deadline and says so

    def __init__(self, workers: int = 1, max_pending: int | None = None, name: str = "analyze",
                 setup=None, max_worker_bytes: int | None = None):
        super().__init__(workers, max_pending, name)
        self.setup = setup
        self.max_worker_bytes = max_worker_bytes or limits.get("analyze_worker_bytes")
        self._context = multiprocessing.get_context("spawn")  # never fork a server with threads running
        self._idle: queue.SimpleQueue[Worker | None] = queue.SimpleQueue()
        for _ in range(workers):
            self._idle.put(None)  # started on first use, or by start()
        self.replaced = 0  # workers killed (deadline passed, memory grown) or found dead

    def start(self) -> None:
        """Start every worker process now and wait until each has run ``setup``."""
        started = [self._take() for _ in range(self.workers)]
        try:
            for worker in started:
                worker.ready()
        finally:
            for worker in started:
                self._idle.put(self._checked(worker))

    def _take(self) -> Worker:
        worker = self._idle.get()
        return worker if worker is not None and worker.alive() else Worker(self._context, self.setup, self.name)

    def _call(self, expires: float | None, fn, args: tuple) -> Any:
        if expires is not None and time.monotonic() > expires:
            raise TimedOut("the request's deadline passed while it waited")
        worker = self._take()
        try:
            return worker.call(fn, args, expires)
        finally:
            self._idle.put(self._checked(worker))

    def _checked(self, worker: Worker) -> Worker:
        """``worker``, or a fresh one (starting at once, so that it is ready sooner) when it has
        been stopped, has died or has grown past the memory limit."""
        why = "stopped or died" if not worker.alive() else "over the memory limit" \
            if worker.rss() > self.max_worker_bytes else None
        if why is None:
            return worker
        worker.stop()
        self.replaced += 1
        log.warning("%s worker process %s %s; a fresh one is starting", self.name, worker.pid, why)
        return Worker(self._context, self.setup, self.name)

    def close(self) -> None:
        super().close()
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            if worker is not None:
                worker.stop()


class WorkerLost(NewsgraphError):
    """The worker process died or was stopped while it worked on a call."""


class Worker:
    """One worker process and the pipe to it: a call at a time."""

    def __init__(self, context, setup, name: str):
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_work, args=(theirs, setup), name=f"newsgraph-{name}", daemon=True)
        self.process.start()
        theirs.close()
        self.pid = self.process.pid
        self._ready = False

    def ready(self, expires: float | None = None) -> None:
        """Wait until the process has run its setup (and raise what it raised); TimedOut
        when ``expires`` passes first (the process goes on starting)."""
        if not self._ready:
            if not self.conn.poll(None if expires is None else max(0.0, expires - time.monotonic())):
                raise TimedOut("the analysis worker was still starting at the request's deadline")
            try:
                ok, value = self.conn.recv()
            except (EOFError, OSError):
                code = self.process.exitcode
                raise WorkerLost(f"the analysis worker exited while starting (exit code {code})") from None
            self._ready = True
            if not ok:
                raise _rebuilt(value)

    def call(self, fn, args: tuple, expires: float | None) -> Any:
        """``fn(*args)`` in the process. TimedOut when ``expires`` passes first: the process
        is then killed (a call cannot be interrupted otherwise)."""
        self.ready(expires)
        try:
            self.conn.send((fn, args))
            if not self.conn.poll(None if expires is None else max(0.0, expires - time.monotonic())):
                self.stop()
                raise TimedOut("the analysis did not finish by the request's deadline; it was stopped")
            ok, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(1)
            raise WorkerLost(f"the analysis worker died (exit code {self.process.exitcode}); "
                             "a fresh one is starting") from None
        if not ok:
            raise _rebuilt(value)
        return value

    def alive(self) -> bool:
        return self.process.is_alive()

    def rss(self) -> int:
        """The process's resident memory in bytes (0 where /proc cannot tell)."""
        try:
            with open(f"/proc/{self.pid}/statm") as f:
                return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _work(conn, setup) -> None:
    """A worker process's life: ``setup``, then calls from the pipe until it closes. It
    runs at a lower CPU priority than the server, so a saturated pool leaves the server's
    own requests (the corpus GETs) the processor first."""
    if hasattr(os, "nice"):
        os.nice(WORKER_NICENESS)
    try:
        if setup is not None:
            setup()
        conn.send((True, None))
    except Exception as exc:
        conn.send((False, _portable(exc)))
        return
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):  # the server has gone
            return
        try:
            answer = (True, fn(*args))
        except Exception as exc:
            if not isinstance(exc, NewsgraphError):  # a bug: its traceback to the server's log
                traceback.print_exc()
            answer = (False, _portable(exc))
        conn.send(answer)


def _portable(exc: Exception) -> tuple[str, ...]:
    """An exception as plain strings (not every exception survives pickling)."""
    if isinstance(exc, InputError):
        return ("input", exc.input, exc.reason)
    if isinstance(exc, NewsgraphError):
        return ("newsgraph", str(exc))
    return ("other", f"{type(exc).__name__}: {exc}")


def _rebuilt(portable: tuple[str, ...]) -> Exception:
    kind, *rest = portable
    if kind == "input":
        return InputError(*rest)
    if kind == "other":
        return RuntimeError(f"the analysis failed: {rest[0]}")
    return NewsgraphError(*rest)

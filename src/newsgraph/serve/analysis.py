"""Analysing one article for the HTTP API: reading the request's input, and bounded
pools of worker threads that fetch URLs and run the pipeline so the event loop stays free.

spaCy is loaded once per process (``nlp.load`` is cached); the pool's threads share it.
One worker is the default because the parse is CPU-bound and holds the GIL for much of
its time: more threads would only interleave, not speed up. Requests beyond
``max_pending`` are refused at once (503) rather than queued without bound, and each
call has a deadline: work still waiting when it passes never runs, and the caller gets
:class:`TimedOut` (504) instead of waiting on. URLs are fetched on a pool of their own
(each fetch within its own total deadline), so a slow site never holds the analysis worker.
"""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from newsgraph import limits
from newsgraph.errors import InputError

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


class AnalysisPool:
    """A fixed set of worker threads, with a cap on waiting work and a deadline per call."""

    def __init__(self, workers: int = 1, max_pending: int | None = None, name: str = "analyze"):
        self.workers, self.name = workers, name
        self.max_pending = max_pending or limits.get("analyze_pending")
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix=f"newsgraph-{name}")
        self._pending = 0
        self._lock = threading.Lock()

    async def run(self, fn, *args, timeout: float | None = None) -> Any:
        """``fn(*args)`` on a worker thread; Busy when ``max_pending`` calls already wait,
        TimedOut when it is not done within ``timeout`` seconds (a call that has not started
        by then never starts; one running is left to finish, its answer dropped)."""
        with self._lock:
            if self._pending >= self.max_pending:
                raise Busy(f"the server is busy: {self._pending} {self.name} requests are waiting; "
                           "try again shortly")
            self._pending += 1
        try:
            expires = None if timeout is None else time.monotonic() + timeout
            future = self._executor.submit(_unless_expired, expires, fn, *args)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
            except TimeoutError:
                future.cancel()
                raise TimedOut(f"no answer within {timeout:g} s (the request's deadline)") from None
        finally:
            with self._lock:
                self._pending -= 1

    @property
    def pending(self) -> int:
        return self._pending

    def warm(self) -> None:
        """Analyse a line on a worker now: the model and every stage's data files load
        (each once per process), so the first request does not pay for them."""
        from newsgraph.read import read_text

        self._executor.submit(analyze_document, read_text(WARM_UP), None).result()

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


def _unless_expired(expires: float | None, fn, *args) -> Any:
    """``fn(*args)``, unless the caller's deadline passed while the call waited for a worker."""
    if expires is not None and time.monotonic() > expires:
        raise TimedOut("the request's deadline passed while it waited")
    return fn(*args)

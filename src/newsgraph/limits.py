"""Every limit newsgraph puts on what it reads, fetches and serves: one home for them.

Each limit has a default and an environment variable that changes it
(``NEWSGRAPH_MAX_INPUT_BYTES=200000000 newsgraph ingest ...``); some also have a
command-line option or a ``create_app`` argument, which wins over the variable.
docs/limits.md lists them all (a test checks that it does).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from newsgraph.errors import NewsgraphError

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    default: int | float
    unit: str
    what: str

    @property
    def variable(self) -> str:
        """The environment variable that changes the limit."""
        return f"NEWSGRAPH_{self.name.upper()}"


LIMITS: dict[str, Limit] = {limit.name: limit for limit in (
    Limit("max_input_bytes", 50 * MIB, "bytes",
          "one input file, standard input or fetched URL, as read (before decompression)"),
    Limit("max_decompressed_bytes", 50 * MIB, "bytes",
          "a gzip file or gzip on standard input once decompressed; also all the records of one WARC file"),
    Limit("max_warc_record_bytes", 10 * MIB, "bytes", "the payload of one WARC record (after content decoding)"),
    Limit("max_article_chars", 100_000, "characters",
          "the text of one article; a longer one is refused with this limit named"),
    Limit("max_batch_chars", 100_000, "characters",
          "the texts parsed together in one batch (memory grows with it; a batch also stops at 16 articles)"),
    Limit("fetch_seconds", 30.0, "seconds",
          "a whole URL fetch, connection, redirects and body included (not per read)"),
    Limit("fetch_redirects", 5, "redirects", "redirects followed by one URL fetch"),
    Limit("analyze_body_bytes", 5 * MIB, "bytes", "the body of one HTTP request (POST /analyze, /ingest)"),
    Limit("analyze_seconds", 60.0, "seconds",
          "one POST /analyze or /ingest, waiting and fetching included; past it the answer is 504"),
    Limit("analyze_pending", 64, "requests", "analyses waiting for the pool; past it the answer is 503"),
    Limit("analyze_worker_bytes", 1024 * MIB, "bytes",
          "the memory of one analysis worker process; one that has grown past it is replaced after its call"),
    Limit("fetch_pending", 16, "requests", "URL fetches of /analyze in flight at once; past it 503"),
    Limit("query_threads", 8, "threads",
          "store queries answered at once (the corpus GETs); more wait their turn, which bounds their memory"),
    Limit("cache_bytes", 8 * MIB, "bytes", "the server's answer cache, counted as the JSON size of the answers"),
)}


def get(name: str) -> int | float:
    """The limit's value: its environment variable when set, else its default."""
    limit = LIMITS[name]
    raw = os.environ.get(limit.variable)
    if raw is None or not raw.strip():
        return limit.default
    kind = type(limit.default)
    try:
        value = kind(raw.strip().replace("_", ""))
    except ValueError:
        raise NewsgraphError(f"{limit.variable}={raw!r}: not a number of {limit.unit}") from None
    if value <= 0:
        raise NewsgraphError(f"{limit.variable}={raw!r}: must be more than 0")
    return value

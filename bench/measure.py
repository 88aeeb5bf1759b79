"""Shared by the benchmarks: run a measured step in a fresh process, report its peak memory.

Each step runs in its own spawned process, so its peak resident memory (ru_maxrss) is its
own and no step warms caches for another. The model is loaded and warmed up before the
clock starts: the figures are throughput, not start-up.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import resource
import sys
import time
from collections.abc import Callable
from typing import Any


def in_child(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    """``fn(*args)`` in a spawned process; its result plus ``peak_rss_mb`` of that process."""
    ctx = mp.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    # not a Pool: its processes are daemons, and a Dask LocalCluster must start its own
    child = ctx.Process(target=_with_peak, args=(send, fn, *args), daemon=False)
    child.start()
    send.close()
    try:
        ok, out = receive.recv()
    except EOFError:
        ok, out = False, f"the child process died (exit code {child.join() or child.exitcode})"
    child.join()
    if not ok:
        raise RuntimeError(f"{fn.__name__} failed: {out}")
    return out


def _with_peak(send, fn, *args) -> None:
    try:
        out = fn(*args)
        out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        send.send((True, out))
    except Exception as exc:  # report it to the parent rather than die silently
        import traceback

        send.send((False, f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc()}"))


class Clock:
    """Wall time of a block, in seconds (``with Clock() as c: ...; c.seconds``), and the CPU time
    the process spent in it (``c.cpu``): on a machine busy with other work the wall time grows,
    the CPU time much less."""

    def __enter__(self):
        self.start, self.start_cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.cpu = time.process_time() - self.start_cpu


def rates(name: str, seconds: float, articles: int, words: int, **more: Any) -> dict[str, Any]:
    """A result row: articles/s and words/s over ``seconds``."""
    return {"step": name, "seconds": round(seconds, 2), "articles": articles, "words": words,
            "articles_per_s": round(articles / seconds, 2) if seconds else None,
            "words_per_s": round(words / seconds) if seconds else None, **more}


def report(rows: list[dict[str, Any]], as_json: bool) -> None:
    """Print result rows as an aligned table (or JSON lines)."""
    if as_json:
        for row in rows:
            print(json.dumps(row))
        return
    cols = ["step", "articles", "words", "seconds", "articles_per_s", "words_per_s", "peak_rss_mb", "note"]
    if any("cpu_s" in r for r in rows):
        cols.insert(4, "cpu_s")
    cells = [[str(r.get(c, "")) for c in cols] for r in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(cols)]
    for line in [cols, *cells]:
        print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())
    sys.stdout.flush()

"""The serving machinery on its own: the analysis pool, period arithmetic, the CLI."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.errors import InputError
from newsgraph.serve.analysis import (
    AnalysisPool,
    ArticleInput,
    Busy,
    TimedOut,
    WorkerLost,
    WorkPool,
    analyze_request,
    read_article,
)
from newsgraph.serve.corpus import fill_periods, next_period, period_end


def test_pool_refuses_work_past_its_queue():
    pool = WorkPool(workers=1, max_pending=2)
    release = threading.Event()

    async def scenario():
        first = asyncio.ensure_future(pool.run(release.wait))
        second = asyncio.ensure_future(pool.run(lambda: "done"))
        await asyncio.sleep(0.05)
        assert pool.pending == 2
        with pytest.raises(Busy):
            await pool.run(lambda: "too many")
        release.set()
        return await first, await second

    try:
        assert asyncio.run(scenario()) == (True, "done")
        assert pool.pending == 0
    finally:
        pool.close()


def test_pool_keeps_the_event_loop_free():
    pool = AnalysisPool(workers=1)
    pool.start()

    async def scenario():
        slow = asyncio.ensure_future(pool.run(time.sleep, 0.3))
        started = time.perf_counter()
        await asyncio.sleep(0.01)  # the loop turns while the worker sleeps
        quick = time.perf_counter() - started
        await slow
        return quick

    try:
        assert asyncio.run(scenario()) < 0.2
    finally:
        pool.close()


def run(pool, fn, *args, timeout=None):
    return asyncio.run(pool.run(fn, *args, timeout=timeout))


def test_analysis_runs_in_a_worker_process_that_is_kept_between_calls():
    pool = AnalysisPool(workers=1)
    try:
        worker = run(pool, os.getpid)
        assert worker != os.getpid()
        assert run(pool, sum, [1, 2, 3]) == 6 and run(pool, os.getpid) == worker
        # an error of the input comes back as itself, and the worker stays
        with pytest.raises(InputError, match="exactly one of"):
            run(pool, analyze_request, ArticleInput(), None, 1000, False, True)
        assert run(pool, os.getpid) == worker and pool.replaced == 0
    finally:
        pool.close()


def test_a_call_past_its_deadline_is_stopped_and_the_next_gets_a_fresh_worker():
    pool = AnalysisPool(workers=1, max_pending=4)
    try:
        first = run(pool, os.getpid)
        with pytest.raises(TimedOut, match="stopped"):
            run(pool, time.sleep, 600, timeout=0.5)
        assert pool.replaced == 1 and not Path(f"/proc/{first}").exists()  # killed and reaped
        second = run(pool, os.getpid)
        assert second != first and pool.replaced == 1
    finally:
        pool.close()


def test_a_worker_that_dies_is_named_and_replaced():
    pool = AnalysisPool(workers=1)
    try:
        with pytest.raises(WorkerLost, match="exit code 3"):
            run(pool, os._exit, 3)
        assert run(pool, sum, [2, 2]) == 4 and pool.replaced == 1
    finally:
        pool.close()


def test_a_worker_grown_past_its_memory_limit_is_replaced_after_its_call():
    pool = AnalysisPool(workers=1, max_worker_bytes=1)  # every process is over one byte
    try:
        first = run(pool, os.getpid)
        assert run(pool, os.getpid) != first and pool.replaced >= 1
    finally:
        pool.close()


def test_read_article_wants_exactly_one_input():
    assert read_article(ArticleInput(text="Rain fell in Bergen."), max_bytes=1000).text == "Rain fell in Bergen."
    for item in (ArticleInput(), ArticleInput(text="a", html="<p>a</p>"), ArticleInput(url="relative/path.txt")):
        with pytest.raises(InputError):
            read_article(item, max_bytes=1000)


@pytest.mark.parametrize("start, by, end, following", [
    ("2024-02-01", "month", "2024-02-29", "2024-03-01"),  # a leap February
    ("2023-12-01", "month", "2023-12-31", "2024-01-01"),
    ("2024-05-06", "week", "2024-05-12", "2024-05-13"),  # weeks start on Monday
    ("2024-01-01", "year", "2024-12-31", "2025-01-01"),
    ("2024-02-28", "day", "2024-02-28", "2024-02-29"),
])
def test_periods(start, by, end, following):
    assert period_end(start, by) == end and next_period(start, by) == following


def test_fill_periods_keeps_quiet_periods_on_the_axis():
    points = [{"period": "2023-11-01", "n": 2}, {"period": "2024-02-01", "n": 1}]
    filled = fill_periods(points, "month", {"n": 0})
    assert filled == [{"period": "2023-11-01", "n": 2}, {"period": "2023-12-01", "n": 0},
                      {"period": "2024-01-01", "n": 0}, {"period": "2024-02-01", "n": 1}]
    assert fill_periods([], "month", {"n": 0}) == []
    weeks = fill_periods([{"period": "2024-05-06"}, {"period": "2024-05-27"}], "week", {})
    assert [w["period"] for w in weeks] == ["2024-05-06", "2024-05-13", "2024-05-20", "2024-05-27"]


def test_serve_command_answers_on_loopback(corpus_store):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    newsgraph = Path(sys.executable).parent / "newsgraph"
    server = subprocess.Popen([str(newsgraph), "serve", "--db", str(corpus_store), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert server.poll() is None, server.stderr.read().decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        assert len(httpx.get(f"{base}/events").json()["items"]) == 3
        assert "newsgraph" in httpx.get(f"{base}/").text
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_refuses_ingest_without_a_token(tmp_path, monkeypatch):
    from newsgraph.cli import main

    monkeypatch.delenv("NEWSGRAPH_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "x.duckdb"), "--allow-ingest"]) == 1


def test_serve_names_a_missing_store(tmp_path, capsys):
    from newsgraph.cli import main

    assert main(["serve", "--db", str(tmp_path / "missing.duckdb")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_serve_wants_a_worker(tmp_path, capsys):
    from newsgraph.cli import main

    assert main(["serve", "--workers", "0"]) == 1
    assert "--workers" in capsys.readouterr().err

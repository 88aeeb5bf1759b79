"""The serving machinery on its own: the analysis pool, period arithmetic, the CLI."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from newsgraph.serve.analysis import AnalysisPool, ArticleInput, Busy, read_article
from newsgraph.serve.corpus import period, period_end, timeline
from test_serve_records import build_store


def test_pool_refuses_work_past_its_queue():
    pool = AnalysisPool(workers=1, max_pending=2)
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


def test_read_article_wants_exactly_one_input():
    from newsgraph.errors import InputError

    assert read_article(ArticleInput(text="Rain fell in Bergen."), max_bytes=1000).text == "Rain fell in Bergen."
    for item in (ArticleInput(), ArticleInput(text="a", html="<p>a</p>"), ArticleInput(url="relative/path.txt")):
        with pytest.raises(InputError):
            read_article(item, max_bytes=1000)


@pytest.mark.parametrize("day, by, start, end", [
    ("2024-02-14", "month", "2024-02-01", "2024-02-29"),  # a leap February
    ("2023-12-31", "month", "2023-12-01", "2023-12-31"),
    ("2024-05-09", "week", "2024-05-06", "2024-05-12"),  # weeks start on Monday
    ("2024-05-09", "year", "2024-01-01", "2024-12-31"),
])
def test_periods(day, by, start, end):
    assert period(day, by) == start and period_end(start, by) == end


def test_timeline_counts_per_period_and_skips_undated():
    articles = [{"published": "2024-01-03"}, {"published": "2024-01-20"}, {"published": None}]
    events_from = [{"day": "2024-02-02"}]
    quotes = [{"published": "2024-01-20"}]
    rows = timeline(articles, events_from, [], quotes, "month")
    assert rows == [
        {"period": "2024-01-01", "articles": 2, "events_from": 0, "events_to": 0, "quotes": 1},
        {"period": "2024-02-01", "articles": 0, "events_from": 1, "events_to": 0, "quotes": 0},
    ]


def test_serve_command_answers_on_loopback(tmp_path):
    import socket

    db = build_store(tmp_path / "cli.duckdb")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    newsgraph = Path(sys.executable).parent / "newsgraph"
    server = subprocess.Popen([str(newsgraph), "serve", "--db", str(db), "--port", str(port)],
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

#!/usr/bin/env python3
"""Load on the HTTP API (a benchmark to run by hand, not a timed test).

Starts ``newsgraph serve`` as its own process on a free loopback port over a store, then

1. fires N concurrent ``POST /analyze`` requests (default 50) while probing ``GET /health``
   every 100 ms, to show the server stays responsive while the analysis pool is busy;
2. fires M ``GET /events`` queries (default 500), C at a time, with varied filters: once
   all distinct (each goes to DuckDB), once with filters repeating (the answer cache helps);
3. asks every corpus endpoint the pages use, one request at a time, each request distinct
   (so the answer cache cannot help): p50 and p95 per endpoint.

Reports errors and latency percentiles; ``--only endpoints`` runs the third part alone.
Without ``--db`` it builds a store in a temporary folder by ingesting ``--texts``
(default: examples/seed.txt).

With ``--load SECONDS`` it runs the load test instead (issue 11): ``--clients`` clients
(default 50) for that long, a fifth of them posting ``/analyze`` back to back (the
analysis pool saturated) and the rest browsing: distinct ``GET`` queries, ``--think``
seconds apart on average; a probe sends a distinct ``GET /events`` every 0.25 s, and the
server's resident memory (alone, and with its analysis worker processes) is sampled every
second. It reports errors, GET latency while /analyze is saturated, the memory after
warm-up (the first quarter of the run), then posts a
URL that drips a byte every 0.2 s: /analyze must fail with a timeout (the server runs with
``NEWSGRAPH_FETCH_SECONDS=--fetch-seconds``) and the next /analyze succeed.

    .venv/bin/python bench/bench_serve.py
    .venv/bin/python bench/bench_serve.py --db /tmp/train.duckdb --only endpoints
    .venv/bin/python bench/bench_serve.py --db corpus.duckdb --texts ../shared/data/polnear/dev/text
    .venv/bin/python bench/bench_serve.py --texts ../shared/data/polnear/dev/text --load 60
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def percentiles(samples: list[float]) -> str:
    """p50 / p90 / p99 / max in milliseconds."""
    if not samples:
        return "no samples"
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return (f"p50 {at(0.50):.0f} ms, p90 {at(0.90):.0f} ms, p99 {at(0.99):.0f} ms, max {ordered[-1] * 1000:.0f} ms, "
            f"mean {statistics.fmean(ordered) * 1000:.0f} ms")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def article_texts(spec: str, limit: int) -> list[str]:
    path = Path(spec)
    files = sorted(p for p in path.rglob("*.txt")) if path.is_dir() else [path]
    return [p.read_text(encoding="utf-8") for p in files[:limit]]


def build_store(texts_spec: str, folder: str) -> str:
    from newsgraph.store import IngestOptions, ingest

    db = os.path.join(folder, "bench.duckdb")
    report = ingest([texts_spec], db, IngestOptions(date="2018-07-20"), progress=False)
    print(f"store: {report.summary()}", flush=True)
    return db


def start_server(db: str, port: int, *extra: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    cmd = [str(Path(sys.executable).parent / "newsgraph"), "serve", "--db", db, "--port", str(port), *extra]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
        if server.poll() is not None:
            raise SystemExit(f"server exited: {server.stderr.read().decode()}")
    server.kill()
    raise SystemExit("server did not start within 120 s")


async def timed(client: httpx.AsyncClient, method: str, url: str, **kw) -> tuple[float, int, str]:
    started = time.perf_counter()
    try:
        r = await client.request(method, url, **kw)
        return time.perf_counter() - started, r.status_code, "" if r.status_code == 200 else r.text[:200]
    except httpx.HTTPError as exc:
        return time.perf_counter() - started, 0, repr(exc)


async def analyze_burst(base: str, texts: list[str], n: int) -> None:
    done = asyncio.Event()
    probes: list[float] = []

    async def probe(client):
        while not done.is_set():
            seconds, status, _ = await timed(client, "GET", f"{base}/health")
            probes.append(seconds if status == 200 else float("inf"))
            await asyncio.sleep(0.1)

    limits = httpx.Limits(max_connections=n + 5)
    async with httpx.AsyncClient(timeout=600, limits=limits) as client:
        prober = asyncio.create_task(probe(client))
        started = time.perf_counter()
        results = await asyncio.gather(*(
            timed(client, "POST", f"{base}/analyze", json={"text": texts[i % len(texts)], "date": "2018-07-20"})
            for i in range(n)))
        wall = time.perf_counter() - started
        done.set()
        await prober
    report(f"POST /analyze x{n} (all at once)", results, wall)
    print(f"  GET /health during the burst: {len(probes)} probes, {percentiles(probes)}")


async def events_burst(base: str, n: int, concurrency: int, actors: list[str], distinct: bool) -> None:
    filters = [{}, {"root": "04"}, {"root": "11"}, {"from": "2018-01-01", "to": "2018-12-31"}, {"limit": 20}]
    filters += [{"actor": a} for a in actors] + [{"source": a} for a in actors]
    rng = random.Random(7)
    queue = [filters[rng.randrange(len(filters))] for _ in range(n)]
    if distinct:  # a page size of its own for each request: the server's answer cache cannot help
        queue = [{**f, "limit": 1 + k} for k, f in enumerate(queue)]
    gate = asyncio.Semaphore(concurrency)

    async def one(client, params):
        async with gate:
            return await timed(client, "GET", f"{base}/events", params=params)

    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=concurrency)) as client:
        started = time.perf_counter()
        results = await asyncio.gather(*(one(client, p) for p in queue))
        wall = time.perf_counter() - started
    kind = "all distinct" if distinct else "filters repeat"
    report(f"GET /events x{n} ({concurrency} at a time, {kind})", results, wall)


def endpoint_requests(base: str, n: int) -> dict[str, list[str]]:
    """Per endpoint, ``n`` distinct requests built from what the store holds."""
    get = lambda path, **params: httpx.get(f"{base}{path}", params=params, timeout=60).json()  # noqa: E731
    actors = [a["actor_id"] for a in get("/entities", limit=n, sort="-articles")["items"]]
    articles = [a["article_id"] for a in get("/articles", limit=n)["items"]]
    events = [e["event_key"] for e in get("/events", limit=n, sort="-mentions")["items"]]
    edges = get("/network", limit=n)["edges"]
    points = []  # dated points of dyads, for the articles behind them
    for edge in get("/network", limit=500)["edges"]:
        dyad = get(f"/dyads/{edge['source']}/{edge['target']}")
        points += [(edge["source"], edge["target"], p["period"]) for p in dyad["points"] if p["count"]][:2]
        if len(points) >= n:
            break
    months = [f["value"] for f in get("/events", facets="true", limit=1)["facets"]["month"] if f["value"]]
    k = range(n)
    return {
        "/articles (facets)": [f"/articles?facets=true&offset={i * 20}" for i in k],
        "/articles/{id}": [f"/articles/{a}" for a in articles],
        "/entities (facets)": [f"/entities?facets=true&offset={i * 50}" for i in k],
        "/entities/{id}": [f"/entities/{a}" for a in actors],
        "/quotes (facets)": [f"/quotes?facets=true&offset={i * 100}" for i in k],
        "/events (facets)": [f"/events?facets=true&offset={i * 100}" for i in k],
        "/events?actor=": [f"/events?actor={a}&facets=true" for a in actors],
        "/events?sort=": [f"/events?sort={s}&offset={i}" for i, s in enumerate(
            ["-goldstein", "source", "-mentions", "cameo", "target"] * n)][:n],
        "/events/{id}": [f"/events/{e}" for e in events],
        "/events/timeline": [f"/events/timeline?actor={a}" for a in actors[: n // 2]] +
                            [f"/events/timeline?month={m}&by=week" for m in months][: n - n // 2],
        "/events/map": [f"/events/map?actor={a}" for a in actors],
        "/places": [f"/places?facets=true&offset={i * 50}" for i in k],
        "/dyads/{a}/{b}": [f"/dyads/{e['source']}/{e['target']}?by=week" for e in edges],
        "/dyads/{a}/{b}/articles": [f"/dyads/{a}/{b}/articles?start={p}&by=month" for a, b, p in points][:n],
        "/network": [f"/network?min_events={1 + i % 3}&limit={100 + i}" for i in k],
        "/events?format=csv (all rows)": [f"/events?format=csv&sort=-goldstein&offset={i}" for i in range(n // 2)],
    }


def endpoint_latencies(base: str, n: int) -> None:
    """One request at a time, each distinct: p50 and p95 per endpoint, in milliseconds."""
    print(f"corpus endpoints, {n} distinct requests each, one at a time:")
    print(f"  {'endpoint':32} {'n':>3} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  errors")
    with httpx.Client(timeout=60) as client:
        for name, urls in endpoint_requests(base, n).items():
            times, errors = [], 0
            for url in urls:
                started = time.perf_counter()
                r = client.get(f"{base}{url}")
                times.append((time.perf_counter() - started) * 1000)
                errors += r.status_code != 200
            if not times:
                continue
            ordered = sorted(times)
            p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
            print(f"  {name:32} {len(times):>3} {statistics.median(times):>7.0f} {p95:>7.0f} {ordered[-1]:>7.0f}"
                  f"  {errors}", flush=True)


def report(title: str, results: list[tuple[float, int, str]], wall: float) -> None:
    errors = [(status, text) for _, status, text in results if status != 200]
    print(f"{title}: {len(results) - len(errors)} ok, {len(errors)} errors, {wall:.1f} s wall, "
          f"{len(results) / wall:.1f} req/s")
    print(f"  latency: {percentiles([s for s, _, _ in results])}")
    for status, text in errors[:5]:
        print(f"  error {status}: {text}")


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MiB (Linux; 0 when it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (the server's analysis workers; Linux)."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


async def load_run(base: str, pid: int, texts: list[str], actors: list[str], seconds: float, clients: int,
                   think: float, analyzers: int) -> None:
    """``clients`` clients for ``seconds``: a fifth post /analyze back to back (the pool saturated), the
    rest browse (distinct GETs, ``think`` seconds apart on average, as a reader would); a probe sends a
    distinct GET /events every 0.25 s and the server's memory is sampled every second."""
    end = time.monotonic() + seconds
    counter = itertools.count()
    gets: list[tuple[float, int, str]] = []  # (seconds, status, text)
    probes: list[tuple[float, int, str]] = []
    posts: list[tuple[float, int, str]] = []
    memory: list[tuple[float, float, float]] = []  # (when, server MiB, server and workers MiB)
    names = actors or ["USA"]
    started = time.monotonic()
    rng = random.Random(11)

    def next_get() -> tuple[str, dict]:
        n = next(counter)  # every query distinct: the answer cache fills as it would under real use
        kind = n % 4
        if kind == 0:
            return "/events", {"actor": names[n % len(names)], "limit": 1 + n % 500, "offset": n // 500}
        if kind == 1:
            return "/articles", {"limit": 1 + n % 100, "offset": n // 100}
        if kind == 2:
            return "/entities", {"limit": 1 + n % 200, "offset": n // 200}
        return "/quotes", {"limit": 1 + n % 300, "offset": n // 300}

    async def browser(client):
        await asyncio.sleep(rng.uniform(0, think))
        while time.monotonic() < end:
            path, params = next_get()
            gets.append(await timed(client, "GET", f"{base}{path}", params=params))
            await asyncio.sleep(rng.uniform(0, 2 * think))

    async def probe(client):
        n = 0
        while time.monotonic() < end:
            n += 1
            probes.append(await timed(client, "GET", f"{base}/events", params={"limit": 20, "offset": n}))
            await asyncio.sleep(0.25)

    async def poster(client, k):
        n = k
        while time.monotonic() < end:
            body = {"text": texts[n % len(texts)], "date": "2018-07-20"}
            posts.append(await timed(client, "POST", f"{base}/analyze", json=body))
            n += clients

    async def sample():
        while time.monotonic() < end:
            server = rss_mb(pid)
            memory.append((time.monotonic() - started, server, server + sum(rss_mb(c) for c in children(pid))))
            await asyncio.sleep(1)

    async with httpx.AsyncClient(timeout=120, limits=httpx.Limits(max_connections=clients + 5)) as client:
        await asyncio.gather(sample(), probe(client), *(poster(client, k) for k in range(analyzers)),
                             *(browser(client) for _ in range(clients - analyzers)))
    for title, results in ((f"GET, {clients - analyzers} browsing clients ({think:g} s apart on average)", gets),
                           ("GET /events probe, every 0.25 s", probes),
                           (f"POST /analyze, {analyzers} clients back to back (pool saturated)", posts)):
        errors = [(status, text) for _, status, text in results if status != 200]
        print(f"{title}: {len(results) - len(errors)} ok, {len(errors)} errors, {len(results) / seconds:.1f} req/s")
        print(f"  latency: {percentiles([took for took, _, _ in results])}")
        for status, text in errors[:5]:
            print(f"  error {status}: {text}")
        if not results:
            print("  (none)")
    warm = seconds / 4
    for title, k in (("server memory", 1), ("server and analysis workers together", 2)):
        series = " ".join(f"{sample[k]:.0f}" for sample in memory[::5])
        print(f"{title} (MiB, every 5 s): {series}")
        after = [sample[k] for sample in memory if sample[0] >= warm]
        if after:
            print(f"  after warm-up ({warm:.0f} s): {min(after):.0f}..{max(after):.0f} MiB "
                  f"(spread {max(after) - min(after):.0f} MiB)")


def drip_check(base: str, text: str) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from dripping import dripping_server

    with dripping_server(pause=0.2) as url:
        started = time.perf_counter()
        r = httpx.post(f"{base}/analyze", json={"url": url}, timeout=300)
        print(f"dripping URL: {r.status_code} after {time.perf_counter() - started:.1f} s: {r.json()['error']}")
        started = time.perf_counter()
        r = httpx.post(f"{base}/analyze", json={"text": text}, timeout=300)
        print(f"next /analyze: {r.status_code} after {time.perf_counter() - started:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing store (default: build one from --texts)")
    parser.add_argument("--texts", default=str(ROOT / "examples" / "seed.txt"), help="a .txt file or a folder")
    parser.add_argument("--analyze", type=int, default=50, help="concurrent POST /analyze requests")
    parser.add_argument("--events", type=int, default=500, help="GET /events requests")
    parser.add_argument("--concurrency", type=int, default=20, help="GET /events in flight at once")
    parser.add_argument("--load", type=float, metavar="SECONDS", help="run the load test for this long instead")
    parser.add_argument("--clients", type=int, default=50, help="load test: clients (a fifth post /analyze)")
    parser.add_argument("--analyzers", type=int, help="load test: clients posting /analyze (default: a fifth)")
    parser.add_argument("--think", type=float, default=1.0, help="load test: mean seconds between a browser's GETs")
    parser.add_argument("--drip", action=argparse.BooleanOptionalAction, default=True,
                        help="load test: end with the dripping-URL check")
    parser.add_argument("--fetch-seconds", type=float, default=5, help="load test: the server's URL fetch deadline")
    parser.add_argument("--requests", type=int, default=20, help="distinct requests per corpus endpoint")
    parser.add_argument("--only", choices=["endpoints"], help="run only the per-endpoint latencies")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or build_store(args.texts, folder)
        port = free_port()
        extra = ("--allow-private",) if args.load else ()
        server = start_server(db, port, *extra, env={"NEWSGRAPH_FETCH_SECONDS": str(args.fetch_seconds)})
        base = f"http://127.0.0.1:{port}"
        try:
            actors = [a["actor_id"] for a in httpx.get(f"{base}/entities", params={"limit": 10}).json()["items"]]
            print(f"server: pid {server.pid}, {base}, store {db}, {len(actors)} actors sampled", flush=True)
            texts = article_texts(args.texts, 50)
            if args.load:
                asyncio.run(load_run(base, server.pid, texts, actors, args.load, args.clients, args.think,
                                     args.clients // 5 if args.analyzers is None else args.analyzers))
                if args.drip:
                    drip_check(base, texts[0])
                return 0
            if args.only is None:
                asyncio.run(analyze_burst(base, texts, args.analyze))
                asyncio.run(events_burst(base, args.events, args.concurrency, actors, distinct=True))
                asyncio.run(events_burst(base, args.events, args.concurrency, actors, distinct=False))
            endpoint_latencies(base, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())

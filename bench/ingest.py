"""Benchmark: ingest with the local engine and with Dask (1 and 2 workers), beside the spaCy floor.

    python bench/ingest.py ../shared/data/polnear/train/text [--limit N] [--workers 1 2] [--json]

Steps (each in a fresh process, into a fresh store in a temporary folder):
  floor        the texts through spaCy's own pipeline alone (newsgraph.nlp.load_stock, loaded
               before the clock)
  local        newsgraph ingest --engine local (model loading included: a real run)
  dask N       newsgraph ingest --engine dask --workers N (cluster start and model loading included)
The wall time of each ingest includes reading, analysis and writing the store. Peak memory
is the driver's; for Dask the peak of each worker is listed in the note. The row counts of
every store are compared: the engines must agree.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from measure import Clock, in_child, rates, report


def _files(paths: list[str], limit: int | None) -> list[str]:
    from newsgraph.read import expand

    found = []
    for spec in paths:
        expanded = expand(spec)
        found += expanded if isinstance(expanded, list) else []
    return found[:limit] if limit else found


def _words(files: list[str]) -> int:
    from newsgraph.read import Document, read_inputs

    return sum(len(d.text.split()) for d in read_inputs(files) if isinstance(d, Document))


def step_floor(files: list[str]) -> dict:
    from newsgraph import nlp
    from newsgraph.read import Document, read_inputs

    texts = [nlp.fold(d.text) for d in read_inputs(files) if isinstance(d, Document)]
    stock = nlp.load_stock()
    list(stock.pipe(texts[:2]))
    with Clock() as clock:
        for _ in stock.pipe(texts, batch_size=nlp.BATCH_SIZE):
            pass
    return rates("floor (spaCy only)", clock.seconds, len(texts), sum(len(t.split()) for t in texts))


def step_ingest(files: list[str], db: str, workers: int | None) -> dict:
    import duckdb

    from newsgraph.store.engines import IngestOptions, ingest
    from newsgraph.store.schema import TABLES

    with Clock() as clock:
        options = IngestOptions(workers=workers)
        result = ingest(files, db, options, engine="dask" if workers else "local", progress=False)
    con = duckdb.connect(db, read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    con.close()
    name = f"dask {workers} worker(s)" if workers else "local"
    note = f"workers peak MiB: {sorted(result.peak_rss_mb.values())}" if workers else ""
    return rates(name, clock.seconds, result.added, 0, note=note, counts=counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", help="folders, files or globs of articles")
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2], help="Dask worker counts to run")
    parser.add_argument("--no-local", action="store_true", help="skip the local engine")
    parser.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    args = parser.parse_args()
    files = _files(args.paths, args.limit)
    words = _words(files)
    rows = [in_child(step_floor, files)]
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-bench-"))
    try:
        for workers in ([None] if not args.no_local else []) + list(args.workers):
            row = in_child(step_ingest, files, str(tmp / f"store-{workers or 'local'}.duckdb"), workers)
            row.update(rates(row["step"], row["seconds"], row["articles"], words))
            rows.append(row)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _compare(rows)
    report(rows, args.json)


def _compare(rows: list[dict]) -> None:
    """Notes: row counts against the first ingest, speed-up of 2 Dask workers over 1, cost over the floor."""
    ingests = [r for r in rows if "counts" in r]
    floor = rows[0]
    for row in ingests:
        same = row["counts"] == ingests[0]["counts"]
        row["note"] = " ".join(filter(None, [
            row.get("note"), "" if same else f"ROW COUNTS DIFFER: {row['counts']}",
            f"{row['seconds'] / floor['seconds']:.2f}x the floor"]))
    by_name = {r["step"]: r for r in ingests}
    one, two = by_name.get("dask 1 worker(s)"), by_name.get("dask 2 worker(s)")
    if one and two:
        two["note"] += f"; {one['seconds'] / two['seconds']:.2f}x one worker"
    if ingests:
        ingests[0]["note"] += f"; rows: {ingests[0]['counts']}"
    for row in ingests:
        del row["counts"]


if __name__ == "__main__":
    main()

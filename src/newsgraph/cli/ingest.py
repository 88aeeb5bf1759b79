"""``newsgraph ingest PATH... --db FILE``: analyse articles into a DuckDB store."""

from __future__ import annotations

import argparse
import sys

from newsgraph.cli.analyze import add_analysis_options, add_date_options, undated_note
from newsgraph.errors import printable
from newsgraph.store.engines import ENGINES, IngestOptions, ingest


def register(sub) -> None:
    p = sub.add_parser(
        "ingest", help="analyse articles into a DuckDB store (idempotent, resumable)",
        description="Analyse articles into a DuckDB store. An article already stored (same text) is "
                    "skipped; work is committed in batches, so a killed run can simply be started again. "
                    "Exits 1 when an input failed (the others are stored; see the failures table).",
    )
    p.add_argument("inputs", nargs="+", metavar="PATH", help="file, folder, glob, http(s) URL, or - for stdin")
    p.add_argument("--db", required=True, metavar="FILE", help="the DuckDB store (created when missing)")
    add_date_options(p)
    p.add_argument("--batch-size", type=_positive, metavar="N",
                   help="inputs per transaction: articles (local, default 64) or files per partition "
                        "(dask, default 32)")
    p.add_argument("--engine", choices=ENGINES,
                   help="local: this process (the default); dask: a Dask cluster (see docs/scale.md), "
                        "the default when --workers or --scheduler is given")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_positive, metavar="N",
                       help="dask: worker processes of a local cluster (default: one per core)")
    where.add_argument("--scheduler", metavar="ADDRESS", help="dask: an existing scheduler, e.g. tcp://host:8786")
    p.add_argument("--staging", metavar="DIR", help="dask: folder for the Parquet partitions (default: beside --db)")
    p.add_argument("--keep-staging", action="store_true",
                   help="dask: keep the Parquet partitions after loading them (to query them directly)")
    p.add_argument("--allow-private", action="store_true", help="allow URLs on loopback and private addresses")
    add_analysis_options(p)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="draw a progress bar on standard error (default: when it is a terminal)")
    p.add_argument("-v", "--verbose", action="store_true", help="say on standard error when a batch is committed")
    p.set_defaults(run=run)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def run(args) -> int:
    committed = [0]

    def on_commit(added: int) -> None:
        committed[0] += 1
        if args.verbose:
            print(f"newsgraph: committed batch {committed[0]} ({added} new article(s))", file=sys.stderr, flush=True)

    options = IngestOptions(allow_private=args.allow_private, date=args.date, meta=args.meta,
                            knowledge=args.knowledge, skip=args.skip, min_confidence=args.min_confidence,
                            batch_size=args.batch_size,
                            workers=args.workers, scheduler=args.scheduler, staging=args.staging,
                            keep_staging=args.keep_staging)
    engine = args.engine or ("dask" if args.workers or args.scheduler else "local")
    report = ingest(args.inputs, args.db, options, engine=engine, progress=args.progress, on_commit=on_commit)
    for failure in report.failures[:20]:
        print(f"newsgraph: failed: {failure}", file=sys.stderr)
    if len(report.failures) > 20:
        print(f"newsgraph: ... and {len(report.failures) - 20} more (SELECT * FROM failures)", file=sys.stderr)
    print(f"newsgraph: {report.summary()} -> {printable(args.db)}", file=sys.stderr)
    if report.undated:
        print(f"newsgraph: {undated_note(report.undated, report.analysed)}", file=sys.stderr)
    return 1 if report.failures else 0

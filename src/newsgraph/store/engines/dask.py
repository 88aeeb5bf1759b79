"""The Dask engine: partitions of inputs analysed by workers, merged into DuckDB.

Each worker process loads spaCy once (``nlp.load`` is cached per process), reads and
analyses a partition of inputs as the local engine does (the same
:class:`~newsgraph.store.engines.base.IngestOptions`, sent whole), and writes the rows of
every table as Parquet files in a staging folder. The driver merges the partitions into
the store in input order, one transaction per partition, through the same
:func:`~newsgraph.store.db.write_batch` as the local engine: so the rows are the same, a
re-run adds nothing, and a killed run resumes (partitions already merged are recorded in
the store and skipped; partitions already staged are not analysed again).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.store.db import open_store, to_arrow, write_batch
from newsgraph.store.engines.base import ANALYSE, READ, Engine, IngestOptions, IngestReport, input_name, merged_rows
from newsgraph.store.rows import Rows, record_rows
from newsgraph.store.schema import TABLES

log = logging.getLogger(__name__)

FILES_PER_PARTITION = 32  # at most, unless batch_size says; fewer when there are few files, so every worker gets work
# small enough that when the last partitions run, no worker idles long waiting for the others
PARTITIONS_PER_WORKER = 8
DONE = "_SUCCESS"  # marks a staged partition as complete (written last)
# partitions merged into a store (and how many articles each staged): a re-run skips them
PARTITIONS_DDL = "CREATE TABLE IF NOT EXISTS ingested_partitions (key VARCHAR PRIMARY KEY, articles INTEGER)"


def list_inputs(specs: list[str]) -> tuple[list[str], list[InputError]]:
    """The files and URLs ``specs`` name, in the local engine's order, and the specs that name none."""
    from newsgraph.read import expand  # the readers' own expansion, so both engines see the same files
    from newsgraph.read.url import is_url

    found, errors = [], []
    for spec in specs:
        if spec == "-":
            errors.append(InputError("<stdin>", "standard input cannot be shared with Dask workers; "
                                                "use --engine local"))
            continue
        paths = [spec] if is_url(spec) else expand(spec)
        if isinstance(paths, InputError):
            errors.append(paths)
        else:
            found += paths  # as given, like the local engine: on a remote cluster give absolute paths
    return found, errors


def partitions(files: list[str], workers: int, most: int = FILES_PER_PARTITION) -> list[list[str]]:
    """Consecutive slices of ``files``: about PARTITIONS_PER_WORKER per worker, none over ``most``."""
    if not files:
        return []
    size = max(1, min(most, -(-len(files) // (workers * PARTITIONS_PER_WORKER))))
    return [files[i : i + size] for i in range(0, len(files), size)]


def partition_key(files: list[str], options: IngestOptions) -> str:
    """A name for a partition's staged output: its files (with sizes and times) and the options
    that change what is read and analysed."""
    stamp = []
    for name in files:
        try:
            st = os.stat(name)
            stamp.append([name, st.st_size, st.st_mtime_ns])
        except OSError:
            stamp.append([name, None, None])
    return hashlib.sha256(json.dumps([stamp, options.parts(READ, ANALYSE)], sort_keys=True).encode()).hexdigest()[:24]


def analyze_partition(files: list[str], options: IngestOptions, batch_size: int, folder: str) -> dict:
    """On a worker: read and analyse ``files`` as ``options`` say, and stage the rows of each
    table as Parquet in ``folder`` (the marker file names the files and the options)."""
    import resource

    items: list[tuple[str, Rows]] = []
    failures: list[InputError] = []
    seen: set[str] = set()
    for item in options.analyze(options.read(files), batch_size):
        if isinstance(item, InputError):
            failures.append(item)
        elif item.id not in seen:
            seen.add(item.id)
            try:
                items.append((input_name(item), record_rows(item)))
            except Exception as exc:  # one article's bad data must not lose the partition
                failures.append(InputError(input_name(item), f"cannot be stored: {exc.__class__.__name__}: {exc}"))
    tables = _tables(items, failures)
    tmp = Path(folder + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for table, data in tables.items():
        pq.write_table(data, tmp / f"{table}.parquet")
    (tmp / DONE).write_text(json.dumps({"files": files, "options": options.to_dict()}))
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)  # a partition is staged whole or not at all
    return {"folder": folder, "articles": tables["articles"].num_rows, "failures": tables["failures"].num_rows,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "pid": os.getpid()}


def _tables(items: list[tuple[str, Rows]], failures: list[InputError]) -> dict:
    """Arrow tables of the records' rows; a record whose rows do not fit the types becomes a failure."""
    try:
        return to_arrow(merged_rows([rows for _, rows in items], failures))
    except (pa.ArrowException, ValueError, TypeError, OverflowError):
        good = []
        for name, rows in items:
            try:
                to_arrow(rows)
                good.append(rows)
            except (pa.ArrowException, ValueError, TypeError, OverflowError) as exc:
                failures.append(InputError(name, f"cannot be stored: {exc.__class__.__name__}: {exc}"))
        return to_arrow(merged_rows(good, failures))


def load_partition(folder: str | Path) -> dict:
    """A staged partition's tables, as Arrow tables."""
    return {table: pq.read_table(Path(folder) / f"{table}.parquet") for table in TABLES}


class DaskEngine(Engine):
    """Partitions of inputs analysed on a Dask cluster (a LocalCluster of ``workers`` processes
    unless ``scheduler`` is given), merged into the store one partition per transaction.

    ``keep_staging`` keeps the Parquet partitions after the merge, to query them directly.
    """

    name = "dask"
    batch_size = FILES_PER_PARTITION
    cluster = True

    def ingest(self, inputs: list[str], db: str, options: IngestOptions | None = None, *,
               progress: bool | None = None, on_commit: Callable[[int], None] | None = None) -> IngestReport:
        from newsgraph.progress import progress_bar

        options = self.check(options)
        options.pipeline(self.batch(options))  # a bad knowledge folder or stage name fails before any work
        files, errors = list_inputs(inputs)
        report = IngestReport(failed=len(errors), failures=list(errors))
        stage = Path(options.staging or f"{db}.staging")
        con = open_store(db)
        try:
            con.execute(PARTITIONS_DDL)
            if errors:
                write_batch(con, to_arrow({"failures": [(e.input, e.reason) for e in errors]}))
            with _client(options.workers, options.scheduler) as client:
                n_workers = max(1, len(client.scheduler_info()["workers"]))
                parts = partitions(files, n_workers, self.batch(options))
                with progress_bar(len(files), "ingesting (dask)", enabled=progress) as advance:
                    _Run(client, con, stage, report, options, self.batch(options), on_commit).run(parts, advance)
                report.peak_rss_mb = _peak_memory(client)
        finally:
            con.close()
        return report


@dataclass
class _Run:
    """One Dask ingest: where partitions are staged, where they are merged, what was done."""

    client: Any
    con: Any
    stage: Path
    report: IngestReport
    options: IngestOptions = IngestOptions()
    batch_size: int = FILES_PER_PARTITION  # the worker's transaction size (a partition's, at most)
    on_commit: Callable[[int], None] | None = None

    def run(self, parts: list[list[str]], advance: Callable[[int], None]) -> None:
        """Submit the partitions not merged yet; merge them in input order as they finish."""
        done = dict(self.con.execute("SELECT key, articles FROM ingested_partitions").fetchall())
        keys = [partition_key(files, self.options) for files in parts]
        futures = {n: self._submit(files, key) for n, (files, key) in enumerate(zip(parts, keys, strict=True))
                   if key not in done and not (self.stage / f"part-{key}" / DONE).exists()}
        for n, (files, key) in enumerate(zip(parts, keys, strict=True)):
            if key in done:
                self.report.skipped += done[key] or 0  # its articles are all stored
            else:
                self._merge(files, key, _wait(futures.pop(n, None)))
            advance(len(files))
        if self.stage.exists() and not any(self.stage.iterdir()):
            self.stage.rmdir()

    def _submit(self, files: list[str], key: str):
        folder = str(self.stage / f"part-{key}")
        return self.client.submit(analyze_partition, files, self.options, self.batch_size, folder,
                                  key=f"newsgraph-partition-{key}", pure=False)

    def _merge(self, files: list[str], key: str, failure: str | None) -> None:
        """Write a partition's rows in one transaction (or its files as failures)."""
        folder = self.stage / f"part-{key}"
        if failure:  # not recorded as merged: a re-run tries the partition again
            batch = to_arrow({"failures": [(f, failure) for f in files]})
        else:
            batch = load_partition(folder)
        added = write_batch(self.con, batch)
        if not failure:
            staged = batch["articles"].num_rows
            self.con.execute("INSERT OR IGNORE INTO ingested_partitions VALUES (?, ?)", [key, staged])
            if not self.options.keep_staging:
                shutil.rmtree(folder, ignore_errors=True)
        report = self.report
        articles = batch["articles"]
        report.analysed += articles.num_rows
        report.undated += articles.column("published").null_count
        report.added += added
        report.skipped += batch["articles"].num_rows - added
        report.failures += [InputError(r["input"], r["reason"]) for r in batch["failures"].to_pylist()]
        report.failed = len(report.failures)
        if self.on_commit:
            self.on_commit(added)


def _wait(future) -> str | None:
    """None when the partition's task ended well (or there was none); else why it failed."""
    if future is None:
        return None
    try:
        future.result()
    except Exception as exc:  # a worker that crashed or died (out of memory: KilledWorker)
        log.warning("a Dask partition failed", exc_info=True)
        return f"the Dask worker failed: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
    return None


def _peak_memory(client) -> dict[str, float]:
    """Peak resident memory of each worker process, in MiB."""
    import resource

    def peak() -> float:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    return {address: round(mb, 1) for address, mb in client.run(peak).items()}


class _client:
    """A Dask client: on the scheduler at ``address``, or on a LocalCluster of ``workers`` processes."""

    def __init__(self, workers: int | None, address: str | None):
        self.workers, self.address = workers, address
        self.cluster = self.client = None

    def __enter__(self):
        from dask.distributed import Client, LocalCluster

        try:
            if self.address:
                self.client = Client(self.address, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1, threads_per_worker=1,
                                            processes=True, dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except OSError as exc:
            raise NewsgraphError(f"cannot reach the Dask scheduler {self.address}: {exc}") from None
        return self.client

    def __exit__(self, *exc) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

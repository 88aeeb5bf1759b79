"""The local engine: read, analyse and write in batches, in this process.

Articles already stored are recognised by their id (a hash of the text) as soon as they
are read, before the spaCy parse, so a restarted run only analyses what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

import duckdb
import pyarrow as pa

from newsgraph.errors import InputError, store_error
from newsgraph.read import Document
from newsgraph.record import Record, record_id
from newsgraph.store.db import STORE_FAILURES, is_stored, open_store, to_arrow, write_batch
from newsgraph.store.engines.base import Engine, IngestOptions, IngestReport, input_name, merged_rows
from newsgraph.store.rows import Rows, record_rows

log = logging.getLogger(__name__)

BATCH_ARTICLES = 64  # articles per transaction: a killed run loses at most this much work


class BatchWriter:
    """Collects the rows of records and failures; writes them every ``size`` articles.

    A record whose rows cannot be made or stored becomes a failure (the run goes on): when a
    batch cannot be written, its articles are written one by one to find the culprit.
    """

    def __init__(self, con, size: int = BATCH_ARTICLES, on_commit: Callable[[int], None] | None = None):
        self.con, self.size, self.on_commit = con, size, on_commit
        self.items: list[tuple[str, Rows]] = []  # (input name, rows) per record
        self.failures: list[InputError] = []  # pending failures
        self.store_failures: list[InputError] = []  # records that could not be stored, this run
        self.added = 0

    def add_record(self, record: Record) -> None:
        name = input_name(record)
        try:
            self.items.append((name, record_rows(record)))
        except Exception as exc:  # one article's bad data must not stop the run
            self._store_failure(name, exc)
        self._count()

    def add_failure(self, error: InputError) -> None:
        self.failures.append(error)
        self._count()

    def _count(self) -> None:
        if len(self.items) + len(self.failures) >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write what is pending in one transaction (or, when that fails, article by article)."""
        if not self.items and not self.failures:
            return
        try:
            added = write_batch(self.con, to_arrow(merged_rows([rows for _, rows in self.items], self.failures)))
        except STORE_FAILURES:  # the store itself failed (disk full, damaged): no article is to blame
            raise
        except (duckdb.Error, pa.ArrowException, ValueError, TypeError, OverflowError):
            added = self._write_one_by_one()
        self.added += added
        self.items, self.failures = [], []
        if self.on_commit:
            self.on_commit(added)

    def _write_one_by_one(self) -> int:
        added = 0
        for name, rows in self.items:
            try:
                added += write_batch(self.con, to_arrow(rows))
            except STORE_FAILURES:
                raise
            except (duckdb.Error, pa.ArrowException, ValueError, TypeError, OverflowError) as exc:
                self._store_failure(name, exc)
        write_batch(self.con, to_arrow(merged_rows([], self.failures)))
        return added

    def _store_failure(self, name: str, exc: BaseException) -> None:
        log.debug("cannot store %s", name, exc_info=True)
        error = InputError(name, f"cannot be stored: {exc.__class__.__name__}: {str(exc).splitlines()[0][:200]}")
        self.store_failures.append(error)
        self.failures.append(error)


def new_documents(items: Iterable[Document | InputError], con, report: IngestReport,
                  advance: Callable[[int], None] = lambda n=1: None) -> Iterator[Document | InputError]:
    """The documents whose text is not yet stored (nor seen earlier in this run), and errors.

    The store is asked about each document as it is read (an indexed lookup, far cheaper than
    its analysis): adding a few articles to a big store loads none of the ids it holds, and
    nothing waits for more input than it needs.
    """
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Document):
            key = record_id(item.text)
            if key in seen or is_stored(con, key):
                report.skipped += 1
                advance()
                continue
            seen.add(key)
        yield item


class LocalEngine(Engine):
    """Reads, analyses and writes in this process; a transaction every ``batch_size`` articles."""

    name = "local"
    batch_size = BATCH_ARTICLES

    def ingest(self, inputs: list[str], db: str, options: IngestOptions | None = None, *,
               progress: bool | None = None, on_commit: Callable[[int], None] | None = None) -> IngestReport:
        """Analyse ``inputs`` (paths, folders, globs, URLs) into the store at ``db``."""
        from newsgraph.progress import progress_bar
        from newsgraph.read import count_files

        options = self.check(options)
        batch_size = self.batch(options)
        pipeline = options.pipeline(batch_size)  # a bad knowledge folder or stage name fails before any work
        report = IngestReport()
        con = open_store(db)
        try:
            writer = BatchWriter(con, batch_size, on_commit)
            with progress_bar(count_files(inputs), "ingesting", enabled=progress) as advance:
                docs = new_documents(options.read(inputs), con, report, advance)
                for item in pipeline.analyze_stream(docs, options.date):
                    if isinstance(item, InputError):
                        report.failed += 1
                        report.failures.append(item)
                        writer.add_failure(item)
                    else:
                        report.analysed += 1
                        report.undated += item.meta.published is None
                        writer.add_record(item)
                    advance()
                writer.flush()
            report.added = writer.added
            report.failures += writer.store_failures
            report.failed += len(writer.store_failures)
        except STORE_FAILURES as exc:
            raise store_error(db, exc) from None
        finally:
            try:
                con.close()
            except STORE_FAILURES:  # closing a store whose disk is full fails too; the first error counts
                pass
        return report

"""Ingest articles into a store with the local engine: read, analyse, write in batches.

Articles already stored are recognised by their id (a hash of the text) as soon as they
are read, before the spaCy parse, so a restarted run only analyses what is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsgraph.errors import InputError
from newsgraph.read import Document
from newsgraph.record import Record, record_id
from newsgraph.store.db import open_store, stored_ids, to_arrow, write_batch
from newsgraph.store.rows import Rows, record_rows

BATCH_ARTICLES = 64  # articles per transaction: a killed run loses at most this much work


@dataclass
class IngestReport:
    """What a run did: articles added, articles already stored, inputs that failed."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[InputError] = field(default_factory=list)
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per Dask worker

    def summary(self) -> str:
        return f"{self.added} article(s) added, {self.skipped} already stored, {self.failed} failed"


class BatchWriter:
    """Collects the rows of records and failures; writes them every ``size`` articles."""

    def __init__(self, con, size: int = BATCH_ARTICLES, on_commit: Callable[[int], None] | None = None):
        self.con, self.size, self.on_commit = con, size, on_commit
        self.rows: Rows = {}
        self.pending = 0
        self.added = 0

    def add_record(self, record: Record) -> None:
        for table, rows in record_rows(record).items():
            self.rows.setdefault(table, []).extend(rows)
        self._count()

    def add_failure(self, error: InputError) -> None:
        self.rows.setdefault("failures", []).append((error.input, error.reason))
        self._count()

    def _count(self) -> None:
        self.pending += 1
        if self.pending >= self.size:
            self.flush()

    def flush(self) -> None:
        """Write what is pending in one transaction."""
        if not self.pending:
            return
        added = write_batch(self.con, to_arrow(self.rows))
        self.added += added
        self.rows, self.pending = {}, 0
        if self.on_commit:
            self.on_commit(added)


def new_documents(items: Iterable[Document | InputError], known: set[str], report: IngestReport,
                  advance: Callable[[int], None] = lambda n=1: None) -> Iterator[Document | InputError]:
    """The documents whose text is not yet stored (nor seen earlier in this run), and errors."""
    for item in items:
        if isinstance(item, Document):
            key = record_id(item.text)
            if key in known:
                report.skipped += 1
                advance()
                continue
            known.add(key)
        yield item


def ingest(inputs: list[str], db: str, *, date: str | None = None, batch_size: int = BATCH_ARTICLES,
           allow_private: bool = False, progress: bool | None = None,
           on_commit: Callable[[int], None] | None = None) -> IngestReport:
    """Analyse ``inputs`` (paths, folders, globs, URLs) into the store at ``db``."""
    from newsgraph.pipeline import analyze_stream
    from newsgraph.progress import progress_bar
    from newsgraph.read import count_files, read_inputs

    report = IngestReport()
    con = open_store(db)
    try:
        writer = BatchWriter(con, batch_size, on_commit)
        with progress_bar(count_files(inputs), "ingesting", enabled=progress) as advance:
            docs = new_documents(read_inputs(inputs, allow_private=allow_private), stored_ids(con), report, advance)
            for item in analyze_stream(docs, date=date, batch_size=min(batch_size, 16)):
                if isinstance(item, InputError):
                    report.failed += 1
                    report.failures.append(item)
                    writer.add_failure(item)
                else:
                    writer.add_record(item)
                advance()
            writer.flush()
        report.added = writer.added
    finally:
        con.close()
    return report

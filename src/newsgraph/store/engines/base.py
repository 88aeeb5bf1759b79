"""What every ingest engine shares: the options, the interface, the report, the batch rows.

An engine reads inputs, analyses them and stores the records, all as one
:class:`IngestOptions` says. Reading and analysing go through the options' own
:meth:`IngestOptions.read` and :meth:`IngestOptions.analyze`, called by the local engine in
this process and by every Dask worker with the same (pickled) object: so an option added
here reaches both engines, and the workers, without another line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import ClassVar

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.read import Document
from newsgraph.record import Record
from newsgraph.store.rows import Rows

# what each option is about: the store ones decide how rows are committed, the cluster ones
# where the work runs; the read and analyse ones change the rows themselves
READ, ANALYSE, STORE, CLUSTER = "read", "analyse", "store", "cluster"


def _option(default, part: str):
    return field(default=default, metadata={"part": part})


@dataclass(frozen=True)
class IngestOptions:
    """How to read, analyse and store a corpus: one object, taken as it is by every engine.

    ``batch_size`` is the most inputs one transaction holds: articles for the local engine
    (default 64), files for the Dask engine, where a transaction is a partition (default 32).
    """

    allow_private: bool = _option(False, READ)  # allow URLs on loopback and private addresses
    meta: str | None = _option(None, READ)  # a sidecar of article metadata (CSV, TSV, JSONL: read/sidecar.py)
    date: str | None = _option(None, ANALYSE)  # publication date (YYYY-MM-DD) of inputs that give none
    knowledge: tuple[str, ...] = _option((), ANALYSE)  # folders of knowledge files over the built-in ones
    skip: tuple[str, ...] = _option((), ANALYSE)  # pipeline stages switched off
    min_confidence: float | None = _option(None, ANALYSE)  # events below it are not stored
    batch_size: int | None = _option(None, STORE)  # inputs per transaction (default: the engine's)
    workers: int | None = _option(None, CLUSTER)  # worker processes of a local Dask cluster
    scheduler: str | None = _option(None, CLUSTER)  # the address of an existing Dask scheduler
    staging: str | None = _option(None, CLUSTER)  # folder for the staged Parquet partitions
    keep_staging: bool = _option(False, CLUSTER)  # keep the staged partitions after the merge

    def __post_init__(self):
        for name in ("knowledge", "skip"):  # lists given are kept as tuples: the options stay hashable
            object.__setattr__(self, name, tuple(str(v) for v in getattr(self, name)))
        if self.batch_size is not None and self.batch_size < 1:
            raise NewsgraphError(f"batch_size must be a positive whole number, got {self.batch_size!r}")
        if self.workers is not None and self.workers < 1:
            raise NewsgraphError(f"workers must be a positive whole number, got {self.workers!r}")
        if self.workers and self.scheduler:
            raise NewsgraphError("workers (a local cluster) and scheduler (an existing one) exclude each other")
        if self.meta is not None:
            object.__setattr__(self, "meta", str(self.meta))
            self.sidecar()  # a missing or broken metadata file fails before any work

    def sidecar(self):
        """The metadata sidecar these options read with, or None."""
        from newsgraph.read.sidecar import load_sidecar

        return load_sidecar(self.meta) if self.meta else None

    def read(self, specs: Iterable[str]) -> Iterator[Document | InputError]:
        """Documents (or InputErrors) from paths, folders, globs and URLs, as these options read them."""
        from newsgraph.read import read_inputs
        from newsgraph.read.sidecar import described

        return described(read_inputs(specs, allow_private=self.allow_private), self.sidecar())

    def pipeline(self, batch_size: int):
        """The Pipeline these options analyse with (its knowledge checked as it is built).

        ``batch_size`` is the engine's transaction size: no parse chunk is bigger, so a batch
        is committed before more input is awaited.
        """
        from newsgraph import nlp
        from newsgraph.knowledge import Knowledge
        from newsgraph.pipeline import Pipeline

        knowledge = Knowledge(list(self.knowledge)) if self.knowledge else None
        return Pipeline(knowledge, self.skip, batch_size=min(batch_size, nlp.BATCH_SIZE),
                        min_confidence=self.min_confidence)

    def analyze(self, items: Iterable[Document | InputError], batch_size: int) -> Iterator[Record | InputError]:
        """Records (or InputErrors), in input order, as these options analyse them."""
        return self.pipeline(batch_size).analyze_stream(items, self.date)

    def parts(self, *parts: str) -> dict:
        """The options about ``parts`` (READ, ANALYSE, STORE, CLUSTER), by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.metadata["part"] in parts}

    def to_dict(self) -> dict:
        """The options as JSON holds them."""
        return {name: list(value) if isinstance(value, tuple) else value for name, value in asdict(self).items()}


@dataclass
class IngestReport:
    """What a run did: articles added, articles already stored, inputs that failed."""

    added: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[InputError] = field(default_factory=list)
    analysed: int = 0  # articles analysed in this run
    undated: int = 0  # of these, articles with no publication date
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per Dask worker

    def summary(self) -> str:
        return f"{self.added} article(s) added, {self.skipped} already stored, {self.failed} failed"


class Engine:
    """An ingest engine: analyses ``inputs`` into the store at ``db`` as ``options`` say.

    ``progress`` draws a progress bar on standard error (None: when it is a terminal);
    ``on_commit(added)`` is called after every transaction with the articles it added.
    """

    name: ClassVar[str]
    batch_size: ClassVar[int]  # the default transaction size
    cluster: ClassVar[bool] = False  # whether the engine takes the CLUSTER options

    def ingest(self, inputs: list[str], db: str, options: IngestOptions | None = None, *,
               progress: bool | None = None, on_commit: Callable[[int], None] | None = None) -> IngestReport:
        raise NotImplementedError

    def check(self, options: IngestOptions | None) -> IngestOptions:
        """The options, or the defaults; an error when they ask for a cluster this engine has not."""
        options = options or IngestOptions()
        if not self.cluster:
            asked = [name for name, value in options.parts(CLUSTER).items() if value]
            if asked:
                raise NewsgraphError(f"{', '.join(asked)}: only the dask engine takes these options")
        return options

    def batch(self, options: IngestOptions) -> int:
        return options.batch_size or self.batch_size


def input_name(record: Record) -> str:
    """The input a record came from, as failures name it (path or URL, and JSONL line)."""
    source = record.source
    name = source.path or source.url or f"<text {record.id}>"
    return f"{name}:{source.line}" if source.line else name


def merged_rows(per_record: list[Rows], failures: list[InputError]) -> Rows:
    """The rows of several records (and failures) as one batch."""
    out: Rows = {"failures": [(f.input, f.reason) for f in failures]}
    for rows in per_record:
        for table, table_rows in rows.items():
            out.setdefault(table, []).extend(table_rows)
    return out

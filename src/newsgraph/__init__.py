"""newsgraph: who is in a news article, who said what, who did what to whom, when and where.

    >>> import newsgraph
    >>> record = newsgraph.analyze("Mr Putin met Mr Trump in Helsinki on Monday.", date="2018-07-16")
    >>> record.to_dict()["entities"][0]["name"]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping

from newsgraph.errors import InputError, ModelMissing, NewsgraphError
from newsgraph.knowledge import Knowledge, KnowledgeError
from newsgraph.record import SCHEMA, Entity, Event, Meta, Place, Quote, Record, Span, Time, Zone

__version__ = "0.1.0"
__all__ = [
    "analyze", "analyze_all", "to_arrow", "to_pandas",
    "Record", "Entity", "Quote", "Event", "Place", "Time", "Zone", "Span", "Meta",
    "InputError", "ModelMissing", "NewsgraphError", "SCHEMA", "__version__", "Knowledge", "KnowledgeError",
]


KnowledgeLike = Knowledge | str | os.PathLike | Iterable[str | os.PathLike] | None


def analyze(text_or_path: str, date: str | None = None, *, knowledge: KnowledgeLike = None,
            skip: Iterable[str] = ()) -> Record:
    """Analyse one article: a string of text, or a path or URL holding one article.

    ``date`` (YYYY-MM-DD) is the publication date, used to resolve "last Friday".
    ``knowledge`` is a :class:`Knowledge`, or a folder (or folders) of knowledge files merged
    over the built-in ones; ``skip`` names stages to switch off ("events").
    Raises InputError when the input cannot be read or holds more than one article.
    """
    from newsgraph.read import read_text
    from newsgraph.read.url import is_url

    date = _date(date)
    if is_url(text_or_path) or (len(text_or_path) < 4096 and "\n" not in text_or_path and os.path.exists(text_or_path)):
        results = list(analyze_all([text_or_path], date=date, knowledge=knowledge, skip=skip, texts=False))
        if len(results) != 1:
            raise InputError(text_or_path, f"holds {len(results)} articles; use analyze_all()")
    else:
        results = list(_pipeline(knowledge, skip).analyze_stream([read_text(text_or_path)], date=date))
    if isinstance(results[0], InputError):
        raise results[0]
    return results[0]


Input = str | os.PathLike | tuple[str, Mapping[str, object]]


def analyze_all(
    inputs: Iterable[Input], date: str | None = None, *, meta: str | os.PathLike | None = None,
    allow_private: bool = False, knowledge: KnowledgeLike = None, skip: Iterable[str] = (), explain: bool = False,
    min_confidence: float | None = None, texts: bool = True,
) -> Iterator[Record | InputError]:
    """Records for the inputs, in order; an InputError in place of each input (or part of one)
    that cannot be read or analysed.

    An input is a path, folder, glob or URL; a raw text (a string with white space in it that
    names no file: ``texts=False`` reads every string as a path); or a ``(text, meta)`` pair, as
    spaCy's ``nlp.pipe(..., as_tuples=True)`` takes them, whose ``meta`` gives the text's
    ``published`` (or ``date``), ``url``, ``publisher``, ``title``, ``language``, ``byline``.
    ``meta`` is a sidecar file of such metadata for the files read (CSV, TSV or JSONL keyed by
    file name, path or URL); ``date`` is the publication date of every input that gives none.
    """
    from newsgraph.read.sidecar import load_sidecar

    # built (and the knowledge checked) before any input is read
    pipeline = _pipeline(knowledge, skip, explain, min_confidence)
    date = _date(date)
    sidecar = load_sidecar(meta) if meta is not None else None
    return pipeline.analyze_stream(_documents(inputs, sidecar, allow_private, texts), date=date)


def _documents(inputs: Iterable[Input], sidecar, allow_private: bool, texts: bool):
    from newsgraph.read import read_inputs, read_text
    from newsgraph.read.sidecar import described, with_metadata

    for n, item in enumerate(inputs, 1):
        if isinstance(item, tuple):
            text, values = item
            try:
                yield with_metadata(read_text(text, f"<text {n}>"), values or {})
            except InputError as exc:
                yield exc
        elif isinstance(item, str) and texts and _is_text(item):
            try:
                yield read_text(item, f"<text {n}>")
            except InputError as exc:
                yield exc
        else:
            yield from described(read_inputs([os.fspath(item)], allow_private=allow_private), sidecar)


def _is_text(value: str) -> bool:
    """Whether a string is an article's text rather than a path, glob or URL: it has white space in
    it and names no file (nor a URL)."""
    from newsgraph.read.url import is_url

    if "\n" in value or len(value) > 4096:
        return True
    return any(c.isspace() for c in value) and not is_url(value) and not os.path.exists(value)


def _date(date: str | None) -> str | None:
    from newsgraph.read.dates import normalise_date

    return normalise_date(date, "date") if date else None


def to_arrow(records: Iterable[Record]) -> dict:
    """The store's tables (``articles``, ``entities``, ``events``, ... and the views, ``actors`` ...) for
    these records, as Arrow tables by name: the same columns, types and rows as ``newsgraph ingest``
    writes (docs/store.md). InputErrors among the records are passed over."""
    from newsgraph.store.frames import records_to_arrow

    return records_to_arrow(records)


def to_pandas(records: Iterable[Record]) -> dict:
    """:func:`to_arrow` as pandas DataFrames by table name (needs pandas)."""
    from newsgraph.store.frames import records_to_pandas

    return records_to_pandas(records)


def load_knowledge(knowledge: KnowledgeLike) -> Knowledge | None:
    """A Knowledge from a Knowledge, a folder of overrides, or several; None for the built-in one."""
    if knowledge is None or isinstance(knowledge, Knowledge):
        return knowledge
    if isinstance(knowledge, str | os.PathLike):
        knowledge = [knowledge]
    return Knowledge(list(knowledge))


def _pipeline(knowledge: KnowledgeLike = None, skip: Iterable[str] = (), explain: bool = False,
              min_confidence: float | None = None):
    from newsgraph.pipeline import Pipeline

    return Pipeline(load_knowledge(knowledge), skip, explain=explain, min_confidence=min_confidence)

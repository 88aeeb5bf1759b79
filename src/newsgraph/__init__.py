"""newsgraph: who is in a news article, who said what, who did what to whom, when and where.

    >>> import newsgraph
    >>> record = newsgraph.analyze("Mr Putin met Mr Trump in Helsinki on Monday.", date="2018-07-16")
    >>> record.to_dict()["entities"][0]["name"]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError, ModelMissing, NewsgraphError
from newsgraph.knowledge import Knowledge, KnowledgeError
from newsgraph.record import SCHEMA, Entity, Event, Meta, Place, Quote, Record, Span, Time, Zone

__version__ = "0.1.0"
__all__ = [
    "analyze", "analyze_all", "Record", "Entity", "Quote", "Event", "Place", "Time", "Zone", "Span", "Meta",
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
    from newsgraph.read.dates import normalise_date
    from newsgraph.read.url import is_url

    date = normalise_date(date, "date") if date else None
    if is_url(text_or_path) or (len(text_or_path) < 4096 and "\n" not in text_or_path and os.path.exists(text_or_path)):
        results = list(analyze_all([text_or_path], date=date, knowledge=knowledge, skip=skip))
        if len(results) != 1:
            raise InputError(text_or_path, f"holds {len(results)} articles; use analyze_all()")
    else:
        results = list(_pipeline(knowledge, skip).analyze_stream([read_text(text_or_path)], date=date))
    if isinstance(results[0], InputError):
        raise results[0]
    return results[0]


def analyze_all(
    inputs: Iterable[str], date: str | None = None, *, allow_private: bool = False,
    knowledge: KnowledgeLike = None, skip: Iterable[str] = (), explain: bool = False,
    min_confidence: float | None = None,
) -> Iterator[Record | InputError]:
    """Records for paths, folders, globs or URLs, in order; an InputError in place of
    each input (or part of one) that cannot be read or analysed."""
    from newsgraph.read import read_inputs

    pipeline = _pipeline(knowledge, skip, explain, min_confidence)  # built (and the knowledge checked) before any input is read
    return pipeline.analyze_stream(read_inputs(inputs, allow_private=allow_private), date=date)


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

"""The stages in order, for one article and for a stream of them.

Each stage is a function of the text and of what earlier stages found; none changes
the text. spaCy runs once per article, through ``nlp.pipe`` in bounded batches.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from newsgraph import nlp
from newsgraph.actors import find_actors
from newsgraph.errors import InputError
from newsgraph.events import code_events
from newsgraph.layout import lay_out, read_meta
from newsgraph.places import find_places
from newsgraph.quotes import find_quotes
from newsgraph.read import Document
from newsgraph.record import Record, record_id
from newsgraph.times import find_times

log = logging.getLogger(__name__)


def build_record(doc: Document, parsed, date: str | None = None) -> Record:
    """The record of one article from its Document and its spaCy parse."""
    text = doc.text
    zones = lay_out(text, doc.hints)
    meta = read_meta(text, zones, doc.hints, date)
    actors = find_actors(text, parsed, zones, meta)
    quotes = find_quotes(text, parsed, zones, actors)
    times = find_times(text, parsed, zones, meta.published)
    places = find_places(text, parsed, zones, actors)
    events = code_events(text, parsed, zones, actors, quotes, times, places, meta)
    return Record(
        id=record_id(text), source=doc.source, text=text, meta=meta, zones=zones, entities=actors.entities,
        quotes=quotes, times=times, events=events, places=places,
    )


def analyze_stream(
    items: Iterable[Document | InputError], date: str | None = None, batch_size: int = nlp.BATCH_SIZE
) -> Iterator[Record | InputError]:
    """Records (or the InputErrors of what could not be read or analysed), in input order."""
    chunk: list[Document | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch_size:
            yield from _analyze_chunk(chunk, date, batch_size)
            chunk = []
    if chunk:
        yield from _analyze_chunk(chunk, date, batch_size)


def _analyze_chunk(chunk, date, batch_size) -> Iterator[Record | InputError]:
    limit = nlp.max_chars()
    chunk = [_within(item, limit) for item in chunk]
    docs = [item for item in chunk if isinstance(item, Document)]
    parsed = iter(_parse_all(docs, batch_size))
    for item in chunk:
        if isinstance(item, InputError):
            yield item
            continue
        spacy_doc = next(parsed)
        if isinstance(spacy_doc, InputError):
            yield spacy_doc
            continue
        try:
            yield build_record(item, spacy_doc, date)
        except Exception as exc:  # one article's failure must not stop a batch
            log.debug("analysis failed", exc_info=True)
            yield InputError(item.name, f"analysis failed: {exc.__class__.__name__}: {exc}")


def _within(item: Document | InputError, limit: int) -> Document | InputError:
    """A Document longer than the parser takes becomes its InputError."""
    if isinstance(item, Document) and len(item.text) > limit:
        return InputError(item.name, f"text too long to analyse ({len(item.text)} characters; at most {limit})")
    return item


def _parse_all(docs: list[Document], batch_size: int) -> list:
    """The parses of ``docs`` in order; when the batch fails, each article alone, so that only
    the one the parser cannot take becomes an InputError."""
    try:
        return list(nlp.parse_many((d.text for d in docs), batch_size=batch_size))
    except Exception as exc:  # spaCy raises many kinds on odd input
        if len(docs) > 1:
            return [p for d in docs for p in _parse_all([d], 1)]
        log.debug("parse failed", exc_info=True)
        return [InputError(docs[0].name, f"the parser failed: {exc.__class__.__name__}: {str(exc)[:200]}")]

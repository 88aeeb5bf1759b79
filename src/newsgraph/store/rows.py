"""A record as rows of the store's tables, and the cross-article keys.

The same function feeds the local engine and the Dask workers, so both write the same
rows. Keys across articles are hashes of what identifies the thing, never counters, so
they do not depend on the order or the machine in which articles were analysed.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date as Date

from newsgraph.record import Record, Span

Rows = dict[str, list[tuple]]


def actor_id(name: str, code: str | None, type_: str | None, known: str | None = None) -> str:
    """One id per actor across articles: the record's own ``actor_id`` for an actor of the
    knowledge files ("kb:donald-trump", whatever role it held that day), else a hash of its
    canonical name (case folded) and actor code.

    An actor without a code is told apart by its entity type instead, so that a person
    and a place that share a name stay two actors.
    """
    if known:
        return known
    key = f"{' '.join(name.split()).casefold()}\t{code or type_ or ''}"
    return "a" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:15]


def event_id(source: str | None, target: str | None, cameo: str, date: str | None, negated: bool,
             sighting: str | None = None) -> int:
    """One id per event across articles: source actor, target actor, CAMEO code, date, negation.

    ``sighting`` (an article id and the event's place in it) makes the event its own, for
    events that cannot be identified across articles. A positive 60-bit integer, so it also
    serves as GDELT's GLOBALEVENTID.
    """
    key = "\t".join((source or "", target or "", cameo, date or "", "not" if negated else "", sighting or ""))
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def first_day(value: str | None) -> Date | None:
    """The first day of a YYYY-MM-DD, YYYY-MM or YYYY period (None when unreadable)."""
    if not value:
        return None
    parts = value.split("-")
    try:
        return Date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def record_rows(record: Record) -> Rows:
    """The rows ``record`` adds to each table (events carry their per-article first sighting)."""
    actors = {e.id: actor_id(e.name, e.code, e.type, e.actor_id) for e in record.entities}
    rows: Rows = {"articles": [_article_row(record)]}
    rows["zones"] = [(record.id, n, z.kind, z.start, z.end) for n, z in enumerate(record.zones)]
    rows["entities"] = [
        (record.id, e.id, actors[e.id], e.name, e.type, e.country, e.sector, e.code, list(e.titles), len(e.mentions))
        for e in record.entities
    ]
    rows["mentions"] = _mention_rows(record)
    rows["quotes"] = [_quote_row(record, n, q, actors) for n, q in enumerate(record.quotes)]
    rows["events"], rows["event_mentions"] = _event_rows(record, actors)
    rows["places"] = [
        (record.id, p.id, p.name, p.kind, p.country, p.lat, p.lon, len(p.mentions), p.geonameid, p.feature_class,
         p.country_fips, p.adm1, p.adm1_name, p.population) for p in record.places
    ]
    rows["times"] = [
        (record.id, n, t.start, t.end, record.text[t.start : t.end], t.value, t.granularity)
        for n, t in enumerate(record.times)
    ]
    return rows


def _article_row(record: Record) -> tuple:
    m, s, text = record.meta, record.source, record.text
    return (
        record.id, s.path, s.url or m.url, s.format, s.line, m.headline, m.standfirst, m.byline, m.publisher,
        m.language, first_day(m.published), m.published_source, len(text), len(text.split()),
        len(record.entities), len(record.quotes), len(record.events), text,
        json.dumps(record.to_dict(), ensure_ascii=False), m.tone,
    )


def _mention_rows(record: Record) -> list[tuple]:
    text, out = record.text, []
    for kind, owners in (("entity", record.entities), ("place", record.places)):
        for owner in owners:
            out += [
                (record.id, kind, owner.id, n, m.start, m.end, text[m.start : m.end])
                for n, m in enumerate(owner.mentions)
            ]
    return out


def _quote_row(record: Record, n: int, q, actors: dict[str, str]) -> tuple:
    names = {e.id: e.name for e in record.entities}
    return (
        record.id, n, q.speaker, actors.get(q.speaker), names.get(q.speaker), q.kind, q.medium, q.stance,
        *_span(record.text, q.content), *_span(record.text, q.cue), *_span(record.text, q.speaker_mention)[:2],
    )


def _span(text: str, span: Span | None) -> tuple:
    """(start, end, text) of a span, or three nulls."""
    return (None, None, None) if span is None else (span.start, span.end, text[span.start : span.end])


def _event_rows(record: Record, actors: dict[str, str]) -> tuple[list[tuple], list[tuple]]:
    """Per event: its cross-article identity row and its mention in this article.

    Only an event with a date and at least one actor is identified across articles: without
    them "someone appealed, some day" in two articles says nothing about it being one event.
    """
    events, mentions = [], []
    published = record.meta.published
    for n, ev in enumerate(record.events):
        source, target = actors.get(ev.source), actors.get(ev.target)
        when = ev.date or published
        when_source = "text" if ev.date else ("published" if published else None)
        identified = when is not None and (source is not None or target is not None)
        eid = event_id(source, target, ev.cameo, when, ev.negated, None if identified else f"{record.id}#{n}")
        events.append((
            eid, source, target, ev.cameo, ev.cameo[:2], ev.plover, ev.goldstein, ev.quad_class, ev.negated,
            when, first_day(when), when_source, 0, 0, record.id, ev.confidence,
        ))
        mentions.append((
            eid, record.id, n, ev.source, ev.target, *_span(record.text, ev.source_mention)[:2],
            *_span(record.text, ev.target_mention)[:2], ev.place, *_span(record.text, ev.evidence), ev.confidence,
            ev.tone,
        ))
    return events, mentions

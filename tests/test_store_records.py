"""Records built by hand for the store tests (no spaCy needed), written for these tests."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from newsgraph.record import Entity, Event, Meta, Place, Quote, Record, Source, Span, Time, Zone, record_id
from newsgraph.store import open_store
from newsgraph.store.engines.local import BatchWriter


def write_store(path: Path, records: Iterable[Record]) -> Path:
    """A store at ``path`` holding ``records``, written through the store's own batch writer."""
    con = open_store(path)
    try:
        writer = BatchWriter(con)
        for record in records:
            writer.add_record(record)
        writer.flush()
    finally:
        con.close()
    return path


def _at(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def make_record(text: str, published: str | None, path: str, *, event_date: str | None = None,
                cameo: str = "042", goldstein: float = 1.9, quad: int = 1, negated: bool = False) -> Record:
    """An article where a ministry of Freedonia visits Sylvania, quoted and placed."""
    src = Entity(id="e1", name="Freedonia Foreign Ministry", type="ORG", country="FRE", sector="GOV",
                 code="FREGOV", titles=[], mentions=[_at(text, "Freedonia Foreign Ministry")])
    tgt = Entity(id="e2", name="Sylvania", type="GPE", country="SYL", code="SYL",
                 mentions=[_at(text, "Sylvania")])
    spk = Entity(id="e3", name="Rufus Firefly", type="PERSON", country="FRE", sector="GOV", code="FREGOV",
                 titles=["Prime Minister"], mentions=[_at(text, "Rufus Firefly")])
    first = text.index(".") + 1
    quote_content = _at(text, "We come in peace")
    event = Event(cameo=cameo, evidence=Span(0, first), goldstein=goldstein, quad_class=quad, plover="CONSULT",
                  source="e1", target="e2", source_mention=src.mentions[0], target_mention=tgt.mentions[0],
                  negated=negated, date=event_date, place="p1")
    return Record(
        id=record_id(text), source=Source(path=path, format="text"), text=text,
        meta=Meta(headline=text[:first], published=published, published_source="given" if published else None),
        zones=[Zone("headline", 0, first), Zone("body", first + 1, len(text))],
        entities=[src, tgt, spk],
        quotes=[Quote(content=quote_content, kind="direct", speaker="e3", cue=_at(text, "said"),
                      speaker_mention=spk.mentions[0], stance="insist")],
        events=[event],
        places=[Place(id="p1", name="Sylvania", kind="country", country="SYL", lat=1.5, lon=2.5,
                      mentions=[tgt.mentions[0]])],
        times=[Time(0, 0, published, "day")] if published else [],
    )


TEXT_A = ("The Freedonia Foreign Ministry will visit Sylvania.\n"
          "\"We come in peace,\" Rufus Firefly said on Tuesday.")
TEXT_B = ("Sylvania expects the Freedonia Foreign Ministry this week.\n"
          "Rufus Firefly said: \"We come in peace.\"")
TEXT_C = ("Freedonia Foreign Ministry envoys reach Sylvania.\n"
          "\"We come in peace,\" said Rufus Firefly, to little applause.")

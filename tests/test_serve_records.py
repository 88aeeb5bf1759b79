"""Hand-made records and a small store for the API and browser tests.

The articles are invented for these tests. Spans are found by searching the text, so
every offset points at the words it names.
"""

from __future__ import annotations

from pathlib import Path

from newsgraph.record import Entity, Event, Meta, Place, Quote, Record, Source, Span, Zone, record_id
from newsgraph.store import actor_id, query
from test_store_records import write_store

# (published, headline, body); the body names Mara Lind (Norland's premier) and the
# Ostmark Trade Council, who meet, quarrel and threaten each other over three months
ARTICLES = [
    ("2023-01-10", "Lind and trade council agree to talks",
     "Premier Mara Lind met the Ostmark Trade Council in Halvik on Monday. "
     "Lind said the two sides would \"work together on tariffs\" this spring."),
    ("2023-01-24", "Trade council praises Norland premier",
     "The Ostmark Trade Council praised Mara Lind for her patience. "
     "\"She listened to every member,\" the council said in a statement."),
    ("2023-03-02", "Lind threatens council with sanctions",
     "Mara Lind threatened the Ostmark Trade Council with sanctions after the talks collapsed. "
     "\"We will not wait forever,\" Lind told reporters."),
]

PEOPLE = {"Mara Lind": ("PERSON", "NOR", "GOV", "NORGOV", ["Premier"]),
          "Ostmark Trade Council": ("ORG", None, "BUS", "BUS", [])}

# (article index, source, target, CAMEO, Goldstein, quad class, evidence start words)
EVENTS = [
    (0, "Mara Lind", "Ostmark Trade Council", "040", 1.0, 1, "Premier Mara Lind met"),
    (1, "Ostmark Trade Council", "Mara Lind", "051", 3.4, 1, "The Ostmark Trade Council praised"),
    (2, "Mara Lind", "Ostmark Trade Council", "163", -8.0, 4, "Mara Lind threatened"),
]


def span_of(text: str, words: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def sentence_at(text: str, words: str) -> Span:
    """The sentence that begins with ``words``."""
    start = text.index(words)
    end = text.find(". ", start)
    return Span(start, len(text) if end < 0 else end + 1)


def make_record(n: int) -> Record:
    published, headline, body = ARTICLES[n]
    text = f"{headline}\n\n{body}\n"
    entities = []
    for k, (name, (type_, country, sector, code, titles)) in enumerate(PEOPLE.items()):
        short = name.split()[-1] if type_ == "PERSON" else name
        mentions = [span_of(text, name, i) for i in range(text.count(name))]
        mentions += [s for i in range(text.count(short)) if not any((s := span_of(text, short, i)).overlaps(m)
                                                                    for m in mentions)]
        if mentions:
            entities.append(Entity(f"e{k}", name, type_, country, sector, code, titles, sorted(mentions)))
    ids = {e.name: e.id for e in entities}
    quotes = [_quote(text, ids) for _ in [0] if '"' in text]
    # Halvik, an invented Norland port, at invented coordinates: where the first meeting took place
    places = [Place("p1", "Halvik", "city", "NOR", 62.5, 6.1, [span_of(text, "Halvik")])] if "Halvik" in text else []
    events = [Event(cameo, sentence_at(text, words), gold, quad, source=ids[src], target=ids[tgt],
                    date=published, place=places[0].id if places else None)
              for i, src, tgt, cameo, gold, quad, words in EVENTS if i == n]
    zones = [Zone("headline", 0, len(headline)), Zone("body", len(headline) + 2, len(text) - 1)]
    meta = Meta(headline=headline, published=published, published_source="given", publisher="Test Wire")
    return Record(record_id(text), Source(path=f"article{n}.txt"), text, meta, zones, entities, quotes, events,
                  places)


def _quote(text: str, ids: dict[str, str]) -> Quote:
    """The article's quoted words, said by whoever is named nearest before or after them."""
    first = text.index('"')
    last = text.index('"', first + 1)
    content = Span(first + 1, last)
    speaker = "Mara Lind" if "Lind" in text[last:] or "Lind said" in text else "Ostmark Trade Council"
    return Quote(content, "direct", speaker=ids.get(speaker))


def build_store(path: Path) -> Path:
    """A store holding the three articles, written through the store's own batch writer."""
    return write_store(path, [make_record(n) for n in range(len(ARTICLES))])


LIND = actor_id("Mara Lind", "NORGOV", "PERSON")
COUNCIL = actor_id("Ostmark Trade Council", "BUS", "ORG")


def test_the_store_holds_the_hand_made_articles(tmp_path):
    con = query.connect(str(build_store(tmp_path / "s.duckdb")))
    try:
        counts = query.stats(con)
        assert counts["articles"] == 3 and counts["events"] == 3 and counts["quotes"] == 3
        assert {a["actor_id"] for a in query.actors(con)} == {LIND, COUNCIL}
    finally:
        con.close()


def test_spans_point_at_their_words():
    record = make_record(2)
    for entity in record.entities:
        for m in entity.mentions:
            assert record.text[m.start : m.end] in entity.name
    assert record.text[record.quotes[0].content.start - 1] == '"'
    assert record.text[record.events[0].evidence.start :].startswith("Mara Lind threatened")

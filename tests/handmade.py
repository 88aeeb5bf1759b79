"""Records and inputs built by hand for the tests (no spaCy needed).

Two small invented sets, written for the tests: the wire records (a ministry of Freedonia
visits Sylvania; :func:`wire_record`) and the corpus records (Norland's premier Mara Lind and
the Ostmark Trade Council meet, quarrel and threaten each other over three months;
:func:`corpus_record`). Spans are found by searching the text, so every offset points at the
words it names. ``tests/conftest.py`` builds the stores that hold them. ``ARTICLE_HTML`` is a
news page and :func:`warc_bytes` a WARC file of such pages, for the readers' tests.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from newsgraph.record import Entity, Event, Meta, Place, Quote, Record, Source, Span, Time, Zone, record_id
from newsgraph.store import actor_id, open_store
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


def span_of(text: str, words: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start, start + len(words))


def wire_record(text: str, published: str | None, path: str, *, event_date: str | None = None,
                cameo: str = "042", goldstein: float = 1.9, quad: int = 1, negated: bool = False,
                tone: float | None = None) -> Record:
    """An article where a ministry of Freedonia visits Sylvania, quoted and placed (its tone and its
    event's: ``tone``)."""
    src = Entity(id="e1", name="Freedonia Foreign Ministry", type="ORG", country="FRE", sector="GOV",
                 code="FREGOV", titles=[], mentions=[span_of(text, "Freedonia Foreign Ministry")])
    tgt = Entity(id="e2", name="Sylvania", type="GPE", country="SYL", code="SYL",
                 mentions=[span_of(text, "Sylvania")])
    spk = Entity(id="e3", name="Rufus Firefly", type="PERSON", country="FRE", sector="GOV", code="FREGOV",
                 titles=["Prime Minister"], mentions=[span_of(text, "Rufus Firefly")])
    first = text.index(".") + 1
    quote_content = span_of(text, "We come in peace")
    event = Event(cameo=cameo, evidence=Span(0, first), goldstein=goldstein, quad_class=quad, plover="CONSULT",
                  source="e1", target="e2", source_mention=src.mentions[0], target_mention=tgt.mentions[0],
                  negated=negated, date=event_date, place="p1", tone=tone)
    return Record(
        id=record_id(text), source=Source(path=path, format="text"), text=text,
        meta=Meta(headline=text[:first], published=published, published_source="given" if published else None,
                  tone=tone),
        zones=[Zone("headline", 0, first), Zone("body", first + 1, len(text))],
        entities=[src, tgt, spk],
        quotes=[Quote(content=quote_content, kind="direct", speaker="e3", cue=span_of(text, "said"),
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


def wire_records() -> list[Record]:
    """The three wire articles as the query and export tests store them: two reports of one visit
    on 5 March (one warm, one cool in tone), and an arrest (173) on 20 April (no tone measured)."""
    return [
        wire_record(TEXT_A, "2024-03-05", "a.txt", tone=2.5),
        wire_record(TEXT_B, "2024-03-05", "b.txt", tone=-1.5),
        wire_record(TEXT_C, "2024-04-20", "c.txt", cameo="173", goldstein=-5.0, quad=4),
    ]


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


def sentence_at(text: str, words: str) -> Span:
    """The sentence that begins with ``words``."""
    start = text.index(words)
    end = text.find(". ", start)
    return Span(start, len(text) if end < 0 else end + 1)


def corpus_record(n: int) -> Record:
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


def corpus_records() -> list[Record]:
    """The three corpus articles, in order of publication."""
    return [corpus_record(n) for n in range(len(ARTICLES))]


def _quote(text: str, ids: dict[str, str]) -> Quote:
    """The article's quoted words, said by whoever is named nearest before or after them."""
    first = text.index('"')
    last = text.index('"', first + 1)
    content = Span(first + 1, last)
    speaker = "Mara Lind" if "Lind" in text[last:] or "Lind said" in text else "Ostmark Trade Council"
    return Quote(content, "direct", speaker=ids.get(speaker))


LIND = actor_id("Mara Lind", "NORGOV", "PERSON")
COUNCIL = actor_id("Ostmark Trade Council", "BUS", "ORG")


# a news page as a site serves it: navigation, the article, a footer
ARTICLE_HTML = """<!doctype html><html lang="en"><head>
<title>Harbour council approves new ferry route | Coast Gazette</title>
<meta property="og:title" content="Harbour council approves new ferry route">
<meta property="og:site_name" content="Coast Gazette">
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
<meta name="author" content="Priya Raman">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour council approves new ferry route</h1>
<p>The harbour council voted on Wednesday to approve a new ferry route linking the north pier
with the island villages, ending a two-year dispute over the service.</p>
<p>Councillors said the route would start in the summer and carry up to four hundred
passengers a day, with a smaller boat running in the winter months.</p>
<p>Residents of the island villages have campaigned for the link since the old service
was withdrawn, saying the long road journey cut them off from schools and clinics.</p>
</article><footer>Copyright 2019 Coast Gazette. All rights reserved.</footer></body></html>"""


def warc_bytes(pages: list[tuple[str, str]], gz: bool) -> bytes:
    """A WARC file (gzipped or not) of HTML responses for (url, page) pairs, and a PNG image after them."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                      http_headers=headers))
    img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/logo.png", "response",
                                                  payload=io.BytesIO(b"\x89PNG...."), http_headers=img))
    return buf.getvalue()

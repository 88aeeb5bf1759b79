"""The hand-made records of tests/handmade.py hold what the tests built on them assume."""

from __future__ import annotations

from handmade import COUNCIL, LIND, corpus_record
from newsgraph.store import query


def test_the_corpus_store_holds_the_hand_made_articles(corpus_store):
    con = query.connect(str(corpus_store))
    try:
        counts = query.stats(con)
        assert counts["articles"] == 3 and counts["events"] == 3 and counts["quotes"] == 3
        assert {a["actor_id"] for a in query.actors(con)} == {LIND, COUNCIL}
    finally:
        con.close()


def test_spans_point_at_their_words():
    record = corpus_record(2)
    for entity in record.entities:
        for m in entity.mentions:
            assert record.text[m.start : m.end] in entity.name
    assert record.text[record.quotes[0].content.start - 1] == '"'
    assert record.text[record.events[0].evidence.start :].startswith("Mara Lind threatened")

"""The stream of articles through the stages: order kept, one bad article never stops a batch."""

from __future__ import annotations

from newsgraph import nlp
from newsgraph.errors import InputError
from newsgraph.pipeline import analyze_stream
from newsgraph.read import read_text
from newsgraph.record import Record

SHORT = "The mayor opened the new library on Saturday."
LONG = "The council met again to discuss the budget for the coming year. " * 40


def test_order_is_kept_and_errors_pass_through():
    items = [read_text(SHORT), InputError("bad.txt", "empty input"), read_text(SHORT + " It has a cafe.")]
    out = list(analyze_stream(items, batch_size=2))
    assert [type(x) for x in out] == [Record, InputError, Record]
    assert out[2].text.endswith("cafe.")


def test_a_text_longer_than_the_parser_takes_is_an_error_and_the_rest_goes_on(model, monkeypatch):
    monkeypatch.setattr(model, "max_length", 1000)
    out = list(analyze_stream([read_text(SHORT), read_text(LONG), read_text(SHORT)]))
    assert [type(x) for x in out] == [Record, InputError, Record]
    assert "too long to analyse" in out[1].reason and "at most 1000" in out[1].reason


def test_a_parse_failure_costs_only_its_own_article(monkeypatch):
    real = nlp.parse_many

    def failing(texts, batch_size=nlp.BATCH_SIZE):
        texts = list(texts)
        if any("explode" in t for t in texts):
            raise ValueError("cannot parse")
        return real(texts, batch_size)

    monkeypatch.setattr(nlp, "parse_many", failing)
    out = list(analyze_stream([read_text(SHORT), read_text("Please explode now."), read_text(SHORT)]))
    assert [type(x) for x in out] == [Record, InputError, Record]
    assert "the parser failed: ValueError" in out[1].reason


def test_the_zone_index_answers_by_position():
    from newsgraph.article import ZoneIndex
    from newsgraph.record import Zone

    zones = [Zone("body", 30, 50), Zone("headline", 0, 10), Zone("byline", 12, 20), Zone("body", 15, 25)]
    index = ZoneIndex(zones, frozenset({"headline", "body"}))
    # a zone runs to its end or to the next zone's start, whichever comes first
    assert [index.kind_at(p) for p in (0, 9, 10, 11, 12, 14, 15, 24, 25, 29, 30, 49, 50, -1)] == [
        "headline", "headline", None, None, "byline", "byline", "body", "body", None, None, "body", "body", None, None]
    assert [p for p in (0, 10, 12, 15, 30, 49, 50, 99, -1) if p in index] == [0, 15, 30, 49]
    assert index.zone_at(31) is zones[0]
    assert index.skipped() == [zones[2]]
    assert 0 not in ZoneIndex([], frozenset({"body"}))


def test_a_stream_puts_what_is_loaded_out_of_the_collector_s_way(model):
    import gc

    list(analyze_stream([read_text("The minister said on Monday that talks would resume.")]))
    assert gc.get_freeze_count() > 0  # the model and the knowledge, frozen after the first chunk

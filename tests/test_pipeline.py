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

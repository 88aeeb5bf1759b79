"""Tone in GDELT's sense, from the VADER lexicon, on sentences written for these tests."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph import nlp
from newsgraph.tone import ToneIndex


def tone(text: str, start: int = 0, end: int | None = None) -> float | None:
    return ToneIndex(nlp.parse(text)).tone(start, end)


def test_tone_is_positive_minus_negative_words_per_hundred_words():
    assert tone("The talks were a great success.") == pytest.approx(100 * 2 / 6, abs=0.001)  # great, success
    assert tone("The talks ended in a bitter failure.") < 0
    assert tone("The council met on Monday.") == 0.0


def test_words_of_names_and_function_words_carry_no_tone():
    # "United" and "Justice" have a valence in the lexicon, but here they are names
    text = "The United States and the Justice Department praised the brutal attack."
    assert tone(text) == pytest.approx(100 * (1 - 2) / 11, abs=0.001)  # praised; brutal, attack
    assert tone("He walked like a soldier.") == 0.0  # "like" as a preposition


def test_the_tone_of_a_stretch_counts_the_words_that_start_in_it():
    text = "The ceasefire brought relief. Then the shelling killed nine people."
    cut = text.index("Then")
    assert tone(text, 0, cut) > 0 > tone(text, cut)
    assert tone(text, 0, 0) is None  # no words: no tone


ARTICLE = ("Ministers hail a fruitful summit\n\n"
           "The foreign ministers of Norway and Chile praised the warm and productive talks in Oslo on Monday.\n"
           "Rebels attacked a police station in Valdoria on Tuesday, killing two officers, police said.\n")


def test_the_record_carries_the_article_s_tone_and_each_event_s():
    record = newsgraph.analyze(ARTICLE, date="2023-05-09")
    assert record.meta.tone is not None and record.events
    for event in record.events:
        ev = event.evidence
        assert event.tone == tone(ARTICLE, ev.start, ev.end)  # the parse of the whole text, the evidence's words
    attack = [e for e in record.events if e.cameo.startswith(("18", "19"))]
    assert attack and all(e.tone < 0 for e in attack)
    skipped = newsgraph.analyze(ARTICLE, date="2023-05-09", skip=["tone"])
    assert skipped.meta.tone is None and all(e.tone is None for e in skipped.events)


def test_a_word_with_a_letter_counts_and_punctuation_does_not():
    # "U.S." and "COVID-19" are words (they have letters); "," "--" and "42" are not
    assert tone("U.S. officials, COVID-19 -- 42 good") == pytest.approx(100 * 1 / 4, abs=0.001)

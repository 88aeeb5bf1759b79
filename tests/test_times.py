"""Time expressions normalised against the publication date (our own sentences)."""

from datetime import date

import pytest

from newsgraph.pipeline import Pipeline
from newsgraph.record import Zone
from newsgraph.times import find_times, normalise


def times_of(text: str, zones: list[Zone]):
    return find_times(Pipeline(stages=()).article(text, "2021-03-12", zones))

BASE = date(2021, 3, 12)  # a Friday


@pytest.mark.parametrize(
    "words, value, granularity",
    [
        ("last year", "2020", "year"),
        ("this year", "2021", "year"),
        ("next year", "2022", "year"),
        ("last month", "2021-02", "month"),
        ("2019", "2019", "year"),
        ("in 2019", "2019", "year"),
        ("14 June 2019", "2019-06-14", "day"),
        ("June 14, 2019", "2019-06-14", "day"),
        ("June 2019", "2019-06", "month"),
        ("March 3", "2021-03-03", "day"),
        ("December 3", "2020-12-03", "day"),  # well after publication: last year's
        ("yesterday", "2021-03-11", "day"),
        ("overnight", "2021-03-11", "day"),
        ("today", "2021-03-12", "day"),
        ("three days ago", "2021-03-09", "day"),
        ("two years ago", "2019", "year"),
    ],
)
def test_common_forms(words, value, granularity):
    assert normalise(words, BASE) == (value, granularity)


def test_weekday_is_the_nearest_past_one():
    assert normalise("Wednesday", BASE) == ("2021-03-10", "day")
    assert normalise("on Wednesday", BASE) == ("2021-03-10", "day")
    assert normalise("Friday morning", BASE) == ("2021-03-12", "day")  # the publication day itself


def test_last_weekday_is_strictly_before_publication():
    assert normalise("last Friday", BASE) == ("2021-03-05", "day")
    assert normalise("last Tuesday", BASE) == ("2021-03-09", "day")
    assert normalise("next Monday", BASE) == ("2021-03-15", "day")


def test_relative_forms_stay_null_without_publication_date():
    for words in ("last year", "Thursday", "yesterday", "March 3", "two years ago"):
        assert normalise(words, None) == (None, None)
    assert normalise("14 June 2019", None) == ("2019-06-14", "day")  # absolute dates need no base


def test_vague_expressions_are_not_guessed():
    assert normalise("recent months", BASE) == (None, None)
    assert normalise("the 1990s", BASE) == (None, None)
    assert normalise("ten days", BASE) == (None, None)


def test_find_times_reads_date_spans_and_lone_words_outside_boilerplate():
    text = "The council met on Wednesday and again overnight.\n\nSubscribe today"
    zones = [Zone("body", 0, 50), Zone("boilerplate", 51, len(text))]
    found = {text[t.start : t.end]: t.value for t in times_of(text, zones)}
    assert found.get("Wednesday") == "2021-03-10" or found.get("on Wednesday") == "2021-03-10"
    assert found.get("overnight") == "2021-03-11"
    assert not any("today" in k for k in found)


def test_split_spans_naming_one_time_are_merged():
    text = "The council met on Wednesday morning."
    found = times_of(text, [Zone("body", 0, len(text))])
    assert [t.value for t in found if "Wednesday" in text[t.start : t.end]] == ["2021-03-10"]

"""Temporal expressions: finding them and normalising them against the publication date.

:func:`find_times` reads spaCy's DATE and TIME spans (plus a few lone words such as
"overnight" the parser often misses) and gives each a value with its granularity: "2016" ->
``2016`` (year), "last month" -> ``2018-06`` (month), "last Friday" -> a day. The common forms
are read by the small rules below, in one pass; dateparser, which is slow, is asked only about
what is left, once per distinct text. Without a publication date a relative expression stays
unresolved (``value: null``): it is never guessed.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsgraph import nlp
from newsgraph.english import strip_date_prefix
from newsgraph.knowledge import derived, load_yaml
from newsgraph.record import Time

if TYPE_CHECKING:
    from newsgraph.article import Article

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# absolute forms, tried in order: the first full match wins
ABSOLUTE = [
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"), "day"),
    (re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR), "day"),
    (re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR), "day"),
    (re.compile(_MONTH + r",?\s+" + _YEAR), "month"),
    (re.compile(r"(?:the\s+)?(?:year\s+)?" + _YEAR), "year"),
]
_CALENDAR_WORD = re.compile(r"\b(?:" + "|".join(list(MONTHS) + list(WEEKDAYS)) + r")\b")
# forms whose year comes from the publication date
PARTIAL = [
    (re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH), "day"),
    (re.compile(_MONTH + r"\s+" + _DAY), "day"),
    (re.compile(_MONTH), "month"),
]


@derived
def vocabulary() -> dict:
    """The relative-time words of ``data/events/times.yaml``."""
    spec = dict(load_yaml("events/times.yaml"))  # a copy: the loaded file is shared
    spec["noise_re"] = re.compile(r"^(?:(?:" + "|".join(map(re.escape, spec["noise"])) + r")\b\s*)+")
    spec["noise_tail"] = re.compile(r"(?:\s*\b(?:" + "|".join(map(re.escape, spec["noise"])) + r"))+$")
    return spec


def find_times(article: Article) -> list[Time]:
    """The dates and times of the article's analysed zones, normalised against its publication date."""
    text, parsed, published = article.text, article.parsed, article.published
    base = date.fromisoformat(published) if published else None
    lone = nlp.ids("LOWER", vocabulary()["lone_words"])
    spans = [(e.start_char, e.end_char) for e in parsed.ents if e.label_ in ("DATE", "TIME")]
    covered = {i for e in parsed.ents if e.label_ in ("DATE", "TIME") for i in range(e.start, e.end)}
    spans += [(t.idx, t.idx + len(t)) for t in nlp.tokens_where(parsed, lambda low: low in lone, "LOWER")
              if t.i not in covered]
    out = []
    for start, end in _merge_adjacent(text, sorted(spans)):
        if start not in article.analysed:
            continue
        value, granularity = normalise(text[start:end], base)
        out.append(Time(start, end, value, granularity))
    return out


def _merge_adjacent(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans the parser split but that name one time: "Friday" + "morning"."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and 0 <= start - merged[-1][1] <= 1 and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def normalise(expression: str, base: date | None) -> tuple[str | None, str | None]:
    """(value, granularity) of one time expression, relative to ``base`` (None: unknown)."""
    spec = vocabulary()
    words = " ".join(expression.lower().replace("\u2019", "'").split()).strip(" .,()")
    words = spec["noise_tail"].sub("", spec["noise_re"].sub("", words)).strip()
    for reader in (_absolute, _partial, _relative_day, _relative_unit, _ago):
        found = reader(words, base)
        if found is not None:
            return found
    # the slow path only for what names a calendar day or month our rules could not place
    if base is None or not _CALENDAR_WORD.search(words) or not re.search(r"\d", words):
        return None, None
    return _dateparser(words, base.isoformat())


def _absolute(words: str, base: date | None) -> tuple[str, str] | None:
    for pattern, granularity in ABSOLUTE:
        m = pattern.fullmatch(words)
        if m:
            return _value(m, int(m.group("year")), granularity)
    return None


def _partial(words: str, base: date | None) -> tuple[str | None, str | None] | None:
    for pattern, granularity in PARTIAL:
        m = pattern.fullmatch(words)
        if m:
            if base is None:
                return None, None
            found = _value(m, base.year, granularity)
            # news speaks of the recent past: a date well after publication is last year's
            if found[0] is not None and found[0][:7] > (base + timedelta(days=31)).isoformat()[:7]:
                found = _value(m, base.year - 1, granularity)
            return found
    return None


def _value(m: re.Match, year: int, granularity: str) -> tuple[str | None, str | None]:
    if granularity == "year":
        return str(year), "year"
    month_text = m.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.rstrip(".")]
    if granularity == "month":
        return f"{year:04d}-{month:02d}", "month"
    try:
        return date(year, month, int(m.group("day"))).isoformat(), "day"
    except ValueError:
        return None, None


def _relative_day(words: str, base: date | None) -> tuple[str | None, str | None] | None:
    """today / yesterday / overnight, and weekdays: "Thursday", "last Friday", "next Monday"."""
    spec = vocabulary()
    if words in spec["day_words"]:
        return _shift_days(base, spec["day_words"][words])
    shift, _, name = words.rpartition(" ")
    if name not in WEEKDAYS or (shift and shift not in spec["shift_words"]):
        return None
    if base is None:
        return None, None
    back = (base.weekday() - WEEKDAYS[name]) % 7  # 0..6 days back: the nearest past such day
    step = spec["shift_words"].get(shift, 0)
    if step < 0 and back == 0:
        back = 7
    elif step > 0:
        back = -((WEEKDAYS[name] - base.weekday()) % 7 or 7)
    return _shift_days(base, -back)


def _shift_days(base: date | None, days: int) -> tuple[str | None, str | None]:
    if base is None:
        return None, None
    return (base + timedelta(days=days)).isoformat(), "day"


def _relative_unit(words: str, base: date | None) -> tuple[str | None, str | None] | None:
    """last year / this year / next month / earlier this year."""
    spec = vocabulary()
    parts = words.split()
    if len(parts) != 2 or parts[0] not in spec["shift_words"] or parts[1] not in ("year", "month"):
        return None
    if base is None:
        return None, None
    step = spec["shift_words"][parts[0]]
    if parts[1] == "year":
        return str(base.year + step), "year"
    month_index = base.year * 12 + base.month - 1 + step
    return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"


def _ago(words: str, base: date | None) -> tuple[str | None, str | None] | None:
    """"three days ago", "a year ago"."""
    spec = vocabulary()
    m = re.fullmatch(r"(\w+) (day|week|month|year)s? ago", words)
    if not m:
        return None
    count = int(m.group(1)) if m.group(1).isdigit() else spec["numbers"].get(m.group(1))
    if count is None:
        return None
    if base is None:
        return None, None
    unit = spec["units"][m.group(2)]
    when = base - timedelta(days=count * unit["days"])
    if unit["granularity"] == "year":
        return str(base.year - count), "year"
    if unit["granularity"] == "month":
        month_index = base.year * 12 + base.month - 1 - count
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
    return when.isoformat(), "day"


@functools.lru_cache(maxsize=4096)
def _dateparser(words: str, base: str) -> tuple[str | None, str | None]:
    """The slow path, for forms the rules above do not read; cached by text and base."""
    from datetime import datetime

    import dateparser

    settings = {"RELATIVE_BASE": datetime.fromisoformat(base), "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False, "RETURN_TIME_AS_PERIOD": False}
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(words)
    if data is None or data.date_obj is None:
        return None, None
    found = data.date_obj.date()
    period = data.period if data.period in ("day", "month", "year") else "day"
    value = {"day": found.isoformat(), "month": found.isoformat()[:7], "year": str(found.year)}[period]
    return value, period


@functools.lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )


def parse_full_date(text: str) -> str | None:
    """``YYYY-MM-DD`` when ``text`` states a whole date (day, month and year), else None."""
    cleaned = strip_date_prefix(text).strip(" .")
    if not re.search(r"\d{4}", cleaned):
        return None
    data = _parser().get_date_data(cleaned)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()

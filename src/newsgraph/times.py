"""Temporal expressions: finding them and normalising them against the publication date."""

from __future__ import annotations

import functools
import re

_NOISE = re.compile(
    r"^(published|posted|updated|last updated|first published|modified)( on| at)?\s*:?\s*", re.I
)


@functools.cache
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False},
    )


def parse_full_date(text: str) -> str | None:
    """``YYYY-MM-DD`` when ``text`` states a whole date (day, month and year), else None."""
    cleaned = _NOISE.sub("", text.strip()).strip(" .")
    if not re.search(r"\d{4}", cleaned):
        return None
    data = _parser().get_date_data(cleaned)
    if data is None or data.date_obj is None or data.period != "day":
        return None
    return data.date_obj.date().isoformat()

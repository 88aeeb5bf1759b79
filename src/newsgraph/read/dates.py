"""Publication dates given by the user or the input."""

from __future__ import annotations

import datetime as dt

from newsgraph.errors import InputError


def normalise_date(value: str, name: str) -> str:
    """``YYYY-MM-DD`` from an ISO date or date-time; InputError for anything else."""
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        raise InputError(name, f"not an ISO date: {value!r} (want YYYY-MM-DD)") from None

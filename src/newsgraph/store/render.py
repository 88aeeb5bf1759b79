"""Query results on a terminal: an aligned table, CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import json
from decimal import Decimal
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")


def render(columns: list[str], rows: list[tuple], fmt: str, out: TextIO) -> None:
    """Write rows in ``fmt``: table (aligned, for people), csv, or json (a list of objects)."""
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    elif fmt == "json":
        json.dump([dict(zip(columns, row, strict=True)) for row in rows], out, default=_json_default,
                  ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        _table(columns, rows, out)


def render_dicts(items: list[dict[str, Any]], fmt: str, out: TextIO, columns: list[str] | None = None) -> None:
    """Write a query function's result (a list of dicts) in ``fmt``."""
    columns = columns or (list(items[0]) if items else [])
    render(columns, [tuple(item.get(c) for c in columns) for item in items], fmt, out)


def _table(columns: list[str], rows: list[tuple], out: TextIO, width: int = 60) -> None:
    cells = [[_cell(v)[:width] for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, default=_json_default, ensure_ascii=False)
    return " ".join(str(value).split())


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return str(value)

"""Metadata from outside the article's text: a sidecar file, and the date a file name holds.

Corpora often come as text files with a table beside them (``--meta FILE``: CSV, TSV or JSONL,
one row per article, keyed by file name, path or URL) or with the date in each file's name
(``politico_2016-09-12_story.txt``, ``2016/09/12/story.html``). :func:`described` puts what
they say on each read Document's :class:`~newsgraph.read.document.Hints`, which the layout
stage turns into the record's ``meta``:

- a sidecar row wins over what the input itself says (``published_source: "sidecar"``);
- a date in the path of a file holding one article (``"filename"``), else in the article's
  URL (``"url"``), is taken when the input gives none (a WARC crawl date gives way to it).

Column names, the markers of a missing value and the date patterns are data:
``data/read/metadata.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from newsgraph.errors import InputError, NewsgraphError
from newsgraph.knowledge import derived, load_yaml
from newsgraph.read.dates import normalise_date
from newsgraph.read.document import Document, Hints
from newsgraph.read.url import is_url


@dataclass
class Sidecar:
    """The rows of a metadata file, found by URL, path, file name or file name without suffix."""

    name: str
    rows: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> field -> value
    ambiguous: set[str] = field(default_factory=set)  # file names that two rows claim

    def row_for(self, doc: Document) -> dict[str, str] | None:
        """The row about ``doc``: by its URL, else (for a file of one article) by its path, file name
        or file name without suffix."""
        s = doc.source
        candidates = [s.url] if s.url else []
        if s.path and s.line is None:
            candidates += _path_keys(s.path)
        for key in candidates:
            if key in self.rows and key not in self.ambiguous:
                return self.rows[key]
        return None


def load_sidecar(path: str | os.PathLike) -> Sidecar:
    """Read a sidecar: CSV, TSV (by suffix or by the first line's tabs) or JSONL.

    A row with no key column, or a date that is not ISO, is an error naming the file and line.
    """
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise NewsgraphError(f"{name}: no such metadata file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NewsgraphError(f"{name}: cannot read the metadata file ({exc.__class__.__name__}: {exc})") from None
    sidecar = Sidecar(name)
    for line, row in _rows(text, name):
        _add(sidecar, {k: v for k, v in row.items() if isinstance(k, str)}, f"{name}:{line}")
    if not sidecar.rows:
        raise NewsgraphError(f"{name}: no rows in the metadata file")
    return sidecar


def _rows(text: str, name: str) -> Iterator[tuple[int, dict]]:
    lower = name.lower()
    if lower.endswith((".jsonl", ".ndjson")) or text.lstrip().startswith("{"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise NewsgraphError(f"{name}:{number}: broken JSON line: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise NewsgraphError(f"{name}:{number}: a metadata line must be a JSON object")
            yield number, obj
        return
    first = text.split("\n", 1)[0]
    delimiter = "\t" if lower.endswith(".tsv") or (not lower.endswith(".csv") and "\t" in first) else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, row


def metadata(row: Mapping[str, object], where: str) -> dict[str, str]:
    """The record fields a row of metadata fills (published, url, publisher, headline, language,
    byline), by the column names of ``data/read/metadata.yaml``; InputError for a date that is not ISO."""
    spec = load_yaml("read/metadata.yaml")
    missing = {m.lower() for m in spec["missing"]}
    cells = {str(k).strip().lower(): v for k, v in row.items()}
    values = {}
    for name, columns in spec["fields"].items():
        found = next((v for v in (_cell(cells.get(c), missing) for c in columns) if v is not None), None)
        if found is not None:
            values[name] = found
    if "published" in values:
        values["published"] = normalise_date(values["published"], where)
    return values


def _cell(value: object, missing: set[str]) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text if text and text.lower() not in missing else None


def _add(sidecar: Sidecar, row: dict[str, object], where: str) -> None:
    spec = load_yaml("read/metadata.yaml")
    try:
        values = metadata(row, where)
    except InputError as exc:
        raise NewsgraphError(str(exc)) from None
    missing = {m.lower() for m in spec["missing"]}
    cells = {str(k).strip().lower(): v for k, v in row.items()}
    keys = [v for v in (_cell(cells.get(c), missing) for c in spec["keys"]) if v is not None]
    if not keys:
        raise NewsgraphError(f"{where}: no column naming the article ({', '.join(spec['keys'])})")
    for key in keys:
        for k in [key] if is_url(key) else _path_keys(key):
            if k in sidecar.rows and sidecar.rows[k] is not values:
                sidecar.ambiguous.add(k)  # two rows name it (two folders hold a file of this name): neither is taken
            sidecar.rows[k] = values


def _path_keys(path: str) -> list[str]:
    """How a path may be named in a sidecar: as it is, normalised, by its file name, by that name
    without the suffix of its format."""
    from newsgraph.read import SUFFIXES

    norm = os.path.normpath(path)
    base = os.path.basename(norm)
    stem = base
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if base.lower().endswith(suffix):
            stem = base[: -len(suffix)]
            break
    return list(dict.fromkeys([path, norm, base, stem]))


@derived
def _date_patterns() -> tuple[re.Pattern, ...]:
    patterns = tuple(re.compile(p) for p in load_yaml("read/metadata.yaml")["path_dates"])
    for p in patterns:
        if not {"year", "month", "day"} <= set(p.groupindex):
            raise NewsgraphError(f"read/metadata.yaml: path_dates pattern {p.pattern!r} needs the groups "
                                 "year, month and day")
    return patterns


def path_date(path: str) -> str | None:
    """The date (YYYY-MM-DD) a path or URL path holds: the last real date in it, or None."""
    earliest = load_yaml("read/metadata.yaml")["earliest_year"]
    latest = dt.date.today().year + 1
    found: list[tuple[int, str]] = []
    text = path.replace("\\", "/")
    for pattern in _date_patterns():
        for m in pattern.finditer(text):
            try:
                day = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
            except ValueError:
                continue
            if earliest <= day.year <= latest:
                found.append((m.start(), day.isoformat()))
    return max(found)[1] if found else None


def describe(doc: Document, sidecar: Sidecar | None = None) -> Document:
    """``doc`` with what its sidecar row says, and a date from its file name or URL when it has none."""
    hints = doc.hints
    row = sidecar.row_for(doc) if sidecar is not None else None
    if row:
        _apply(hints, row)
    if hints.published is None or hints.published_source == "warc":
        s = doc.source
        dated = [(path_date(s.path), "filename")] if s.path and s.line is None else []
        url = s.url or hints.url
        if url:
            dated.append((path_date(urlsplit(url).path), "url"))
        date, where = next(((d, w) for d, w in dated if d), (None, None))
        if date:
            hints.published, hints.published_source = date, where
    return doc


def with_metadata(doc: Document, values: Mapping[str, object], source: str = "given") -> Document:
    """``doc`` with the metadata of a mapping (as :func:`metadata` reads it) as its hints: what a
    caller gives with a text (``newsgraph.analyze_all([(text, meta)])``); InputError for a bad date."""
    _apply(doc.hints, metadata(values, doc.name), source)
    return describe(doc)


def _apply(hints: Hints, row: dict[str, str], source: str = "sidecar") -> None:
    if "published" in row:
        hints.published, hints.published_source = row["published"], source
    for name in ("url", "publisher", "headline", "language", "byline"):
        if name in row:
            setattr(hints, name, row[name])


def described(items: Iterable[Document | InputError], sidecar: Sidecar | None = None
              ) -> Iterator[Document | InputError]:
    """The read items, each Document described by :func:`describe`."""
    for item in items:
        yield describe(item, sidecar) if isinstance(item, Document) else item

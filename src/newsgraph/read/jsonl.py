"""JSONL dumps: one article a line, ``text`` or ``html``, with optional
``url``, ``title``, ``date``, ``publisher``, ``byline`` and ``id``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.read.dates import normalise_date
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.text import check_text, make_safe
from newsgraph.record import Source


def read_jsonl(lines: Iterable[str], name: str) -> Iterator[Document | InputError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        line_name = f"{name}:{number}"
        try:
            yield _article(line, line_name, Source(path=name, format="jsonl", line=number))
        except InputError as exc:
            yield exc


def _article(line: str, name: str, source: Source) -> Document:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"broken JSON line: {exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise InputError(name, "a JSONL line must be an object with 'text' or 'html'")

    def field(*keys: str) -> str | None:
        value = next((obj[k] for k in keys if obj.get(k)), None)
        return make_safe(value, name).strip() or None if isinstance(value, str) else None

    source.url = field("url")
    hints = Hints(headline=field("title", "headline"), publisher=field("publisher"),
                  byline=field("byline", "author"), url=source.url, language=field("language"))
    date = obj.get("date") or obj.get("published")
    if isinstance(date, str):
        date = date.strip()
    if date:
        if isinstance(date, bool) or not isinstance(date, str | int):
            raise InputError(name, f"the date must be a string YYYY-MM-DD, not {json.dumps(date)[:40]}")
        # a whole number is read as ISO 8601's basic form, 20180720
        hints.published = normalise_date(str(date), name)
        hints.published_source = "jsonl"
    if isinstance(obj.get("text"), str):
        text = check_text(obj["text"], name)
        if hints.headline and not text.lstrip().startswith(hints.headline):
            # The title is part of the article: it leads the text so the headline zone can point at it.
            text = f"{hints.headline}\n\n{text}"
        hints.headline_in_text = bool(hints.headline)
        return Document(text=text, source=source, hints=hints)
    if isinstance(obj.get("html"), str):
        return read_html(obj["html"], name, source, hints)
    raise InputError(name, "a JSONL line needs a 'text' or 'html' string")

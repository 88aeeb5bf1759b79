"""JSONL dumps: one article a line, ``text`` or ``html``, with optional
``url``, ``title``, ``date``, ``publisher``, ``byline`` and ``id``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.read.dates import normalise_date
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.text import check_text
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
    source.url = _str(obj.get("url"))
    hints = Hints(
        headline=_str(obj.get("title") or obj.get("headline")),
        publisher=_str(obj.get("publisher")),
        byline=_str(obj.get("byline") or obj.get("author")),
        url=source.url,
        language=_str(obj.get("language")),
    )
    date = _str(obj.get("date") or obj.get("published"))
    if date:
        hints.published = normalise_date(date, name)
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


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

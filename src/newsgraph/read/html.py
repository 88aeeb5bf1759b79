"""HTML pages: trafilatura's main-content extraction plus the page's metadata.

The record's text is the headline (when the page has one) on its own line, a blank
line, then trafilatura's text. Layout then labels captions, credits and page chrome
that trafilatura kept, without removing them.
"""

from __future__ import annotations

import re

import trafilatura
from htmldate import find_date

from newsgraph.errors import InputError
from newsgraph.read.document import Document, Hints
from newsgraph.record import Source

MIN_ARTICLE_WORDS = 15  # fewer words than this is navigation or a stub, not an article
_LANG_ATTR = re.compile(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)


def read_html(html: str | bytes, name: str, source: Source, hints: Hints | None = None) -> Document:
    """A Document from an HTML page; raises InputError when the page holds no article."""
    hints = hints or Hints()
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=source.url,
            with_metadata=True,
            include_comments=False,
            # Precision mode prunes more page chrome at almost no cost in recall: on news
            # pages it scores better than the default (docs/layout.md gives the figures).
            favor_precision=True,
            include_tables=False,
            include_images=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise InputError(name, f"cannot parse HTML: {exc.__class__.__name__}: {exc}") from None
    body = (extracted.text or "").strip() if extracted is not None else ""
    title = _clean(extracted.title)
    if len(body.split()) - len((title or "").split()) < MIN_ARTICLE_WORDS:
        raise InputError(name, "no article text found in the HTML page")
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    hints.headline = hints.headline or title
    hints.headline_in_text = bool(title)
    hints.byline = hints.byline or _clean(extracted.author)
    hints.publisher = hints.publisher or _clean(extracted.sitename)
    hints.url = hints.url or source.url or _clean(extracted.url)
    hints.language = hints.language or _html_lang(html)
    if not hints.published:
        date = extracted.date or _find_date(html)
        if date:
            hints.published, hints.published_source = date[:10], "html"
    return Document(text=text, source=source, hints=hints)


def _find_date(html: str | bytes) -> str | None:
    try:
        return find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on odd pages; a missing date is allowed
        return None


def _html_lang(html: str | bytes) -> str | None:
    head = html[:4000] if isinstance(html, bytes) else html[:4000].encode("utf-8", "ignore")
    m = _LANG_ATTR.search(head)
    return m.group(1).decode().lower() if m else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None

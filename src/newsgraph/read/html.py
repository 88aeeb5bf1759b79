"""HTML pages: trafilatura's main-content extraction plus the page's metadata.

The record's text is the headline (when the page has one) on its own line, a blank
line, then trafilatura's text. Layout then labels captions, credits and page chrome
that trafilatura kept, without removing them.
"""

from __future__ import annotations

import json
import re

import trafilatura
from htmldate import find_date

from newsgraph.english import english
from newsgraph.errors import InputError
from newsgraph.knowledge import derived, load_yaml
from newsgraph.read.document import Document, Hints
from newsgraph.read.text import check_text, make_safe
from newsgraph.record import Source

MIN_ARTICLE_WORDS = 15  # fewer words than this is navigation or a stub, not an article
_LANG_ATTR = re.compile(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.I)
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)


def read_html(html: str | bytes, name: str, source: Source, hints: Hints | None = None) -> Document:
    """A Document from an HTML page; raises InputError when the page holds no article."""
    hints = hints or Hints()
    if isinstance(html, str):
        html = make_safe(html, name)
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
    if extracted is None:
        raise InputError(name, "no article text found in the HTML page")
    body = (extracted.text or "").strip()
    site = _publisher(extracted.sitename)
    title = _headline(extracted.title, site)
    if len(body.split()) - len((title or "").split()) < MIN_ARTICLE_WORDS:
        raise InputError(name, "no article text found in the HTML page")
    text = check_text(f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n", name)
    hints.headline = hints.headline or title
    hints.headline_in_text = bool(title)
    hints.url = hints.url or source.url or _clean(extracted.url)
    hints.publisher = hints.publisher or site
    hints.byline = hints.byline or _byline(extracted.author, hints.publisher)
    hints.language = hints.language or _html_lang(html)
    hints.updates = hints.updates or _live_updates(html)
    if not hints.published:
        date = extracted.date or _find_date(html)
        if date:
            hints.published, hints.published_source = date[:10], "html"
    return Document(text=text, source=source, hints=hints)


_WEB_ADDRESS = re.compile(r"\b(https?|www)\b|\.(com|org|net)\b|\s(com|org|net)$", re.I)
_NON_WORD = re.compile(r"\W+")
_LONG_NUMBER = re.compile(r"\d{5,}")
PUBLISHER_MAX_WORDS = 8
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ")
_SITE_SPLIT = re.compile("|".join(re.escape(sep) for sep in _SITE_SEPARATORS))


@derived
def _byline_noise() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in load_yaml("layout.yaml")["byline_noise"]), re.I)


def _byline(author: str | None, publisher: str | None) -> str | None:
    """The page's author field without what names no person: web addresses, owners,
    dates, the publisher itself and repeats. Several authors stay joined by "; "."""
    author = _clean(author)
    if not author:
        return None
    noise, prefix = _byline_noise(), english().byline_prefix
    seen = {_key(publisher)} if publisher else set()
    kept = []
    for part in author.split(";"):
        part = prefix.sub("", part.strip(), count=1).strip(" ,")
        key = _key(part)
        if not key or key in seen or noise.fullmatch(part) or _WEB_ADDRESS.search(part):
            continue
        seen.add(key)
        kept.append(part)
    return "; ".join(kept) or None


def _publisher(sitename: str | None) -> str | None:
    """The site's name; not a title-like or slug-like one (layout then looks further)."""
    name = _clean(sitename)
    if name and any(sep in name for sep in _SITE_SEPARATORS):
        # "Tickets, Shows & More | Example.com", "Example - The paper the city reads": the brand is the short part
        name = min(_SITE_SPLIT.split(name), key=len).strip()
    if name and (len(name.split()) > PUBLISHER_MAX_WORDS or _LONG_NUMBER.search(name)):
        return None
    return name


_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ")


def _headline(title: str | None, site: str | None) -> str | None:
    """The page title without the site's name tacked on before or after it."""
    title = _clean(title)
    if not title or not site:
        return title
    for sep in _TITLE_SEPARATORS:
        if title.lower().endswith((sep + site).lower()):
            return title[: -len(sep + site)].strip() or title
        if title.lower().startswith((site + sep).lower()):
            return title[len(site + sep) :].strip() or title
    return title


def _key(name: str | None) -> str:
    return _NON_WORD.sub("", (name or "").lower())


def _find_date(html: str | bytes) -> str | None:
    try:
        return find_date(html, original_date=True, extensive_search=False)
    except Exception:  # htmldate gives up on odd pages; a missing date is allowed
        return None


def _live_updates(html: str | bytes) -> tuple[str, ...]:
    """The headlines of a live blog's updates, from its schema.org ``LiveBlogPosting`` data
    (JSON-LD): layout labels the updates apart from the article (docs/layout.md)."""
    page = html.decode("utf-8", "replace") if isinstance(html, bytes) else html
    out: list[str] = []
    for block in _JSON_LD.findall(page):
        if "LiveBlogPosting" not in block:
            continue
        try:
            data = json.loads(block)
        except ValueError:  # a page's broken JSON-LD is no reason to fail the page
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if item.get("@type") == "LiveBlogPosting":
                    updates = [u for u in item.get("liveBlogUpdate") or [] if isinstance(u, dict)]
                    out += [u["headline"].strip() for u in updates if isinstance(u.get("headline"), str)]
                stack.extend(item.get("@graph") or [])
    return tuple(h for h in out if h)


def _html_lang(html: str | bytes) -> str | None:
    head = html[:4000] if isinstance(html, bytes) else html[:4000].encode("utf-8", "ignore")
    m = _LANG_ATTR.search(head)
    return m.group(1).decode().lower() if m else None


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None

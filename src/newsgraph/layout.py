"""Layout: label the lines of an article's text as zones, and read its metadata.

Zones are offsets into the text, which is never changed. The rules look at the shape of
a line (length, final punctuation, position), its neighbours (a caption repeats the line
above and adds a photo credit) and a small vocabulary of page furniture kept in
``data/layout.yaml``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from newsgraph.read.document import Hints
from newsgraph.record import Meta, Zone
from newsgraph.resources import load_yaml

HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 60
TOP_LINES = 8  # bylines and date lines are looked for among the first lines only
LINK_LIST_MAX_WORDS = 16


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


class Vocabulary:
    """The compiled patterns of ``data/layout.yaml``."""

    def __init__(self, spec: dict):
        flags = re.IGNORECASE
        chrome = spec["boilerplate"]
        self.short_line_words = spec["short_line_words"]
        self.chrome_line = _whole(chrome["line"], flags)
        self.chrome_short = re.compile("|".join(f"(?:{p})" for p in chrome["short_line"]), flags)
        self.credit_tail = re.compile(r"[\s.,;|–—-]*(?:" + "|".join(spec["credit"]) + r")\s*$", flags)
        self.credit_only = _whole(spec["credit"], flags)
        self.article_credit = _whole(spec["article_credit"], flags)
        self.byline = _whole(spec["byline"], flags)
        self.dateline = _whole(spec["dateline"], flags)
        self.lede_dateline = re.compile(spec["lede_dateline"])
        self.related_header = re.compile(chrome["line"][5], flags)

    def is_chrome(self, text: str) -> bool:
        if self.chrome_line.fullmatch(text):
            return True
        return len(text.split()) <= self.short_line_words and bool(self.chrome_short.search(text))


def _whole(patterns: list[str], flags: int) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@functools.cache
def vocabulary() -> Vocabulary:
    return Vocabulary(load_yaml("layout.yaml"))


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each trimmed of surrounding white space."""
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group(0)
        left = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        if stripped:
            start = m.start() + left
            lines.append(Line(start, start + len(stripped), stripped))
    return lines


def lay_out(text: str, hints: Hints | None = None) -> list[Zone]:
    """Zones covering every non-blank line of ``text``, in order."""
    hints = hints or Hints()
    voc = vocabulary()
    lines = split_lines(text)
    kinds = _first_pass(lines, hints, voc)
    _mark_standfirst(lines, kinds, hints)
    _mark_link_lists(lines, kinds, voc)
    _mark_publisher_blurbs(lines, kinds, publisher(text, hints))
    return _zones(lines, kinds, voc)


def _first_pass(lines: list[Line], hints: Hints, voc: Vocabulary) -> list[str]:
    kinds: list[str] = []
    seen_body = False
    for i, line in enumerate(lines):
        kind = _line_kind(line, i, lines, kinds, hints, voc, seen_body)
        seen_body = seen_body or kind == "body"
        kinds.append(kind)
    return kinds


def _line_kind(line, i, lines, kinds, hints, voc, seen_body) -> str:
    text = line.text
    if voc.is_chrome(text):
        return "boilerplate"
    if "headline" not in kinds and not seen_body and _is_headline(line, hints, kinds):
        return "headline"
    if _previous_content(lines, kinds, i) is not None and _repeats_with_credit(
        text, _previous_content(lines, kinds, i).text, voc
    ):
        return "caption"
    if voc.credit_only.fullmatch(text) or voc.article_credit.fullmatch(text):
        return "credit"
    near_top = not seen_body and i < TOP_LINES
    if near_top and (voc.byline.fullmatch(text) or (hints.byline and text.lower() == hints.byline.lower())):
        return "byline"
    if near_top and voc.dateline.fullmatch(text):
        return "dateline"
    if line.words <= 60 and voc.credit_tail.search(text) and _caption_shape(text, voc):
        return "caption"
    return "body"


def _is_headline(line: Line, hints: Hints, kinds: list[str]) -> bool:
    if hints.headline:
        return _same(line.text, hints.headline)
    if any(k not in ("boilerplate", "dateline", "byline") for k in kinds):
        return False
    return line.words <= HEADLINE_MAX_WORDS and not line.text.endswith((":", ","))


def _previous_content(lines: list[Line], kinds: list[str], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if kinds[j] != "boilerplate":
            return lines[j]
    return None


def _repeats_with_credit(text: str, above: str, voc: Vocabulary) -> bool:
    """A caption under a photo often repeats the line above it and adds a credit."""
    m = voc.credit_tail.search(text)
    return bool(m) and m.start() > 0 and _same(text[: m.start()], above)


def _caption_shape(text: str, voc: Vocabulary) -> bool:
    """A line ending in a credit is a caption when the credit is set off from a sentence."""
    m = voc.credit_tail.search(text)
    head = text[: m.start()].rstrip()
    return bool(head) and (head.endswith((".", "!", "?", ")")) or "(" in text[m.start() :] or ":" in text[m.start() :])


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.lower()).strip()


def _mark_standfirst(lines: list[Line], kinds: list[str], hints: Hints) -> None:
    """The line under the headline is a standfirst when furniture (a caption, byline,
    credit or date line) follows it before the story begins."""
    if "headline" not in kinds:
        return
    i = kinds.index("headline") + 1
    while i < len(kinds) and kinds[i] in ("boilerplate", "byline", "dateline"):
        i += 1
    if i >= len(kinds) or kinds[i] != "body" or lines[i].words > STANDFIRST_MAX_WORDS:
        return
    nxt = next((k for k in kinds[i + 1 :] if k != "boilerplate"), None)
    if nxt in ("caption", "credit", "byline", "dateline"):
        kinds[i] = "standfirst"


def _mark_link_lists(lines: list[Line], kinds: list[str], voc: Vocabulary) -> None:
    """Short title-like lines under a "Related" / "More from" header are a link list."""
    for i, line in enumerate(lines):
        if kinds[i] != "boilerplate" or not voc.related_header.fullmatch(line.text):
            continue
        for j in range(i + 1, len(lines)):
            if kinds[j] != "body" or lines[j].words > LINK_LIST_MAX_WORDS or lines[j].text.endswith("."):
                break
            kinds[j] = "boilerplate"


def _mark_publisher_blurbs(lines: list[Line], kinds: list[str], name: str | None) -> None:
    """A line that opens with the publisher's name and says what it is, is a blurb."""
    if not name:
        return
    blurb = re.compile(re.escape(name) + r"\s+(is|was|are|provides|publishes|brings|delivers)\b", re.I)
    for i, line in enumerate(lines):
        if kinds[i] == "body" and blurb.match(line.text):
            kinds[i] = "boilerplate"


def _zones(lines: list[Line], kinds: list[str], voc: Vocabulary) -> list[Zone]:
    zones: list[Zone] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "caption":
            m = voc.credit_tail.search(line.text)
            cut = line.start + (m.start() if m else len(line.text))
            credit_start = line.start + (len(line.text) - len(line.text[cut - line.start :].lstrip(" .,;|–—-")))
            zones.append(Zone("caption", line.start, cut))
            if credit_start < line.end:
                zones.append(Zone("credit", credit_start, line.end))
        elif kind == "body" and not any(z.kind == "body" for z in zones):
            m = voc.lede_dateline.match(line.text)
            if m and len(line.text) > m.end() + 40:
                zones.append(Zone("dateline", line.start, line.start + m.end()))
                zones.append(Zone("body", line.start + m.end(), line.end))
            else:
                zones.append(Zone("body", line.start, line.end))
        else:
            zones.append(Zone(kind, line.start, line.end))  # type: ignore[arg-type]
    return zones


_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})",
    re.I,
)


def publisher(text: str, hints: Hints) -> str | None:
    """The publisher the input names, else the holder named in a copyright line."""
    if hints.publisher:
        return hints.publisher
    for line in reversed(split_lines(text)[-15:]):
        m = _COPYRIGHT.search(line.text)
        if m:
            name = re.sub(r"\b(All Rights Reserved|Ltd|Inc|Pty|LLC|Limited)\b.*$", "", m.group("name"), flags=re.I)
            name = name.strip(" .,")
            if name and not name.isdigit() and name.lower() not in ("all", "the"):
                return name
    return None


def read_meta(text: str, zones: list[Zone], hints: Hints, date: str | None) -> Meta:
    """The article's metadata from what the input said and what the zones show."""
    first = {}
    for z in zones:
        first.setdefault(z.kind, text[z.start : z.end])
    byline = hints.byline or _strip_by(first.get("byline"))
    meta = Meta(
        headline=hints.headline or first.get("headline"),
        standfirst=first.get("standfirst"),
        byline=byline,
        publisher=publisher(text, hints),
        url=hints.url,
        language=_language(text, zones) or hints.language,
    )
    if date:
        meta.published, meta.published_source = date, "given"
    elif hints.published:
        meta.published, meta.published_source = hints.published, hints.published_source
    else:
        meta.published = _dateline_date(text, zones)
        meta.published_source = "dateline" if meta.published else None
    return meta


def _strip_by(byline: str | None) -> str | None:
    if not byline:
        return None
    return re.sub(r"^(by|words by|written by|story by|reported by)\s+", "", byline, flags=re.I).strip() or None


def _dateline_date(text: str, zones: list[Zone]) -> str | None:
    """A full date (day, month and year) in a date line near the top; never a copyright year."""
    from newsgraph.times import parse_full_date

    for z in zones:
        if z.kind == "dateline":
            value = parse_full_date(text[z.start : z.end])
            if value:
                return value
    return None


def _language(text: str, zones: list[Zone]) -> str | None:
    import py3langid

    sample = " ".join(text[z.start : z.end] for z in zones if z.kind in ("body", "headline"))[:3000]
    if len(sample.split()) < 5:
        return None
    lang, _ = py3langid.classify(sample)
    return lang

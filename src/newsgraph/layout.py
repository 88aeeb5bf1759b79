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
from urllib.parse import urlsplit

from newsgraph.english import english, strip_byline_prefix
from newsgraph.knowledge import derived, load_yaml
from newsgraph.read.document import Hints
from newsgraph.record import Meta, Zone

HEADLINE_MAX_WORDS = 30
STANDFIRST_MAX_WORDS = 60
TOP_LINES = 8  # bylines and date lines are looked for among the first lines only
LINK_LIST_MAX_WORDS = 16
CREDIT_LIST_MAX_WORDS = 8
CAPTION_MAX_WORDS = 60
CREDIT_WINDOW = 90  # a credit sits in the last characters of a caption line
MARKUP_MIN_CHARS = 6  # a line with this many code characters ...
MARKUP_SHARE = 0.03  # ... making up this share of it is leaked markup or script
MARKUP_PROSE_WORDS = 5  # tags around fewer words than this are markup, not an embedded post


@dataclass(slots=True)
class Line:
    """A non-blank line of the text: its offsets, its trimmed text and its word count."""

    start: int
    end: int
    text: str
    words: int


class Vocabulary:
    """The compiled patterns of ``data/layout.yaml``."""

    def __init__(self, spec: dict):
        flags = re.IGNORECASE
        chrome = spec["boilerplate"]
        self.short_line_words = spec["short_line_words"]
        self.phrase_line_words = spec["phrase_line_words"]
        self.tail_lines = spec["tail_lines"]
        self.chrome_line = _any(chrome["line"] + spec["link_list_header"], flags)
        self.chrome_short = _any(chrome["short_line"], flags)
        self.chrome_phrase = _any(chrome["phrase"], flags)
        self.author_bio = _any(chrome["author_bio"], flags)
        self.link_list_header = _any(spec["link_list_header"], flags)
        self.credit_tail = re.compile(r"[\s.,;|–—-]*(?:" + "|".join(spec["credit"]) + r")\s*$", flags)
        self.credit_only = _any(spec["credit"], flags)
        self.article_credit = _any(spec["article_credit"] + [spec["credit_list_header"]], flags)
        self.credit_list_header = re.compile(spec["credit_list_header"], flags)
        self.byline = _any(spec["byline"], flags)
        prefixes = english().date_prefix_words
        self.dateline = _any([p.replace("{date_prefix}", prefixes) for p in spec["dateline"]], flags)
        self.lede_dateline = re.compile(spec["lede_dateline"])

    def is_chrome(self, line: Line) -> bool:
        """Page chrome by its own words: a whole chrome line, or a chrome phrase in a short line."""
        text = line.text
        if self.chrome_line.fullmatch(text):
            return True
        if line.words <= self.short_line_words and self.chrome_short.search(text):
            return True
        return line.words <= self.phrase_line_words and bool(self.chrome_phrase.search(text))

    def credit_start(self, text: str) -> int | None:
        """Where a photo credit closing ``text`` begins (with its separator), else None."""
        cut = 0
        if len(text) > CREDIT_WINDOW:  # search only the tail, from a word boundary: lines can be long
            cut = text.rfind(" ", 0, len(text) - CREDIT_WINDOW) + 1
        m = self.credit_tail.search(text, cut)
        return m.start() if m else None


def _any(patterns: list[str], flags: int) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), flags)


@derived
def vocabulary() -> Vocabulary:
    """The layout vocabulary, read and compiled once per process."""
    return Vocabulary(load_yaml("layout.yaml"))


_LINE = re.compile(r"[^\n]+")
_MARKUP_CHARS = "{}<>=;"
_TAG = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]{0,300})?/?>")


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, each trimmed of surrounding white space."""
    lines = []
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if stripped:
            start = m.start() + len(raw) - len(raw.lstrip())
            lines.append(Line(start, start + len(stripped), stripped, len(stripped.split())))
    return lines


def lay_out(text: str, hints: Hints | None = None) -> list[Zone]:
    """Zones covering every non-blank line of ``text``, in order."""
    hints = hints or Hints()
    voc = vocabulary()
    lines = split_lines(text)
    kinds = _first_pass(lines, hints, voc)
    _demote_lone_headline(kinds, hints)
    _mark_standfirst(lines, kinds, hints)
    _mark_link_lists(lines, kinds, voc)
    _mark_credit_lists(lines, kinds, voc)
    _mark_publisher_blurbs(lines, kinds, publisher(text, hints, lines))
    _mark_author_bios(lines, kinds, voc)
    _mark_live_updates(lines, kinds, hints)
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
    if is_markup(text) or voc.is_chrome(line):
        return "boilerplate"
    if "headline" not in kinds and _headline_position(i, seen_body, hints) and _is_headline(line, hints, kinds, voc):
        return "headline"
    credit = voc.credit_start(text) if line.words <= CAPTION_MAX_WORDS else None
    above = _previous_content(lines, kinds, i)
    if credit and above is not None and _same(text[:credit], above.text):
        return "caption"  # a caption under a photo often repeats the line above and adds a credit
    if voc.credit_only.fullmatch(text) or voc.article_credit.fullmatch(text):
        return "credit"
    near_top = i < TOP_LINES and kinds.count("body") <= 1  # a standfirst may come before the byline
    if near_top and (voc.byline.fullmatch(text) or (hints.byline and text.lower() == hints.byline.lower())):
        return "byline"
    if near_top and voc.dateline.fullmatch(text):
        return "dateline"
    if credit and _caption_shape(text, credit):
        return "caption"
    return "body"


def is_markup(text: str) -> bool:
    """Markup or script the extractor let through: tags with next to no prose between
    them, or many code characters. Prose wrapped in tags (an embedded post) is not."""
    bare, tags = _TAG.subn(" ", text)
    if tags and len(bare.split()) < MARKUP_PROSE_WORDS:
        return True
    code = sum(bare.count(ch) for ch in _MARKUP_CHARS)
    return code >= MARKUP_MIN_CHARS and code > MARKUP_SHARE * len(bare)


def _headline_position(i: int, seen_body: bool, hints: Hints) -> bool:
    # the page's own headline may sit under a kicker or section line; a guessed one opens the text
    return i < TOP_LINES if hints.headline else not seen_body


def _is_headline(line: Line, hints: Hints, kinds: list[str], voc: Vocabulary) -> bool:
    if hints.headline:
        return _same(line.text, hints.headline)
    if any(k not in ("boilerplate", "dateline", "byline") for k in kinds):
        return False
    if voc.lede_dateline.match(line.text):
        return False  # "PLACE (Wire) --" opens a story's first paragraph, never a headline
    return line.words <= HEADLINE_MAX_WORDS and not line.text.endswith((":", ","))


def _demote_lone_headline(kinds: list[str], hints: Hints) -> None:
    """A text whose only line of content is short is a sentence or a brief, not a headline
    over nothing: it is body (unless the input named it as its title)."""
    if hints.headline or "headline" not in kinds:
        return
    if all(k in ("headline", "boilerplate", "byline", "dateline", "credit") for k in kinds):
        kinds[kinds.index("headline")] = "body"


def _previous_content(lines: list[Line], kinds: list[str], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if kinds[j] != "boilerplate":
            return lines[j]
    return None


def _caption_shape(text: str, credit: int) -> bool:
    """A line ending in a credit is a caption when the credit is set off from a sentence: a
    full stop, bracket, bar or dash before it, or a capitalised "Photo:" after a caption."""
    head = text[:credit].rstrip()
    if not head:
        return False
    tail = text[credit:]
    credit_text = tail.lstrip(" .,;|–—-")
    separator = tail[: len(tail) - len(credit_text)]
    if head.endswith((")", "”", '"')) or any(c in separator for c in ".!?|–—-") or credit_text.startswith("("):
        return True
    # "Photo: Reuters" after a caption without a full stop; not "... from an unlikely source: the Fed"
    return credit_text[:1].isupper() and ":" in credit_text[:25]


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


_NON_WORD = re.compile(r"\W+")


def _norm(s: str) -> str:
    return _NON_WORD.sub(" ", s.lower()).strip()


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
    if nxt in ("caption", "credit", "byline", "dateline") and "body" in kinds[i + 1 :]:
        kinds[i] = "standfirst"  # (furniture closing the article says nothing: the story must follow)


def _mark_live_updates(lines: list[Line], kinds: list[str], hints: Hints) -> None:
    """A live blog's updates, from the first line that is one of their headlines on: each is a
    post of its own, with its own time, after the article (the page's headline and summary)."""
    if not hints.updates:
        return
    heads = {_norm(h) for h in hints.updates}
    first = next((i for i, line in enumerate(lines) if kinds[i] == "body" and _norm(line.text) in heads), None)
    if first is None:
        return
    for i in range(first, len(kinds)):
        if kinds[i] == "body":
            kinds[i] = "update"


def _mark_link_lists(lines: list[Line], kinds: list[str], voc: Vocabulary) -> None:
    """Short title-like lines under a "Related" / "More from" header are a link list."""
    _mark_lists(lines, kinds, voc.link_list_header, "boilerplate", LINK_LIST_MAX_WORDS)


def _mark_credit_lists(lines: list[Line], kinds: list[str], voc: Vocabulary) -> None:
    """Short lines under a "Photo credits" header ("Photographer: Jane Roe") are credits."""
    _mark_lists(lines, kinds, voc.credit_list_header, "credit", CREDIT_LIST_MAX_WORDS)


def _mark_lists(lines: list[Line], kinds: list[str], header: re.Pattern, kind: str, max_words: int) -> None:
    # items run from the header to the first line that is long, a sentence, or already labelled
    for i, line in enumerate(lines):
        if kinds[i] != kind or not header.fullmatch(line.text):
            continue
        for j in range(i + 1, len(lines)):
            if kinds[j] != "body" or lines[j].words > max_words or lines[j].text.endswith("."):
                break
            kinds[j] = kind


def _mark_publisher_blurbs(lines: list[Line], kinds: list[str], name: str | None) -> None:
    """A line that opens with the publisher's name and says what it is, is a blurb."""
    if not name:
        return
    blurb = _blurb_pattern(name)
    for i, line in enumerate(lines):
        if kinds[i] == "body" and blurb.match(line.text):
            kinds[i] = "boilerplate"


@functools.lru_cache(maxsize=1024)
def _blurb_pattern(name: str) -> re.Pattern:
    # the publisher's name, then a verb saying what it is or does: "The Daily Planet is ..."
    verbs = r"(is|was|are|provides|publishes|brings|delivers|offers|covers|writes|aims)"
    # "Example News is ...", "Example News, the city's paper, is ...", "Example's editors are ..."
    return re.compile(re.escape(name) + r"(['’]s)?(,[^,]{1,60},|(\s+\w+){0,2})\s+" + verbs + r"\b", re.I)


def _mark_author_bios(lines: list[Line], kinds: list[str], voc: Vocabulary) -> None:
    """A note about the writer ("Jane Doe is a reporter ...") among the last lines is chrome."""
    for i in range(max(0, len(lines) - voc.tail_lines), len(lines)):
        if kinds[i] == "body" and voc.author_bio.match(lines[i].text):
            kinds[i] = "boilerplate"


def _zones(lines: list[Line], kinds: list[str], voc: Vocabulary) -> list[Zone]:
    zones: list[Zone] = []
    seen_body = False
    for line, kind in zip(lines, kinds, strict=True):
        if kind == "caption":
            zones += _caption_zones(line, voc)
        elif kind == "body" and not seen_body:
            seen_body = True
            zones += _lede_zones(line, voc)
        else:
            zones.append(Zone(kind, line.start, line.end))  # type: ignore[arg-type]
    return zones


def _caption_zones(line: Line, voc: Vocabulary) -> list[Zone]:
    """A caption line: the caption, then its credit without the separator between them."""
    cut = voc.credit_start(line.text)
    cut = len(line.text) if cut is None else cut
    tail = line.text[cut:]
    credit_start = line.start + cut + len(tail) - len(tail.lstrip(" .,;|–—-"))
    stop = len(tail) - len(tail.lstrip(".!?"))  # the caption keeps its own full stop
    zones = [Zone("caption", line.start, line.start + len(line.text[: cut + stop].rstrip()))]
    if credit_start < line.end:
        zones.append(Zone("credit", credit_start, line.end))
    return zones


def _lede_zones(line: Line, voc: Vocabulary) -> list[Zone]:
    """The first body line: a "PLACE (Wire) -" opening is a dateline, the rest is body."""
    m = voc.lede_dateline.match(line.text)
    if m and len(line.text) > m.end() + 40:
        return [Zone("dateline", line.start, line.start + m.end()), Zone("body", line.start + m.end(), line.end)]
    return [Zone("body", line.start, line.end)]


_COPYRIGHT = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?,?\s*"
    r"(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z&][\w&'’.-]*){0,5})",
    re.I,
)


def publisher(text: str, hints: Hints, lines: list[Line] | None = None) -> str | None:
    """The publisher the input names, else the holder named in a copyright line near the
    end, else the host of the article's web address."""
    if hints.publisher:
        return hints.publisher
    for line in reversed((lines if lines is not None else split_lines(text))[-15:]):
        m = _COPYRIGHT.search(line.text)
        if m:
            name = re.sub(r"\b(All Rights Reserved|Ltd|Inc|Pty|LLC|Limited)\b.*$", "", m.group("name"), flags=re.I)
            name = name.strip(" .,")
            if name and not name.isdigit() and name.lower() not in ("all", "the"):
                return name
    host = urlsplit(hints.url).hostname if hints.url else None
    return host.removeprefix("www.") if host else None


def read_meta(text: str, zones: list[Zone], hints: Hints, date: str | None) -> Meta:
    """The article's metadata from what the input said and what the zones show."""
    first = {}
    for z in zones:
        first.setdefault(z.kind, text[z.start : z.end])
    byline = hints.byline or strip_byline_prefix(first.get("byline"))
    meta = Meta(
        headline=hints.headline or first.get("headline"),
        standfirst=first.get("standfirst"),
        byline=byline,
        publisher=publisher(text, hints),
        url=hints.url,
        language=_language(text, zones) or hints.language,
    )
    # the input's own date (a sidecar row, page metadata, the file name) first; then the date
    # given for every input (--date); a date line read in the text last
    if hints.published:
        meta.published, meta.published_source = hints.published, hints.published_source
    elif date:
        meta.published, meta.published_source = date, "given"
    else:
        meta.published = _dateline_date(text, zones)
        meta.published_source = "dateline" if meta.published else None
    return meta


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

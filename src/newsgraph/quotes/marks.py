"""Quoted stretches: pairs of quote marks, found in the text as written.

The parser sees straightened apostrophes, so quote marks are read from the text itself.
Double marks of every style pair up (“ ” „ « » " `` ''); whether a straight mark opens or
closes is read from its neighbours. A paragraph that ends inside a quote continues into
the next one when that paragraph reopens the quote (the printers' convention) or when its
first mark closes it (a paragraph break put in by the page layout). Single marks (‘ ’ and
') make stretches only outside double ones, since inside they are nested quotes, and only
where they cannot be apostrophes.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.english import english
from newsgraph.layout import split_lines
from newsgraph.quotes.labels import opens_with_label

_BEFORE_OPEN = frozenset("([{—–-/“‘:")  # what may stand right before an opening mark
_AFTER_CLOSE = frozenset(".,;:!?)]}—–-”’…")  # what may follow a closing mark
OPEN, CLOSE, EITHER = 1, 2, 3


@dataclass(slots=True, frozen=True)
class Stretch:
    """A quoted stretch: from its opening mark to just past its closing mark.

    ``closed`` is False when no closing mark was found (the stretch then runs to the end
    of its last paragraph); ``single`` when it is set off by single marks.
    """

    start: int
    end: int
    closed: bool = True
    single: bool = False


def paragraphs(text: str, skip=lambda start: False) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, leading and trailing blanks left out.

    ``skip(offset)`` says an offset is not read (the caller passes "is this boilerplate?"): a
    line that opens with such a part (a dateline: "DAYTON, Ohio (UPI) — The mayor said ...")
    starts where the read text does, and a line with none of it is dropped.
    """
    out = []
    for line in split_lines(text):
        start = line.start
        if skip(start):
            start = next((i for i in range(line.start, line.end) if not text[i].isspace() and not skip(i)), None)
            if start is None:
                continue
        out.append((start, line.end))
    return out


def find_stretches(text: str, paras: list[tuple[int, int]]) -> list[Stretch]:
    """Every quoted stretch in the given paragraphs, in text order."""
    double = _double_stretches(text, paras)
    single = [s for start, end in paras for s in _single_stretches(text, start, end, double)]
    return sorted(double + single, key=lambda s: s.start)


def _direction(text: str, start: int, end: int) -> int:
    """Whether the mark at [start, end) opens or closes a quote, judged by its neighbours."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    opens = before.isspace() or before in _BEFORE_OPEN
    closes = after.isspace() or after in _AFTER_CLOSE
    if opens and not after.isspace() and not closes:
        return OPEN
    if closes and not before.isspace() and not opens:
        return CLOSE
    mark = text[start:end]
    words = english()
    return OPEN if mark in words.opening_quotes else CLOSE if mark in words.closing_quotes else EITHER


def _double_stretches(text: str, paras: list[tuple[int, int]]) -> list[Stretch]:
    out: list[Stretch] = []
    open_at, last_end = None, 0
    for start, end in paras:
        found = english().double_quotes.finditer(text, start, end)
        marks = _outside_markup(text, [(m.start(), m.end(), _direction(text, m.start(), m.end())) for m in found])
        labelled = opens_with_label(text, start, end)  # a transcript's line: the label's speaker begins anew
        if open_at is not None and labelled:
            out.append(Stretch(open_at, last_end, closed=False))
            open_at = None
        if open_at is not None:
            if marks and marks[0][0] == start and marks[0][2] != CLOSE:
                marks = marks[1:]  # the paragraph reopens the quote left open above
            elif not marks or marks[0][2] == OPEN:
                out.append(Stretch(open_at, last_end, closed=False))
                open_at = None
        for s, e, d in marks:
            if open_at is None:
                if d != CLOSE:
                    open_at = s
            elif d == OPEN and text[open_at:s].strip(' “"«„`'):
                out.append(Stretch(open_at, _trim_end(text, open_at, s), closed=False))
                open_at = s  # a second opening mark: the first quote was never closed
            elif d != OPEN:
                out.append(Stretch(open_at, e))
                open_at = None
        if labelled and open_at is not None:
            out.append(Stretch(open_at, end, closed=False))  # the labelled line is its speaker's, and ends here
            open_at = None
        last_end = end
    if open_at is not None:
        out.append(Stretch(open_at, last_end, closed=False))
    return out


def _outside_markup(text: str, marks: list) -> list:
    """The marks less the pairs that delimit a markup attribute's value (`author="Smith"`,
    left in the text by a web page's embeds): a mark right after "=" and the one closing it."""
    out, skip = [], False
    for mark in marks:
        if skip:
            skip = False
        elif mark[0] > 0 and text[mark[0] - 1] == "=":
            skip = True
        else:
            out.append(mark)
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _single_stretches(text: str, start: int, end: int, double: list[Stretch]) -> list[Stretch]:
    """Single-quoted stretches of one paragraph, outside the double ones."""
    inside = [(d.start, d.end) for d in double if d.start < end and start < d.end]
    out, open_at = [], None
    for m in english().single_quotes.finditer(text, start, end):
        i = m.start()
        if any(a <= i < b for a, b in inside) or text[i - 1 : i + 1] == "''" or text[i : i + 2] == "''":
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if open_at is None:
            if (before.isspace() or before in _BEFORE_OPEN) and after.isalpha() and text[i] != "’":
                open_at = i
        elif not before.isspace() and (after.isspace() or after in _AFTER_CLOSE) and not _possessive(text, i, end):
            out.append(Stretch(open_at, i + 1, single=True))
            open_at = None
    return out


def _possessive(text: str, i: int, end: int) -> bool:
    """A plural possessive ("the players' union"): an s, the mark, then a lower-case word."""
    return text[i - 1] == "s" and i + 2 < end and text[i + 1] == " " and text[i + 2].islower()

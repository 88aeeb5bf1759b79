"""Speaker labels: a paragraph that opens with a name and a colon ("PENCE: Well, ...",
"Q: ...", a headline "Smith: the plan failed") gives what follows to that name.

A label is one to four capitalised words (or a single letter, "Q" and "A" in interviews)
ending in a colon at the very start of a paragraph, with some words after it; the words
that open such lines without naming anyone ("Update:", "Photo:") are data
(``not_labels`` in ``data/cues.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.knowledge import derived, load_yaml
from newsgraph.record import Span

# a label may follow the opening mark of a quoted transcript's paragraph ('"PENCE: Well, ...')
_LABEL = re.compile(r"[\"“]?((?:[A-Z][\w.'’-]*|[A-Z])(?: (?:[A-Z][\w.'’-]*|of|de|van|von)){0,3}) ?: +(?=\S)")
MIN_WORDS_AFTER = 2


@dataclass(frozen=True, slots=True)
class LabelledLine:
    line: Span  # the whole paragraph
    label: Span
    colon: Span
    content: Span


@derived
def _not_labels() -> frozenset[str]:
    return frozenset(w.lower() for w in load_yaml("cues.yaml").get("not_labels") or ())


def labelled_lines(text: str, paras: list[tuple[int, int]]) -> list[LabelledLine]:
    """The paragraphs that open with a speaker label, in text order."""
    out = []
    for start, end in paras:
        m = _label(text, start, end)
        if m is None:
            continue
        colon = text.index(":", m.end(1))
        label, content = Span(m.start(1), m.end(1)), Span(m.end(), end)
        out.append(LabelledLine(Span(start, end), label, Span(colon, colon + 1), content))
    return out


def opens_with_label(text: str, start: int, end: int) -> bool:
    """Whether the paragraph [start, end) opens with a speaker label."""
    return _label(text, start, end) is not None


def _label(text: str, start: int, end: int):
    m = _LABEL.match(text, start, end)
    if m is None or m.group(1).lower() in _not_labels() or len(text[m.end() : end].split()) < MIN_WORDS_AFTER:
        return None
    return m

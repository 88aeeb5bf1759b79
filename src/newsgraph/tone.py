"""Word valence from the VADER sentiment lexicon (the vaderSentiment package ships it):
how positive or negative a phrase's words are, used to read what a naming verb says of its
object ("called the senator *a disgrace*": criticism; "called the nurses *heroes*": praise).

The lexicon is lexicon-based and English only: it knows single words, not irony or context.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

NEGATIVE, POSITIVE = -1.0, 1.0  # a phrase this negative (positive) or more is said in blame (praise)


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, float]:
    """Word -> mean valence (-4 .. +4) from vaderSentiment's vader_lexicon.txt."""
    from importlib import resources

    text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            try:
                out[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return out


def valence(words: Iterable[str]) -> float:
    """The summed valence of the words (lower-cased); 0 for words the lexicon does not know."""
    lex = lexicon()
    return sum(lex.get(w.lower(), 0.0) for w in words)


def sign(words: Iterable[str]) -> str | None:
    """ "negative", "positive", or None for a phrase of no clear valence."""
    v = valence(words)
    return "negative" if v <= NEGATIVE else "positive" if v >= POSITIVE else None

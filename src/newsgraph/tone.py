"""Word valence from the VADER sentiment lexicon (the vaderSentiment package ships it):
how positive or negative a phrase's words are, used to read what a naming verb says of its
object ("called the senator *a disgrace*": criticism; "called the nurses *heroes*": praise),
and the tone of an article and of each event's sentence in GDELT's sense (:class:`ToneIndex`).

It is lexicon-based and English only: it knows single words, not negation ("not good"),
irony, quotation or context, and a word's valence is that of its commonest sense.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable

import numpy

NEGATIVE, POSITIVE = -1.0, 1.0  # a phrase this negative (positive) or more is said in blame (praise)
DAMNING = -1.5  # a verdict this negative or more on someone is criticism ("She is a disgrace": -2.2)


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


@functools.lru_cache(maxsize=1)
def _polarity() -> dict[int, int]:
    """The lexicon's words as the parse's arrays hold them (the hash of the lower-cased word),
    with the sign of their valence: 1, -1, or 0."""
    from spacy.strings import get_string_id

    return {get_string_id(w): (v > 0) - (v < 0) for w, v in lexicon().items()}


def valence(words: Iterable[str]) -> float:
    """The summed valence of the words (lower-cased); 0 for words the lexicon does not know."""
    lex = lexicon()
    return sum(lex.get(w.lower(), 0.0) for w in words)


def sign(words: Iterable[str]) -> str | None:
    """ "negative", "positive", or None for a phrase of no clear valence."""
    v = valence(words)
    return "negative" if v <= NEGATIVE else "positive" if v >= POSITIVE else None


# -- tone in GDELT's sense ------------------------------------------------------------------------


class ToneIndex:
    """The words of a parsed text with their polarity, to measure the tone of any stretch of it.

    Tone is GDELT's: (positive words - negative words) / words * 100, a word positive or negative
    by the sign of its VADER valence. Only words of the parts of speech ``data/tone.yaml`` names,
    and no word of a name (a proper noun or a named entity), carry tone; every word is counted.
    """

    def __init__(self, doc):
        from newsgraph import nlp
        from newsgraph.knowledge import load_yaml

        kinds = nlp.ids("POS", load_yaml("tone.yaml")["parts_of_speech"])
        self.starts: list[int] = []
        self._net = [0]  # running sums of positive minus negative words, one entry per word more
        if doc is None:
            return
        polarity = _polarity()
        # read from the parse's arrays (no Token per word): a token is a word when it is
        # alphabetic or has a letter; a word of the right part of speech and in no entity has
        # the sign of its valence
        table = doc.to_array(["IS_ALPHA", "POS", "ENT_TYPE", "LOWER", "ORTH", "IDX"])
        word = table[:, 0] == 1
        word[~word] = nlp.texts_where(doc, table[~word, 4], _has_letter)
        words = table[word]
        lowers, where = numpy.unique(words[:, 3], return_inverse=True)
        signs = numpy.array([polarity.get(low, 0) for low in lowers.tolist()], dtype=numpy.int64)[where.reshape(-1)]
        toned = numpy.isin(words[:, 1], numpy.array(sorted(kinds), dtype=numpy.uint64)) & (words[:, 2] == 0)
        self.starts = words[:, 5].tolist()
        self._net += numpy.cumsum(signs * toned).tolist()

    def tone(self, start: int = 0, end: int | None = None) -> float | None:
        """The tone of the words starting in ``[start, end)``; None where there are no words."""
        i = bisect.bisect_left(self.starts, start)
        j = len(self.starts) if end is None else bisect.bisect_left(self.starts, end)
        words = j - i
        return round(100 * (self._net[j] - self._net[i]) / words, 3) if words else None


def _has_letter(text: str) -> bool:
    return any(c.isalpha() for c in text)


def measure_tone(article) -> None:
    """The tone stage: the article's tone (of the zones the analysis reads) and each event's (of its
    evidence, the clause or sentence it was read from)."""
    index = ToneIndex(article.parsed)
    article.meta.tone = index.tone()
    for event in (*article.events, *article.rejected):
        event.tone = index.tone(event.evidence.start, event.evidence.end)

"""Memoised stand-ins for spaCy's attribute ruler and lemmatizer: the same annotations, cheaper.

Both components of the English pipeline work token by token in Python: the attribute ruler
runs a Matcher of some 180 patterns over every token and sets each match through a Span,
and the rule lemmatizer makes a Token object per word. Yet what they give a token depends
on a few of its values only, and the same values come back all the time:

- a token of an attribute-ruler pattern tests the token's text (ORTH, LOWER, IS_SPACE),
  TAG and DEP, so which pattern tokens a token matches is looked up by its (ORTH, TAG,
  DEP), and worked out once by spaCy's Matcher on a Doc of such tokens. A one-token
  pattern's match is then known; a pattern of several tokens (a handful, such as "gon
  na") matches where each of its tokens matches in turn. The matched rules are applied in
  the ruler's order (later rules win), as spaCy does;
- the lemmatizer's lemma depends on the token's ORTH, POS and MORPH (spaCy keys its own
  cache so), so it is looked up by them and worked out once by the lemmatizer itself; its
  index of known words is turned from a list into a set, which the rules only test words
  against.

Values are read and written through the Doc's arrays, so no Token object is made for a
token already seen. A component whose patterns use anything else (another attribute, an
operator such as ``"OP": "?"``) or that sets anything but POS, TAG, DEP, LEMMA and MORPH is
left as it is. The stand-ins take spaCy's place under the same names (:func:`memoise`);
each memo is bounded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

MEMO_SIZE = 200_000  # entries per memo; a full memo starts again (a long run meets new words)
_SETS = (POS, TAG, DEP, LEMMA, MORPH)  # what a memoised rule may set: token attributes, none lexical
_TESTS = {"ORTH", "TEXT", "LOWER", "IS_SPACE", "TAG", "DEP"}  # what a pattern token may test


def memoise(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler and lemmatizer replaced by memoised stand-ins, where
    they are spaCy's own and their rules test and set only what the memo covers."""
    for name, proc in list(nlp.pipeline):
        if isinstance(proc, AttributeRuler) and MemoRuler.covers(proc):
            nlp.replace_pipe(name, "newsgraph_memo_ruler").take(proc)
        elif isinstance(proc, Lemmatizer) and MemoLemmatizer.covers(proc):
            nlp.replace_pipe(name, "newsgraph_memo_lemmatizer").take(proc)
    return nlp


class _Memo:
    def __init__(self, nlp: Language, name: str):
        self.vocab, self.name = nlp.vocab, name
        self.memo: dict = {}

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _make_room(self, more: int) -> None:
        if len(self.memo) + more > MEMO_SIZE:
            self.memo.clear()


class _Row(NamedTuple):
    """What the memo knows of a token with a given row of values."""

    values: list[int]  # the values the rules set, after the one-token rules
    rules: tuple[int, ...]  # the one-token rules that match, in order
    parts: frozenset[tuple[int, int]]  # the (pattern, position) tokens it matches
    starts: bool  # whether it matches the first token of a longer pattern


class MemoRuler(_Memo):
    """spaCy's AttributeRuler, its pattern tokens looked up by (ORTH, TAG, DEP)."""

    @staticmethod
    def covers(ruler: AttributeRuler) -> bool:
        if any(not set(attrs) <= set(_SETS) for attrs in ruler.attrs):
            return False
        return all(
            {k.upper() for k in token} <= _TESTS
            for i in range(len(ruler.attrs)) for pattern in ruler.matcher.get(str(i))[1] for token in pattern
        )

    def take(self, ruler: AttributeRuler) -> None:
        """Take over ``ruler``'s rules: one Matcher key per pattern token, and the attributes
        each rule sets on which token of its span (``index``, negative from the end)."""
        self.parts = Matcher(self.vocab)  # key "rule pattern position"
        self.patterns: list[tuple[int, int, int]] = []  # (rule, length, index of the token it sets)
        for rule, index in enumerate(ruler.indices):
            for pattern in ruler.matcher.get(str(rule))[1]:
                p = len(self.patterns)
                if not -len(pattern) <= index < len(pattern):
                    raise ValueError(f"attribute ruler rule {rule}: index {index} outside its pattern")
                self.patterns.append((rule, len(pattern), index % len(pattern)))
                for k, token in enumerate(pattern):
                    self.parts.add(f"{p} {k}", [[token]])
        self.rules = [dict(attrs) for attrs in ruler.attrs]
        self.columns = [a for a in _SETS if any(a in attrs for attrs in self.rules)]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        table = doc.to_array([ORTH, TAG, DEP, *self.columns])  # what the rules test, then what they set
        rows, where = numpy.unique(table, axis=0, return_inverse=True)
        where = where.reshape(-1)
        rows = list(map(tuple, rows.tolist()))
        known = [self.memo.get(r) for r in rows]
        learnt = self._learn({r for r, k in zip(rows, known, strict=True) if k is None})
        known = [k or learnt[r] for r, k in zip(rows, known, strict=True)]
        values = numpy.array([k.values for k in known], dtype=numpy.uint64)[where]
        if any(k.starts for k in known):
            for i, more in self._longer(known, where).items():
                rules = sorted({*known[where[i]].rules, *more})
                values[i] = self._apply(table[i, 3:].tolist(), rules)
        doc.from_array(self.columns, values)
        return doc

    def _learn(self, rows: set[tuple[int, ...]]) -> dict[tuple[int, ...], _Row]:
        """Remember, for tokens with each of these rows (ORTH, TAG, DEP, then the values the
        rules set), which pattern tokens they match and their values after the one-token
        rules: spaCy's Matcher on one Doc holding one such token per row."""
        if not rows:
            return {}
        rows_in_order = sorted(rows)
        strings = self.vocab.strings
        probe = Doc(self.vocab, words=[strings[row[0]] for row in rows_in_order])
        for token, row in zip(probe, rows_in_order, strict=True):
            token.tag, token.dep = row[1], row[2]
        parts: list[set[tuple[int, int]]] = [set() for _ in rows_in_order]
        for m, start, _ in self.parts(probe, allow_missing=True):
            p, k = strings[m].split()
            parts[start].add((int(p), int(k)))
        learnt = {}
        for row, matched in zip(rows_in_order, parts, strict=True):
            rules = sorted({self.patterns[p][0] for p, k in matched if self.patterns[p][1] == 1})
            starts = any(k == 0 and self.patterns[p][1] > 1 for p, k in matched)
            learnt[row] = _Row(self._apply(row[3:], rules), tuple(rules), frozenset(matched), starts)
        self._make_room(len(learnt))
        self.memo.update(learnt)
        return learnt

    def _longer(self, known: list[_Row], where) -> dict[int, set[int]]:
        """The rules of several tokens that match, by the token they set: a pattern matches
        where each of its tokens matches in turn."""
        starts = numpy.array([k.starts for k in known])[where]
        hits: dict[int, set[int]] = {}
        for i in starts.nonzero()[0].tolist():
            for p, k in known[where[i]].parts:
                rule, length, index = self.patterns[p]
                if k == 0 and length > 1 and i + length <= len(where) and all(
                    (p, j) in known[where[i + j]].parts for j in range(1, length)
                ):
                    hits.setdefault(i + index, set()).add(rule)
        return hits

    def _apply(self, row: list[int], rules: Iterable[int]) -> list[int]:
        """A token's values after the rules, in order: later rules win."""
        row = list(row)
        for rule in rules:
            attrs = self.rules[rule]
            for j, column in enumerate(self.columns):
                if column in attrs:
                    row[j] = attrs[column]
        return row


class MemoLemmatizer(_Memo):
    """spaCy's Lemmatizer, its lemmas looked up by (ORTH, POS, MORPH)."""

    @staticmethod
    def covers(lemmatizer: Lemmatizer) -> bool:
        return lemmatizer.mode in ("rule", "lookup", "pos_lookup")

    def take(self, lemmatizer: Lemmatizer) -> None:
        self.stock = lemmatizer
        if "lemma_index" in lemmatizer.lookups:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, words in list(index.items()):
                index[pos] = frozenset(words)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.stock._validated:
            self.stock._validate_tables()
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        todo = numpy.ones(len(doc), dtype=bool) if self.stock.overwrite else lemmas == 0
        if not todo.any():
            return doc
        keys, first, where = numpy.unique(table[todo, :3], axis=0, return_index=True, return_inverse=True)
        at = todo.nonzero()[0]
        found = []
        for key, i in zip(map(tuple, keys.tolist()), first.tolist(), strict=True):
            lemma = self.memo.get(key)
            if lemma is None:
                self._make_room(1)
                lemma = self.memo[key] = self.vocab.strings.add(self.stock.lemmatize(doc[int(at[i])])[0])
            found.append(lemma)
        lemmas[todo] = numpy.array(found, dtype=numpy.uint64)[where.reshape(-1)]
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsgraph_memo_ruler")
def _make_ruler(nlp: Language, name: str) -> MemoRuler:
    return MemoRuler(nlp, name)


@Language.factory("newsgraph_memo_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp, name)

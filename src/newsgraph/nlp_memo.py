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

import json
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
    """What the memo knows of the tokens with a given row of values."""

    values: tuple[int, ...]  # the values the rules set, after the one-token rules
    rules: tuple[int, ...]  # the one-token rules that match, in order
    parts: frozenset[tuple[int, int]]  # the (pattern, position) pattern tokens it matches
    starts: bool  # whether it matches the first token of a longer pattern


_NONE: frozenset = frozenset()


class MemoRuler(_Memo):
    """spaCy's AttributeRuler, its pattern tokens tested by what a token's text is and by what
    its TAG and DEP are, each looked up."""

    @staticmethod
    def covers(ruler: AttributeRuler) -> bool:
        if any(not set(attrs) <= set(_SETS) for attrs in ruler.attrs):
            return False
        return all(
            {k.upper() for k in token} <= _TESTS
            for i in range(len(ruler.attrs)) for pattern in ruler.matcher.get(str(i))[1] for token in pattern
        )

    def take(self, ruler: AttributeRuler) -> None:
        """Take over ``ruler``'s rules: each pattern token split into its tests of one attribute
        (a token matches when all of them hold), the tests of the text in one Matcher and those
        of TAG and DEP in another; and the attributes each rule sets on which token of its span
        (``index``, negative from the end)."""
        self.by_text, self.by_tags = Matcher(self.vocab), Matcher(self.vocab)  # keys: test numbers
        tests: dict[str, int] = {}
        self.patterns: list[tuple[int, int, int]] = []  # (rule, length, index of the token it sets)
        self.needs: dict[tuple[int, int], frozenset[int]] = {}  # (pattern, position) -> its tests
        for rule, index in enumerate(ruler.indices):
            for pattern in ruler.matcher.get(str(rule))[1]:
                p = len(self.patterns)
                if not -len(pattern) <= index < len(pattern):
                    raise ValueError(f"attribute ruler rule {rule}: index {index} outside its pattern")
                self.patterns.append((rule, len(pattern), index % len(pattern)))
                for k, token in enumerate(pattern):
                    needs = set()
                    for attr, value in token.items():
                        spec = json.dumps({attr: value}, sort_keys=True)
                        if spec not in tests:
                            tests[spec] = len(tests)
                            matcher = self.by_tags if attr.upper() in ("TAG", "DEP") else self.by_text
                            matcher.add(str(tests[spec]), [[{attr: value}]])
                        needs.add(tests[spec])
                    self.needs[(p, k)] = frozenset(needs)
        self.rules = [dict(attrs) for attrs in ruler.attrs]
        self.columns = [a for a in _SETS if any(a in attrs for attrs in self.rules)]
        self.tag_tests: dict[tuple[int, int], frozenset[int]] = {}  # (TAG, DEP) -> the tests they pass
        self.kinds: dict[frozenset[int], int] = {_NONE: 0}  # the tests a text passes, numbered
        self.kind_tests: list[frozenset[int]] = [_NONE]
        self.rows: dict[tuple[int, ...], _Row] = {}  # (text kind, TAG, DEP, values) -> what it gets

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        table = doc.to_array([ORTH, TAG, DEP, *self.columns])  # what the rules test, then what they set
        orths, by_orth = numpy.unique(table[:, 0], return_inverse=True)
        orths = orths.tolist()
        kinds = [self.memo.get(o) for o in orths]
        learnt = self._learn_texts([o for o, k in zip(orths, kinds, strict=True) if k is None])
        kinds = [learnt[o] if k is None else k for o, k in zip(orths, kinds, strict=True)]
        kinds = numpy.array(kinds, dtype=numpy.uint64)[by_orth.reshape(-1)]
        tags = map(tuple, numpy.unique(table[:, 1:3], axis=0).tolist())
        self._learn_tags({pair for pair in tags if pair not in self.tag_tests})
        table[:, 0] = kinds  # the row of a token: its text's kind, then its TAG, DEP and values
        rows, where = numpy.unique(table, axis=0, return_inverse=True)
        where = where.reshape(-1)
        rows = list(map(tuple, rows.tolist()))
        known = [self.rows.get(r) or self._row(r) for r in rows]
        values = numpy.array([k.values for k in known], dtype=numpy.uint64)[where]
        if any(k.starts for k in known):
            for i, more in self._longer(known, where).items():
                rules = sorted({*known[where[i]].rules, *more})
                values[i] = self._apply(table[i, 3:].tolist(), rules)
        doc.from_array(self.columns, values)
        return doc

    def _probe(self, matcher: Matcher, words: list[str], tags=None) -> list[set[int]]:
        """The tests each token of a Doc of ``words`` (with these TAG and DEP values) passes."""
        probe = Doc(self.vocab, words=words)
        for token, (tag, dep) in zip(probe, tags or (), strict=False):
            token.tag, token.dep = tag, dep
        passed: list[set[int]] = [set() for _ in words]
        for m, start, _ in matcher(probe, allow_missing=True):
            passed[start].add(int(self.vocab.strings[m]))
        return passed

    def _learn_texts(self, orths: list[int]) -> dict[int, int]:
        """Remember the kind of each text: which tests of the text it passes, numbered."""
        if not orths:
            return {}
        passed = self._probe(self.by_text, [self.vocab.strings[o] for o in orths])
        learnt = {}
        for orth, tests in zip(orths, map(frozenset, passed), strict=True):
            if tests not in self.kinds:
                self.kinds[tests] = len(self.kind_tests)
                self.kind_tests.append(tests)
            learnt[orth] = self.kinds[tests]
        self._make_room(len(learnt))
        self.memo.update(learnt)
        return learnt

    def _learn_tags(self, pairs: set[tuple[int, int]]) -> None:
        """Remember which tests of TAG and DEP each (TAG, DEP) pair passes."""
        if pairs:
            pairs_in_order = sorted(pairs)
            passed = self._probe(self.by_tags, ["x"] * len(pairs_in_order), pairs_in_order)
            self.tag_tests.update(zip(pairs_in_order, map(frozenset, passed), strict=True))

    def _row(self, row: tuple[int, ...]) -> _Row:
        """What a token of this row gets: the pattern tokens whose tests it all passes, and its
        values after the one-token rules among them."""
        tests = self.kind_tests[row[0]] | self.tag_tests[row[1:3]]
        parts = frozenset(part for part, needs in self.needs.items() if needs <= tests)
        rules = tuple(sorted({self.patterns[p][0] for p, k in parts if self.patterns[p][1] == 1}))
        starts = any(k == 0 and self.patterns[p][1] > 1 for p, k in parts)
        if len(self.rows) >= MEMO_SIZE:
            self.rows.clear()
        found = self.rows[row] = _Row(tuple(self._apply(row[3:], rules)), rules, parts or _NONE, starts)
        return found

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

    def _apply(self, row: Iterable[int], rules: Iterable[int]) -> list[int]:
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
        # each key as 24 bytes: a third of the memory of a tuple of three numbers
        keys = numpy.ascontiguousarray(keys).view(f"V{keys.itemsize * 3}").ravel().tolist()
        for key, i in zip(keys, first.tolist(), strict=True):
            lemma = self.memo.get(key)
            if lemma is None:
                self._make_room(1)
                lemma = self.memo[key] = self.vocab.strings.add(self.stock.lemmatize(doc[int(at[i])])[0])
            found.append(lemma)
        self.stock.cache.clear()  # spaCy's own memo of the same lemmas: ours holds them
        lemmas[todo] = numpy.array(found, dtype=numpy.uint64)[where.reshape(-1)]
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("newsgraph_memo_ruler")
def _make_ruler(nlp: Language, name: str) -> MemoRuler:
    return MemoRuler(nlp, name)


@Language.factory("newsgraph_memo_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    return MemoLemmatizer(nlp, name)

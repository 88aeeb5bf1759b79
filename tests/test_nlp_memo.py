"""The memoised attribute ruler and lemmatizer give every token what spaCy's own give it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph import nlp, nlp_memo
from newsgraph.nlp_memo import MemoLemmatizer, MemoRuler, memoise

ATTRS = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE"]
TEXTS = [
    "Officials who spoke to reporters said the U.S. envoy met NATO leaders in Brussels on Monday.",
    "\"We ain't gonna stop,\" she said.  Let's see: they gotta go, don't they?\n\nHe'd rather not.",
    "The ministers' talks were postponed; the better offers came later, and the best was rejected.",
    "Protesters marched\n\n\nthrough   the capital   while police watched and 3,000 people cheered.",
]


@pytest.fixture(scope="module")
def stock():
    return nlp.load_stock()


def test_the_loaded_pipeline_keeps_its_component_names_with_the_memoised_stand_ins(model):
    assert model.pipe_names == nlp.load_stock().pipe_names
    assert isinstance(model.get_pipe("attribute_ruler"), MemoRuler)
    assert isinstance(model.get_pipe("lemmatizer"), MemoLemmatizer)


def test_every_token_gets_the_annotations_spacy_gives_it(model, stock):
    for text in TEXTS * 2:  # the second time from the memo
        assert (model(text).to_array(ATTRS) == stock(text).to_array(ATTRS)).all(), text


def test_the_memo_starts_again_when_full_and_gives_the_same(model, stock, monkeypatch):
    monkeypatch.setattr(nlp_memo, "MEMO_SIZE", 5)
    for name in ("attribute_ruler", "lemmatizer"):
        monkeypatch.setattr(model.get_pipe(name), "memo", {})
    for text in TEXTS:
        assert (model(text).to_array(ATTRS) == stock(text).to_array(ATTRS)).all(), text
        # a memo holds at most MEMO_SIZE rows, or the rows of the one text that filled it
        assert all(len(model.get_pipe(n).memo) <= max(5, len(model(text))) for n in ("attribute_ruler", "lemmatizer"))


def _tagged(vocab, words: list[str], tags: list[str]) -> Doc:
    return Doc(vocab, words=words, tags=tags)


def _ruler_pair(patterns: list[dict]):
    """A stock attribute ruler and its memoised stand-in, over one vocabulary."""
    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    memo = MemoRuler(blank, "memo")
    assert MemoRuler.covers(ruler)
    memo.take(ruler)
    return blank, ruler, memo


def test_rules_of_several_tokens_set_the_token_their_index_names_and_later_rules_win():
    blank, ruler, memo = _ruler_pair([
        {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "LEMMA": "do"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": -1},
        {"patterns": [[{"LOWER": {"IN": ["go", "went"]}}]], "attrs": {"LEMMA": "go"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}, {"TAG": "VB"}]], "attrs": {"POS": "AUX"}, "index": 2},
    ])
    words = ["We", "Gon", "na", "go", "home", "na", "gon"]
    tags = ["PRP", "VBG", "TO", "VB", "NN", "TO", "VBG"]
    ours, theirs = memo(_tagged(blank.vocab, words, tags)), ruler(_tagged(blank.vocab, words, tags))
    assert (ours.to_array(["POS", "LEMMA"]) == theirs.to_array(["POS", "LEMMA"])).all()
    assert [t.lemma_ for t in ours] == ["", "", "to", "go", "", "", ""]  # "na gon" is not "gon na"
    assert ours[3].pos_ == "AUX"  # the last rule wins over the first


def test_a_ruler_testing_or_setting_what_the_memo_does_not_cover_is_left_to_spacy():
    blank = spacy.blank("en")
    optional = blank.add_pipe("attribute_ruler", name="optional")
    optional.add_patterns([{"patterns": [[{"LOWER": "a", "OP": "?"}, {"LOWER": "b"}]], "attrs": {"POS": "X"}}])
    lexical = blank.add_pipe("attribute_ruler", name="lexical")
    lexical.add_patterns([{"patterns": [[{"LOWER": "a"}]], "attrs": {"NORM": "an"}}])
    by_lemma = blank.add_pipe("attribute_ruler", name="by_lemma")
    by_lemma.add_patterns([{"patterns": [[{"LEMMA": "be"}]], "attrs": {"POS": "AUX"}}])
    assert not any(MemoRuler.covers(r) for r in (optional, lexical, by_lemma))
    memoise(blank)
    assert [type(p).__name__ for _, p in blank.pipeline] == ["AttributeRuler"] * 3


def test_the_lemmatizer_index_answers_as_the_list_did(stock, model):
    lemmatizer = model.get_pipe("lemmatizer").stock
    theirs = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    ours = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in theirs.items():
        assert set(ours[pos]) == set(words)
        assert ("zzzz" in ours[pos]) is ("zzzz" in words)

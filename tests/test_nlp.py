"""The parse's arrays read without a Token per word: the same tokens as a loop over them all."""

from __future__ import annotations

from newsgraph import nlp

TEXT = "Officials who spoke to reporters said the U.S. envoy met NATO leaders in Brussels on Monday.\n\nThey left."


def test_tokens_where_keeps_the_tokens_a_loop_keeps(model):
    doc = nlp.parse(TEXT)
    nouns = nlp.ids("POS", ("NOUN", "PROPN"))
    kept = list(nlp.tokens_where(doc, lambda pos: pos in nouns, "POS"))
    assert [t.i for t in kept] == [t.i for t in doc if t.pos_ in ("NOUN", "PROPN")]
    assert {t.text for t in kept} >= {"Officials", "reporters", "envoy", "NATO", "Brussels"}
    assert "said" not in {t.text for t in kept}


def test_tokens_where_tests_several_attributes_and_lower_cased_words(model):
    doc = nlp.parse(TEXT)
    words, verbs = nlp.ids("LOWER", ("they", "said", "officials")), nlp.ids("POS", ("VERB",))
    kept = list(nlp.tokens_where(doc, lambda low, pos: low in words and pos not in verbs, "LOWER", "POS"))
    assert [t.text for t in kept] == ["Officials", "They"]  # "said" is a verb; case does not matter


def test_tokens_where_keeps_nothing_when_no_token_passes(model):
    doc = nlp.parse(TEXT)
    assert list(nlp.tokens_where(doc, lambda low: low in nlp.ids("LOWER", ("absent",)), "LOWER")) == []


def test_token_starts_are_the_token_offsets(model):
    doc = nlp.parse(TEXT)
    assert nlp.token_starts(doc) == [t.idx for t in doc]


def _sentences(text: str) -> list[str]:
    return [s.text.strip() for s in nlp.parse(text).sents]


def test_a_line_break_ends_a_sentence(model):
    text = "Rain closes the coastal road\nThe mayor said workers would clear it by Friday."
    assert _sentences(text) == ["Rain closes the coastal road", "The mayor said workers would clear it by Friday."]


def test_a_quoted_paragraph_is_a_sentence_of_its_own_with_its_opening_mark(model):
    text = "She said that ''the vote is over.''\n\n''We will count again,'' Ms. Ortiz said."
    assert _sentences(text) == ["She said that ''the vote is over.''", "''We will count again,'' Ms. Ortiz said."]


def test_no_sentence_ends_inside_a_line_without_a_break(model):
    text = "Mr. Ortiz and Dr. Lee met the U.S. envoy on Monday and talked for an hour."
    assert _sentences(text) == [text]


CHUNKS = (
    "The old man and his two daughters met the mayor of the city, who thanked them.\n"
    "She said voters, unions and the party's leaders backed it; Smith and Jones did not.\n"
    "Protesters gathered outside the ministry in Kyiv on Monday."
)


def test_noun_chunk_starts_are_spacy_s_noun_chunks_by_their_root(model):
    doc = nlp.parse(CHUNKS)
    assert nlp.noun_chunk_starts(doc) == {chunk.root.i: chunk.start for chunk in doc.noun_chunks}
    starts = nlp.noun_chunk_starts(doc)
    man = next(t for t in doc if t.text == "man")
    assert doc[starts[man.i]].text == "The"  # "The old man"
    assert not any(t.text == "old" for t in doc if t.i in starts)  # an adjective heads no chunk


def test_noun_chunk_starts_of_a_text_with_no_noun_are_none(model):
    assert nlp.noun_chunk_starts(nlp.parse("Go away quickly!")) == {}
    assert nlp.noun_chunk_starts(nlp.parse("")) == {}


def test_texts_where_asks_each_distinct_text_once(model):
    doc = nlp.parse("Hello, world! Hello again.")
    asked = []

    def has_letter(text: str) -> bool:
        asked.append(text)
        return any(c.isalpha() for c in text)

    mask = nlp.texts_where(doc, doc.to_array(["ORTH"]), has_letter)
    assert mask.tolist() == [t.text not in (",", "!", ".") for t in doc]
    assert sorted(asked) == sorted({t.text for t in doc})

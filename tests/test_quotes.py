"""Who said what: each form of quote the quotes stage reads, on small made-up articles."""

from __future__ import annotations

import re

import pytest

from newsgraph import nlp
from newsgraph.quotes import find_quotes, lexicon, stance_of
from newsgraph.record import Entity, Span, Zone

pytest.importorskip("spacy")


class NoActors:
    """An actors stage that knows no entity: speakers stay mentions."""

    entities: list[Entity] = []

    def mention_at(self, start, end):
        return None


class NamedActors:
    """An actors stage knowing one entity, mentioned wherever ``name`` or a pronoun stands."""

    def __init__(self, text: str, name: str, pronouns=("he", "she")):
        self.entity = Entity(id="e1", name=name, type="PERSON")
        for word in (name, *pronouns):
            for m in re.finditer(rf"\b{re.escape(word)}\b", text):
                self.entity.mentions.append(Span(m.start(), m.end()))
        self.entities = [self.entity]

    def mention_at(self, start, end):
        hits = [m for m in self.entity.mentions if m.start < end and start < m.end]
        return (hits[0], self.entity) if hits else None


def quotes_of(text: str, actors=None, zones=None):
    zones = zones if zones is not None else [Zone("body", 0, len(text))]
    return find_quotes(text, nlp.parse(text), zones, actors or NoActors())


def content(text, q) -> str:
    return text[q.content.start : q.content.end]


def only(quotes):
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_direct_quote_then_cue_with_curly_marks():
    text = "“The harbour will reopen next week,” the mayor said."
    q = only(quotes_of(text))
    assert content(text, q) == "“The harbour will reopen next week,”"
    assert q.kind == "direct"
    assert text[q.cue.start : q.cue.end] == "said"
    assert text[q.speaker_mention.start : q.speaker_mention.end] == "the mayor"


def test_colon_lead_in_with_straight_marks_resolves_the_speaker():
    text = 'Anna Berg said: "We have no money left for the bridge."'
    q = only(quotes_of(text, NamedActors(text, "Anna Berg")))
    assert q.kind == "direct" and q.speaker == "e1"
    assert content(text, q) == '"We have no money left for the bridge."'


def test_split_quote_is_one_quote():
    text = "“The vote is close,” she said, “but we will count every ballot.”"
    q = only(quotes_of(text))
    assert content(text, q) == text
    assert q.kind == "direct"


def test_inverted_cue_names_the_speaker_after_the_verb():
    text = "“Nobody was hurt,” said Tomas Lind, a fire officer."
    q = only(quotes_of(text, NamedActors(text, "Tomas Lind")))
    assert q.speaker == "e1"


def test_cue_words_are_data_with_their_stance():
    assert "say" in lexicon().verbs
    assert stance_of("deny") == "deny"
    assert stance_of("insist") == "insist"
    assert stance_of("say") is None

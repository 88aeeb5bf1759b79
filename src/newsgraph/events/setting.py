"""What the coder needs from the rest of the record: actors, quotes, times and places.

:class:`Setting` resolves an argument token to an entity of the record (through the actors'
mentions, quote speakers for "I"/"we" in a quote, and the speaker of a reported clause for a
pronoun subject), and gives an event its date, place and evidence from its clause.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.actors.knowledge import given_names, nouns
from newsgraph.actors.mentions import is_actor_noun
from newsgraph.actors.words import country_of_words
from newsgraph.english import english
from newsgraph.events.arguments import (
    antecedent,
    author,
    core_span,
    is_abstract,
    is_actor_like,
    names_doer,
    owner_of,
    possessive_pronoun,
)
from newsgraph.events.factuality import ASSERTED, CLAIMED, factuality
from newsgraph.events.ontology import lookup
from newsgraph.events.patterns import lexicon
from newsgraph.record import Event, Quote, Span, Time

if TYPE_CHECKING:
    from newsgraph.article import Article

QUOTED_KINDS = ("direct", "mixed")  # the speaker's own words, in quotation marks
UNCODED_ZONES = frozenset({"caption"})  # analysed zones no event is coded from: captions repeat the story

CLAUSE_LINKS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep", "dobj", "pobj", "acl", "relcl")
MAX_DATE_CLIMB = 4  # how far up the parse an event looks for a date of its clause
PLACE_PREPOSITIONS = ("in", "at", "near", "outside", "inside")


def _past_perfect(token) -> bool:
    """ "had attacked", "had been arrested": an event before the story's time."""
    auxiliaries = (c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass"))
    return token.tag_ == "VBN" and any(a in ("had", "'d") for a in auxiliaries)


@dataclass(frozen=True, slots=True)
class Argument:
    """An event's source or target: the text that names it and the entity it resolves to."""

    span: Span
    entity: str | None

    def same_as(self, other: Argument | None) -> bool:
        if other is None:
            return False
        if self.entity is not None:
            return self.entity == other.entity
        return self.span == other.span


class Setting:
    """The record around the parse, indexed for the coder's questions."""

    def __init__(self, article: Article):
        self.text, self.parsed, self.actors, self.meta = article.text, article.parsed, article.actors, article.meta
        self.analysed = article.analysed
        self.quotes = sorted((q for q in article.quotes if q.speaker), key=lambda q: q.content.start)
        self.quote_starts = [q.content.start for q in self.quotes]
        self.place_mentions = sorted((m.start, m.end, p.id) for p in article.places for m in p.mentions)
        self.dates_by_token = self._index_times(article.times)
        # the article's entities that are a country itself ("China", "the U.S."), by its code
        self.countries = {e.country: e.id for e in (self.actors.entities if self.actors else [])
                          if e.type == "GPE" and e.country and country_of_words(e.name) == e.country}
        # the article's group and organisation actors named by one common noun ("police")
        self.by_noun = {e.name.lower(): e.id for e in (self.actors.entities if self.actors else [])
                        if e.type in ("GROUP", "ORG") and " " not in e.name}
        # the target of each event noun an actor's event had, by (noun lemma, source): "the war"
        # after "Israel's war against Hamas" is that war
        self.noun_targets: dict[tuple[str, str], Argument] = {}

    def codes_at(self, pos: int) -> bool:
        """Whether events are coded from the character at ``pos``: an analysed zone, not a caption."""
        return pos in self.analysed and self.analysed.kind_at(pos) not in UNCODED_ZONES

    def _index_times(self, times: list[Time]) -> dict[int, str]:
        """Each resolved time, by the token of the clause (verb or noun) it is attached to."""
        out: dict[int, str] = {}
        for t in times:
            span = self.parsed.char_span(t.start, t.end, alignment_mode="expand")
            if t.value is None or span is None:
                continue
            token = span.root
            while token.head.i != token.i and token.pos_ not in ("VERB", "AUX") and not (
                token.pos_ == "NOUN" and lexicon().noun_patterns(token.lemma_.lower())
            ):
                token = token.head
            out.setdefault(token.i, t.value)
        return out

    def resolve(self, token, sent) -> Argument | None:
        """The argument ``token`` names, resolved to an entity where the record knows one."""
        if token.idx not in self.analysed:
            return None  # page furniture the parser ran into the sentence is no actor
        if token.pos_ == "PRON" and token.lower_ in english().first_person:  # not "US"
            speaker = self.speaker_at(token.idx) or self._reporting_speaker(token)
            if speaker is not None:
                return speaker
        if token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass"):
            # "the military said *it* is sending troops": the speaker, where the pronoun fits it
            speaker = self._reporting_speaker(token)
            if speaker is not None and self._fits(token, speaker.entity):
                return Argument(Span(token.idx, token.idx + len(token)), speaker.entity)
        start, end = core_span(token)
        hit = self.actors.mention_at(token.idx, token.idx + len(token)) if self.actors else None
        if hit is None and self.actors:
            # a name inside the phrase ("a former CIA boss", "US forces"), but not a possessive
            # pronoun: "his counterpart" is not the man "his" stands for
            inside = [m for m in self.actors.mentions_in(start, end) if not self._is_pronoun(m[0])]
            hit = inside[-1] if inside else None
        if hit is not None:
            return Argument(hit[0], hit[1].id)
        if token.pos_ == "PRON":
            found = self._reporting_speaker(token)
            if found is not None and found.entity is not None and self._gender_clash(token, found.entity):
                found = None  # "Betty Shelby said *he* ...": not her
            if found is None and token.dep_ == "poss":
                found = self._clause_subject(token)
            return found  # a pronoun nobody resolved names no one we can report
        return Argument(Span(start, end), None)

    def actor(self, token, sent, doer: bool = False) -> Argument | None:
        """The actor ``token`` names: an entity of the record; a phrase the record has no entity
        for that can be this side of an event; or the owner or agent of an abstract noun
        ("violations *by China*", "*Beijing's* demands"). None when no actor is found (an event
        side is an actor or nothing).

        The doer (``doer``) of an event must be one by its words: a name, a pronoun, or a
        person, group, organisation or polity noun ("the junta", "diplomats", "the city");
        "the money" or "a visa program" does nothing. A target may also be a thing that is not
        abstract ("attacked *an army camp*", "released *a ship*"), never an abstract noun."""
        if token.pos_ == "ADJ":
            return self._country_named(token)  # "*Israeli* attacks": the country the article names
        if not is_actor_like(token):
            return None
        found = self.resolve(token, sent)
        if found is not None and found.entity is not None:
            return found
        fits = names_doer if doer else (lambda t: not is_abstract(t, lexicon()))
        # a thing stands for its owner: "*Beijing's* demands", "assets *belonging to* Danone",
        # "the *Israeli* proposal"; an abstract noun for its maker too: "a study *by Harvard*"
        if token.pos_ == "NOUN" and not names_doer(token):
            owned = self._owner(owner_of(token), token, sent, fits)
            if owned is not None:
                return owned
            # "backing *his* priority": a possessive pronoun names its owner where it was resolved
            pronoun = possessive_pronoun(token)
            owned = self.resolve(pronoun, sent) if pronoun is not None else None
            if owned is not None and owned.entity is not None:
                return owned
        if found is not None and fits(token):
            return self._country_of_thing(token, found) or self._named_by_noun(token, found) or found
        # (a country adjective was tried above: "the Polish head *of state*" falls back on "of")
        return self._owner(author(token, adjectives=False), token, sent, fits) if token.pos_ == "NOUN" else None

    def _owner(self, owner, token, sent, fits) -> Argument | None:
        if owner is None or owner.i == token.i:
            return None
        if owner.pos_ == "ADJ":  # "the *Israeli* proposal": the phrase, standing for the country
            country = self._country_named(owner)
            return Argument(Span(*core_span(token)), country.entity) if country is not None else None
        return self.resolve(owner, sent) if fits(owner) else None

    def _named_by_noun(self, token, found: Argument) -> Argument | None:
        """A bare group noun the actors gave no mention here ("blamed *police* shootings") is the
        article's actor of that name, where it has one."""
        if any(c.dep_ in ("det", "poss", "amod") for c in token.children):
            return None  # "their police", "the local police": not necessarily the same
        entity = self.by_noun.get(token.lower_)
        return Argument(found.span, entity) if entity is not None else None

    def _country_of_thing(self, token, found: Argument) -> Argument | None:
        """A thing named with its country ("a *Chinese* spy balloon", "*Iraqi* warplanes") stands
        for that country when the article names it: the argument becomes the country's entity."""
        if token.pos_ != "NOUN" or is_actor_noun(token):
            return None
        for word in token.children:
            if word.dep_ in ("amod", "compound", "nmod") and (country := self._country_named(word)) is not None:
                return Argument(found.span, country.entity)
        return None

    def _country_named(self, word) -> Argument | None:
        """The article's entity of the country a word names ("Israeli", "Chinese"), if any."""
        if word.ent_type_ not in ("NORP", "GPE"):
            return None
        entity = self.countries.get(country_of_words(word.text))
        return Argument(Span(word.idx, word.idx + len(word)), entity) if entity is not None else None

    def _fits(self, pronoun, entity_id: str | None) -> bool:
        """Whether a third-person pronoun can stand for the entity: "he"/"she" for a person, "it"
        for anything else, "they" for a group, an organisation or a country."""
        entity = self.actors.by_id(entity_id) if self.actors and entity_id else None
        form = nouns().pronouns.get(pronoun.lower_)
        if entity is None or form is None or form[2] != 3:
            return False
        number, gender, _ = form
        if gender in ("m", "f"):
            return entity.type == "PERSON" and self._gender(entity) in (gender, None)
        return entity.type != "PERSON" if number == "sg" else entity.type in ("GROUP", "ORG", "GPE", "NORP")

    def _gender_clash(self, pronoun, entity_id: str) -> bool:
        """A gendered pronoun ("he", "her") that cannot be the entity: not a person, or a person
        of the other gender."""
        form = nouns().pronouns.get(pronoun.lower_)
        return form is not None and form[1] in ("m", "f") and not self._fits(pronoun, entity_id)

    def _gender(self, entity) -> str | None:
        """A person's gender as the article tells it: by the gendered pronouns the actors gave the
        person, else by the given name; None when neither says."""
        pronouns = nouns().pronouns
        said = {pronouns[w][1] for m in entity.mentions if (w := self.text[m.start : m.end].lower()) in pronouns}
        said &= {"m", "f"}
        if len(said) == 1:
            return said.pop()
        return given_names().get(entity.name.split()[0]) if entity.name and not said else None

    def _clause_subject(self, pronoun) -> Argument | None:
        """A possessive pronoun the actors left unresolved is taken to be the subject of its clause
        ("the agencies announced *their* conclusion")."""
        token = pronoun.head
        for _ in range(6):
            # not the phrase the pronoun is in ("*Our support* is not abstract": no one named)
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i not in (pronoun.i, pronoun.head.i)]
            if subjects and token.pos_ in ("VERB", "AUX"):
                subject = antecedent(subjects[0], token)
                return None if subject.pos_ == "PRON" else self.resolve(subject, None)
            if token.head.i == token.i:
                return None
            token = token.head
        return None

    def _is_pronoun(self, span: Span) -> bool:
        found = self.parsed.char_span(span.start, span.end, alignment_mode="expand")
        return found is not None and found.root.pos_ == "PRON"

    def speaker_at(self, offset: int, denied: bool = True) -> Argument | None:
        """The speaker of the attributed quote (of any kind) that holds ``offset``; with
        ``denied`` False, not one whose cue denies what the quote says."""
        quote = self._quote_at(offset)
        if quote is None or (not denied and quote.stance == "deny"):
            return None
        return Argument(quote.speaker_mention or quote.content, quote.speaker)

    def _quote_at(self, offset: int, kinds: tuple[str, ...] | None = None) -> Quote | None:
        """The attributed quote whose content holds ``offset`` (of one of ``kinds``), or None."""
        i = bisect.bisect_right(self.quote_starts, offset) - 1
        while i >= 0:
            quote = self.quotes[i]
            if quote.content.start <= offset < quote.content.end and (kinds is None or quote.kind in kinds):
                return quote
            if quote.content.end < offset - 2000:
                break
            i -= 1
        return None

    def _factuality(self, pred, negated: bool, src: Argument | None) -> str:
        """The predicate's factuality; an event inside someone's own words that they do not
        themselves do ("'They are hitting anything moving,' he said") is their claim."""
        found = factuality(pred.token, negated, lexicon())
        if found != ASSERTED:
            return found
        quote = self._quote_at(pred.token.idx, QUOTED_KINDS)
        if quote is not None and not self.own_side(src, quote.speaker):
            return CLAIMED
        return found

    def own_side(self, src: Argument | None, speaker: str | None) -> bool:
        """Whether the doer is the speaker, or of the speaker's own side: the same country and
        sector code ("'Our warships have been deployed,' the navy spokesman said")."""
        if src is None or src.entity is None:
            return False
        if src.entity == speaker:
            return True
        doer, said_by = self.actors.by_id(src.entity), self.actors.by_id(speaker) if speaker else None
        return bool(doer and said_by and doer.code and len(doer.code) > 3 and doer.code == said_by.code)

    def _reporting_speaker(self, token) -> Argument | None:
        """A pronoun subject of a reported clause is taken to be the speaker ("he said he would")."""
        clause = token.head
        for _ in range(3):
            if clause.dep_ == "ccomp" and lexicon().is_("speech_verbs", clause.head.lemma_.lower()):
                subjects = [c for c in clause.head.children if c.dep_ == "nsubj"]
                if subjects and subjects[0].pos_ != "PRON":
                    return self.resolve(subjects[0], None)
                return None
            if clause.head.i == clause.i:
                return None
            clause = clause.head
        return None

    def nearest_other_actor(self, source: Argument, token, sent) -> Argument | None:
        """The actor of the sentence nearest ``token`` that is not ``source``, of the same type."""
        kind = self._entity_type(source.entity)
        best = None
        for span, entity in self.actors.mentions_in(sent.start_char, sent.end_char) if self.actors else []:
            if entity.id == source.entity or entity.type != kind:
                continue
            distance = abs(span.start - token.idx)
            if best is None or distance < best[0]:
                best = (distance, Argument(span, entity.id))
        return best[1] if best else None

    def assembly(self, token, sent) -> Argument | None:
        """The voting body a vote is taken in, where its clause names none: the organisation of
        an ``assembly_sectors`` sector named last before the end of the sentence ("The council
        passed the text, with Russia *abstaining*"; "The Security Council voted. Russia abstained.")."""
        if not self.actors:
            return None
        found = None
        for span, entity in self.actors.mentions_in(0, sent.end_char):
            if entity.type == "ORG" and lexicon().is_("assembly_sectors", (entity.sector or "").lower()):
                found = Argument(span, entity.id)
        return found

    def is_person(self, token, sent) -> bool:
        """Whether ``token`` names one person: an entity of type PERSON."""
        found = self.actor(token, sent)
        return found is not None and self._entity_type(found.entity) == "PERSON"

    def is_armed(self, token, sent) -> bool:
        """Whether ``token`` names a state or an armed force: a country's entity, or one of a
        sector that bears arms (``armed_sectors`` in patterns.yaml: military, rebels ...)."""
        found = self.actor(token, sent, doer=True)
        entity = self.actors.by_id(found.entity) if found is not None and found.entity and self.actors else None
        armed = entity is not None and lexicon().is_("armed_sectors", (entity.sector or "").lower())
        return entity is not None and (entity.type == "GPE" or armed)

    def sector(self, token, sent) -> str | None:
        """The sector of the actor ``token`` names as a doer (None when it names none or has none)."""
        found = self.actor(token, sent, doer=True)
        entity = self.actors.by_id(found.entity) if found is not None and found.entity and self.actors else None
        return entity.sector if entity is not None else None

    def _entity_type(self, entity_id: str | None) -> str | None:
        found = self.actors.by_id(entity_id) if self.actors and entity_id else None
        return found.type if found else None

    def argument_of(self, event: Event, side: str) -> Argument | None:
        span = getattr(event, f"{side}_mention")
        return Argument(span, getattr(event, side)) if span is not None else None

    def same_event_target(self, pred, src: Argument | None) -> Argument | None:
        """The target of the event a definite event noun names again: "vowed to continue *the
        war*" after "Israel's war against Hamas" (same noun, same source, named before)."""
        noun = pred.event_noun
        if noun is None or src is None or src.entity is None:
            return None
        if not any(c.dep_ == "det" and c.lower_ in english().definite_determiners for c in noun.children):
            return None
        return self.noun_targets.get((noun.lemma_.lower(), src.entity))

    def event(self, pred, code: str, negated: bool, src: Argument | None, tgt: Argument | None, sent,
              factuality: str | None = None) -> Event:
        """The Event record of one coded predicate (``factuality``: where the caller knows it, as
        for a speaker's own verbal act; else read from the predicate)."""
        noun = pred.event_noun
        if noun is not None and src is not None and src.entity and tgt is not None and tgt.entity:
            self.noun_targets[(noun.lemma_.lower(), src.entity)] = tgt
        found = lookup(code)
        return Event(
            cameo=code, plover=found.plover, goldstein=found.goldstein, quad_class=found.quad_class,
            negated=negated, evidence=self._evidence(pred.token, src, tgt, sent),
            factuality=factuality or self._factuality(pred, negated, src),
            source=src.entity if src else None, source_mention=src.span if src else None,
            target=tgt.entity if tgt else None, target_mention=tgt.span if tgt else None,
            date=self._date(pred.token), place=self._place(pred.token),
        )

    def _date(self, token) -> str | None:
        """The date of the event's clause ("in August 2016"), or of a phrase of the clause naming a
        dated event ("in the 1998 war"), else of the clauses it depends on, else publication; a
        past-perfect clause ("had attacked") is background and gets no date by default."""
        predicate = token
        for _ in range(MAX_DATE_CLIMB):
            if token.i in self.dates_by_token:
                return self.dates_by_token[token.i]
            # "killed 1,200 people and seized 240 hostages on Oct. 7": coordinated verbs share a date
            shared = [c.i for c in token.conjuncts if c.pos_ in ("VERB", "AUX") and c.i in self.dates_by_token]
            if token.pos_ in ("VERB", "AUX") and shared:
                return self.dates_by_token[shared[0]]
            for phrase in (o for c in token.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"):
                if phrase.i in self.dates_by_token:
                    return self.dates_by_token[phrase.i]
            if token.dep_ not in CLAUSE_LINKS or token.head.i == token.i:
                break
            token = token.head
        if _past_perfect(predicate):
            return None
        return self.meta.published

    def _place(self, token) -> str | None:
        """A place named in the event's clause: "in Moscow", "the Helsinki summit"."""
        if not self.place_mentions:
            return None
        for candidate in (token, token.head if token.dep_ in ("dobj", "pobj") else None):
            if candidate is None:
                continue
            for child in candidate.children:
                if child.dep_ == "compound" or (child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS):
                    place = self._place_in(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                    if place:
                        return place
        return None

    def _place_in(self, start: int, end: int) -> str | None:
        i = bisect.bisect_left(self.place_mentions, (start, 0, ""))
        if i < len(self.place_mentions) and self.place_mentions[i][0] < end:
            return self.place_mentions[i][2]
        return None

    def _evidence(self, token, src: Argument | None, tgt: Argument | None, sent) -> Span:
        """The clause of the predicate, stretched to its source and target within the sentence."""
        start = token.left_edge.idx
        end = token.right_edge.idx + len(token.right_edge)
        for arg in (src, tgt):
            if arg is not None and sent.start_char <= arg.span.start < sent.end_char:
                start, end = min(start, arg.span.start), max(end, arg.span.end)
        start, end = max(start, sent.start_char), min(end, sent.end_char)
        zone = self.analysed.zone_at(token.idx)
        if zone is not None:  # a parser sentence may run across lines: keep to the predicate's zone
            start, end = max(start, zone.start), min(end, zone.end)
        while end > start and (self.text[end - 1] in " \n\t.,;:"):
            end -= 1
        return Span(start, end)

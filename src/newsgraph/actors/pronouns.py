"""Coreference rules for pronouns, and for the first and second person in quotations,
transcripts and the writer's own voice (see ``references.py`` for the order they run in).

- he/she: the most salient person of that gender in the pronoun's sentence (the nearest
  subject) or the three before (the main subject, then a subject, then the first named); farther
  back, the latest person known to be of that gender;
- it: an organisation or country ("it" as subject of *be*, *seem* ... is expletive); they: a
  group or an organisation; an object pronoun never refers to its own verb's subject;
- "I"/"we" inside quotation marks: the speaker; outside them: the writer (and the writer's
  group); in an interview transcript, the turns decide.
"""

from __future__ import annotations

import bisect

from newsgraph.actors.coref import (
    EXPLETIVE_VERBS,
    GENDER_REACH,
    PRONOUN_REACH,
    SPEAKER_PARAGRAPHS,
    SUBJECT_DEPS,
    Cluster,
    _gender_fits,
)
from newsgraph.actors.mentions import Mention


class PronounRules:
    """The pronoun rules of the resolver (mixed into ``references.MentionResolver``)."""

    def _in_transcript(self, m: Mention) -> None:
        """In an interview, "A", "I" in an answer and "you" in a question are the one interviewed
        (the person the article names most); "Q" and "I" in a question are the writer."""
        asks = (m.turn == "Q") == (m.kind == "turn" or m.person == 1)
        if asks:
            self._join(m, self._writer(m.number if m.kind != "turn" else "sg"))
            return
        people = [c for c in self.clusters if c.type == "PERSON" and c.names and c.label is None]
        if people:
            self._join(m, max(people, key=lambda c: sum(x.kind == "name" for x in c.mentions)))

    def _writer(self, number: str) -> Cluster:
        """Outside quotation marks "I" is the writer of the article (named by its byline when
        known), and "we" the writer's group."""
        cluster = self.writers.get(number)
        if cluster is None:
            cluster = self.writers[number] = Cluster("PERSON" if number == "sg" else "GROUP")
            cluster.label = self.author if number == "sg" else "we"
            self.clusters.append(cluster)
        return cluster

    def _expletive(self, m: Mention) -> bool:
        """ "it" as the subject of "be", "seem" ... ("it is clear that") names no actor."""
        tok = self.doc[m.head]
        return m.words[0] == "it" and tok.dep_ in SUBJECT_DEPS and tok.head.lemma_ in EXPLETIVE_VERBS

    def _antecedent(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """The most salient compatible actor in the pronoun's sentence or the few before it."""
        blocked = {id(self.of[id(x)]) for i in self._coarguments(m) if (x := self.at_token.get(i)) and id(x) in self.of}
        pools: dict[int, list[Mention]] = {}
        for p in reversed(seen):  # one pass back over the reach, sentence by sentence
            distance = m.sent - p.sent
            if distance > PRONOUN_REACH:
                break
            if p.end <= m.start and (m.in_quote or not p.in_quote):
                c = self.of[id(p)]
                if id(c) not in blocked and _fits(m, c, p):
                    pools.setdefault(distance, []).append(p)
        if pools:
            distance = min(pools)
            return self.of[id(max(pools[distance], key=lambda p: self._salience(p, m, distance)))]
        return self._same_gender_before(m, seen, blocked)

    def _same_gender_before(self, m: Mention, seen: list[Mention], blocked: set[int]) -> Cluster | None:
        """Farther back, "he"/"she" still find the latest person known to be of that gender."""
        if m.gender not in ("m", "f"):
            return None
        for p in reversed(seen):
            c = self.of[id(p)]
            if m.sent - p.sent > GENDER_REACH:
                return None
            if c.type == "PERSON" and c.gender == m.gender and id(c) not in blocked and p.end <= m.start:
                if m.in_quote or not p.in_quote:
                    return c
        return None

    def _salience(self, p: Mention, m: Mention, distance: int) -> tuple:
        tok = self.doc[p.head]
        subject = tok.dep_ in SUBJECT_DEPS
        main = subject and tok.head.dep_ == "ROOT"
        named = p.kind in ("name", "nominal")
        # in the pronoun's own sentence the nearest subject wins; earlier, the main subject, then the first
        if distance == 0:
            return (subject, p.start)
        return (main, subject, named, -p.start)

    def _coarguments(self, m: Mention) -> set[int]:
        """Tokens a non-reflexive object pronoun cannot refer to: the subject of its own verb."""
        tok = self.doc[m.head]
        if tok.dep_ not in ("dobj", "iobj", "pobj") or m.words[0].endswith("self"):
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        return {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}

    def _speaker(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """Who says "I" or "we" in a quotation: the nearest actor outside quotation marks in the
        paragraph, else the last person speaking outside them in the two paragraphs before."""
        para = self._para(m.start)
        best, best_key = None, None
        for p in self.mentions:
            if p.in_quote or id(p) not in self.of or self._para(p.start) != para:
                continue
            c = self.of[id(p)]
            if c.type in ("GPE", "LOC") or (m.number == "sg" and c.type != "PERSON"):
                continue
            # a person speaks for "we" too; a subject ("..., the President said") over a mere neighbour
            key = (c.type == "PERSON", self.doc[p.head].dep_ in SUBJECT_DEPS, -abs(p.start - m.start))
            if best_key is None or key > best_key:
                best, best_key = c, key
        return best if best is not None else self._earlier_speaker(m, seen, para)

    def _earlier_speaker(self, m: Mention, seen: list[Mention], para: int) -> Cluster | None:
        for p in reversed(seen):
            if para - self._para(p.start) > SPEAKER_PARAGRAPHS:
                return None
            c = self.of[id(p)]
            if not p.in_quote and c.type == "PERSON" and self.doc[p.head].dep_ in SUBJECT_DEPS:
                return c
        return None

    def _para(self, offset: int) -> int:
        return bisect.bisect_right(self.newlines, offset)


def _fits(pronoun: Mention, cluster: Cluster, mention: Mention) -> bool:
    """Whether a third-person pronoun can stand for the cluster (number, gender, animacy)."""
    gender = pronoun.gender
    if gender in ("m", "f"):
        return cluster.type == "PERSON" and _gender_fits(gender, cluster.gender) and mention.kind != "quantifier"
    if gender == "n":
        return cluster.type in ("ORG", "GPE") or (cluster.type == "GROUP" and mention.number == "sg")
    return cluster.type in ("GROUP", "ORG")

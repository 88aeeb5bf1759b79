"""Coreference of everything that is not a name, in text order (names are clustered first, in
``coref.py``): appositions, titles, nominal phrases, documents, relative pronouns, and the
pronoun rules of ``pronouns.py``.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.actors import knowledge
from newsgraph.actors.coref import PRONOUN_REACH, TITLE_REACH, Cluster, Resolver, _title_head
from newsgraph.actors.mentions import Mention
from newsgraph.actors.pronouns import PronounRules


class MentionResolver(Resolver, PronounRules):
    """Resolver with the rules for nominal phrases and pronouns."""

    def _resolve_other(self, m: Mention, seen: list[Mention]) -> None:
        target = self._apposed(m)
        if target is not None:
            self._join(m, target)
        elif m.kind == "nominal":
            self._nominal(m, seen)
        elif m.kind == "document":
            found = self._issuer(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.kind == "relative":
            antecedent = self._covering(self.doc[m.head].head.head)
            if antecedent is not None:
                self._join(m, self.of[id(antecedent)])
        elif m.kind == "quantifier":
            self._new(m, "GROUP")
        elif m.turn is not None and not m.in_quote and (m.kind == "turn" or m.person in (1, 2)):
            self._in_transcript(m)
        elif m.person == 3 and not self._expletive(m):
            found = self._antecedent(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.in_quote and m.person == 1:
            found = self._speaker(m, seen)
            if found is not None:
                self._join(m, found)
        elif m.person == 1:
            self._join(m, self._writer(m.number))

    def _covering(self, tok) -> Mention | None:
        """The resolved name or nominal mention a token heads or lies in ("the Board of Elections")."""
        found = self.by_head.get(tok.i)
        if found is not None and id(found) in self.of:
            return found
        inside = [x for x in self.mentions if x.start <= tok.idx < x.end and id(x) in self.of]
        inside = [x for x in inside if x.kind in ("name", "nominal", "quantifier")]
        return min(inside, key=lambda x: x.end - x.start) if inside else None

    def _apposed(self, m: Mention) -> Cluster | None:
        """The cluster of a name in apposition with a nominal ("Bolton, the adviser" both ways)."""
        if m.kind != "nominal":
            return None
        tok = self.doc[m.head]
        titled = self._titled_name(tok)
        if titled is not None:
            return titled
        other = self.by_head.get(tok.head.i) if tok.dep_ == "appos" else None
        if other is None:
            other = next((self.by_head.get(c.i) for c in tok.children if c.dep_ == "appos"), None)
        if other is None or other is m or other.kind != "name" or id(other) not in self.of:
            return None
        cluster = self.of[id(other)]
        return cluster if cluster.type in ("PERSON", "ORG") or m.type == cluster.type else None

    def _opens_with_the(self, m: Mention) -> bool:
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span is not None and span[0].lower_ == "the"

    def _titled_name(self, tok) -> Cluster | None:
        """A capitalised title running into a name ("Director of National Intelligence Dan Coats")
        is that person's title, whatever the parser made of it."""
        if tok.pos_ != "PROPN":
            return None
        for nxt in self.doc[tok.i + 1 : tok.i + TITLE_REACH]:
            if nxt.is_punct or not (nxt.is_title or nxt.is_upper or nxt.lower_ in ("of", "for")):
                return None
            m = self.by_head.get(nxt.i)
            if m is not None and m.kind == "name" and id(m) in self.of and self.of[id(m)].type == "PERSON":
                return self.of[id(m)]
        return None

    def _nominal(self, m: Mention, seen: list[Mention]) -> None:
        head = m.words[0]
        if m.type == "PERSON" and m.definite:
            found = self._title_holder(m, seen)
            if found is not None:
                self._join(m, found)
                return
            person = self._known_holder(m)
            if person is not None and self.doc[m.head].lower_ != self.doc[m.head].text and self._owned(m) is None:
                cluster = self._new(m)
                cluster.person, cluster.gender = person, person.gender
                return
        elif m.type in ("GROUP", "ORG"):
            owner = self._owned(m)
            for prior in reversed(seen):
                c = self.of[id(prior)]
                if c.type == m.type and prior.kind == "nominal" and prior.words[0] == head and _country_fits(m, c):
                    if (owner is None or c.owner is None or owner is c.owner) and self._modifiers_fit(m, c):
                        # "the Sanders campaign" is not Clinton's; "the central bank" is not a private one
                        self._join(m, c)
                        return
            if m.type == "ORG" and self._opens_with_the(m) and owner is None:
                found = self._named_org(m, seen)
                if found is not None:
                    self._join(m, found)
                    return
        cluster = self._new(m)
        cluster.owner = self._owned(m)

    def _modifiers(self, m: Mention) -> frozenset[str]:
        """The describing words of a nominal mention: "the central bank" -> {"central"}."""
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            return frozenset()
        return frozenset(
            t.lower_ for t in span
            if t.i != m.head and t.is_alpha and t.pos_ in ("ADJ", "NOUN", "PROPN") and t.dep_ != "poss"
        )

    def _modifiers_fit(self, m: Mention, cluster: Cluster) -> bool:
        """A later phrase may repeat or drop an earlier one's describing words, not add new ones."""
        words = self._modifiers(m)
        if not words:
            return True
        known = set()
        for prior in cluster.mentions:
            if prior.kind in ("nominal", "name"):
                known |= self._modifiers(prior) if prior.kind == "nominal" else {w.lower() for w in prior.words}
        return words <= known

    def _issuer(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """Who issued a document: its owner ("a Gallup poll", "his statement"), else whoever
        issued the latest document of the same kind ("... the poll found")."""
        owner = self._owned(m)
        if owner is not None:
            return owner
        for prior in reversed(seen):
            if prior.kind == "document" and prior.words == m.words:
                return self.of[id(prior)]
        return None

    def _known_holder(self, m: Mention) -> knowledge.Person | None:
        """Who held a capitalised title on the publication date ("the President" in a 2015 US article),
        by people.tsv, when exactly one person did in the country the title or the article names."""
        if self.date is None:
            return None
        country = m.country or self._home_country()
        if country is None:
            return None
        wanted = {m.words[0]}
        holders = {
            id(p): p for p in knowledge.people()[0].values()
            if (r := p.role_at(self.date)) is not None and r.country == country and _title_head(r.title) in wanted
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _home_country(self) -> str | None:
        """The country the article's names point to most."""
        votes = Counter(x.country for x in self.mentions if x.kind == "name" and x.country)
        for c in self.clusters:
            role = c.person.role_at(self.date) if c.person is not None else None
            if role is not None and role.country:
                votes[role.country] += len(c.mentions)
        return votes.most_common(1)[0][0] if votes else None

    def _title_holder(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """The latest actor holding the title of a definite "the President", "the Russian leader"."""
        nouns = knowledge.nouns()
        head = m.words[0]
        wanted = nouns.leader if head in ("leader", "head") else {head}
        for prior in reversed(seen):
            c = self.of[id(prior)]
            if c.type == "PERSON" and c.heads & wanted and _country_fits(m, c):
                return c
        # a title before the name it stands for ("his adviser ... John Bolton"), close ahead
        for c in self.clusters:
            first = min(x.sent for x in c.mentions)
            if c.type == "PERSON" and m.sent < first <= m.sent + PRONOUN_REACH and c.heads & wanted:
                if _country_fits(m, c):
                    return c
        # anywhere in the article, someone who held the title on the publication date
        for c in self.clusters:
            role = c.person.role_at(self.date) if c.person is not None and self.date else None
            if role is not None and _title_head(role.title) in wanted and _country_fits(m, c):
                return c
        return None

    def _named_org(self, m: Mention, seen: list[Mention]) -> Cluster | None:
        """"the campaign", "the administration": the latest organisation named with that noun."""
        for prior in reversed(seen):
            c = self.of[id(prior)]
            if c.type == "ORG" and any(n and n[-1].lower().startswith(m.words[0]) for n in c.names):
                return c
        return None

    def _owned(self, m: Mention) -> Cluster | None:
        """The actor a nominal belongs to: a name or pronoun before its head ("the Clinton campaign")."""
        for tok in self.doc[m.head].lefts:
            owner = self.at_token.get(tok.i)
            if tok.dep_ in ("compound", "poss") and owner is not None and id(owner) in self.of:
                return self.of[id(owner)]
        return None


def _country_fits(m: Mention, cluster: Cluster) -> bool:
    if m.country is None:
        return True
    countries = {x.country for x in cluster.mentions if x.country}
    if cluster.person is not None:
        countries.update(r.country for r in cluster.person.roles if r.country)
    return not countries or m.country in countries


def resolve(doc, mentions: list[Mention], date: str | None, author: str | None = None) -> list[Cluster]:
    """Clusters of the mentions, each one actor of the article (``author``: the byline's name)."""
    return MentionResolver(doc, mentions, date, author).resolve()

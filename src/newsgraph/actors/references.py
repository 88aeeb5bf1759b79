"""Coreference rules for the mentions that are neither names nor pronouns: titles and nominal
phrases, documents, relative pronouns, quantifiers (``coref.PASSES`` gives their order).

Each rule takes the shared :class:`~newsgraph.actors.clusters.State` and one mention, and
returns the cluster it joins, ``NO_ACTOR``, or None to leave it to the next rule.
"""

from __future__ import annotations

from collections import Counter

from newsgraph.actors import knowledge
from newsgraph.actors.clusters import NO_ACTOR, PRONOUN_REACH, Cluster, State, title_head
from newsgraph.actors.mentions import Mention
from newsgraph.actors.words import country_of_words

TITLE_REACH = 8  # tokens a capitalised title may run before the name it belongs to


def titled_name(state: State, m: Mention) -> Cluster | None:
    """A capitalised title running into a person's name ("Director of National Intelligence Dan
    Coats") is that person's, whatever the parser made of it."""
    if m.kind != "nominal":
        return None
    tok = state.doc[m.head]
    if tok.pos_ != "PROPN":
        return None
    for nxt in state.doc[tok.i + 1 : tok.i + TITLE_REACH]:
        if nxt.is_punct or not (nxt.is_title or nxt.is_upper or nxt.lower_ in ("of", "for")):
            return None
        name = state.by_head.get(nxt.i)
        if name is not None and name.kind == "name" and name in state.of and state.of[name].type == "PERSON":
            return state.of[name]
    return None


def apposition(state: State, m: Mention) -> Cluster | None:
    """A nominal phrase in apposition with a name joins it, either way round ("Bolton, the
    adviser"; "his chief of staff, Leon Marsh"): a person or organisation, or an actor of the
    phrase's type."""
    if m.kind != "nominal":
        return None
    tok = state.doc[m.head]
    other = state.by_head.get(tok.head.i) if tok.dep_ == "appos" else None
    if other is None:
        other = next((state.by_head.get(c.i) for c in tok.children if c.dep_ == "appos"), None)
    if other is None or other is m or other.kind != "name" or other not in state.of:
        return None
    cluster = state.of[other]
    return cluster if cluster.type in ("PERSON", "ORG") or m.type == cluster.type else None


def latest_title_holder(state: State, m: Mention) -> Cluster | None:
    """A definite title ("the President", "the Russian leader") joins the latest person holding
    it, country permitting; "leader" stands for any head of state or government (nouns.yaml)."""
    if not _definite_title(m):
        return None
    wanted = _wanted_heads(m)
    for prior in reversed(state.seen):
        c = state.of[prior]
        if c.type == "PERSON" and c.heads & wanted and _country_fits(m, c) and _title_fits(m, c):
            return c
    return None


def title_ahead(state: State, m: Mention) -> Cluster | None:
    """A definite title joins the person holding it first named in the few sentences after it
    ("his adviser ... John Bolton")."""
    if not _definite_title(m):
        return None
    wanted = _wanted_heads(m)
    for c in state.clusters:
        first = min(x.sent for x in c.mentions)
        if c.type == "PERSON" and m.sent < first <= m.sent + PRONOUN_REACH and c.heads & wanted:
            if _country_fits(m, c) and _title_fits(m, c):
                return c
    return None


def title_holder_at_date(state: State, m: Mention) -> Cluster | None:
    """A definite title joins a person named anywhere in the article who held it on the
    publication date (people.tsv)."""
    if not _definite_title(m) or not state.date:
        return None
    wanted = _wanted_heads(m)
    for c in state.clusters:
        role = c.person.role_at(state.date) if c.person is not None else None
        if role is not None and title_head(role.title) in wanted and _country_fits(m, c):
            return c
    return None


def known_title_holder(state: State, m: Mention) -> Cluster | None:
    """A capitalised definite title belonging to no one named ("the Chancellor") opens the one
    person who held it on the publication date in the country the title or the article names
    (people.tsv)."""
    if not _definite_title(m) or state.doc[m.head].lower_ == state.doc[m.head].text:
        return None
    person = _known_holder(state, m)
    if person is None or _owner(state, m) is not None:
        return None
    cluster = state.open(m)
    cluster.person, cluster.gender = person, person.gender
    return cluster


def repeated_nominal(state: State, m: Mention) -> Cluster | None:
    """A group or organisation phrase joins the latest earlier phrase with the same head noun, a
    country that fits, no other owner ("the Sanders campaign" is not Clinton's) and no describing
    word of its own ("the central bank" is not the commercial one)."""
    if m.kind != "nominal" or m.type not in ("GROUP", "ORG"):
        return None
    owner = _owner(state, m)
    for prior in reversed(state.seen):
        c = state.of[prior]
        if c.type == m.type and prior.kind == "nominal" and prior.words[0] == m.words[0] and _country_fits(m, c):
            if (owner is None or c.owner is None or owner is c.owner) and _modifiers_fit(state, m, c):
                return c
    return None


def named_organisation(state: State, m: Mention) -> Cluster | None:
    """"the campaign", "the administration" join the latest organisation named with that word; a
    capitalised last word of an organisation's name inside a sentence, before or after the name
    ("as Guard occupies the streets" ... "National Guard members"), joins it."""
    if m.kind != "nominal" or _owner(state, m) is not None:
        return None
    tok = state.doc[m.head]
    if tok.pos_ == "PROPN" and tok.is_title and tok.i > tok.sent.start:
        return next((c for c in state.clusters if c.type == "ORG" and any(
            len(n) > 1 and n[-1] == tok.text for n in c.names)), None)
    if m.type != "ORG" or not _opens_with_the(state, m):
        return None
    for prior in reversed(state.seen):
        c = state.of[prior]
        if c.type == "ORG" and any(n and n[-1].lower().startswith(m.words[0]) for n in c.names):
            return c
    return None


def polity_reference(state: State, m: Mention) -> Cluster | None:
    """"the country", "the nation" join the latest country named before; "the city", "the town"
    the latest other place (nouns.yaml: `sovereign` are the polity nouns that name a country).
    An owned or country-modified phrase ("Kenya's capital", "a Chinese city") is its own."""
    if m.kind != "nominal" or m.type != "GPE" or not m.definite or m.country or _owner(state, m) is not None:
        return None
    sovereign = m.words[0] in knowledge.nouns().sovereign
    for prior in reversed(state.seen):
        c = state.of[prior]
        if c.type == "GPE" and prior.kind == "name" and _is_country(c) == sovereign:
            return c
    return None


def _is_country(cluster: Cluster) -> bool:
    """A country's actor: same_name keys it by its ISO code ("KEN"); other places by name."""
    return cluster.key is not None and len(cluster.key) == 3 and cluster.key.isupper()


def new_nominal(state: State, m: Mention) -> Cluster | None:
    """Any other nominal phrase opens an actor, owned by the name or pronoun before its head."""
    if m.kind != "nominal":
        return None
    cluster = state.open(m)
    cluster.owner = _owner(state, m)
    return cluster


def document_issuer(state: State, m: Mention) -> Cluster | None:
    """A document speaks for its issuer: its owner ("a Gallup poll", "his statement"), else whoever
    issued the latest document of the same kind ("... the poll found"); with no issuer it names
    no actor."""
    if m.kind != "document":
        return None
    owner = _owner(state, m)
    if owner is not None:
        return owner
    for prior in reversed(state.seen):
        if prior.kind == "document" and prior.words == m.words:
            return state.of[prior]
    return NO_ACTOR


def relative_pronoun(state: State, m: Mention) -> Cluster | None:
    """who/which/that join the noun their clause modifies ("the Board of Elections, which")."""
    if m.kind != "relative":
        return None
    antecedent = _covering(state, state.doc[m.head].head.head)
    return state.of[antecedent] if antecedent is not None else NO_ACTOR


def quantifier(state: State, m: Mention) -> Cluster | None:
    """A quantifier standing for people ("some said", "those who") opens a group."""
    return state.open(m, "GROUP") if m.kind == "quantifier" else None


# helpers --------------------------------------------------------------------------------------

def _definite_title(m: Mention) -> bool:
    return m.kind == "nominal" and m.type == "PERSON" and m.definite


def _wanted_heads(m: Mention) -> set[str]:
    head = m.words[0]
    if head in ("leader", "head"):
        return knowledge.nouns().leader
    return {head, title_head(m.title)} if m.title else {head}  # "the prime minister": "prime minister"


def _known_holder(state: State, m: Mention) -> knowledge.Person | None:
    """The one person who held the title on the publication date in the country the title or
    the article names (people.tsv)."""
    if state.date is None:
        return None
    country = m.country or _home_country(state)
    if country is None:
        return None
    wanted = {m.words[0]}
    holders = {
        p.name: p for p in knowledge.people()[0].values()
        if (r := p.role_at(state.date)) is not None and r.country == country and title_head(r.title) in wanted
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def _home_country(state: State) -> str | None:
    """The country the article's names point to most."""
    votes = Counter(x.country for x in state.mentions if x.kind == "name" and x.country)
    for c in state.clusters:
        role = c.person.role_at(state.date) if c.person is not None else None
        if role is not None and role.country:
            votes[role.country] += len(c.mentions)
    return votes.most_common(1)[0][0] if votes else None


def _covering(state: State, tok) -> Mention | None:
    """The resolved name or nominal mention a token heads or lies in ("the Board of Elections")."""
    found = state.by_head.get(tok.i)
    if found is not None and found in state.of:
        return found
    inside = [x for x in state.mentions if x.start <= tok.idx < x.end and x in state.of]
    inside = [x for x in inside if x.kind in ("name", "nominal", "quantifier")]
    return min(inside, key=lambda x: x.end - x.start) if inside else None


def late_owners(state: State) -> None:
    """Owners known only once every mention is resolved: "his aides" opens before "his" joins
    the senator (the longer mention comes first), so the pronoun's actor is read at the end."""
    for cluster in state.clusters:
        if cluster.owner is None:
            cluster.owner = next((o for m in cluster.mentions if m.kind == "nominal"
                                  and (o := _owner(state, m)) is not None and o is not cluster), None)


def _owner(state: State, m: Mention) -> Cluster | None:
    """The actor a nominal belongs to: a name or pronoun before its head ("the Clinton campaign")."""
    for tok in state.doc[m.head].lefts:
        owner = state.at_token.get(tok.i)
        if tok.dep_ in ("compound", "poss") and owner is not None and owner in state.of:
            return state.of[owner]
    return None


def _opens_with_the(state: State, m: Mention) -> bool:
    span = state.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span[0].lower_ == "the"


def _modifiers(state: State, m: Mention) -> frozenset[str]:
    """The describing words of a nominal mention, counts too: "the central bank" -> {"central"},
    "some 1,200 people" -> {"1,200"} (not the same people as "2.3 million people")."""
    span = state.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return frozenset()
    return frozenset(
        t.lower_ for t in span
        if t.i != m.head and t.dep_ != "poss" and (t.is_alpha and t.pos_ in ("ADJ", "NOUN", "PROPN") or t.like_num)
    )


def _modifiers_fit(state: State, m: Mention, cluster: Cluster) -> bool:
    """A later phrase may repeat or drop an earlier one's describing words, not add new ones."""
    words = _modifiers(state, m)
    if not words:
        return True
    known = set()
    for prior in cluster.mentions:
        if prior.kind in ("nominal", "name"):
            known |= _modifiers(state, prior) if prior.kind == "nominal" else {w.lower() for w in prior.words}
    return words <= known


def _title_fits(m: Mention, cluster: Cluster) -> bool:
    """The describing words of a title, other than a country's, are in one of the person's
    titles: "the prime minister" is not the immigration minister named before."""
    words = (m.title or "").lower().split()[:-1]
    wanted = {w for w in words if not country_of_words(w)}
    if not wanted:
        return True
    titles = [x.title for x in cluster.mentions if x.title]
    titles += [r.title for r in cluster.person.roles] if cluster.person is not None else []
    return any(wanted <= set(t.lower().split()) for t in titles)


def _country_fits(m: Mention, cluster: Cluster) -> bool:
    if m.country is None:
        return True
    countries = {x.country for x in cluster.mentions if x.country}
    if cluster.person is not None:
        countries.update(r.country for r in cluster.person.roles if r.country)
    return not countries or m.country in countries

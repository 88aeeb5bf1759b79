"""Coreference inside one article: ordered rules grouping the mentions into clusters, one per actor.

The mentions are taken in three passes; in each, the rules of :data:`PASSES` are tried in order
on one mention until one decides: it returns the cluster the mention joins (a rule may open a
new one), or ``NO_ACTOR`` when the mention names no actor; a rule returning None leaves the
mention to the next. All rules share one :class:`~newsgraph.actors.clusters.State`. The name
rules are here; ``references.py`` holds the rules for nominal phrases, documents, relative
pronouns and quantifiers, ``pronouns.py`` those for pronouns. Adding a rule is one line in
:data:`PASSES`, and a test in tests/test_coref.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from newsgraph.actors import knowledge
from newsgraph.actors.clusters import (
    NO_ACTOR,
    PRONOUN_REACH,
    Cluster,
    Rule,
    State,
    gender_fits,
    surname,
)
from newsgraph.actors.mentions import Mention
from newsgraph.actors.pronouns import (
    antecedent,
    earlier_speaker,
    expletive_it,
    interviewee,
    interviewer,
    same_gender_before,
    speaker_in_paragraph,
    writer,
)
from newsgraph.actors.references import (
    apposition,
    document_issuer,
    known_title_holder,
    late_owners,
    latest_title_holder,
    named_organisation,
    new_nominal,
    polity_reference,
    quantifier,
    relative_pronoun,
    repeated_nominal,
    title_ahead,
    title_holder_at_date,
    titled_name,
)
from newsgraph.english import english

_INITIAL = re.compile(r"[A-Z]")


# the passes: which mentions, in which order ---------------------------------------------------

def full_person_names(state: State) -> Iterator[Mention]:
    """Person names of two words or more, longest first."""
    names = [m for m in state.mentions if m.kind == "name" and m.type == "PERSON" and len(m.words) > 1]
    yield from sorted(names, key=lambda m: (-len(m.words), m.start))


def other_names(state: State) -> Iterator[Mention]:
    """The names not yet clustered, in text order."""
    for m in state.mentions:
        if m.kind == "name" and m not in state.of:
            yield m


def other_mentions(state: State) -> Iterator[Mention]:
    """Every mention that is not a name, in text order; ``state.seen`` holds the mentions (names
    too) resolved before it."""
    state.seen = []
    for m in state.mentions:
        if m.kind != "name":
            yield m
        if m in state.of:
            state.seen.append(m)


# the name rules -------------------------------------------------------------------------------

def same_full_name(state: State, m: Mention) -> Cluster | None:
    """A full name joins the person named in full before with the same surname and first name
    (or its initial), or the same person of people.tsv."""
    person = _listed_person(m)
    for c in state.clusters:
        if c.type == "PERSON" and (
            (person is not None and c.person is person) or any(_same_person(m.words, n) for n in c.names)
        ):
            return c
    return None


def new_full_name(state: State, m: Mention) -> Cluster:
    """Any other full name opens a person: the one of people.tsv when listed; the gender from the
    honorific, else people.tsv, else the given name (given_names.tsv)."""
    person = _listed_person(m)
    cluster = state.open(m)
    cluster.person = person
    if person is not None and cluster.gender == "-":
        cluster.gender = person.gender
    elif cluster.gender == "-":
        cluster.gender = knowledge.given_names().get(m.words[0], "-")
    return cluster


def surname_of_person(state: State, m: Mention) -> Cluster | None:
    """A person's short name, or any one-word name, joins the person whose surname it is and whose
    gender fits its honorific ("Ms Oduya", Mr/Mrs Clinton), or whose first surname of two it is
    ("Ms. Acosta", Melba Acosta Febo); of several, the one named in full in the few sentences
    before, else the one named first."""
    if m.type != "PERSON" and len(m.words) > 1:
        return None
    found = _people_by_surname(state, m)
    return _nearest(found, m) if found else None


def first_name(state: State, m: Mention) -> Cluster | None:
    """A person's short name joins the one person whose full name opens with its first word."""
    if m.type != "PERSON":
        return None
    found = [
        c for c in state.clusters if c.type == "PERSON" and any(len(n) > 1 and n[0] == m.words[0] for n in c.names)
    ]
    return found[0] if len(found) == 1 else None


def new_short_name(state: State, m: Mention) -> Cluster | None:
    """Any other person's short name opens a person: the well-known bearer of the surname in
    people.tsv when only one fits (of several, the one holding a role on the publication date)."""
    if m.type != "PERSON":
        return None
    person = _known_by_surname(state, m)
    cluster = state.open(m, "PERSON")
    cluster.person = person
    if cluster.gender == "-" and person is not None:
        cluster.gender = person.gender
    return cluster


def same_name(state: State, m: Mention) -> Cluster | None:
    """A name joins the actor of its type named the same way: a country under any of its names
    (US, U.S., the United States), an organisation under any of its names in organisations.tsv."""
    key = _name_key(m)
    return next((c for c in state.clusters if c.type == m.type and c.key == key), None)


def abbreviation(state: State, m: Mention) -> Cluster | None:
    """An organisation's or group's acronym or last words join it ("FBI", "the Post")."""
    if m.type not in ("ORG", "GROUP"):
        return None
    return next((c for c in state.clusters if c.type == m.type and _abbreviates(m.words, c.names)), None)


def new_name(state: State, m: Mention) -> Cluster:
    """Any other name opens an actor of its type (the organisation of organisations.tsv when listed)."""
    cluster = state.open(m)
    cluster.key = _name_key(m)
    cluster.org = knowledge.organisations().get(knowledge.name_key(" ".join(m.words)))
    return cluster


# the order ------------------------------------------------------------------------------------

Select = Callable[[State], Iterator[Mention]]

PASSES: tuple[tuple[Select, tuple[Rule, ...]], ...] = (
    (full_person_names, (
        same_full_name,
        new_full_name,
    )),
    (other_names, (
        surname_of_person,
        first_name,
        new_short_name,
        same_name,
        abbreviation,
        new_name,
    )),
    (other_mentions, (
        titled_name,
        apposition,
        latest_title_holder,
        title_ahead,
        title_holder_at_date,
        known_title_holder,
        repeated_nominal,
        named_organisation,
        polity_reference,
        new_nominal,
        document_issuer,
        relative_pronoun,
        quantifier,
        interviewer,
        interviewee,
        expletive_it,
        antecedent,
        same_gender_before,
        speaker_in_paragraph,
        earlier_speaker,
        writer,
    )),
)


def resolve(doc, mentions: list[Mention], date: str | None, author: str | None = None) -> list[Cluster]:
    """Clusters of the mentions, each one actor of the article (``author``: the byline's name)."""
    state = State(doc, mentions, date, author)
    for select, rules in PASSES:
        for m in select(state):
            for rule in rules:
                found = rule(state, m)
                if found is not None:
                    if found is not NO_ACTOR:
                        state.join(m, found)
                    break
    late_owners(state)
    return [c for c in state.clusters if c.mentions]


# helpers of the name rules --------------------------------------------------------------------

def _listed_person(m: Mention) -> knowledge.Person | None:
    return knowledge.people()[0].get(knowledge.name_key(" ".join(m.words)))


def _people_by_surname(state: State, m: Mention) -> list[Cluster]:
    word = surname(m.words)
    people = [c for c in state.clusters if c.type == "PERSON" and gender_fits(m.gender, c.gender)]
    found = [c for c in people if c.surname == word]
    if found or len(m.words) > 1:
        return found
    # a first surname of a name with two ("Ms. Acosta" for Melba Acosta Febo)
    return [c for c in people if any(len(n) > 2 and word in (w.lower() for w in n[1:-1]) for n in c.names)]


def _nearest(clusters: list[Cluster], m: Mention) -> Cluster:
    """The cluster named in full in the few sentences before m, else the one named first."""
    def last_before(c: Cluster) -> int:
        return max((x.sent for x in c.mentions if x.start < m.start and len(x.words) > 1), default=-1)
    best = max(clusters, key=last_before)
    if last_before(best) >= 0 and m.sent - last_before(best) <= PRONOUN_REACH:
        return best
    return min(clusters, key=lambda c: min(x.start for x in c.mentions))


def _known_by_surname(state: State, m: Mention) -> knowledge.Person | None:
    """A well-known person of that surname, when only one fits (holding a role at the date)."""
    bearers = knowledge.people()[1].get(surname(m.words), ())
    bearers = [p for p in bearers if gender_fits(m.gender, p.gender)]
    if len(bearers) > 1:
        bearers = [p for p in bearers if p.role_at(state.date) is not None]
    return bearers[0] if len(bearers) == 1 else None


def _name_key(m: Mention) -> str:
    name = " ".join(m.words)
    if m.type in ("GPE", "LOC") and m.country and knowledge.name_key(name) in knowledge.countries()[0]:
        return m.country
    org = knowledge.organisations().get(knowledge.name_key(name))
    return knowledge.name_key(org.name) if org is not None else knowledge.name_key(name)


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two full names of one person: same surname and same first name (or one's initial)."""
    if surname(a) != surname(b):
        return False
    fa, fb = a[0].lower().rstrip("."), b[0].lower().rstrip(".")
    return fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def _abbreviates(words: tuple[str, ...], names: list[tuple[str, ...]]) -> bool:
    """An acronym of a longer name ("FBI" ~ "Federal Bureau of Investigation"), or its last words
    ("the Post" ~ "The Washington Post")."""
    short = "".join(words).replace(".", "")
    for name in names:
        if len(name) <= len(words):
            continue
        initials = "".join(w[0] for w in name if w.lower() not in english().name_connectors and _INITIAL.match(w))
        if len(words) == 1 and short.isupper() and len(short) > 1 and short == initials:
            return True
        if tuple(w.lower() for w in name[-len(words):]) == tuple(w.lower() for w in words) and words[0][:1].isupper():
            return True
    return False

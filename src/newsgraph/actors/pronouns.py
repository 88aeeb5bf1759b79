"""Coreference rules for pronouns, and for the first and second person in quotations,
transcripts and the writer's own voice (``coref.PASSES`` gives their order).

Each rule takes the shared :class:`~newsgraph.actors.clusters.State` and one mention, and
returns the cluster it joins, ``NO_ACTOR``, or None to leave it to the next rule.
"""

from __future__ import annotations

import bisect

from newsgraph.actors.clusters import NO_ACTOR, PRONOUN_REACH, Cluster, State, gender_fits
from newsgraph.actors.mentions import Mention
from newsgraph.english import english

GENDER_REACH = 12  # sentences back "he"/"she" look for a person of known gender
SPEAKER_PARAGRAPHS = 2  # paragraphs back a quotation looks for its speaker
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def interviewer(state: State, m: Mention) -> Cluster | None:
    """In an interview transcript (paragraphs opening "Q:"/"A:"), "Q", "I"/"we" in a question and
    "you" in an answer are the writer."""
    if not _in_transcript(m) or not _asks(m):
        return None
    return _writer(state, m.number if m.kind != "turn" else "sg")


def interviewee(state: State, m: Mention) -> Cluster | None:
    """In an interview transcript, "A", "I"/"we" in an answer and "you" in a question are the one
    interviewed: the person the article names most (no one when it names none)."""
    if not _in_transcript(m):
        return None
    people = [c for c in state.clusters if c.type == "PERSON" and c.names and c.label is None]
    if not people:
        return NO_ACTOR
    return max(people, key=lambda c: sum(x.kind == "name" for x in c.mentions))


def expletive_it(state: State, m: Mention) -> Cluster | None:
    """ "it" as the subject of "be", "seem" ... ("it is clear that") names no actor."""
    tok = state.doc[m.head]
    expletive = tok.head.lemma_ in english().expletive_verbs
    if m.person == 3 and m.words[0] == "it" and tok.dep_ in SUBJECT_DEPS and expletive:
        return NO_ACTOR
    return None


def antecedent(state: State, m: Mention) -> Cluster | None:
    """A third-person pronoun joins the most salient actor it fits (he/she: a person of that
    gender; it: an organisation or country; they: a group or organisation) in its own sentence,
    the nearest subject first, or else in the nearest of the three before, the main subject
    first, then a subject, then the first named. An object pronoun never refers to its own
    verb's subject ("Brandt thanked him"); outside a quotation, nothing inside one counts."""
    if m.person != 3:
        return None
    blocked = _blocked(state, m)
    pools: dict[int, list[Mention]] = {}
    for p in reversed(state.seen):  # one pass back over the reach, sentence by sentence
        distance = m.sent - p.sent
        if distance > PRONOUN_REACH:
            break
        if p.end <= m.start and (m.in_quote or not p.in_quote):
            c = state.of[p]
            if c not in blocked and _fits(m, c, p):
                pools.setdefault(distance, []).append(p)
    if not pools:
        return None
    distance = min(pools)
    return state.of[max(pools[distance], key=lambda p: _salience(state, p, distance))]


def same_gender_before(state: State, m: Mention) -> Cluster | None:
    """Farther back (twelve sentences), "he"/"she" join the latest person known to be of that
    gender; a third-person pronoun still without antecedent names no actor."""
    if m.person != 3:
        return None
    if m.gender not in ("m", "f"):
        return NO_ACTOR
    blocked = _blocked(state, m)
    for p in reversed(state.seen):
        c = state.of[p]
        if m.sent - p.sent > GENDER_REACH:
            return NO_ACTOR
        if c.type == "PERSON" and c.gender == m.gender and c not in blocked and p.end <= m.start:
            if m.in_quote or not p.in_quote:
                return c
    return NO_ACTOR


def speaker_in_paragraph(state: State, m: Mention) -> Cluster | None:
    """"I"/"we" inside quotation marks join the nearest actor outside them in the paragraph: a
    person (who speaks for "we" too) before a group, a subject ("..., the President said") before
    a mere neighbour; never a place, and for "I" only a person."""
    if not (m.in_quote and m.person == 1):
        return None
    para = _para(state, m.start)
    best, best_key = None, None
    for p in state.mentions:
        if p.in_quote or p not in state.of or _para(state, p.start) != para:
            continue
        c = state.of[p]
        if c.type in ("GPE", "LOC") or (m.number == "sg" and c.type != "PERSON"):
            continue
        key = (c.type == "PERSON", state.doc[p.head].dep_ in SUBJECT_DEPS, -abs(p.start - m.start))
        if best_key is None or key > best_key:
            best, best_key = c, key
    return best


def earlier_speaker(state: State, m: Mention) -> Cluster | None:
    """Else "I"/"we" inside quotation marks join the last person speaking (a subject outside
    quotation marks) in the two paragraphs before; with none, no actor."""
    if not (m.in_quote and m.person == 1):
        return None
    para = _para(state, m.start)
    for p in reversed(state.seen):
        if para - _para(state, p.start) > SPEAKER_PARAGRAPHS:
            return NO_ACTOR
        c = state.of[p]
        if not p.in_quote and c.type == "PERSON" and state.doc[p.head].dep_ in SUBJECT_DEPS:
            return c
    return NO_ACTOR


def writer(state: State, m: Mention) -> Cluster | None:
    """Outside quotation marks "I" is the writer of the article (named by its byline when known),
    and "we" the writer's group."""
    return _writer(state, m.number) if m.person == 1 else None


# helpers --------------------------------------------------------------------------------------

def _in_transcript(m: Mention) -> bool:
    """A turn label, or a first- or second-person pronoun outside quotation marks in a turn."""
    return m.turn is not None and not m.in_quote and (m.kind == "turn" or m.person in (1, 2))


def _asks(m: Mention) -> bool:
    """The interviewer's voice: "Q", and "I" in a question ("A", and "I" in an answer, "you" in
    a question, are the one interviewed)."""
    return (m.turn == "Q") == (m.kind == "turn" or m.person == 1)


def _writer(state: State, number: str) -> Cluster:
    cluster = state.writers.get(number)
    if cluster is None:
        cluster = state.writers[number] = Cluster("PERSON" if number == "sg" else "GROUP")
        cluster.label = state.author if number == "sg" else "we"
        state.clusters.append(cluster)
    return cluster


def _blocked(state: State, m: Mention) -> set[Cluster]:
    """The clusters a non-reflexive object pronoun cannot refer to: its verb's subject's."""
    tok = state.doc[m.head]
    if tok.dep_ not in ("dobj", "iobj", "pobj") or m.words[0].endswith("self"):
        return set()
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subjects = (state.at_token.get(c.i) for c in verb.children if c.dep_ in SUBJECT_DEPS)
    return {state.of[x] for x in subjects if x is not None and x in state.of}


def _salience(state: State, p: Mention, distance: int) -> tuple:
    """In the pronoun's own sentence the nearest subject wins; earlier, the main subject, then a
    subject, then the first named."""
    tok = state.doc[p.head]
    subject = tok.dep_ in SUBJECT_DEPS
    if distance == 0:
        return (subject, p.start)
    main = subject and tok.head.dep_ == "ROOT"
    return (main, subject, p.kind in ("name", "nominal"), -p.start)


def _para(state: State, offset: int) -> int:
    return bisect.bisect_right(state.newlines, offset)


def _fits(pronoun: Mention, cluster: Cluster, mention: Mention) -> bool:
    """Whether a third-person pronoun can stand for the cluster (number, gender, animacy)."""
    gender = pronoun.gender
    if gender in ("m", "f"):
        return cluster.type == "PERSON" and gender_fits(gender, cluster.gender) and mention.kind != "quantifier"
    if gender == "n":
        return cluster.type in ("ORG", "GPE") or (cluster.type == "GROUP" and mention.number == "sg")
    return cluster.type in ("GROUP", "ORG")

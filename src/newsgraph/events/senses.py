"""Senses: whether an event word's arguments show it used in another sense.

A pattern names a word in its political sense; its arguments tell when the word means something
else. With the word classes of ``data/events/senses.yaml``:

- a doer that is a thing and never an actor codes nothing ("the storm struck the coast", "the
  virus attacked the cells", "stocks rallied");
- what the event is done to, when it is a thing of a kind, rules out the kind's codes ("hit the
  brakes", "struck the ball", "charged a fee", "her battle with cancer", "a heart attack");
- a clause about a match rules out force and protest ("struck out 14 in a Game 6 win");
- a doer of a civil sector (a company, a hospital) uses no force ("took over its rival",
  "ceased operations", "the surgeon's operation");
- codes done to people only need a person or group as their target ("released the bird",
  "released its study");
- fighting is with a foe: "fought corruption" is no battle.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.actors.knowledge import nouns
from newsgraph.actors.mentions import is_actor_noun
from newsgraph.events.arguments import is_abstract, names_doer, owner_of
from newsgraph.events.patterns import lexicon
from newsgraph.knowledge import derived, load_yaml


@dataclass(frozen=True, slots=True)
class Senses:
    """The word classes of senses.yaml."""

    things: dict[str, tuple[str, tuple[str, ...]]]  # noun -> (kind, the roots it rules out as a target)
    contexts: dict[str, tuple[tuple[str, ...], frozenset[str]]]  # noun -> (roots, codes) a clause with it rules out
    civil_sectors: frozenset[str]
    civil_roots: tuple[str, ...]
    person_codes: frozenset[str]
    reciprocal_roots: tuple[str, ...]


@derived
def senses() -> Senses:
    spec = load_yaml("events/senses.yaml")
    things = {
        str(w).lower(): (kind, tuple(str(r) for r in entry["roots"]))
        for kind, entry in spec["things"].items() for w in entry["words"]
    }
    contexts = {
        str(w).lower(): (tuple(map(str, entry.get("roots", []))), frozenset(map(str, entry.get("codes", []))))
        for entry in spec["contexts"].values() for w in entry["words"]
    }
    civil = spec["civil_sectors"]
    return Senses(
        things=things, contexts=contexts, civil_sectors=frozenset(str(s) for s in civil["sectors"]),
        civil_roots=tuple(str(r) for r in civil["roots"]), person_codes=frozenset(str(c) for c in spec["person_codes"]),
        reciprocal_roots=tuple(str(r) for r in spec["reciprocal_roots"]),
    )


def thing_kind(token) -> tuple[str, tuple[str, ...]] | None:
    """(kind, roots it rules out) of a common noun that names a thing and never an actor."""
    if token.pos_ not in ("NOUN", "PROPN") or (token.pos_ == "NOUN" and is_actor_noun(token)):
        return None  # "the commission", "the leadership": the actor lists know them as actors
    table = senses().things
    return table.get(token.lemma_.lower()) or table.get(token.lower_)


def _rules_out(roots: tuple[str, ...], code: str) -> bool:
    return any(code.startswith(r) for r in roots)


def other_sense(pred, code: str, sources: list, targets: list, sector_of) -> str | None:
    """Why the predicate ``pred`` (a coder Predicate) with these source and target tokens is not
    the event ``code`` but another sense of its word, or None. ``sector_of(token)`` gives the
    sector of the actor a source token names (None when it names none or has no sector)."""
    table = senses()
    if any(thing_kind(s) is not None for s in sources):
        return "a thing is no doer"
    token = pred.token
    done_to = list(targets)
    if pred.object_noun is not None and pred.object_noun is not token:
        done_to.append(pred.object_noun)
    if pred.nominal:  # "a *heart* attack", "the *football* operation"
        done_to += [c for c in token.lefts if c.dep_ in ("compound", "amod")]
    for thing in done_to:
        # a name is no common thing ("the Actors' *Equity* rally", capitalised inside the
        # sentence); an owned thing stands for its owner ("the island's exports")
        common = thing.pos_ == "NOUN" and not (thing.is_title and not thing.is_sent_start)
        found = thing_kind(thing) if common and owner_of(thing) is None else None
        if found is not None and _rules_out(found[1], code):
            return f"done to {found[0]}"
    for word in _clause(token).subtree:
        found = table.contexts.get(word.lemma_.lower()) if word.pos_ in ("NOUN", "PROPN") else None
        if found and word is not token and (_rules_out(found[0], code) or code in found[1]):
            return "a clause about a match or a market"
    if sources and _rules_out(table.civil_roots, code) and all(sector_of(s) in table.civil_sectors for s in sources):
        return "a civil doer uses no force"
    if code in table.person_codes and targets and all(_no_person(t) for t in targets):
        return "done to a thing, not a person"
    if pred.pattern.reciprocal and _rules_out(table.reciprocal_roots, code) and targets and not any(
        names_doer(t) for t in targets
    ):
        return "fought a thing, not a foe"
    return None


NONFINITE = ("advcl", "xcomp", "acl", "pcomp", "conj")


def _clause(token):
    """The clause a predicate's context is read in: its own, or for a participle or infinitive
    ("closed matches well, *capturing* the most points") the one it hangs from."""
    if token.dep_ in NONFINITE and token.tag_ in ("VBG", "VBN", "VB") and token.head.i != token.i:
        return token.head
    return token


NOT_PEOPLE = ("WORK_OF_ART", "PRODUCT", "LAW", "EVENT")  # entity types of things made or done


def _no_person(token) -> bool:
    """A target that is surely no person or group: a thing of a kind, a document, a work or
    product ("released *The Interview*"), or an abstract noun ("released *its study*")."""
    if token.ent_type_ in NOT_PEOPLE or thing_kind(token) is not None:
        return True
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in nouns().document or is_abstract(token, lexicon()))

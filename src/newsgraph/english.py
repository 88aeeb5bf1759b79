"""The closed-class English words of ``data/english.yaml``, for every stage: determiners,
relative and first-person pronouns, quotation marks, byline and date-line prefixes, the
connectors and suffixes of names, expletive and aspect verbs, abstract-noun endings."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.knowledge import derived, load_yaml


@dataclass(frozen=True, slots=True)
class English:
    determiners: frozenset[str]
    definite_determiners: frozenset[str]
    relative_pronouns: frozenset[str]
    person_relatives: frozenset[str]
    first_person: frozenset[str]
    abstract_suffixes: tuple[str, ...]
    name_connectors: frozenset[str]
    name_suffixes: frozenset[str]
    expletive_verbs: frozenset[str]
    aspect_verbs: frozenset[str]  # "continued to call for": the verb carried says what is done
    double_quotes: re.Pattern  # any double quotation mark
    single_quotes: re.Pattern
    quote_marks: frozenset[str]  # every mark, double or single
    opening_quotes: frozenset[str]  # the marks that show they open ("“", "«") ...
    closing_quotes: frozenset[str]  # ... or close
    byline_prefix: re.Pattern  # "By ", "Written by " opening a byline
    date_prefix: re.Pattern  # "Published: ", "Updated on " opening a date line
    date_prefix_words: str  # the same words as one regular-expression alternation


@derived
def english() -> English:
    spec = load_yaml("english.yaml")
    marks = spec["quote_marks"]
    return English(
        determiners=frozenset(spec["determiners"]),
        definite_determiners=frozenset(spec["definite_determiners"]),
        relative_pronouns=frozenset(spec["relative_pronouns"]),
        person_relatives=frozenset(spec["person_relatives"]),
        first_person=frozenset(spec["first_person"]),
        abstract_suffixes=tuple(spec["abstract_suffixes"]),
        name_connectors=frozenset(spec["name_connectors"]),
        name_suffixes=frozenset(spec["name_suffixes"]),
        expletive_verbs=frozenset(spec["expletive_verbs"]),
        aspect_verbs=frozenset(spec["aspect_verbs"]),
        double_quotes=re.compile(_alternatives(marks["double"])),
        single_quotes=re.compile(_alternatives(marks["single"])),
        quote_marks=frozenset(marks["double"] + marks["single"]),
        opening_quotes=frozenset(marks["open"]),
        closing_quotes=frozenset(marks["close"]),
        byline_prefix=re.compile(r"^(?:" + _alternatives(spec["byline_prefixes"]) + r")\s+", re.I),
        date_prefix_words=_alternatives(spec["date_prefixes"]),
        date_prefix=re.compile(r"^(?:" + _alternatives(spec["date_prefixes"]) + r")(?: on| at)?\s*:?\s*", re.I),
    )


def _alternatives(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def strip_byline_prefix(byline: str | None) -> str | None:
    """A byline without the words opening it ("By Ann Lee" -> "Ann Lee"); None when nothing is left."""
    if not byline:
        return None
    return english().byline_prefix.sub("", byline.strip()).strip() or None


def strip_date_prefix(text: str) -> str:
    """A date line without the words opening it ("Published: 20 July 2018" -> "20 July 2018")."""
    return english().date_prefix.sub("", text.strip())


def inflections(lemma: str) -> list[str]:
    """The regular inflections of a verb ("hope": hopes, hoped, hoping), so that a word class
    knows the verb even where the lemmatizer errs ("hopes", "hoped" lemmatized as "hop")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    third = lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s"
    return [third, stem + "ed", stem + "ing"]

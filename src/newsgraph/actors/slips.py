"""Known slips of spaCy's small English model, fixed by general rules over data/actors/slips.yaml.

- time zones tagged ORG ("AEST", "GMT") are no entity;
- all-capital page words tagged ORG ("FREE", "BREAKING NEWS") are no entity;
- names of known organisations tagged PERSON (platforms such as Twitter) become ORG, and known
  people tagged ORG or GPE become PERSON: the knowledge files know better than the tagger;
- a national capital tagged PERSON ("Kyiv") becomes GPE, unless it is a given name or a known
  person's name;
- curly apostrophes are folded for the parse by ``nlp.fold`` (same length), so "Trump’s" splits
  like "Trump's"; a trailing possessive is trimmed off every name (``mentions._trim``).
"""

from __future__ import annotations

from newsgraph.actors import knowledge


def is_slip(span) -> bool:
    """True when a tagged name is a time zone, page furniture, or a word that names nobody."""
    time_zones, page_words, not_names = knowledge.slips()
    text = span.text
    if text in time_zones or text in not_names:
        return True
    words = text.split()
    if text.isupper() and all(w.strip(".,:!") in page_words for w in words):
        return True
    return not any(ch.isalpha() for ch in text)


def retype(name: str, label: str, span) -> str | None:
    """The entity type a name should have, the knowledge files overriding the tagger."""
    key = knowledge.name_key(name)
    org = knowledge.organisations().get(key)
    a_country = key in knowledge.countries()[0]
    if org is not None and (label in ("PERSON", "ORG", "LOC") or label == "GPE" and not a_country):
        return "ORG" if org.type == "ORG" else org.type
    if label in ("ORG", "GPE", "NORP") and key in knowledge.people()[0]:
        return "PERSON"
    if label in ("ORG", "NORP", "GPE") and len(span) == 1 and key in knowledge.people()[1] and not a_country:
        return "PERSON"  # a lone surname of a well-known person tagged ORG ("Pence")
    if label in ("PERSON", "ORG", "NORP") and key in knowledge.countries()[0] and len(span) <= 4:
        return "GPE"
    if label == "PERSON" and _a_capital(name, key):
        return "GPE"  # "Kyiv said": a national capital, not a given name ("Victoria") nor a known person
    return label


def _a_capital(name: str, key: str) -> bool:
    from newsgraph.gazetteer import readings  # the gazetteer reads the actor knowledge itself

    first = name.split()[0]
    if key in knowledge.people()[0] or name.lower() in knowledge.people()[1] or first in knowledge.given_names():
        return False
    return any(r.capital and r.kind == "city" for r in readings(name))

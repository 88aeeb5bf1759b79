"""Reading codes from words: the country a phrase names, the sector its title words signal."""

from __future__ import annotations

import re

from newsgraph.actors import knowledge
from newsgraph.knowledge import derived

_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
MAX_NAME_WORDS = 5


@derived
def is_title_word(word: str) -> bool:
    """A word of a role or title ("president", "sen.", "prosecutors"), in lower case."""
    nouns = knowledge.nouns()
    word = nouns.abbreviations.get(word, word)
    lex = knowledge.sectors()
    singular = word[:-1] if word.endswith("s") else word
    return any(w in nouns.person or w in lex.heads or w in dict(lex.phrases) for w in (word, singular))


@derived
def is_sector_word(word: str) -> bool:
    """A word of the sector lexicon: a head, a modifier, an overriding word, or the first word of a phrase."""
    lex = knowledge.sectors()
    return word in lex.heads or word in lex.modifiers or word in lex.weak or word in lex.overriding or any(
        p.split()[0] == word for p, _ in lex.phrases)


def _words(phrase: str) -> list[str]:
    """The words of a phrase, less a possessive "'s", an abbreviation's final dot, and a suffix
    saying the word before it is a country or place ("Maltese-flagged": Maltese; nouns.yaml)."""
    out = []
    for w in _WORD.findall(phrase):
        if w[-2:] in ("'s", "’s"):
            w = w[:-2]
        head, _, suffix = w.rpartition("-")
        if head and suffix.lower() in knowledge.nouns().country_suffixes:
            w = head
        out.append(w.rstrip(".") if w.endswith(".") and w.count(".") == 1 else w)
    return out


def _chunks(words: list[str]):
    """Every run of up to MAX_NAME_WORDS words, longest first."""
    for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            yield size, " ".join(words[i : i + size])


def organisation_in(phrase: str) -> knowledge.Organisation | None:
    """A known organisation a phrase names ("FBI Director", "African Union Commission chairman");
    a one-word name counts when it is an acronym or opens the phrase ("Pentagon spokesman")."""
    orgs = knowledge.organisations()
    words = _words(phrase)
    for size, chunk in _chunks(words):
        key = knowledge.name_key(chunk)
        if key in orgs and (size > 1 or chunk.isupper() or (chunk == words[0] and chunk[:1].isupper())):
            return orgs[key]
    return None


def country_of_words(phrase: str, places: bool = False) -> str | None:
    """The country (alpha-3) that a phrase names by a country name, demonym, subdivision ("New
    Jersey Gov.": USA, not Jersey) or organisation with a country. A possessor decides ("the
    Pentagon's Iran envoy": USA); else the name found first, the longest there ("White House
    Russia adviser": USA; the adviser's subject, Russia, is no country of the adviser). With
    ``places`` (a title, never a name), a city or region of the gazetteer counts too ("Tulsa
    police chief", "Gaza residents")."""
    if owner := _POSSESSOR.match(phrase):
        if code := _country_at(_words(owner.group(1)), places) or _country_of_person(owner.group(1)):
            return code
    return _country_at(_words(phrase), places)


def _country_of_person(name: str) -> str | None:
    """The country of a well-known person named in full or by a surname only one bears ("Obama")."""
    by_name, by_surname = knowledge.people()
    key = knowledge.name_key(name)
    person = by_name.get(key) or (by_surname[key][0] if len(by_surname.get(key, ())) == 1 else None)
    return next((r.country for r in person.roles if r.country), None) if person is not None else None


_POSSESSOR = re.compile(r"(?:the\s+)?(.+?)['’]s\s", re.IGNORECASE)


def _country_at(words: list[str], places: bool = False) -> str | None:
    from newsgraph.places import geocode  # the gazetteer reads the country files of this package

    names, demonyms, _ = knowledge.countries()
    subdivisions, orgs = knowledge.subdivisions(), knowledge.organisations()
    for i in range(len(words)):
        for size in range(min(MAX_NAME_WORDS, len(words) - i), 0, -1):
            chunk = " ".join(words[i : i + size])
            key, low = knowledge.name_key(chunk), chunk.lower()
            code = names.get(key) or demonyms.get(low) or subdivisions.get(key) or (
                demonyms.get(low[:-1]) if low.endswith("s") else None)  # "Palestinians"
            if code:
                return code
            org = orgs.get(key)
            if org is not None and org.country and (size > 1 or chunk.isupper() or (i == 0 and chunk[:1].isupper())):
                return org.country
            if places and chunk[:1].isupper() and (place := geocode(chunk)) is not None and place.country:
                return place.country
    return None


def sector_of_words(phrase: str, head: str | None = None, organisations: bool = True) -> str | None:
    """The sector a title signals: an organisation it names ("FBI Director"; not asked of an
    organisation's own name), else its possessor's sector ("the company's lawyer" BUS), else an
    overriding word ("shadow"), else a phrase, else a modifier, else a head word, else a weak
    modifier."""
    lex = knowledge.sectors()
    nouns = knowledge.nouns()
    low = phrase.lower()
    if head in nouns.relational:  # "Kremlin critics" are no Kremlin: only party words code them
        return next((lex.weak[w] for w in _words(low) if w in lex.weak), None)
    org = organisation_in(phrase) if organisations else None
    if org is not None and org.sector:
        return org.sector
    owner = _POSSESSOR.match(phrase)
    if owner and (code := sector_of_words(owner.group(1), organisations=organisations)):
        return code  # the possessor's: "the party's home affairs spokesman" speaks for a party
    if code := next((lex.overriding[w] for w in _words(low) if w in lex.overriding), None):
        return code
    found = knowledge.sector_phrases().search(low)
    if found:
        return dict(lex.phrases)[found.group(0)]
    words = [nouns.abbreviations.get(w, w) for w in _words(low)]
    for w in words:
        if w in lex.modifiers:
            return lex.modifiers[w]
    for w in ([head] if head else []) + words[::-1]:
        code = lex.heads.get(w) or (lex.heads.get(w[:-1]) if w.endswith("s") else None)
        if code:
            return code
    for w in words:
        if w in lex.weak:
            return lex.weak[w]
    return None

"""Reading codes from words: the country a phrase names, the sector its title words signal."""

from __future__ import annotations

import functools
import re

from newsgraph.actors import knowledge

_WORD = re.compile(r"[A-Za-z][\w.'’-]*")
MAX_NAME_WORDS = 5


@functools.cache
def is_title_word(word: str) -> bool:
    """A word of a role or title ("president", "sen.", "prosecutors"), in lower case."""
    nouns = knowledge.nouns()
    word = nouns.abbreviations.get(word, word)
    lex = knowledge.sectors()
    singular = word[:-1] if word.endswith("s") else word
    return any(w in nouns.person or w in lex.heads or w in dict(lex.phrases) for w in (word, singular))


@functools.cache
def is_sector_word(word: str) -> bool:
    """A word of the sector lexicon: a head, a modifier, or the first word of a phrase."""
    lex = knowledge.sectors()
    return word in lex.heads or word in lex.modifiers or word in lex.weak or any(
        p.split()[0] == word for p, _ in lex.phrases)


def country_of_words(phrase: str) -> str | None:
    """The country (alpha-3) that a phrase names by a country name, demonym or organisation."""
    names, demonyms, _ = knowledge.countries()
    orgs = knowledge.organisations()
    words = [w.rstrip(".") if w.endswith(".") and w.count(".") == 1 else w for w in _WORD.findall(phrase)]
    for size in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            chunk = " ".join(words[i : i + size])
            key = knowledge.name_key(chunk)
            code = names.get(key) or demonyms.get(chunk.lower())
            if code is None and (size > 1 or chunk.isupper()) and key in orgs:
                code = orgs[key].country
            if code:
                return code
    return None


def sector_of_words(phrase: str, head: str | None = None) -> str | None:
    """The sector a title signals: a phrase, else a modifier, else a head word, else a weak modifier."""
    lex = knowledge.sectors()
    nouns = knowledge.nouns()
    low = phrase.lower()
    found = knowledge.sector_phrases().search(low)
    if found:
        return dict(lex.phrases)[found.group(0)]
    words = [nouns.abbreviations.get(w, w) for w in _WORD.findall(low)]
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

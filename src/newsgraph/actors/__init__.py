"""Who is in an article: entities with their mentions, titles and actor codes.

:func:`find_actors` is the stage; its :class:`Actors` answers "which entity is
mentioned here?" for the later stages (quotes, events).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.actors.codes import to_entity
from newsgraph.actors.coref import resolve
from newsgraph.actors.identity import merge_variants
from newsgraph.actors.mentions import (
    Zones,
    name_mentions,
    nominal_mentions,
    pronoun_mentions,
    repeated_names,
    sentence_index,
)
from newsgraph.english import strip_byline_prefix
from newsgraph.record import Entity, Meta, Span

if TYPE_CHECKING:
    from newsgraph.article import Article

__all__ = ["Actors", "find_actors"]


@dataclass
class Actors:
    """The entities of an article, and look-ups from a stretch of text to the entity mentioned there."""

    entities: list[Entity]
    _starts: list[int] = field(default_factory=list, repr=False)
    _index: list[tuple[Span, Entity]] = field(default_factory=list, repr=False)
    _by_id: dict[str, Entity] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        pairs = sorted(((m, e) for e in self.entities for m in e.mentions), key=lambda p: (p[0].start, -p[0].end))
        self._index = pairs
        self._by_id = {e.id: e for e in self.entities}
        self._starts = [m.start for m, _ in pairs]

    def by_id(self, entity_id: str) -> Entity | None:
        """The entity with that id, or None."""
        return self._by_id.get(entity_id)

    def mentions_in(self, start: int, end: int) -> list[tuple[Span, Entity]]:
        """Mentions lying inside [start, end), in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._index) and self._index[i][0].start < end:
            if self._index[i][0].end <= end:
                out.append(self._index[i])
            i += 1
        return out

    def mention_at(self, start: int, end: int) -> tuple[Span, Entity] | None:
        """The mention that best covers [start, end): the one sharing most characters with it,
        the shorter one on a tie (so "his" inside "his adviser" finds the pronoun's entity)."""
        i = bisect.bisect_left(self._starts, end) - 1
        best, best_key = None, None
        while i >= 0:
            span, entity = self._index[i]
            shared = min(end, span.end) - max(start, span.start)
            if shared > 0 or (start == end and span.start <= start < span.end):
                key = (max(shared, 0), -(span.end - span.start))
                if best_key is None or key > best_key:
                    best, best_key = (span, entity), key
            if span.start < start - MENTION_REACH:
                break
            i -= 1
        return best

    def entity_at_token(self, token) -> Entity | None:
        """The entity a spaCy token is (part of) a mention of, or None."""
        found = self.mention_at(token.idx, token.idx + len(token))
        return found[1] if found else None


MENTION_REACH = 300  # no mention is longer than this many characters


def find_actors(article: Article) -> Actors:
    """The actors of an article: mentions found on the parse, grouped by coreference, coded."""
    text, parsed, meta = article.text, article.parsed, article.meta
    where = Zones(article)
    sents = sentence_index(parsed)
    names = name_mentions(text, parsed, where, sents)
    named_tokens = {i for m in names for i in _token_range(parsed, m)}
    names += repeated_names(parsed, names, where, sents, named_tokens)
    named_tokens.update(m.head for m in names)
    mentions = names + nominal_mentions(text, parsed, where, sents, named_tokens)
    mentions += pronoun_mentions(parsed, where, sents)
    date = meta.published if meta is not None else None
    clusters = merge_variants(resolve(parsed, mentions, date, _author(meta)))
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    entities = [to_entity(c, date, parsed) for c in clusters]
    for n, entity in enumerate(entities, 1):
        entity.id = f"e{n}"
    return Actors(entities)


def _author(meta: Meta | None) -> str | None:
    """The writer's name from the byline ("By Ann Lee and Bo Chen" -> "Ann Lee and Bo Chen")."""
    return strip_byline_prefix(meta.byline) if meta is not None else None


def _token_range(doc, mention) -> range:
    """The tokens of a name with its title ("US President Donald Trump")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return range(0)
    return range(min(span.start, mention.first_token) if mention.first_token >= 0 else span.start, span.end)

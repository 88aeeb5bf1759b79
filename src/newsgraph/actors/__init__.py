"""Who is in an article: entities with their mentions, titles and actor codes.

:func:`find_actors` is the stage; its :class:`Actors` answers "which entity is
mentioned here?" for the later stages (quotes, events).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from newsgraph.actors.entities import find_entities
from newsgraph.record import Entity, Meta, Span, Zone

__all__ = ["Actors", "find_actors"]


@dataclass
class Actors:
    entities: list[Entity]
    _starts: list[int] = field(default_factory=list, repr=False)
    _index: list[tuple[Span, Entity]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        pairs = sorted(((m, e) for e in self.entities for m in e.mentions), key=lambda p: (p[0].start, -p[0].end))
        self._index = pairs
        self._starts = [m.start for m, _ in pairs]

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

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
        """The mention that best covers [start, end): the longest overlapping one."""
        i = bisect.bisect_right(self._starts, end) - 1
        best = None
        while i >= 0:
            span, entity = self._index[i]
            if span.start < end and start < span.end and (best is None or _len(span) > _len(best[0])):
                best = (span, entity)
            if span.end <= start and span.start < start - 200:
                break
            i -= 1
        return best


def _len(span: Span) -> int:
    return span.end - span.start


def find_actors(text: str, parsed, zones: list[Zone], meta: Meta) -> Actors:
    return Actors(find_entities(text, parsed, zones))

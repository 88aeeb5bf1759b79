"""One article as it flows through the stages: the text, its parse, and what each stage adds.

The pipeline (:mod:`newsgraph.pipeline`) makes an :class:`Article` from a read Document, lays
it out, parses it, and hands it to each stage in turn; a stage reads what earlier stages put
on it and adds its own part. The record is built from the Article at the end.

Two indexes are shared by every stage, so that no stage keeps its own list:

- :attr:`Article.analysed`: which characters lie in a zone that the analysis reads
  (``analysed_zones`` of ``data/layout.yaml``: headline, standfirst, caption, body);
  boilerplate, bylines, datelines and credits are never read for actors, quotes, times,
  places or events.
- :attr:`Article.quoted`: the quoted stretches of the text (every quotation-mark style,
  across paragraphs), from :func:`newsgraph.quotes.marks.find_stretches`.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from newsgraph.knowledge import Knowledge, load_yaml
from newsgraph.read import Document
from newsgraph.record import Event, Meta, Place, Quote, Record, Time, Zone, record_id

if TYPE_CHECKING:
    from newsgraph.actors import Actors


class ZoneIndex:
    """Which characters lie in the zones the analysis reads, and the kind of zone at a place.

    Asked once per token by several stages, so those two answers are one look-up each: the kind
    of zone at every character is laid out once, a byte per character (a zone runs from its start
    to its end or to the next zone's start, whichever is first, as a search by start finds it)."""

    def __init__(self, zones: list[Zone], analysed: frozenset[str]):
        self.zones = sorted(zones, key=lambda z: z.start)
        self._starts = [z.start for z in self.zones]
        self.kinds = analysed
        self._names: list[str | None] = [None, *sorted({z.kind for z in self.zones})]  # kind numbers
        number = {kind: n for n, kind in enumerate(self._names)}
        size = max((z.end for z in self.zones), default=0)
        self._kind = bytearray(size)  # the number of the kind of zone at each character (0: none)
        self._in = bytearray(size)  # 1 where that kind is analysed
        for i, z in enumerate(self.zones):
            after = self.zones[i + 1].start if i + 1 < len(self.zones) else size
            end = max(z.start, min(z.end, after))
            self._kind[z.start : end] = bytes([number[z.kind]]) * (end - z.start)
            self._in[z.start : end] = (b"\x01" if z.kind in analysed else b"\x00") * (end - z.start)

    def zone_at(self, pos: int) -> Zone | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.zones[i] if i >= 0 and pos < self.zones[i].end else None

    def kind_at(self, pos: int) -> str | None:
        return self._names[self._kind[pos]] if 0 <= pos < len(self._kind) else None

    def __contains__(self, pos: int) -> bool:
        """Whether the character at ``pos`` lies in an analysed zone."""
        return 0 <= pos < len(self._in) and self._in[pos] == 1

    def skipped(self) -> list[Zone]:
        """The zones that are not analysed, in text order."""
        return [z for z in self.zones if z.kind not in self.kinds]


@dataclass
class Article:
    """One article and what the stages found in it."""

    doc: Document
    knowledge: Knowledge
    zones: list[Zone] = field(default_factory=list)
    meta: Meta | None = None
    parsed: Any = None  # the spaCy Doc of ``text`` (same offsets)
    actors: Actors | None = None
    quotes: list[Quote] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    rejected: list[Event] = field(default_factory=list)  # event readings not asserted (--explain)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def published(self) -> str | None:
        return self.meta.published if self.meta is not None else None

    @cached_property
    def analysed(self) -> ZoneIndex:
        return ZoneIndex(self.zones, frozenset(load_yaml("layout.yaml")["analysed_zones"]))

    @cached_property
    def quoted(self) -> list:
        """The quoted stretches of the analysed text (:class:`newsgraph.quotes.marks.Stretch`)."""
        from newsgraph.quotes.marks import find_stretches, paragraphs

        return find_stretches(self.text, paragraphs(self.text, lambda pos: pos not in self.analysed))

    @cached_property
    def _quoted_starts(self) -> list[int]:
        return [s.start for s in self.quoted]

    def in_quote(self, pos: int) -> bool:
        """Whether the character at ``pos`` lies inside a quoted stretch (any quotation-mark style)."""
        i = bisect.bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i].end

    def to_record(self, explain: bool = False, min_confidence: float | None = None) -> Record:
        """The record; with ``explain``, the rejected event readings too; with ``min_confidence``,
        only the events at least that confident."""
        text = self.text
        return Record(
            id=record_id(text), source=self.doc.source, text=text, meta=self.meta, zones=self.zones,
            entities=self.actors.entities if self.actors is not None else [],
            quotes=self.quotes, times=self.times, places=self.places,
            events=[e for e in self.events if min_confidence is None or (e.confidence or 0.0) >= min_confidence],
            rejected=self.rejected if explain else None,
        )

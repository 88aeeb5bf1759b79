"""The article record (schema ``newsgraph/1``) and its JSON form.

Every span is a pair of Python ``str`` offsets into ``Record.text`` (end exclusive): the
text is annotated, never rewritten. The JSON Schema in ``docs/record.schema.json`` is
generated from these types by :func:`json_schema`.
"""

from __future__ import annotations

import hashlib
import types
import typing
from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA = "newsgraph/1"

ZoneKind = Literal["headline", "standfirst", "byline", "dateline", "caption", "credit", "body", "update", "boilerplate"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "NORP", "GROUP"]
CountrySource = Literal["name", "title", "knowledge", "setting"]
QuoteKind = Literal["direct", "indirect", "mixed", "partial"]


@dataclass(slots=True, frozen=True, order=True)
class Span:
    """A stretch of the record's text: ``text[start:end]``; ``.text`` is that slice once the span
    belongs to a Record (None for a span on its own)."""

    start: int
    end: int
    text: str | None = field(default=None, compare=False, repr=False)

    def to_dict(self, text: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if text is not None:
            out["text"] = text[self.start : self.end]
        return out

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Source:
    """Where an article came from."""

    path: str | None = None
    url: str | None = None
    format: str = "text"
    line: int | None = None  # 1-based line of a JSONL file, or record number in a WARC file


@dataclass(slots=True)
class Meta:
    headline: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_source: str | None = None  # sidecar | jsonl | html | filename | url | warc | given | dateline
    tone: float | None = None  # GDELT's tone: (positive - negative words) per 100 words (newsgraph/tone.py)


@dataclass(slots=True)
class Zone:
    kind: ZoneKind
    start: int
    end: int
    text: str | None = field(default=None, compare=False, repr=False)  # the slice, set by the Record

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    titles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    country_source: CountrySource | None = None
    actor_id: str | None = None  # "kb:donald-trump" for an actor of the knowledge files


class _InRecord:
    """What knows the Record it belongs to (set when the Record is made), to give entities by id."""

    _record: Record | None = None

    def _entity(self, entity_id: str | None) -> Entity | None:
        return self._record.entity(entity_id) if self._record is not None and entity_id else None


@dataclass
class Quote(_InRecord):
    content: Span
    kind: QuoteKind
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: Span | None = None
    medium: str | None = None
    stance: str | None = None  # what the cue verb carries: deny, insist, warn, ... (data/cues.yaml)

    @property
    def speaker_entity(self) -> Entity | None:
        """The speaker's Entity (None: no speaker found, or the quote is in no Record)."""
        return self._entity(self.speaker)


@dataclass
class Event(_InRecord):
    cameo: str
    evidence: Span
    goldstein: float
    quad_class: int
    plover: str | None = None
    source: str | None = None
    target: str | None = None
    source_mention: Span | None = None
    target_mention: Span | None = None
    negated: bool = False
    date: str | None = None
    place: str | None = None
    factuality: str = "asserted"  # asserted | negated | hypothetical | question | claimed (only asserted are events)
    confidence: float | None = None  # how likely code and both actors are right (events/confidence.py)
    tone: float | None = None  # the tone of the evidence, as the article's (newsgraph/tone.py)

    @property
    def source_entity(self) -> Entity | None:
        """The source's Entity (None: no source found, or the event is in no Record)."""
        return self._entity(self.source)

    @property
    def target_entity(self) -> Entity | None:
        """The target's Entity (None: no target found, or the event is in no Record)."""
        return self._entity(self.target)


@dataclass(slots=True)
class Place:
    id: str
    name: str
    kind: str  # country | city | region | admin | landmark
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    mentions: list[Span] = field(default_factory=list)
    geonameid: int | None = None  # GeoNames' id; none for a region of data/places/regions.tsv
    feature_class: str | None = None  # GeoNames' feature class: A country or state, P populated place, L area
    country_fips: str | None = None  # the country's FIPS 10-4 code (GDELT's country codes)
    adm1: str | None = None  # first-level division: FIPS country code + GeoNames' division code (US: postal)
    adm1_name: str | None = None  # that division's name, where known (US states)
    population: int | None = None  # GeoNames' population of a city or country


@dataclass(slots=True)
class Time:
    start: int
    end: int
    value: str | None  # YYYY-MM-DD, YYYY-MM or YYYY; null when it cannot be resolved
    granularity: Literal["day", "month", "year"] | None = None
    text: str | None = field(default=None, compare=False, repr=False)  # the slice, set by the Record


@dataclass(slots=True)
class Record:
    """One analysed article."""

    id: str
    source: Source
    text: str
    meta: Meta
    zones: list[Zone] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    schema: str = SCHEMA
    # with --explain only: the event readings the coder rejected, each with its factuality
    rejected: list[Event] | None = None

    def __post_init__(self) -> None:
        _bind(self, self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """The Record of a JSON record (``to_dict()``, ``analyze --json``, a line of the store's JSONL export)."""
        if data.get("schema", SCHEMA) != SCHEMA:
            raise ValueError(f"not a {SCHEMA} record: schema {data.get('schema')!r}")
        return _build(cls, data)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id (``e3``), or None."""
        return next((e for e in self.entities if e.id == entity_id), None) if entity_id else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: plain dicts and lists, spans carrying their text."""
        out = {"schema": self.schema}
        out.update((f.name, _plain(getattr(self, f.name), self.text)) for f in fields(self)
                   if f.name != "schema" and not (f.name == "rejected" and self.rejected is None))
        return out

    def zone_text(self, kind: str) -> list[str]:
        return [self.text[z.start : z.end] for z in self.zones if z.kind == kind]


def _plain(value: Any, text: str) -> Any:
    if isinstance(value, Span):
        return value.to_dict(text)
    if isinstance(value, list):
        return [_plain(v, text) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        out = {f.name: _plain(getattr(value, f.name), text) for f in fields(value)}
        if isinstance(value, Zone | Time):
            out["text"] = text[value.start : value.end]
        return out
    return value


def _bind(value: Any, record: Record) -> None:
    """Give every span, zone and time of ``record`` its text, and its quotes and events the record."""
    if isinstance(value, Span | Zone | Time):
        object.__setattr__(value, "text", record.text[value.start : value.end])
    if isinstance(value, list):
        for v in value:
            _bind(v, record)
    elif hasattr(value, "__dataclass_fields__") and not isinstance(value, Span):
        if isinstance(value, _InRecord):
            value._record = record
        for f in fields(value):
            if f.name != "text" and (value is record or f.name not in ("source", "meta")):
                _bind(getattr(value, f.name), record)


def _build(tp: Any, value: Any) -> Any:
    """A value of type ``tp`` from its JSON form."""
    if value is None:
        return None
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            if arg is not type(None):
                return _build(arg, value)
    if origin is list:
        return [_build(args[0], v) for v in value]
    if isinstance(tp, type) and hasattr(tp, "__dataclass_fields__"):
        hints = typing.get_type_hints(tp)
        return tp(**{f.name: _build(hints[f.name], value[f.name]) for f in fields(tp) if f.name in value})
    return value


def record_id(text: str) -> str:
    """A stable id: the same text gives the same id, whatever path it came from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a record, generated from the types above."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Record).json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://newsgraph.invalid/schema/newsgraph-1.json"
    schema["title"] = "newsgraph article record (newsgraph/1)"
    defs = schema.get("$defs", {})
    if "Span" in defs:  # spans carry their slice of the text in JSON
        defs["Span"]["properties"]["text"] = {"type": "string", "title": "Text"}
    for name in ("Zone", "Time"):
        if name in defs:
            defs[name]["properties"]["text"] = {"type": "string", "title": "Text"}
    return schema

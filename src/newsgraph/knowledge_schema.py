"""What each knowledge file may hold: a schema per YAML file, the columns and value checks of
each TSV file, and the checks across files (a pattern's code is a CAMEO code; a person's sector
is a sector of sectors.yaml). :mod:`newsgraph.knowledge` applies them when it loads.

Every YAML schema forbids unknown keys, so a misspelt key or word-class name fails to load
instead of silently matching nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel, ValidationError, field_validator

if TYPE_CHECKING:
    from newsgraph.knowledge import Knowledge

Words = list[str]
Code = Annotated[str, Field(pattern=r"^\d{2,4}$")]  # a CAMEO event code
Sector = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=False)


# -- actors ---------------------------------------------------------------------------------


class GivenNames(Strict):
    m: Words
    f: Words


class Slips(Strict):
    time_zones: Words
    page_words: Words
    not_names: Words


class Nouns(Strict):
    person: Words
    collective: Words
    organisation: Words
    polity: Words = []
    sovereign: Words = []
    instruments: Words = []
    quantity: Words
    relational: Words
    past: Words = []
    agents: Words = []
    counterparts: Words = []
    document: Words
    leader: Words
    honorifics: dict[str, Literal["m", "f", "-"]]
    # each pronoun: [number, gender, person]
    pronouns: dict[str, tuple[Literal["sg", "pl"], Literal["m", "f", "n", "-"], Literal[1, 2, 3]]]
    quantifiers: Words
    abbreviations: dict[str, str]
    ship_prefixes: dict[str, Annotated[str, Field(pattern=r"^(?:[A-Z]{3}){1,2}$")]] = {}  # a navy's code or a sector
    country_suffixes: Words = []


class Subdivisions(Strict):
    types: Words
    suffixes: Words
    english: dict[Annotated[str, Field(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")], str]
    not_places: Words


class GazetteerSettings(Strict):
    cities: Literal[500, 1000, 5000, 15000]
    admin_population: Annotated[int, Field(ge=0)]
    context_share: Annotated[float, Field(ge=0, le=1)]
    prominent_population: Annotated[int, Field(ge=0)]
    english_population: Annotated[int, Field(ge=0)]
    english: list[Annotated[str, Field(pattern=r"^[A-Z]{3}$")]]


class SectorEntry(Strict):
    about: str
    overriding: Words = []
    phrases: Words = []
    modifiers: Words = []
    heads: Words = []
    weak: Words = []


class Sectors(RootModel[dict[Sector, SectorEntry]]):
    pass


# -- English closed classes ------------------------------------------------------------------


class English(Strict):
    determiners: Words
    definite_determiners: Words
    relative_pronouns: Words
    person_relatives: Words
    first_person: Words
    abstract_suffixes: Words
    name_connectors: Words
    name_suffixes: Words
    expletive_verbs: Words
    aspect_verbs: Words
    quote_marks: dict[Literal["double", "single", "open", "close"], Words]
    byline_prefixes: Words
    date_prefixes: Words


# -- quotes ---------------------------------------------------------------------------------


class CueVerb(Strict):
    stance: str | None = None
    medium: str | None = None
    takes: list[Literal["clause", "infinitive", "object", "speech", "question"]] = []  # a clause always counts
    about: Words = []  # prepositions whose object is what the speech is about ("talked about")


class Cues(Strict):
    verbs: dict[str, CueVerb | None]
    particles: dict[str, Words]
    nouns: Words
    not_labels: Words
    claims: Words = []  # stances whose content is the speaker's claim
    topic_nouns: dict[str, Words] = {}  # noun -> prepositions whose object is what was said about
    personal_topic_nouns: Words = []  # topic nouns that are speech only when a person owns them
    barbs: dict[str, Words] = {}  # noun of a verbal attack -> its prepositions ("took a swipe at X")
    stance_phrases: dict[str, Words] = {}  # noun of "in NOUN of X" -> its prepositions ("in favor of")
    unsourced: dict[Literal["verbs", "passives", "adverbs"], Words] = {}  # attributions naming no source
    vouching: dict[str, Words] = {}  # preposition -> nouns that vouch for their sentence ("in a poll")
    aside_marks: Words = []  # words opening a clause that closes a report as an aside (", while ...")
    scene: Words = []  # prepositions setting the scene of speaking after an object ("in an interview")
    activities: Words = []  # verbs of talking that in an as-clause tell when ("as she spoke")
    likening: Words = []  # verbs of judging that report a view with an as-phrase ("sees X as Y")
    vehicles: Words = []  # nouns a speaker issues ("a statement saying ...": the issuer speaks)
    attitudes: dict[str, Words] = {}  # adjective -> prepositions (or "that") of the view it reports


class QuoteMedia(Strict):
    channels: dict[str, Words]
    outlets: Words


# -- events ---------------------------------------------------------------------------------


class _Pattern(Strict):
    """What verb and noun patterns share (patterns.yaml's header says what each key means)."""

    code: Code
    object: Words = []
    target: Words = []
    negated_code: Code | None = None
    reciprocal: bool = False
    unless: Words = []
    needs_target: bool = False
    needs_clause: bool = False
    unless_named: bool = False
    transitive: bool = False
    unless_object: list[Literal["MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"]] = []
    naming: Literal["negative", "positive"] | None = None
    person_code: Code | None = None
    force_code: Code | None = None
    example: str
    not_: Words = Field(default=[], alias="not")


class VerbPattern(_Pattern):
    verb: str
    complement: Words = []


class NounPattern(_Pattern):
    noun: str
    support_only: bool = False


class WordClasses(Strict):
    """The named word classes the event coder's rules use (``Lexicon.is_``)."""

    speech_verbs: Words
    allegation_words: Words
    directive_verbs: Words
    command_verbs: Words
    author_nouns: Words
    document_nouns: Words
    issuing_verbs: Words
    clause_roots: Words
    evaluative_roots: Words
    directed_roots: Words
    support_verbs: Words
    undergoing_verbs: Words
    transparent_nouns: Words
    intent_verbs: Words
    intent_adjectives: Words
    intent_nouns: Words
    future_auxiliaries: Words
    refusal_verbs: Words
    refusal_nouns: Words
    threat_verbs: Words
    negative_words: Words
    deontic_auxiliaries: Words
    necessity_verbs: Words
    armed_sectors: Words
    assembly_sectors: Words
    motions: Words
    conditional_marks: Words
    question_marks: Words
    request_roots: Words
    factive_marks: Words
    possibility_auxiliaries: Words
    claim_words: Words


class Patterns(Strict):
    verbs: list[VerbPattern]
    nouns: list[NounPattern]
    classes: WordClasses
    moods: dict[Literal["intent", "refusal"], dict[Code, Code]]


class PloverType(Strict):
    quad: Literal[1, 2, 3, 4]
    definition: str


class Plover(Strict):
    types: dict[str, PloverType]
    from_cameo: dict[Code, str] = {}


class Confidence(Strict):
    bias: float
    weights: dict[Literal["source_coded", "target_entity", "target_coded", "no_target", "source_named",
                          "target_named", "pronoun_source", "specific_code", "headline", "quoted",
                          "long_evidence", "material"], float]


Root = Annotated[str, Field(pattern=r"^\d{1,4}$")]  # a CAMEO code prefix ("1": every code of 10-19)


class ThingKind(Strict):
    roots: list[Root]
    words: Words


class SenseContext(Strict):
    roots: list[Root] = []
    codes: list[Code] = []
    words: Words


class CivilSectors(Strict):
    sectors: list[Sector]
    roots: list[Root]


class Senses(Strict):
    things: dict[str, ThingKind]
    contexts: dict[str, SenseContext]
    civil_sectors: CivilSectors
    person_codes: list[Code]
    reciprocal_roots: list[Root]


class Unit(Strict):
    days: int
    granularity: Literal["day", "month", "year"]


class Times(Strict):
    day_words: dict[str, int]
    shift_words: dict[str, int]
    units: dict[str, Unit]
    numbers: dict[str, int]
    lone_words: Words
    noise: Words


# -- layout and export ------------------------------------------------------------------------


class Regex(RootModel[str]):
    @field_validator("root")
    @classmethod
    def compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return value


class Boilerplate(Strict):
    line: list[Regex]
    short_line: list[Regex]
    phrase: list[Regex]
    author_bio: list[Regex]


class Layout(Strict):
    short_line_words: int
    phrase_line_words: int
    tail_lines: int
    analysed_zones: list[Literal["headline", "standfirst", "byline", "dateline", "caption", "credit", "body", "update"]]
    boilerplate: Boilerplate
    link_list_header: list[Regex]
    credit: list[Regex]
    credit_list_header: Regex
    article_credit: list[Regex]
    byline: list[Regex]
    dateline: list[Regex]
    lede_dateline: Regex
    byline_noise: list[Regex]


class Gdelt(Strict):
    fields: dict[str, str]
    columns: list[tuple[str, str]]
    geo_types: dict[str, int]
    us_kinds: dict[str, int]


class ArticleMetadata(Strict):
    keys: Words
    fields: dict[Literal["published", "url", "publisher", "headline", "language", "byline"], Words]
    missing: Words
    path_dates: list[Regex]
    earliest_year: int


class Tone(Strict):
    parts_of_speech: list[Literal["ADJ", "ADV", "NOUN", "VERB", "INTJ", "PROPN", "ADP", "DET", "PRON", "AUX",
                                  "NUM", "PART", "CCONJ", "SCONJ", "X", "SYM"]]


class PloverNonState(Strict):
    codes: dict[Annotated[str, Field(pattern=r"^[A-Z]{3}$")], str]
    by_name: dict[str, Words]
    by_sector: dict[Sector, str]


class PloverExport(Strict):
    codebook: str
    countries: dict[str, Annotated[str, Field(pattern=r"^[A-Z]{3}$")]]
    non_state: PloverNonState
    sectors: dict[Sector, Sector | None]


YAML: dict[str, type[BaseModel]] = {
    "actors/given_names.yaml": GivenNames,
    "actors/slips.yaml": Slips,
    "actors/nouns.yaml": Nouns,
    "actors/sectors.yaml": Sectors,
    "places/subdivisions.yaml": Subdivisions,
    "places/gazetteer.yaml": GazetteerSettings,
    "english.yaml": English,
    "cues.yaml": Cues,
    "quote_media.yaml": QuoteMedia,
    "events/patterns.yaml": Patterns,
    "events/plover.yaml": Plover,
    "events/times.yaml": Times,
    "events/confidence.yaml": Confidence,
    "events/senses.yaml": Senses,
    "layout.yaml": Layout,
    "export/gdelt.yaml": Gdelt,
    "export/plover.yaml": PloverExport,
    "read/metadata.yaml": ArticleMetadata,
    "tone.yaml": Tone,
}


# -- TSV files: columns, and a check per kind of value ----------------------------------------

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _country(value: str) -> str | None:
    from newsgraph.actors.knowledge import is_country_code

    return None if not value or is_country_code(value) else f"{value!r} is not an ISO 3166 alpha-3 country code"


def _sector(value: str) -> str | None:
    return None if not value or re.fullmatch(r"[A-Z]{3}", value) else f"{value!r} is not a three-letter sector code"


def _cameo(value: str) -> str | None:
    return None if not value or re.fullmatch(r"(?:[A-Z]{3})+", value) else f"{value!r} is not a CAMEO actor code"


def _date(value: str) -> str | None:
    return None if not value or _DATE.match(value) else f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"


def _number(value: str) -> str | None:
    try:
        float(value)
    except ValueError:
        return f"{value!r} is not a number"
    return None


def _optional_number(value: str) -> str | None:
    return _number(value) if value else None


def _required(value: str) -> str | None:
    return None if value.strip() else "is empty"


def _one_of(*allowed: str):
    def check(value: str) -> str | None:
        return None if value in allowed else f"{value!r} is not one of {', '.join(repr(a) for a in allowed)}"

    return check


# file -> {column: check or None}; every column listed must be in the header, no other may be
TSV: dict[str, dict[str, Any]] = {
    "actors/countries.tsv": {"country": _country, "names": _required, "demonyms": None},
    "actors/organisations.tsv": {
        "name": _required, "aliases": None, "type": _one_of("ORG", "GPE"), "country": _country, "sector": _sector,
        "cameo": _cameo, "source": _required,
    },
    "actors/people.tsv": {
        "name": _required, "aliases": None, "gender": _one_of("m", "f", "-", ""), "country": _country,
        "sector": _sector, "role": None, "from": _date, "to": _date, "source": _required,
    },
    "places/regions.tsv": {"name": _required, "aliases": None, "country": _country, "lat": _number, "lon": _number},
    "places/aliases.tsv": {
        "alias": _required, "kind": _one_of("city", "admin"), "name": _required, "country": _country,
    },
    "events/cameo.tsv": {
        "code": _required, "root": _required, "name": _required, "goldstein": _number,
        "quad_class": _one_of("1", "2", "3", "4"),
        "plover": None, "plover_mode": None, "plover_context": None,
    },
}

FILES: tuple[str, ...] = tuple(sorted(YAML)) + tuple(sorted(TSV))


def check_yaml(name: str, data: Any) -> tuple[tuple, str] | None:
    """(where, what is wrong) of the first problem of a YAML file's data, or None."""
    try:
        YAML[name].model_validate(data, strict=False)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p in ("root",)) or p != "root")
        message = "unknown key (misspelt?)" if err["type"] == "extra_forbidden" else err["msg"]
        return loc, message
    return None


def check_header(name: str, columns: list[str]) -> str | None:
    expected = TSV[name]
    unknown = [c for c in columns if c not in expected]
    if unknown:
        return f"unknown column {unknown[0]!r} (the columns are: {', '.join(expected)})"
    missing = [c for c in expected if c not in columns]
    if missing:
        return f"missing column {missing[0]!r}"
    return None


def check_row(name: str, row: dict[str, str]) -> tuple[str, str] | None:
    for column, check in TSV[name].items():
        problem = check(row.get(column, "")) if check else None
        if problem:
            return column, problem
    return None


def check_references(kb: Knowledge) -> None:
    """The checks across files; raises KnowledgeError naming the file and the entry."""
    from newsgraph.knowledge import KnowledgeError

    codes = {row["code"] for row in kb.file("events/cameo.tsv")}
    sectors = set(kb.file("actors/sectors.yaml"))
    plover = kb.file("events/plover.yaml")
    patterns = kb.file("events/patterns.yaml")

    def fail(name: str, where: str, message: str) -> None:
        raise KnowledgeError(f"{kb.sources(name)[-1]}: {where}: {message}")

    for kind in ("verbs", "nouns"):
        for n, entry in enumerate(patterns[kind]):
            for key in ("code", "negated_code", "person_code", "force_code"):
                if entry.get(key) and str(entry[key]) not in codes:
                    where = f"{kind}.{n} ({entry[kind[:-1]]})"
                    fail("events/patterns.yaml", where, f"{key} {entry[key]} is not a CAMEO code")
    senses = kb.file("events/senses.yaml")
    for sector in senses["civil_sectors"]["sectors"]:
        if sector not in sectors:
            fail("events/senses.yaml", f"civil_sectors: {sector}", "not a sector of actors/sectors.yaml")
    for code in senses["person_codes"]:
        if str(code) not in codes:
            fail("events/senses.yaml", f"person_codes: {code}", "not a CAMEO code")
    for mood, table in patterns["moods"].items():
        for prefix, code in table.items():
            if str(code) not in codes:
                fail("events/patterns.yaml", f"moods.{mood}.{prefix}", f"{code} is not a CAMEO code")
    for code, kind in (plover.get("from_cameo") or {}).items():
        if kind not in plover["types"]:
            fail("events/plover.yaml", f"from_cameo.{code}", f"{kind} is not a PLOVER type of types")
    for row in kb.file("events/cameo.tsv"):
        if row["plover"] and row["plover"] not in plover["types"]:
            fail("events/cameo.tsv", f"code {row['code']}", f"{row['plover']} is not a PLOVER type of plover.yaml")
    non_state = kb.file("export/plover.yaml")["non_state"]
    for code in (*non_state["by_name"], *non_state["by_sector"].values()):
        if code not in non_state["codes"]:
            fail("export/plover.yaml", f"non_state: {code}", "not one of the non-state codes of non_state.codes")
    for name in ("actors/people.tsv", "actors/organisations.tsv"):
        for row in kb.file(name):
            if row["sector"] and row["sector"] not in sectors:
                fail(name, f"{row['name']}", f"sector {row['sector']} is not a sector of actors/sectors.yaml")

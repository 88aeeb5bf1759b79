"""The knowledge files of the actors stage, read once each and indexed for look-up.

Every list of words, country, organisation and person lives in ``newsgraph/data/actors``;
this module only turns those files into dictionaries (see docs/actors.md for the files).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from newsgraph.knowledge import derived, load_tsv, load_yaml

SHORT = 3  # names this short (US, UK, AP) match with their case; longer names ignore case


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The form names are compared in: case, accents and white space folded, a leading 'the' and
    dots dropped ("Erdoğan" and "Erdogan" are one name)."""
    name = " ".join(_fold_accents(name.replace("’", "'")).split())
    if name[:4].lower() == "the ":
        name = name[4:]
    if len(name.replace(".", "")) <= SHORT and name.replace(".", "").isupper():
        return name.replace(".", "")
    return name.replace(".", "").lower()


@functools.lru_cache(maxsize=65536)
def _fold_accents(text: str) -> str:
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def actor_id(name: str) -> str:
    """The stable id of an actor of the knowledge files: "kb:" and its canonical name (or country
    code) in lower case, accents folded, runs of other characters as one hyphen ("kb:donald-trump")."""
    return "kb:" + "-".join(re.findall(r"[a-z0-9]+", _fold_accents(name).lower()))


@dataclass(frozen=True, slots=True)
class Organisation:
    name: str
    type: str
    country: str | None
    sector: str | None
    cameo: str | None = None  # its own CAMEO code, for an actor with no country (IGOUNO)


@dataclass(frozen=True, slots=True)
class Role:
    country: str | None
    sector: str | None
    title: str
    start: str  # YYYY-MM-DD or ""
    end: str


@dataclass(slots=True)
class Person:
    name: str
    gender: str
    roles: list[Role] = field(default_factory=list)

    def role_at(self, date: str | None) -> Role | None:
        """The role held on ``date`` (the latest one without a date); None when none fits."""
        if not self.roles:
            return None
        if date is None:
            return max(self.roles, key=lambda r: r.start or "0")
        held = [r for r in self.roles if (r.start or "0") <= date <= (r.end or "9")]
        return max(held, key=lambda r: r.start or "0") if held else None


@dataclass(frozen=True, slots=True)
class SectorLexicon:
    overriding: dict[str, str]
    phrases: tuple[tuple[str, str], ...]  # (phrase, code), longest first
    modifiers: dict[str, str]
    heads: dict[str, str]
    weak: dict[str, str]


@dataclass(frozen=True, slots=True)
class Nouns:
    person: frozenset[str]
    collective: frozenset[str]
    organisation: frozenset[str]
    polity: frozenset[str]
    sovereign: frozenset[str]
    instruments: frozenset[str]
    leader: frozenset[str]
    quantity: frozenset[str]
    relational: frozenset[str]
    past: frozenset[str]
    agents: frozenset[str]
    counterparts: frozenset[str]
    document: frozenset[str]
    honorifics: dict[str, str]
    pronouns: dict[str, tuple[str, str, int]]
    quantifiers: frozenset[str]
    abbreviations: dict[str, str]
    ship_prefixes: dict[str, str]
    country_suffixes: frozenset[str]


_USER_ASSIGNED = re.compile(r"AA[A-Z]|Q[M-Z][A-Z]|X[A-Z]{2}|ZZ[A-Z]")  # ISO 3166-1 codes left to users (XKX)


def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code, or one of the ranges ISO leaves to users (Kosovo's XKX)."""
    import pycountry

    return bool(_USER_ASSIGNED.fullmatch(code)) or pycountry.countries.get(alpha_3=code) is not None


@derived
def countries() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name key -> alpha-3, demonym -> alpha-3, alpha-3 -> canonical name)."""
    import pycountry

    names: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                names.setdefault(name_key(n), c.alpha_3)
        canonical[c.alpha_3] = getattr(c, "common_name", None) or c.name
    demonyms: dict[str, str] = {}
    for row in load_tsv("actors/countries.tsv"):
        listed = row["names"].split("|")
        canonical[row["country"]] = listed[0]
        for n in listed:
            names[name_key(n)] = row["country"]
        for d in row["demonyms"].split("|"):
            if d:
                demonyms[d.lower()] = row["country"]
    return names, demonyms, canonical


@derived
def subdivisions() -> dict[str, str]:
    """Name key of a state, province or region (ISO 3166-2 first-level subdivisions of the types of
    places/subdivisions.yaml, and the gazetteer's US states) -> the alpha-3 code of its country; a name that
    could say another country (a country's name, a subdivision or city elsewhere) is left out."""
    import pycountry

    spec = load_yaml("places/subdivisions.yaml")
    types, ordinary = set(spec["types"]), {name_key(w) for w in spec["not_places"]}
    suffixes = re.compile(r",?\s+(?:" + "|".join(re.escape(w) for w in spec["suffixes"]) + r")$")
    found: dict[str, set[str]] = {}

    def add(name: str, country_code: str) -> None:
        country = pycountry.countries.get(alpha_2=country_code)
        for form in {name, suffixes.sub("", name), *re.findall(r"[^\[\]]+", name)}:
            if form.strip() and country is not None:
                found.setdefault(name_key(form.strip()), set()).add(country.alpha_3)

    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in types:
            add(sub.name, sub.country_code)
    for code, name in spec["english"].items():
        add(name, code.split("-")[0])
    from newsgraph.gazetteer import gazetteer, prominent  # the gazetteer reads this module's country names

    for key, readings in gazetteer().items():
        if any(p.kind == "admin" for p in readings):
            found.setdefault(key, set()).update(p.country for p in readings if p.kind == "admin")
    for key, readings in gazetteer().items():
        if key in found:
            found[key] |= {p.country for p in readings if p.kind == "city" and prominent(p)}
    country_names = countries()[0]
    return {key: next(iter(codes)) for key, codes in found.items()
            if len(codes) == 1 and key not in country_names and key not in ordinary}


@derived
def organisations() -> dict[str, Organisation]:
    """Name key of every name and alias -> the organisation."""
    out: dict[str, Organisation] = {}
    names: dict[str, list[str]] = {}  # name key -> every name of its organisation
    rows = []
    for row in load_tsv("actors/organisations.tsv"):
        org = Organisation(row["name"], row["type"] or "ORG", row["country"] or None, row["sector"] or None,
                           row["cameo"] or None)
        own = [n for n in [row["name"], *row["aliases"].split("|")] if n]
        rows.append((org, own))
        for n in own:
            out.setdefault(name_key(n), org)
            names.setdefault(name_key(n), own)
    # a body named after its parent's abbreviation is named by any of the parent's names: "UN
    # Security Council" is also "United Nations Security Council"
    for org, own in rows:
        for n in own:
            head, _, rest = n.partition(" ")
            parent = out.get(name_key(head)) if rest and head.replace(".", "").isupper() else None
            if parent is not None and parent is not org:
                for name in names[name_key(head)]:
                    out.setdefault(name_key(f"{name} {rest}"), org)
    return out


@derived
def people() -> tuple[dict[str, Person], dict[str, tuple[Person, ...]]]:
    """(name key of every full name -> person, lower-case surname -> the people bearing it)."""
    by_name: dict[str, Person] = {}
    by_word: dict[str, set[str]] = {}
    persons: dict[str, Person] = {}
    for row in load_tsv("actors/people.tsv"):
        person = persons.setdefault(row["name"], Person(row["name"], row["gender"] or "-"))
        role = Role(row["country"] or None, row["sector"] or None, row["role"], row["from"], row["to"])
        person.roles.append(role)
        for n in [row["name"], *row["aliases"].split("|")]:
            if n and " " in n:
                by_name[name_key(n)] = person
            elif n:  # a one-word alias is the name used alone: "Xi" (family name first), "Lula"
                by_word.setdefault(name_key(n), set()).add(row["name"])
    surnames: dict[str, list[Person]] = {}
    for person in persons.values():
        surnames.setdefault(name_key(person.name.split()[-1]), []).append(person)
    for word, names in by_word.items():
        for name in sorted(names):
            if persons[name] not in surnames.setdefault(word, []):
                surnames[word].append(persons[name])
    return by_name, {k: tuple(v) for k, v in surnames.items()}


@derived
def sectors() -> SectorLexicon:
    """The words of sectors.yaml by kind: overriding words, phrases (longest first), modifiers, heads,
    weak modifiers."""
    spec = load_yaml("actors/sectors.yaml")
    phrases, modifiers, heads, weak, overriding = [], {}, {}, {}, {}
    for code, entry in spec.items():
        overriding.update((w.lower(), code) for w in entry.get("overriding", []))
        phrases += [(p.lower(), code) for p in entry.get("phrases", [])]
        modifiers.update((w.lower(), code) for w in entry.get("modifiers", []))
        heads.update((w.lower(), code) for w in entry.get("heads", []))
        weak.update((w.lower(), code) for w in entry.get("weak", []))
    phrases.sort(key=lambda p: -len(p[0]))
    return SectorLexicon(overriding, tuple(phrases), modifiers, heads, weak)


@derived
def nouns() -> Nouns:
    """The word classes of nouns.yaml; the role words of sectors.yaml count as person nouns."""
    spec = load_yaml("actors/nouns.yaml")
    organisation = frozenset(spec["organisation"]) | frozenset(spec["collective"])
    role_words = {w for w in sectors().heads if " " not in w} - organisation
    pronouns = {k: (v[0], v[1], int(v[2])) for k, v in spec["pronouns"].items()}
    return Nouns(
        person=frozenset(spec["person"]) | frozenset(role_words),
        collective=frozenset(spec["collective"]),
        organisation=frozenset(spec["organisation"]),
        polity=frozenset(spec.get("polity") or ()),
        sovereign=frozenset(spec.get("sovereign") or ()),
        instruments=frozenset(spec.get("instruments") or ()),
        leader=frozenset(spec["leader"]),
        quantity=frozenset(spec["quantity"]),
        relational=frozenset(spec["relational"]),
        past=frozenset(spec.get("past") or ()),
        agents=frozenset(spec.get("agents") or ()),
        counterparts=frozenset(spec.get("counterparts") or ()),
        document=frozenset(spec["document"]),
        honorifics={k: str(v) for k, v in spec["honorifics"].items()},
        pronouns=pronouns,
        quantifiers=frozenset(spec["quantifiers"]),
        abbreviations={k.lower(): v for k, v in (spec.get("abbreviations") or {}).items()},
        ship_prefixes=dict(spec.get("ship_prefixes") or {}),
        country_suffixes=frozenset(spec.get("country_suffixes") or ()),
    )


@derived
def given_names() -> dict[str, str]:
    """Given name -> "m" or "f"."""
    spec = load_yaml("actors/given_names.yaml")
    return {name: gender for gender in ("m", "f") for name in spec[gender]}


@derived
def slips() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(time zones, all-capital page words, words that are no name)."""
    spec = load_yaml("actors/slips.yaml")
    return frozenset(spec["time_zones"]), frozenset(spec["page_words"]), frozenset(spec["not_names"])


@derived
def sector_phrases() -> re.Pattern:
    """One pattern finding every multi-word sector phrase, longest first, as whole words."""
    alternatives = "|".join(re.escape(p) for p, _ in sectors().phrases)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)")

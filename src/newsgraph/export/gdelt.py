"""The GDELT 2.0 events table: 61 tab-separated columns, one row per event, no header.

Which column holds what is data (``data/export/gdelt.yaml``); this module computes the
fields per event and writes them in that order, leaving the unfillable columns empty.
An event's places are those of the report in the article that reported it first
(``export/places.py``), with the GeoNames facts the analysis stored for them (``newsgraph.gazetteer``).
"""

from __future__ import annotations

from typing import IO, Any

from newsgraph.export.places import EVENT_PLACES, PLACE_COLUMNS
from newsgraph.gazetteer import country_row
from newsgraph.knowledge import derived, load_yaml
from newsgraph.store.schema import EVENT_TONES

ROLES = {"action": "action_geo", "actor1": "actor1_geo", "actor2": "actor2_geo"}

_EVENTS_SQL = """
    WITH {places},
    first_mention AS (
        SELECT m.event_id, m.article_id, min(m.seq) AS seq FROM event_mentions m
        JOIN events e ON e.event_id = m.event_id AND e.first_article = m.article_id
        GROUP BY m.event_id, m.article_id),
    counts AS (
        SELECT m.event_id, count(*) AS n_mentions, count(DISTINCT m.article_id) AS n_articles,
               count(DISTINCT coalesce(a.publisher, nullif(regexp_extract(a.url, '^[a-zA-Z]+://([^/]+)', 1), ''),
                                       '')) AS n_sources,
               strftime(min({added}) AT TIME ZONE 'UTC', '%Y%m%d%H%M%S') AS date_added
        FROM event_mentions m JOIN articles a USING (article_id) GROUP BY m.event_id),
    {tones}
    SELECT e.event_id, e.day, e.cameo, e.quad_class, e.goldstein, c.n_mentions, c.n_articles, c.n_sources,
           c.date_added, t.avg_tone,
           sa.code AS s_code, sa.name AS s_name, sa.country AS s_country, sa.sector AS s_sector,
           ta.code AS t_code, ta.name AS t_name, ta.country AS t_country, ta.sector AS t_sector,
           coalesce(fa.url, fa.path) AS source_url, coalesce(root.is_root, false) AS is_root,
           {geo}
    FROM events e
    LEFT JOIN actors sa ON sa.actor_id = e.source_actor
    LEFT JOIN actors ta ON ta.actor_id = e.target_actor
    LEFT JOIN articles fa ON fa.article_id = e.first_article
    LEFT JOIN counts c ON c.event_id = e.event_id
    LEFT JOIN event_tones t ON t.event_id = e.event_id
    LEFT JOIN first_mention fm ON fm.event_id = e.event_id
    {geo_joins}
    LEFT JOIN (SELECT m.event_id, bool_or(m.evidence_start < lead.lead_end) AS is_root FROM event_mentions m
               JOIN (SELECT article_id, min(end_char) FILTER (WHERE kind = 'body') AS lead_end FROM zones
                     GROUP BY article_id) lead USING (article_id)
               GROUP BY m.event_id) root ON root.event_id = e.event_id
    WHERE NOT e.negated AND coalesce(e.confidence, 0) >= {min_confidence}
    ORDER BY e.day NULLS LAST, e.event_id"""


def events_sql(con, min_confidence: float | None = None) -> str:
    """The query of every event with what its GDELT row needs (DATEADDED null in stores too old to
    have kept when their articles were added)."""
    has_added = con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles' "
                            "AND column_name = 'added'").fetchone()[0]
    geo = ", ".join(f"{role}.{col} AS {role}_{col}" for role in ROLES
                    for col in PLACE_COLUMNS)
    joins = "\n    ".join(f"LEFT JOIN event_places {role} ON {role}.article_id = fm.article_id "
                          f"AND {role}.seq = fm.seq AND {role}.role = '{role}'" for role in ROLES)
    return _EVENTS_SQL.format(places=EVENT_PLACES, tones=EVENT_TONES,
                              added="a.added" if has_added else "NULL::TIMESTAMPTZ",
                              geo=geo, geo_joins=joins, min_confidence=float(min_confidence or 0.0))


@derived
def gdelt_columns() -> tuple[tuple[str, str], ...]:
    """(GDELT column, newsgraph field) in GDELT's order: 61 of them."""
    return tuple((name, field) for name, field in load_yaml("export/gdelt.yaml")["columns"])


def write_gdelt(con, out: IO[str], min_confidence: float | None = None) -> int:
    """Write every event (negated ones are not events in GDELT's sense) at least ``min_confidence``
    confident as a GDELT row."""
    columns = gdelt_columns()
    cursor = con.execute(events_sql(con, min_confidence))
    names = [d[0] for d in cursor.description]
    count = 0
    while rows := cursor.fetchmany(10_000):
        for row in rows:
            fields = event_fields(dict(zip(names, row, strict=True)))
            out.write("\t".join(_cell(fields.get(field)) for _, field in columns) + "\n")
        count += len(rows)
    return count


def event_fields(row: dict[str, Any]) -> dict[str, Any]:
    """The GDELT fields of one event row (names as in ``data/export/gdelt.yaml``)."""
    day, cameo = row["day"], row["cameo"]
    out: dict[str, Any] = {
        "event_id": row["event_id"], "event_code": cameo, "event_base_code": cameo[:3],
        "event_root_code": cameo[:2], "quad_class": row["quad_class"], "goldstein": row["goldstein"],
        "num_mentions": row["n_mentions"], "num_sources": row["n_sources"], "num_articles": row["n_articles"],
        "date_added": row["date_added"], "source_url": row["source_url"], "is_root": int(row["is_root"]),
        "avg_tone": row["avg_tone"],
    }
    if day is not None:
        out.update(sqldate=day.strftime("%Y%m%d"), monthyear=day.strftime("%Y%m"), year=day.year,
                   fraction_date=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}")
    for n, side in ((1, "s"), (2, "t")):
        out[f"actor{n}_code"] = row[f"{side}_code"]
        out[f"actor{n}_name"] = row[f"{side}_name"].upper() if row[f"{side}_name"] else None
        out[f"actor{n}_country"] = row[f"{side}_country"]
        out[f"actor{n}_type1"] = row[f"{side}_sector"]
    for role, prefix in ROLES.items():
        place = {col: row[f"{role}_{col}"] for col in PLACE_COLUMNS}
        out.update({f"{prefix}_{key}": value for key, value in geo_fields(place).items()})
    return out


def geo_fields(place: dict[str, Any]) -> dict[str, Any]:
    """GDELT's geo fields of a stored place (type, full name, FIPS country, ADM1, lat/long, FeatureID);
    none for a place without a GeoNames id or coordinates (a region), as GDELT places only what its
    gazetteer holds."""
    if place["geonameid"] is None or place["lat"] is None or place["lon"] is None or not place["country_fips"]:
        return {}
    kind, fips, adm1 = place["kind"], place["country_fips"], place["adm1"]
    if kind == "country":  # as GDELT writes a country: its FIPS code stands for its ADM1 and feature
        feature = fips
    elif kind == "admin" and place["country"] == "USA":  # a US state: GDELT gives its postal code
        feature = adm1[len(fips):]
    else:
        feature = place["geonameid"]
    country = country_row(place["country"])
    full = ", ".join(dict.fromkeys(p for p in (place["name"], place["adm1_name"], country and country["name"]) if p))
    return {"type": geo_type(kind, place["country"]), "name": full, "country": fips, "adm1": adm1,
            "lat": place["lat"], "lon": place["lon"], "feature_id": feature}


def geo_type(kind: str | None, country: str | None) -> int | None:
    """GDELT's geo type of a place kind: US states and cities have their own types."""
    data = load_yaml("export/gdelt.yaml")
    if country == "USA" and kind in data["us_kinds"]:
        return data["us_kinds"][kind]
    return data["geo_types"].get(kind)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # a tab or newline inside a name would shift every later column
    return " ".join(str(value).split())

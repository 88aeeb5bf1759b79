"""The GDELT 2.0 events table: 61 tab-separated columns, one row per event, no header.

Which column holds what is data (``data/export/gdelt.yaml``); this module computes the
fields per event and writes them in that order, leaving the unfillable columns empty.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from newsgraph.knowledge import derived, load_yaml

_EVENTS_SQL = """
    SELECT e.event_id, e.day, e.cameo, e.quad_class, e.goldstein, e.n_mentions, e.n_articles,
           sa.code AS s_code, sa.name AS s_name, sa.country AS s_country, sa.sector AS s_sector,
           ta.code AS t_code, ta.name AS t_name, ta.country AS t_country, ta.sector AS t_sector,
           src.n_sources, coalesce(fa.url, fa.path) AS source_url, coalesce(root.is_root, false) AS is_root,
           p.kind AS place_kind, p.name AS place_name, p.country AS place_country, p.lat, p.lon
    FROM events e
    LEFT JOIN actors sa ON sa.actor_id = e.source_actor
    LEFT JOIN actors ta ON ta.actor_id = e.target_actor
    LEFT JOIN articles fa ON fa.article_id = e.first_article
    LEFT JOIN (SELECT m.event_id, count(DISTINCT a.publisher) AS n_sources FROM event_mentions m
               JOIN articles a USING (article_id) GROUP BY m.event_id) src ON src.event_id = e.event_id
    LEFT JOIN (SELECT event_id, article_id, place FROM event_mentions
               QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY article_id, seq) = 1) fm
           ON fm.event_id = e.event_id
    LEFT JOIN places p ON p.article_id = fm.article_id AND p.place_id = fm.place
    LEFT JOIN (SELECT m.event_id, bool_or(m.evidence_start < lead.lead_end) AS is_root FROM event_mentions m
               JOIN (SELECT article_id, min(end_char) FILTER (WHERE kind = 'body') AS lead_end FROM zones
                     GROUP BY article_id) lead USING (article_id)
               GROUP BY m.event_id) root ON root.event_id = e.event_id
    WHERE NOT e.negated
    ORDER BY e.day NULLS LAST, e.event_id"""


@derived
def gdelt_columns() -> tuple[tuple[str, str], ...]:
    """(GDELT column, newsgraph field) in GDELT's order: 61 of them."""
    return tuple((name, field) for name, field in load_yaml("export/gdelt.yaml")["columns"])


def write_gdelt(con, path: Path) -> int:
    """Write every event (negated ones are not events in GDELT's sense) as a GDELT row."""
    columns = gdelt_columns()
    cursor = con.execute(_EVENTS_SQL)
    names = [d[0] for d in cursor.description]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
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
        "num_mentions": row["n_mentions"], "num_sources": row["n_sources"] or None,
        "num_articles": row["n_articles"], "source_url": row["source_url"], "is_root": int(row["is_root"]),
    }
    if day is not None:
        out.update(sqldate=day.strftime("%Y%m%d"), monthyear=day.strftime("%Y%m"), year=day.year,
                   fraction_date=f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}")
    for n, side in ((1, "s"), (2, "t")):
        out[f"actor{n}_code"] = row[f"{side}_code"]
        out[f"actor{n}_name"] = row[f"{side}_name"].upper() if row[f"{side}_name"] else None
        out[f"actor{n}_country"] = row[f"{side}_country"]
        out[f"actor{n}_type1"] = row[f"{side}_sector"]
    if row["place_name"]:
        out.update(action_geo_type=geo_type(row["place_kind"], row["place_country"]),
                   action_geo_name=row["place_name"], action_geo_lat=row["lat"], action_geo_lon=row["lon"])
    return out


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

"""PLOVER JSON records (JSONL): one per event mention, as the PLOVER manual (0.8) lays out.

A PLOVER record is coded from one text, so each sighting of an event in an article is a
record; ``link`` carries the event id shared by the sightings of the same event. Events
whose CAMEO code has no PLOVER type (CAMEO 01, public statements) are left out; negated
events are written with ``has_event: false``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsgraph import __version__

_MENTIONS_SQL = """
    SELECT m.article_id, m.seq, m.event_id, m.evidence, m.evidence_start, m.evidence_end,
           m.source_start, m.source_end, m.target_start, m.target_end,
           e.date, e.day, e.cameo, e.plover, e.goldstein, e.quad_class, e.negated, e.n_mentions, e.n_articles,
           e.source_actor, se.name AS s_name, se.country AS s_country, se.code AS s_code, se.sector AS s_sector,
           e.target_actor, te.name AS t_name, te.country AS t_country, te.code AS t_code, te.sector AS t_sector,
           a.url, a.path, a.headline, a.publisher, a.language, a.text,
           p.name AS place_name, p.country AS place_country, p.lat, p.lon, p.kind AS place_kind
    FROM event_mentions m JOIN events e USING (event_id) JOIN articles a USING (article_id)
    LEFT JOIN entities se ON se.article_id = m.article_id AND se.entity_id = m.source
    LEFT JOIN entities te ON te.article_id = m.article_id AND te.entity_id = m.target
    LEFT JOIN places p ON p.article_id = m.article_id AND p.place_id = m.place
    WHERE e.plover IS NOT NULL
    ORDER BY m.article_id, m.seq"""


def write_plover(con, path: Path) -> int:
    """Write the PLOVER records of every event mention with a PLOVER type."""
    cursor = con.execute(_MENTIONS_SQL)
    names = [d[0] for d in cursor.description]
    count = 0
    with path.open("w", encoding="utf-8") as out:
        while rows := cursor.fetchmany(10_000):
            for row in rows:
                out.write(json.dumps(plover_record(dict(zip(names, row, strict=True))), ensure_ascii=False) + "\n")
            count += len(rows)
    return count


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One PLOVER record from an event mention joined with its event, actors, article and place."""
    mode, context = _mode_context(row["cameo"])
    record: dict[str, Any] = {
        "id": f"{row['article_id']}-{row['seq']}",
        "has_event": not row["negated"],
        "date": row["day"].isoformat() if row["day"] else None,
        "actor": _entities(row, "s"),
        "recipient": _entities(row, "t"),
        "event": [row["plover"]],
        "mode": [mode] if mode else [],
        "context": [context] if context else [],
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "link": str(row["event_id"]),
        "text": row["evidence"],
        "text_info": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cite_info": {"url": row["url"], "citation": row["path"], "title": row["headline"],
                      "publication": row["publisher"], "language": row["language"],
                      "coder": f"newsgraph {__version__}", "codebook": "CAMEO mapped to PLOVER (data/events)"},
        "coder": f"newsgraph {__version__}",
        # beyond the manual's fields, as it allows: the CAMEO code and the cross-article counts
        "cameo": row["cameo"], "date_text": row["date"],
        "n_mentions": row["n_mentions"], "n_articles": row["n_articles"],
    }
    if row["place_name"]:
        record["event_loc"] = {"extracted_place": row["place_name"], "resolved_place": row["place_name"],
                               "lat": row["lat"], "lon": row["lon"], "country_code": row["place_country"]}
    return record


def _entities(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    role = "source" if side == "s" else "target"
    actor = row[f"{role}_actor"]
    if actor is None:
        return []
    start, end = row[f"{role}_start"], row[f"{role}_end"]
    code = row[f"{side}_code"]
    return [{
        "code": row[f"{side}_country"] or (code[:3] if code else None),
        "sector": row[f"{side}_sector"],
        "entity_text": row["text"][start:end] if start is not None else row[f"{side}_name"],
        "identifier_id": actor,
        "identifier_text": row[f"{side}_name"],
    }]


def _mode_context(cameo: str) -> tuple[str | None, str | None]:
    """PLOVER mode and context of a CAMEO code, from the event ontology when it is there."""
    try:
        from newsgraph.events.ontology import codes
    except ImportError:
        return None, None
    code = codes().get(cameo)
    return (code.plover_mode, code.plover_context) if code else (None, None)

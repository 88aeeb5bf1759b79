"""Where each event report took place, and where its actors were, as the exports place them.

GDELT places an event (ActionGeo) and each actor (Actor1Geo, Actor2Geo) at the place named
closest to the action or the actor in the text. Here: the place the events stage gave the report,
else the place mentioned nearest to the report's evidence (for the actors: to the actor's mention)
in the same zone (paragraph, headline, dateline ...), earlier before later at equal distance.
A place named in another paragraph is not taken: it is rarely where the event happened.

``EVENT_PLACES`` is a common table expression (``WITH ...``) with one row per report and role
(``action``, ``actor1``, ``actor2``) that has a place: ``article_id``, ``seq``, ``role``,
``place_id``, ``place_text`` (the nearest mention of it), and the place's columns as the analysis
stored them (``name``, ``kind``, ``country``, ``lat``, ``lon``, ``geonameid``, ``feature_class``,
``country_fips``, ``adm1``, ``adm1_name``): the exports look nothing up again.
"""

from __future__ import annotations

# a place's stored columns that the exports read
PLACE_COLUMNS = ("name", "kind", "country", "lat", "lon", "geonameid", "feature_class", "country_fips", "adm1",
                 "adm1_name")

_DISTANCE = "abs(pm.start_char - n.at) * 2 + (pm.start_char > n.at)::INTEGER"

EVENT_PLACES = f"""
    anchors AS (
        SELECT article_id, seq, 'action' AS role, place AS given, evidence_start AS at FROM event_mentions
        UNION ALL SELECT article_id, seq, 'actor1', NULL, source_start FROM event_mentions
                  WHERE source_start IS NOT NULL
        UNION ALL SELECT article_id, seq, 'actor2', NULL, target_start FROM event_mentions
                  WHERE target_start IS NOT NULL),
    zoned AS (
        SELECT n.*, z.start_char AS zone_start, z.end_char AS zone_end FROM anchors n
        LEFT JOIN zones z ON z.article_id = n.article_id AND n.at >= z.start_char AND n.at < z.end_char),
    chosen AS (
        SELECT n.article_id, n.seq, n.role, coalesce(any_value(n.given), arg_min(pm.ref, {_DISTANCE})) AS place_id,
               arg_min(pm.text, {_DISTANCE}) AS place_text
        FROM zoned n LEFT JOIN mentions pm ON pm.article_id = n.article_id AND pm.kind = 'place'
             AND (pm.ref = n.given OR (n.given IS NULL AND pm.start_char >= n.zone_start
                                       AND pm.end_char <= n.zone_end))
        GROUP BY n.article_id, n.seq, n.role),
    event_places AS (
        SELECT c.*, {", ".join(f"p.{col}" for col in PLACE_COLUMNS)} FROM chosen c
        JOIN places p ON p.article_id = c.article_id AND p.place_id = c.place_id)"""

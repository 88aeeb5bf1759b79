"""The tables of a newsgraph store (DuckDB), their keys and types.

docs/store.md explains every column. Article rows are keyed by the record id (a hash of
the text), so ingesting the same article twice adds nothing. Rows of the other per-article
tables carry the article id and a sequence number. Two keys join articles together:
``actor_id`` (one actor across articles, by canonical name and code) and ``event_id``
(one event across articles, by source actor, target actor, CAMEO code, date and negation).
"""

from __future__ import annotations

from newsgraph.export.places import EVENT_PLACES

SCHEMA_VERSION = 1

# table -> (columns with types, primary key); the order of columns is the order of rows
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "articles": ((
        ("article_id", "VARCHAR"), ("path", "VARCHAR"), ("url", "VARCHAR"), ("format", "VARCHAR"),
        ("line", "INTEGER"), ("headline", "VARCHAR"), ("standfirst", "VARCHAR"), ("byline", "VARCHAR"),
        ("publisher", "VARCHAR"), ("language", "VARCHAR"), ("published", "DATE"),
        ("published_source", "VARCHAR"), ("n_chars", "INTEGER"), ("n_words", "INTEGER"),
        ("n_entities", "INTEGER"), ("n_quotes", "INTEGER"), ("n_events", "INTEGER"),
        ("text", "VARCHAR"), ("record", "VARCHAR"), ("tone", "DOUBLE"),
    ), ("article_id",)),
    "zones": ((
        ("article_id", "VARCHAR"), ("seq", "INTEGER"), ("kind", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"),
    ), ("article_id", "seq")),
    "entities": ((
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"),
        ("type", "VARCHAR"), ("country", "VARCHAR"), ("sector", "VARCHAR"), ("code", "VARCHAR"),
        ("titles", "VARCHAR[]"), ("n_mentions", "INTEGER"),
    ), ("article_id", "entity_id")),
    "mentions": ((
        ("article_id", "VARCHAR"), ("kind", "VARCHAR"), ("ref", "VARCHAR"), ("seq", "INTEGER"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("text", "VARCHAR"),
    ), ("article_id", "kind", "ref", "seq")),
    "quotes": ((
        ("article_id", "VARCHAR"), ("seq", "INTEGER"), ("speaker", "VARCHAR"), ("speaker_actor", "VARCHAR"),
        ("speaker_name", "VARCHAR"), ("kind", "VARCHAR"), ("medium", "VARCHAR"), ("stance", "VARCHAR"),
        ("content_start", "INTEGER"), ("content_end", "INTEGER"), ("content", "VARCHAR"),
        ("cue_start", "INTEGER"), ("cue_end", "INTEGER"), ("cue", "VARCHAR"),
        ("speaker_start", "INTEGER"), ("speaker_end", "INTEGER"),
    ), ("article_id", "seq")),
    "events": ((
        ("event_id", "BIGINT"), ("source_actor", "VARCHAR"), ("target_actor", "VARCHAR"),
        ("cameo", "VARCHAR"), ("root", "VARCHAR"), ("plover", "VARCHAR"), ("goldstein", "DOUBLE"),
        ("quad_class", "INTEGER"), ("negated", "BOOLEAN"), ("date", "VARCHAR"), ("day", "DATE"),
        ("date_source", "VARCHAR"), ("n_mentions", "INTEGER"), ("n_articles", "INTEGER"),
        ("first_article", "VARCHAR"), ("confidence", "DOUBLE"),  # the most confident mention's
    ), ("event_id",)),
    "event_mentions": ((
        ("event_id", "BIGINT"), ("article_id", "VARCHAR"), ("seq", "INTEGER"), ("source", "VARCHAR"),
        ("target", "VARCHAR"), ("source_start", "INTEGER"), ("source_end", "INTEGER"),
        ("target_start", "INTEGER"), ("target_end", "INTEGER"), ("place", "VARCHAR"),
        ("evidence_start", "INTEGER"), ("evidence_end", "INTEGER"), ("evidence", "VARCHAR"),
        ("confidence", "DOUBLE"), ("tone", "DOUBLE"),
    ), ("article_id", "seq")),
    "places": ((
        ("article_id", "VARCHAR"), ("place_id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("n_mentions", "INTEGER"),
        ("geonameid", "BIGINT"), ("feature_class", "VARCHAR"), ("country_fips", "VARCHAR"), ("adm1", "VARCHAR"),
        ("adm1_name", "VARCHAR"), ("population", "BIGINT"),
    ), ("article_id", "place_id")),
    "times": ((
        ("article_id", "VARCHAR"), ("seq", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("value", "VARCHAR"), ("granularity", "VARCHAR"),
    ), ("article_id", "seq")),
    "failures": ((
        ("input", "VARCHAR"), ("reason", "VARCHAR"),
    ), ("input",)),
}

# columns the store fills itself as a row is inserted, not part of a record's rows (so the staged
# and compared rows of both engines stay the same whenever they are made): when an article was
# stored (GDELT's DATEADDED). Older stores get the column, null for the rows they held.
STORE_FILLED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "articles": (("added", "TIMESTAMPTZ", "current_timestamp"),),
}

# columns added to a table after stores were made with it (last in the table): an older store
# gets them, null for the rows it held
ADDED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("tone", "DOUBLE"),),
    "events": (("confidence", "DOUBLE"),),
    "event_mentions": (("confidence", "DOUBLE"), ("tone", "DOUBLE")),
    "places": (("geonameid", "BIGINT"), ("feature_class", "VARCHAR"), ("country_fips", "VARCHAR"),
               ("adm1", "VARCHAR"), ("adm1_name", "VARCHAR"), ("population", "BIGINT")),
}

# tables whose rows belong to one article (all but the cross-article events and failures)
ARTICLE_TABLES = ("articles", "zones", "entities", "mentions", "quotes", "event_mentions", "places", "times")

# keys DuckDB enforces with an index; the other tables' keys hold by construction (an
# article's rows are written in the same transaction as the article, once), and indexes
# on the big per-mention tables would cost memory and insert time for nothing
ENFORCED_KEYS = ("articles", "events", "failures")

# a common table expression (``WITH ...``): each event's tone as GDELT's AvgTone, the mean tone
# of the articles that report it (the GDELT export's column and the corpus timeline's tone line)
EVENT_TONES = """event_tones AS (
        SELECT event_id, round(avg(tone), 4) AS avg_tone
        FROM (SELECT DISTINCT m.event_id, m.article_id, a.tone FROM event_mentions m JOIN articles a USING (article_id))
        GROUP BY event_id)"""

VIEWS = {
    # one row per actor across articles: its most frequent spelling is its name (ties: the first
    # in alphabetical order, so that two stores with the same rows name actors the same way)
    "actors": """
        SELECT actor_id, first(name ORDER BY n_name DESC, name) AS name, mode(type) AS type,
               mode(country) AS country, mode(sector) AS sector, mode(code) AS code,
               count(DISTINCT article_id) AS n_articles, sum(n_mentions)::BIGINT AS n_mentions
        FROM (SELECT *, count(*) OVER (PARTITION BY actor_id, name) AS n_name FROM entities
              WHERE actor_id IS NOT NULL)
        GROUP BY actor_id""",
    # an event's place, as the GDELT export's ActionGeo: the action place (newsgraph.export.places)
    # of the event's first report in the article that reported it first
    "action_places": f"""
        WITH {EVENT_PLACES}
        SELECT e.event_id, p.name, p.kind, p.country, p.lat, p.lon FROM events e
        JOIN (SELECT event_id, article_id, min(seq) AS seq FROM event_mentions GROUP BY ALL) m
          ON m.event_id = e.event_id AND m.article_id = e.first_article
        JOIN event_places p ON p.article_id = m.article_id AND p.seq = m.seq AND p.role = 'action'""",
}

# views a server reads on every request, so it copies them into memory when it opens a store
# (newsgraph.serve.corpus): aggregating the entities table per request is the slow part
SERVED_VIEWS = ("actors", "action_places")


def columns(table: str) -> list[str]:
    """The column names of ``table``, in order."""
    return [name for name, _ in TABLES[table][0]]


def ddl() -> list[str]:
    """The statements that create every table and view (each is a no-op when it exists)."""
    out = []
    for table, (cols, key) in TABLES.items():
        body = ", ".join(f"{name} {sqltype}" for name, sqltype in cols)
        if table in ENFORCED_KEYS:
            body += f", PRIMARY KEY ({', '.join(key)})"
        out.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
        for name, sqltype in ADDED_COLUMNS.get(table, ()):  # a store made before the column came
            out.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {sqltype}")
        for name, sqltype, default in STORE_FILLED.get(table, ()):
            out.append(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {name} {sqltype}")
            out.append(f"ALTER TABLE {table} ALTER COLUMN {name} SET DEFAULT {default}")
    out += [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in VIEWS.items()]
    out.append("CREATE TABLE IF NOT EXISTS store_info (key VARCHAR PRIMARY KEY, value VARCHAR)")
    out.append(f"INSERT OR IGNORE INTO store_info VALUES ('schema_version', '{SCHEMA_VERSION}')")
    return out

"""The ready queries over a small store built from hand-made records."""

from __future__ import annotations

import pytest

from newsgraph.store import query


@pytest.fixture()
def con(wire_store):
    reader = query.connect(str(wire_store))
    yield reader
    reader.close()


def test_stats_count_rows(con):
    counts = query.stats(con)
    assert counts["articles"] == 3 and counts["events"] == 2 and counts["event_mentions"] == 3
    assert counts["actors"] == 3


def test_articles_search_and_page(con):
    assert [a["path"] for a in query.articles(con, search="applause")] == ["c.txt"]
    first, second = query.articles(con, limit=1), query.articles(con, limit=1, offset=1)
    assert first[0]["published"] == "2024-04-20" and first != second
    assert len(query.articles(con, date_to="2024-03-31")) == 2


def test_article_record_carries_store_keys(con):
    some = query.articles(con, search="little applause")[0]
    record = query.article(con, some["article_id"])
    assert record["text"].startswith("Freedonia Foreign Ministry envoys")
    assert all(e["actor_id"].startswith("a") for e in record["entities"])
    assert isinstance(record["events"][0]["event_id"], int)
    assert query.article(con, "nope") is None


def test_actor_filters_match_id_code_country_or_name(con):
    by_code = query.events(con, source="FRE")
    by_name = query.events(con, source="foreign ministry")
    assert len(by_code) == 2 and by_code == by_name
    assert query.events(con, source="SYL") == []
    assert len(query.events(con, actor="SYL")) == 2
    assert by_code[0]["source_name"] == "Freedonia Foreign Ministry"


def test_events_filter_by_root_and_dates(con):
    assert [e["cameo"] for e in query.events(con, root=17)] == ["173"]
    assert [e["cameo"] for e in query.events(con, root="04")] == ["042"]
    march = query.events(con, date_from="2024-03-01", date_to="2024-03-31")
    assert len(march) == 1 and march[0]["n_mentions"] == 2 and march[0]["n_articles"] == 2


def test_event_lists_its_mentions(con):
    merged = query.events(con, root=4)[0]
    found = query.event(con, merged["event_id"])
    assert {m["evidence"].split()[0] for m in found["mentions"]} == {"The", "Sylvania"}


def test_entity_profile(con):
    ministry = query.actors(con, search="FREGOV")
    names = {a["name"] for a in ministry}
    assert names == {"Freedonia Foreign Ministry", "Rufus Firefly"}
    firefly = query.entity(con, next(a["actor_id"] for a in ministry if a["name"] == "Rufus Firefly"))
    assert firefly["titles"] == ["Prime Minister"] and firefly["n_quotes"] == 3
    assert len(firefly["articles"]) == 3 and query.entity(con, "nobody") is None


def test_quotes_by_speaker(con):
    found = query.quotes(con, speaker="firefly")
    assert len(found) == 3 and {q["content"] for q in found} == {"We come in peace"}
    assert {q["stance"] for q in found} == {"insist"}
    assert query.quotes(con, speaker="Sylvania") == []


def test_dyad_counts_quad_classes_per_period(con):
    months = query.dyad(con, "FRE", "SYL", by="month")
    assert [(m["period"], m["verbal_cooperation"], m["material_conflict"]) for m in months] == [
        ("2024-03-01", 1, 0), ("2024-04-01", 0, 1)]
    assert months[1]["mean_goldstein"] == -5.0
    assert query.dyad(con, "SYL", "FRE", both_ways=False) == []
    assert len(query.dyad(con, "SYL", "FRE")) == 2
    with pytest.raises(ValueError):
        query.dyad(con, "FRE", "SYL", by="fortnight")


def test_network_edges_and_nodes(con):
    graph = query.network(con)
    assert len(graph["edges"]) == 1 and graph["edges"][0]["n_events"] == 2
    assert {n["name"] for n in graph["nodes"]} == {"Freedonia Foreign Ministry", "Sylvania"}
    assert query.network(con, date_from="2025-01-01") == {"nodes": [], "edges": [], "n_edges": 0, "cut": False}


def test_sql_gives_columns_and_rows(con):
    cols, rows = query.sql(con, "SELECT count(*) AS n FROM articles")
    assert cols == ["n"] and rows == [(3,)]


def test_known_actors_picks_the_stored_ids(con):
    from newsgraph.store import actor_id

    stored = actor_id("Sylvania", "SYL", "GPE")
    assert query.known_actors(con, [actor_id("Nowhere", None, "GPE"), stored, stored]) == [stored]
    assert query.known_actors(con, []) == []


def test_exact_actor_filters_match_the_whole_code_or_the_id(con):
    assert len(query.events(con, source="FREGOV", exact=True)) == 2
    assert query.events(con, source="FRE", exact=True) == []  # loose, FRE is a prefix and a country
    assert query.events(con, source="foreign", exact=True) == []  # loose, a part of a name
    assert len(query.events(con, source_name="foreign", exact=True)) == 2
    assert len(query.events(con, source_country="FRE")) == 2 and query.events(con, target_country="FRE") == []
    assert len(query.quotes(con, speaker="FREGOV", exact=True)) == 3
    assert len(query.dyad(con, "FREGOV", "SYL", exact=True)) == 2 and query.dyad(con, "FRE", "SYL", exact=True) == []


def test_totals_and_facets_follow_the_filters(con):
    assert query.total(con, "events") == 2 and query.total(con, "events", root="17") == 1
    assert query.total(con, "quotes", speaker="firefly") == 3 and query.total(con, "places") == 1
    found = query.facets(con, "events", ["quad_class", "month"])
    assert found == {"quad_class": [{"value": 1, "count": 1}, {"value": 4, "count": 1}],
                     "month": [{"value": "2024-03", "count": 1}, {"value": "2024-04", "count": 1}]}
    with pytest.raises(ValueError):
        query.facets(con, "events", ["mood"])


def test_sort_and_every_row(con):
    assert [e["goldstein"] for e in query.events(con, sort="goldstein")] == [-5.0, 1.9]
    assert [e["goldstein"] for e in query.events(con, sort="-goldstein")] == [1.9, -5.0]
    assert len(query.articles(con, limit=None)) == 3 and len(query.articles(con, limit=None, offset=2)) == 1
    with pytest.raises(ValueError):
        query.articles(con, sort="colour")
    empty = query.events(con, root="19")
    assert empty == [] and "cameo" in empty.columns  # an empty answer still names its columns


def test_event_timeline_and_map(con):
    months = query.event_timeline(con, "month")
    assert [(m["period"], m["n_events"]) for m in months] == [("2024-03-01", 1), ("2024-04-01", 1)]
    assert [p["name"] for p in query.event_map(con)] == ["Sylvania"]
    assert query.event_map(con, date_from="2030-01-01") == []

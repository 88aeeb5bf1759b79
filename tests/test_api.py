"""The HTTP API over a real small store (built in the test) and the real pipeline."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from handmade import ARTICLES, COUNCIL, LIND, corpus_record, corpus_records, write_store
from newsgraph.serve import create_app

ARTICLE = (
    "Harbour workers end strike\n\n"
    "Dock workers in Rotterdam ended their strike on Tuesday, the union said.\n"
    "Union leader Anna de Vries said: \"We have won a fair deal for our members.\"\n"
)


@pytest.fixture(scope="module")
def store(corpus_store):
    return str(corpus_store)


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store)) as c:
        yield c


def test_analyze_text_returns_the_record(client):
    r = client.post("/analyze", json={"text": ARTICLE, "date": "2024-05-07"})
    assert r.status_code == 200
    record = r.json()
    assert record["schema"] == "newsgraph/1" and record["text"] == ARTICLE
    assert record["meta"]["published"] == "2024-05-07"
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert ARTICLE[m["start"] : m["end"]] == m["text"]


def test_analyze_html_extracts_the_main_text(client):
    paragraph = "The city council of Ghent approved a new bicycle plan after a long debate on Monday evening. " * 3
    page = f"<html><head><title>Ghent votes</title></head><body><article><p>{paragraph}</p></article></body></html>"
    r = client.post("/analyze", json={"html": page})
    assert r.status_code == 200 and "bicycle plan" in r.json()["text"]


@pytest.mark.parametrize("body, status, words", [
    ({}, 400, "exactly one"),
    ({"text": "a", "url": "https://example.org/"}, 400, "exactly one"),
    ({"text": "   "}, 400, "empty"),
    ({"text": "Some news.", "date": "next week"}, 400, "ISO date"),
    ({"text": 42}, 422, "text"),
    ({"url": "http://127.0.0.1:8000/secret"}, 400, "loopback or private"),
    ({"url": "http://10.1.2.3/page"}, 400, "loopback or private"),
    ({"url": "file:///etc/passwd"}, 400, "http(s)"),
    ({"url": "/etc/passwd"}, 400, "http(s)"),  # never a path on the server
])
def test_bad_requests_get_a_json_error(client, body, status, words):
    r = client.post("/analyze", json=body)
    assert r.status_code == status
    assert r.json()["status"] == status and words in r.json()["error"]


def test_malformed_json_is_a_clear_422(client):
    r = client.post("/analyze", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and "JSON" in r.json()["error"]


def test_body_size_cap(store):
    small = create_app(store, max_body_bytes=1000, preload=False)
    with TestClient(small) as c:
        declared = c.post("/analyze", json={"text": "word " * 500})
        assert declared.status_code == 413 and "too large" in declared.json()["error"]

        def chunks():  # no Content-Length: the body is counted as it arrives
            yield b'{"text": "'
            for _ in range(10):
                yield b"word " * 100
            yield b'"}'

        streamed = c.post("/analyze", content=chunks(), headers={"Content-Type": "application/json"})
        assert streamed.status_code == 413


def test_unknown_paths_and_articles_are_json_404s(client):
    for path in ("/nothing-here", "/articles/0000", "/entities/a000", "/events/12"):
        r = client.get(path)
        assert r.status_code == 404 and "error" in r.json()


def test_openapi_lists_the_endpoints(client):
    described = client.get("/openapi.json").json()
    paths = described["paths"]
    record = paths["/analyze"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert record == {"$ref": "#/components/schemas/Record"}
    schemas = described["components"]["schemas"]
    assert {"events", "quotes", "entities"} <= set(schemas["Record"]["properties"]) and "Event" in schemas
    assert "#/$defs/" not in json.dumps(described)  # every reference resolves inside the document
    for path in ("/analyze", "/articles", "/articles/{article_id}", "/entities/{actor_id}", "/quotes", "/events",
                 "/dyads/{a}/{b}", "/network"):
        assert path in paths


def test_articles_search_and_paging(client):
    everything = client.get("/articles").json()
    assert len(everything["items"]) == 3 and everything["more"] is False
    assert everything["items"][0]["published"] == "2023-03-02"  # newest first
    first = client.get("/articles", params={"limit": 2}).json()
    second = client.get("/articles", params={"limit": 2, "offset": 2}).json()
    assert first["more"] is True and second["more"] is False
    assert {a["article_id"] for a in first["items"] + second["items"]} == {a["article_id"] for a in everything["items"]}
    found = client.get("/articles", params={"search": "sanctions"}).json()["items"]
    assert [a["headline"] for a in found] == ["Lind threatens council with sanctions"]


def test_article_gives_the_record_and_actor_ids(client):
    record = corpus_record(0)
    body = client.get(f"/articles/{record.id}").json()
    assert body["record"]["text"] == record.text
    assert set(body["actors"].values()) == {LIND, COUNCIL}


def test_events_filters(client):
    assert len(client.get("/events").json()["items"]) == 3
    from_lind = client.get("/events", params={"source": LIND}).json()["items"]
    assert {e["cameo"] for e in from_lind} == {"040", "163"}
    assert [e["cameo"] for e in client.get("/events", params={"root": "16"}).json()["items"]] == ["163"]
    january = client.get("/events", params={"from": "2023-01-01", "to": "2023-01-31"}).json()["items"]
    assert {e["cameo"] for e in january} == {"040", "051"}
    assert client.get("/events", params={"from": "January"}).status_code == 422


def test_actor_filters_are_exact_and_apart_from_name_search(client):
    def cameos(**params):
        return sorted(e["cameo"] for e in client.get("/events", params=params).json()["items"])

    assert cameos(actor="NORGOV") == ["040", "051", "163"]  # the whole code
    assert cameos(actor="BUS") == ["040", "051", "163"]
    assert cameos(source="BUS") == ["051"] and cameos(target="bus") == ["040", "163"]
    assert cameos(actor="NOR") == []  # a code's first part is not the code
    assert cameos(actor="Lind") == [] and cameos(actor="ind") == []  # nor is a name
    assert cameos(actor=LIND) == ["040", "051", "163"]  # an actor id
    assert cameos(country="NOR") == ["040", "051", "163"]  # the country part, either side
    assert cameos(source_country="NOR") == ["040", "163"] and cameos(target_country="NOR") == ["051"]
    assert cameos(source_sector="GOV") == ["040", "163"] and cameos(sector="BUS") == ["040", "051", "163"]
    assert cameos(source_name="lind") == ["040", "163"] and cameos(actor_name="trade") == ["040", "051", "163"]
    assert cameos(source_name="Ostmark Lind") == []
    assert cameos(actor_name="%") == [] and cameos(actor_name="_") == []  # characters to find, not wildcards
    assert client.get("/events", params={"country": "NORWAY"}).status_code == 422


def test_lists_carry_totals_and_page_without_a_silent_cap(client):
    first = client.get("/events", params={"limit": 2}).json()
    assert (first["total"], len(first["items"]), first["more"]) == (3, 2, True)
    rest = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert (rest["total"], len(rest["items"]), rest["more"]) == (3, 1, False)
    assert client.get("/events", params={"limit": 501}).status_code == 422
    quotes = client.get("/quotes", params={"limit": 1}).json()
    assert quotes["total"] == 3 and quotes["more"] is True
    assert client.get("/entities").json()["total"] == 2


def test_lists_sort_by_a_column_either_way(client):
    def order(path, sort, key):
        return [row[key] for row in client.get(path, params={"sort": sort}).json()["items"]]

    assert order("/events", "goldstein", "goldstein") == [-8.0, 1.0, 3.4]
    assert order("/events", "-goldstein", "goldstein") == [3.4, 1.0, -8.0]
    assert order("/events", "date", "day") == ["2023-01-10", "2023-01-24", "2023-03-02"]
    assert order("/articles", "headline", "headline") == sorted(a[1] for a in ARTICLES)
    assert order("/entities", "name", "name") == ["Mara Lind", "Ostmark Trade Council"]
    bad = client.get("/events", params={"sort": "mood"})
    assert bad.status_code == 400 and "sort by one of" in bad.json()["error"]


def test_facets_count_the_filtered_rows(client):
    facets = client.get("/events", params={"facets": "true"}).json()["facets"]
    assert {f["value"]: f["count"] for f in facets["quad_class"]} == {1: 2, 4: 1}
    assert {f["value"]: f["count"] for f in facets["month"]} == {"2023-01": 2, "2023-03": 1}
    assert {f["value"]: f["count"] for f in facets["source_country"]} == {"NOR": 2, None: 1}
    narrowed = client.get("/events", params={"facets": "true", "quad_class": 1}).json()["facets"]
    assert narrowed["root"] == [{"value": "04", "count": 1}, {"value": "05", "count": 1}]
    by_month = client.get("/events", params={"month": "2023-01"}).json()
    assert by_month["total"] == 2
    articles = client.get("/articles", params={"facets": "true"}).json()["facets"]
    assert articles["publisher"] == [{"value": "Test Wire", "count": 3}]
    quotes = client.get("/quotes", params={"facets": "true"}).json()["facets"]
    assert {f["value"] for f in quotes["kind"]} == {"direct"}


@pytest.mark.parametrize("path", ["/events", "/quotes", "/articles", "/entities", "/places", "/network",
                                  "/events/timeline", "/events/map", f"/dyads/{LIND}/{COUNCIL}"])
def test_every_list_downloads_as_csv(client, path):
    import csv
    import io

    r = client.get(path, params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows, path
    as_json = client.get(path).json()
    listed = as_json.get("items") or as_json.get("edges") or as_json.get("points") or as_json.get("places")
    assert len(rows) == len(listed)


@pytest.mark.parametrize("path", ["/events", "/quotes", "/articles", "/entities", "/places", "/network",
                                  "/events/timeline", "/events/map"])
def test_a_suffix_asks_for_the_format(client, path):
    as_csv = client.get(f"{path}.csv")
    assert as_csv.status_code == 200 and as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.text == client.get(path, params={"format": "csv"}).text
    assert client.get(f"{path}.json").json() == client.get(path).json()
    assert client.get(f"{path}.csv", params={"format": "json"}).headers["content-type"] == "application/json"


def test_csv_has_every_row_and_a_header_when_empty(client):
    import csv
    import io

    everything = list(csv.DictReader(io.StringIO(client.get("/events", params={"format": "csv"}).text)))
    assert sorted(r["cameo"] for r in everything) == ["040", "051", "163"]
    assert {"event_id", "source_name", "target_name", "goldstein"} <= set(everything[0])
    none = client.get("/events", params={"format": "csv", "root": "19"}).text
    assert none.splitlines()[0].startswith("event_id,") and len(none.splitlines()) == 1
    paged = client.get("/events", params={"format": "csv", "limit": 1, "sort": "goldstein"}).text
    assert [r["cameo"] for r in csv.DictReader(io.StringIO(paged))] == ["163"]


def test_event_timeline_keeps_empty_periods(client):
    body = client.get("/events/timeline", params={"by": "month"}).json()
    assert [p["period"] for p in body["points"]] == ["2023-01-01", "2023-02-01", "2023-03-01"]
    assert body["points"][1]["count"] == 0 and body["points"][1]["mean_goldstein"] is None
    assert body["points"][0]["quads"]["1"] == 2 and body["total"] == 3
    conflict = client.get("/events/timeline", params={"quad_class": 4}).json()
    assert [(p["period"], p["count"]) for p in conflict["points"]] == [("2023-03-01", 1)]
    weeks = client.get("/events/timeline", params={"by": "week"}).json()["points"]
    assert len(weeks) == 8 and sum(p["count"] for p in weeks) == 3  # 2023-01-09 to 2023-02-27


def test_timeline_tone_is_the_mean_tone_of_its_events(tmp_path):
    from handmade import wire_records

    store = write_store(tmp_path / "tones.duckdb", wire_records())
    with TestClient(create_app(str(store), preload=False)) as c:
        months = c.get("/events/timeline").json()["points"]
        # March's event: the mean tone of its two articles (GDELT's AvgTone); April's article has no tone measured
        assert [(p["period"], p["count"], p["mean_tone"]) for p in months] == [("2024-03-01", 1, 0.5),
                                                                              ("2024-04-01", 1, None)]
        [year] = c.get("/events/timeline", params={"by": "year"}).json()["points"]
        assert year["count"] == 2 and year["mean_tone"] == 0.5  # an event without tone is left out, not a 0
        table = c.get("/events/timeline.csv", params={"by": "year"}).text.splitlines()
        assert table[0].endswith(",mean_goldstein,mean_tone") and table[1].endswith(",0.5")


def test_event_map_places_events_by_their_place(client):
    body = client.get("/events/map").json()
    assert [(p["name"], p["country"], p["lat"], p["n_events"]) for p in body["places"]] == [("Halvik", "NOR", 62.5, 1)]
    assert client.get("/events/map", params={"quad_class": 4}).json()["places"] == []
    behind = client.get("/events", params={"place": "Halvik"}).json()["items"]
    assert [e["cameo"] for e in behind] == ["040"]
    places = client.get("/places").json()
    assert places["total"] == 1 and places["items"][0]["n_articles"] == 1


def test_quotes_by_speaker(client):
    said = client.get("/quotes", params={"speaker": LIND}).json()["items"]
    assert len(said) == 2 and all(q["speaker_actor"] == LIND for q in said)


def test_actor_page_data(client):
    body = client.get(f"/entities/{LIND}").json()
    assert body["actor"]["name"] == "Mara Lind" and body["titles"] == ["Premier"]
    assert {e["cameo"] for e in body["events_from"]["items"]} == {"040", "163"}
    assert body["events_from"]["total"] == 2
    assert [e["cameo"] for e in body["events_to"]["items"]] == ["051"]
    assert body["quotes"]["total"] == len(body["quotes"]["items"]) == 2
    assert body["articles"]["total"] == len(body["articles"]["items"]) == 3
    months = {t["period"]: t for t in body["timeline"]}
    assert months["2023-01-01"]["articles"] == 2 and months["2023-03-01"]["events_from"] == 1
    assert months["2023-02-01"] == {"period": "2023-02-01", "articles": 0, "events_from": 0, "events_to": 0,
                                    "quotes": 0}  # a quiet month stays on the axis


def test_actor_search(client):
    found = client.get("/entities", params={"search": "trade"}).json()["items"]
    assert [a["actor_id"] for a in found] == [COUNCIL]


def test_dyad_per_month_by_quad_class(client):
    body = client.get(f"/dyads/{LIND}/{COUNCIL}", params={"by": "month"}).json()
    assert body["a"]["name"] == "Mara Lind" and body["total"] == 3
    january, february, march = body["points"]
    assert february["count"] == 0 and february["mean_goldstein"] is None
    assert january["period"] == "2023-01-01" and january["quads"]["1"] == 2
    assert january["mean_goldstein"] == pytest.approx((1.0 + 3.4) / 2)
    assert march["quads"]["4"] == 1 and march["mean_goldstein"] == -8.0


def test_dyad_point_lists_its_articles(client):
    body = client.get(f"/dyads/{LIND}/{COUNCIL}/articles", params={"start": "2023-01-01", "by": "month"}).json()
    assert body["end"] == "2023-01-31"
    assert sorted(a["headline"] for a in body["articles"]) == sorted(
        [corpus_record(0).meta.headline, corpus_record(1).meta.headline])
    assert all(a["seqs"] == [0] for a in body["articles"])  # each article's first (and only) event


def test_network_in_a_date_range(client):
    whole = client.get("/network").json()
    assert {n["actor_id"] for n in whole["nodes"]} == {LIND, COUNCIL} and len(whole["edges"]) == 2
    march = client.get("/network", params={"from": "2023-03-01", "to": "2023-03-31"}).json()
    assert [(e["source"], e["target"]) for e in march["edges"]] == [(LIND, COUNCIL)]
    assert (whole["n_edges"], whole["cut"]) == (2, False)
    busiest = client.get("/network", params={"limit": 1}).json()
    assert len(busiest["edges"]) == 1 and (busiest["n_edges"], busiest["cut"]) == (2, True)
    assert client.get("/network", params={"min_events": 2}).json()["edges"][0]["source"] == LIND


def test_ingest_is_off_by_default(client):
    r = client.post("/ingest", json={"text": ARTICLE})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["error"]


def test_ingest_needs_the_token(tmp_path):
    db = str(tmp_path / "w.duckdb")
    with pytest.raises(ValueError):
        create_app(db, allow_ingest=True)
    with TestClient(create_app(db, allow_ingest=True, token="s3cret")) as c:
        assert c.post("/ingest", json={"text": ARTICLE}).status_code == 401
        wrong = c.post("/ingest", json={"text": ARTICLE}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        auth = {"Authorization": "Bearer s3cret"}
        assert c.get("/articles").json()["items"] == []  # asked (and cached) before the ingest
        first = c.post("/ingest", json={"text": ARTICLE}, headers=auth)
        again = c.post("/ingest", json={"text": ARTICLE}, headers=auth)
        assert (first.status_code, first.json()["added"]) == (201, True)
        assert (again.status_code, again.json()["added"]) == (200, False)
        assert c.get(f"/articles/{first.json()['id']}").json()["record"]["text"] == ARTICLE
        assert len(c.get("/articles").json()["items"]) == 1  # the ingest emptied the cache


def test_pages_and_vendored_libraries_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for name in ("echarts.min.js", "cytoscape.min.js"):
        assert client.get(f"/static/vendor/{name}").status_code == 200


def test_health(client):
    assert client.get("/health").json()["status"] == "ok"


def test_entity_lookup_finds_stored_actors(client):
    keys = [{"name": "Mara Lind", "code": "NORGOV", "type": "PERSON"},
            {"name": "mara  LIND", "code": "NORGOV", "type": "PERSON"},  # the store folds case and spaces
            {"name": "Mara Lind", "code": None, "type": "PERSON"},  # another code: another actor
            {"name": "Nobody Known", "type": "PERSON"}]
    found = client.post("/entities/lookup", json=keys).json()["actor_ids"]
    assert found == [LIND, LIND, None, None]


def test_cameo_codes_are_labelled(client):
    codes = client.get("/cameo").json()
    assert codes["163"]["quad_class"] == 4 and codes["040"]["name"]


def test_an_unexpected_failure_is_a_json_500(store, monkeypatch):
    import newsgraph.serve.corpus as corpus

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(corpus, "fill_periods", broken)
    with TestClient(create_app(store, preload=False), raise_server_exceptions=False) as c:
        r = c.get(f"/entities/{LIND}")
    assert r.status_code == 500 and r.json() == {"error": "internal error: RuntimeError; see the server log",
                                                 "status": 500}


def test_dyad_lists_undated_events_apart(tmp_path):
    dated, undated = corpus_record(0), corpus_record(2)
    undated.events[0].date = None  # an event whose day the coder could not tell,
    undated.meta.published = None  # in an article without a date for the store to fall back on
    write_store(tmp_path / "undated.duckdb", [dated, undated])
    with TestClient(create_app(str(tmp_path / "undated.duckdb"), preload=False)) as c:
        body = c.get(f"/dyads/{LIND}/{COUNCIL}").json()
    assert [p["period"] for p in body["points"]] == ["2023-01-01"] and body["total"] == 1
    assert [e["cameo"] for e in body["undated"]] == ["163"]


def test_events_carry_a_string_key_for_javascript(client):
    event = client.get("/events", params={"root": "16"}).json()["items"][0]
    assert event["event_key"] == str(event["event_id"])  # ids pass 2**53: JavaScript needs the string
    found = client.get(f"/events/{event['event_key']}").json()
    assert [m["evidence"] for m in found["mentions"]] == [
        "Mara Lind threatened the Ostmark Trade Council with sanctions after the talks collapsed."]


def test_pages_load_nothing_from_elsewhere():
    import re

    from newsgraph.serve.app import static_dir

    for name in ("index.html", "app.js", "style.css"):
        text = (static_dir() / name).read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), name  # no CDN, no remote fonts
        assert "@import" not in text and "url(http" not in text, name
    for library in ("echarts", "cytoscape"):
        assert (static_dir() / "vendor" / f"{library}.LICENSE").exists()


def test_dyadic_keeps_events_with_both_actors(tmp_path):
    lonely = corpus_record(2)
    lonely.events[0].target = None  # the coder found no target
    write_store(tmp_path / "lonely.duckdb", [corpus_record(0), lonely])
    with TestClient(create_app(str(tmp_path / "lonely.duckdb"), preload=False)) as c:
        assert c.get("/events").json()["total"] == 2
        assert [e["cameo"] for e in c.get("/events", params={"dyadic": "true"}).json()["items"]] == ["040"]
        assert c.get("/events", params={"dyadic": "0"}).json()["total"] == 2


def test_static_files_are_compressed_and_cached(client):
    library = client.get("/static/vendor/echarts.min.js", headers={"Accept-Encoding": "gzip"})
    assert library.headers["content-encoding"] == "gzip" and "max-age" in library.headers["cache-control"]
    script = client.get("/static/app.js", headers={"Accept-Encoding": "gzip"})
    assert script.headers["content-encoding"] == "gzip" and script.headers["cache-control"] == "no-cache"
    again = client.get("/static/app.js", headers={"If-None-Match": script.headers["etag"]})
    assert again.status_code == 304
    assert "content-encoding" not in client.get("/static/app.js", headers={"Accept-Encoding": "identity"}).headers


def test_actor_lists_say_how_many_there_are_beyond_the_first(tmp_path, monkeypatch):
    import newsgraph.serve.corpus as corpus

    monkeypatch.setattr(corpus, "ACTOR_ROWS", 1)  # the first row of each list, and the totals
    with TestClient(create_app(str(write_store(tmp_path / "c.duckdb", corpus_records())), preload=False)) as c:
        body = c.get(f"/entities/{LIND}").json()
    assert len(body["events_from"]["items"]) == 1 and body["events_from"]["total"] == 2
    assert len(body["articles"]["items"]) == 1 and body["articles"]["total"] == 3
    assert len(body["quotes"]["items"]) == 1 and body["quotes"]["total"] == 2


def test_a_large_csv_download_is_compressed_when_the_client_accepts_gzip():
    import csv
    import gzip
    import io

    import pyarrow as pa
    from starlette.requests import Request

    from newsgraph.serve.corpus import CSV_GZIP_BYTES, csv_response

    table = pa.table({"name": ["Oslo, Norway"] * 20_000, "n": list(range(20_000))})

    def download(accept: bytes):
        return csv_response(Request({"type": "http", "headers": [(b"accept-encoding", accept)]}), table, "x")

    plain, packed = download(b"identity"), download(b"gzip, deflate")
    assert len(plain.body) >= CSV_GZIP_BYTES and "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and gzip.decompress(packed.body) == plain.body
    rows = list(csv.reader(io.StringIO(plain.body.decode())))
    assert rows[0] == ["name", "n"] and rows[1] == ["Oslo, Norway", "0"] and len(rows) == 20_001

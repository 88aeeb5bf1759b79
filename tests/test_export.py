"""Exports of a small store built from hand-made records."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import duckdb
import jsonschema
import pytest

from handmade import TEXT_A, TEXT_B, TEXT_C, span_of, wire_record, wire_records, write_store
from newsgraph.cli import main
from newsgraph.export import export
from newsgraph.export.gdelt import gdelt_columns, geo_type
from newsgraph.places import geocode
from newsgraph.record import Entity, Span

# the PLOVER record's JSON Schema, written from the field tables of the PLOVER manual (draft 0.8)
PLOVER = jsonschema.Draft202012Validator(json.loads((Path(__file__).parent / "plover.schema.json").read_text()))


@pytest.fixture()
def db(tmp_path):
    negated = wire_record(TEXT_C + " Again.", "2024-04-21", "d.txt", negated=True)
    return write_store(tmp_path / "x.duckdb", [*wire_records(), negated])


def _export(db, fmt, out):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return export(con, fmt, out)
    finally:
        con.close()


def test_gdelt_rows_have_61_columns_in_gdelt_order(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert _export(db, "gdelt", out) == 2  # the negated report is not an event
    names = [name for name, _ in gdelt_columns()]
    assert len(names) == 61 and names[0] == "GLOBALEVENTID" and names[-1] == "SOURCEURL"
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert all(len(row) == 61 for row in rows)
    first = dict(zip(names, rows[0], strict=True))
    assert first["SQLDATE"] == "20240305" and first["MonthYear"] == "202403" and first["Year"] == "2024"
    assert first["Actor1Code"] == "FREGOV" and first["Actor1Name"] == "FREEDONIA FOREIGN MINISTRY"
    assert first["Actor2CountryCode"] == "SYL" and first["EventRootCode"] == "04"
    assert (first["NumMentions"], first["NumArticles"]) == ("2", "2")
    assert first["NumSources"] == "1"  # neither article names a publisher or has a URL: one unnamed source
    assert first["ActionGeo_Type"] == ""  # Sylvania is in no gazetteer, and GDELT places only what it can
    assert first["AvgTone"] == "0.5" and first["SOURCEURL"] == "a.txt"  # the mean tone of its two articles
    assert dict(zip(names, rows[1], strict=True))["AvgTone"] == ""  # an article with no tone measured
    assert first["IsRootEvent"] == "1"  # read from the headline
    assert len(first["DATEADDED"]) == 14 and first["DATEADDED"].isdigit()


def test_gdelt_geo_type_distinguishes_us_places():
    assert geo_type("city", "USA") == 3 and geo_type("city", "FRA") == 4
    assert geo_type("country", "USA") == 1 and geo_type("volcano", "ISL") is None


def test_plover_records_one_per_mention(db, tmp_path):
    out = tmp_path / "plover.jsonl"
    assert _export(db, "plover", out) == 4
    records = [json.loads(line) for line in out.read_text().splitlines()]
    negated = [r for r in records if not r["has_event"]]
    assert len(negated) == 1
    merged = [r for r in records if r["n_articles"] == 2]
    assert len(merged) == 2 and merged[0]["link"] == merged[1]["link"]
    first = merged[0]
    assert first["actor"][0]["code"] == "FRE" and first["actor"][0]["sector"] == "GOV"
    assert first["actor"][0]["entity_text"] == "Freedonia Foreign Ministry"
    assert first["recipient"][0]["identifier_text"] == "Sylvania"
    assert first["event"] == ["CONSULT"] and first["date"] == "2024-03-05"
    assert sorted(r["tone"] for r in merged) == [-1.5, 2.5]  # each report's own (its sentence's) tone
    assert "tone" not in [r for r in records if r["n_articles"] == 1 and r["has_event"]][0]
    assert first["event_loc"]["lat"] == 1.5 and "geonameid" not in first["event_loc"]  # no GeoNames place


def test_jsonl_gives_back_the_records(db, tmp_path):
    out = tmp_path / "records.jsonl"
    assert _export(db, "jsonl", out) == 4
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"]["path"] for r in records] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert records[0] == wire_records()[0].to_dict()


def test_parquet_and_csv_write_a_file_per_table(db, tmp_path):
    _export(db, "parquet", tmp_path / "pq")
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM '{tmp_path}/pq/events.parquet'").fetchone()[0] == 3
    _export(db, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "articles.csv", newline="") as f:
        header = next(csv.reader(f))
    assert "headline" in header and "record" not in header


def test_cli_export_and_queries(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--format", "gdelt", "-o", str(tmp_path / "g.tsv")]) == 0
    assert main(["sql", "--db", str(db), "--format", "json", "SELECT count(*) AS n FROM events"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"n": 3}]
    assert main(["events", "--db", str(db), "--root", "17", "--format", "csv"]) == 0
    assert capsys.readouterr().out.count("\n") == 2
    assert main(["quotes", "--db", str(db), "--speaker", "Firefly"]) == 0
    assert "We come in peace" in capsys.readouterr().out
    assert main(["dyad", "--db", str(db), "FRE", "SYL", "--by", "week", "--format", "json"]) == 0
    weeks = json.loads(capsys.readouterr().out)
    assert [w["period"] for w in weeks] == ["2024-03-04", "2024-04-15"]


def test_cli_reports_bad_sql_in_one_line(db, capsys):
    assert main(["sql", "--db", str(db), "SELECT nothing FROM nowhere"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsgraph: error: SQL:") and err.count("\n") == 1


def test_cli_reports_a_missing_store(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no such store" in capsys.readouterr().err


def test_gdelt_root_event_is_one_reported_in_the_lead(tmp_path):
    from newsgraph.record import Zone

    text = TEXT_A + "\nA second paragraph adds that the visit may slip."
    record = wire_record(text, "2024-03-05", "late.txt", cameo="173")
    first_body_end = text.index("\nA second")
    record.zones = [record.zones[0], Zone("body", record.zones[1].start, first_body_end),
                    Zone("body", first_body_end + 1, len(text))]
    record.events[0].evidence = Span(first_body_end + 1, len(text))
    _export(write_store(tmp_path / "r.duckdb", [record]), "gdelt", tmp_path / "r.tsv")
    row = dict(zip([n for n, _ in gdelt_columns()], (tmp_path / "r.tsv").read_text().rstrip("\n").split("\t"),
                   strict=True))
    assert row["IsRootEvent"] == "0" and row["EventCode"] == "173"


PLACED = ("The Freedonia Foreign Ministry will visit Sylvania in Porto.\n"
          "\"We come in peace,\" Rufus Firefly said in Lisbon on Tuesday, in Ohio, Portugal and elsewhere.")


def _placed(event_place: str | None, text: str = PLACED, path: str = "placed.txt"):
    """A record whose places the gazetteer holds, as the analysis stores them: Porto in the headline,
    the others in the body."""
    record = wire_record(text, "2024-03-05", path)
    record.places = []
    for pid, name in (("p1", "Porto"), ("p2", "Lisbon"), ("p3", "Ohio"), ("p4", "Portugal")):
        if name in text:
            record.places.append(geocode(name).place(pid))
            record.places[-1].mentions = [span_of(text, name)]
    record.events[0].place = event_place
    return record


def _gdelt_row(tmp_path, records) -> dict[str, str]:
    _export(write_store(tmp_path / "g.duckdb", records), "gdelt", tmp_path / "g.tsv")
    [line] = (tmp_path / "g.tsv").read_text().splitlines()
    return dict(zip([n for n, _ in gdelt_columns()], line.split("\t"), strict=True))


def _geo(row: dict[str, str], prefix: str) -> tuple[str, ...]:
    return tuple(row[f"{prefix}_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID"))


def test_gdelt_places_an_unplaced_event_at_the_place_named_nearest_in_its_paragraph(tmp_path):
    row = _gdelt_row(tmp_path, [_placed(None)])
    # Porto, in the headline with the event; Lisbon, Ohio and Portugal are in another paragraph
    porto = ("4", "Porto, Portugal", "PO", "PO17", "2735943")  # FIPS 10-4 codes, GeoNames id
    assert _geo(row, "ActionGeo") == porto and row["ActionGeo_Lat"] == str(geocode("Porto").lat)
    assert _geo(row, "Actor1Geo") == porto and _geo(row, "Actor2Geo") == porto


def test_gdelt_leaves_the_place_out_when_only_another_paragraph_names_one(tmp_path):
    text = PLACED.replace(" in Porto", "")
    row = _gdelt_row(tmp_path, [_placed(None, text)])
    assert _geo(row, "ActionGeo") == ("",) * 5 and _geo(row, "Actor1Geo") == ("",) * 5


@pytest.mark.parametrize(("place", "geo"), [
    ("p3", ("2", "Ohio, United States", "US", "USOH", "OH")),  # a US state: GDELT's type 2, its postal code
    ("p4", ("1", "Portugal", "PO", "PO", "PO")),  # a country: its FIPS code throughout
    ("p2", ("4", "Lisbon, Portugal", "PO", "PO14", "2267057")),  # the event's own place wins over a nearer one
])
def test_gdelt_describes_the_events_own_place_as_gdelt_does(tmp_path, place, geo):
    assert _geo(_gdelt_row(tmp_path, [_placed(place)]), "ActionGeo") == geo


def test_gdelt_counts_sources_and_dates_the_event_when_it_was_added(tmp_path):
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    one, two = wire_record(TEXT_A, "2024-03-05", "a.txt"), wire_record(TEXT_B, "2024-03-05", "b.txt")
    one.meta.publisher, two.meta.publisher = "Daily Planet", "Daily Bugle"
    row = _gdelt_row(tmp_path, [one, two])
    after = dt.datetime.now(dt.UTC)
    added = dt.datetime.strptime(row["DATEADDED"], "%Y%m%d%H%M%S").replace(tzinfo=dt.UTC)
    assert before <= added <= after  # in UTC
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")


def _real(record):
    """The record with real country codes in place of Freedonia's and Sylvania's (for the schema's sake)."""
    real = {"FRE": "PRT", "SYL": "ESP"}
    for thing in (*record.entities, *record.places):
        thing.country = real.get(thing.country, thing.country)
    return record


def _plover(tmp_path, records) -> list[dict]:
    db = write_store(tmp_path / "p.duckdb", records)
    _export(db, "plover", tmp_path / "p.jsonl")
    return [json.loads(line) for line in (tmp_path / "p.jsonl").read_text().splitlines()]


def test_plover_takes_the_quad_of_plovers_table_and_lists_the_contexts(tmp_path):
    appeal = _real(wire_record(TEXT_A, "2024-03-05", "a.txt", cameo="021", quad=1))  # CAMEO: cooperation
    appeal.events[0].plover = "REQUEST"
    probe = _real(wire_record(TEXT_B, "2024-03-05", "b.txt", cameo="094", quad=2))  # investigate war crimes
    probe.events[0].plover = "ACCUSE"
    records = {r["cameo"]: r for r in _plover(tmp_path, [appeal, probe])}
    assert records["021"]["quad_code"] == 3  # REQUEST is verbal conflict in PLOVER
    assert records["094"]["quad_code"] == 3 and records["094"]["mode"] == ["investigate"]
    assert records["094"]["context"] == ["military", "legal"]
    assert all(PLOVER.is_valid(r) for r in records.values())


def test_plover_actors_carry_a_country_or_a_non_state_code_and_the_sector_apart(tmp_path):
    record = _real(wire_record(TEXT_A, "2024-03-05", "a.txt"))
    un = Entity(id="e1", name="United Nations", type="ORG", sector="IGO", code="IGO",
                mentions=record.entities[0].mentions)
    firm = Entity(id="e2", name="Acme Shipping", type="ORG", sector="BUS", code="BUS",
                  mentions=record.entities[1].mentions)
    record.entities[:2] = [un, firm]
    [plover] = _plover(tmp_path, [record])
    assert plover["actor"][0]["code"] == "UNO" and "sector" not in plover["actor"][0]
    assert plover["recipient"][0]["code"] == "MNC" and plover["recipient"][0]["sector"] == "BUS"
    assert PLOVER.is_valid(plover)


def test_plover_media_sector_is_plovers_jrn_and_a_person_keeps_the_office(tmp_path):
    record = wire_record(TEXT_A, "2024-03-05", "a.txt")
    record.entities[0] = Entity(id="e1", name="Lois Lane", type="PERSON", country="USA", sector="MED",
                                code="USAMED", titles=["reporter"], mentions=record.entities[0].mentions)
    [plover] = _plover(tmp_path, [record])
    assert plover["actor"][0] == {"code": "USA", "sector": "JRN", "entity_text": "Freedonia Foreign Ministry",
                                  "identifier_id": plover["actor"][0]["identifier_id"],
                                  "identifier_text": "Lois Lane", "office": "reporter"}


def test_plover_event_loc_has_the_geonames_id_and_country(tmp_path):
    [plover] = _plover(tmp_path, [_real(_placed(None))])
    assert plover["event_loc"] == {
        "extracted_place": "Porto", "resolved_place": "Porto", "geonameid": 2735943, "lat": geocode("Porto").lat,
        "lon": geocode("Porto").lon, "city": "Porto", "country": "Portugal", "country_code": "PRT",
        "feature_class": "P", "resolution": 4}
    assert PLOVER.is_valid(plover)


def test_plover_leaves_out_reports_without_a_date_or_an_actor_and_says_how_many(tmp_path, capsys):
    dated = wire_record(TEXT_A, "2024-03-05", "a.txt")
    undated = wire_record(TEXT_B, None, "b.txt")
    actorless = wire_record(TEXT_C, "2024-03-05", "c.txt")
    actorless.events[0].source = actorless.events[0].source_mention = None
    db = write_store(tmp_path / "p.duckdb", [dated, undated, actorless])
    assert main(["export", "--db", str(db), "--format", "plover", "-o", str(tmp_path / "p.jsonl")]) == 0
    assert "2 event report(s) left out: no date or no actor" in capsys.readouterr().err
    assert [r["cite_info"]["citation"] for r in map(json.loads, (tmp_path / "p.jsonl").open())] == ["a.txt"]


def test_every_cameo_code_is_coded_with_the_plover_manuals_names_and_quad():
    from newsgraph.events.ontology import codes
    from newsgraph.export.plover import coding

    coded = [code for code in codes().values() if code.plover]
    assert len(coded) > 200
    for code in coded:
        record = {"id": "x", "date": "2024-01-01", "actor": [{"code": "USA"}], **coding(code.code, code.plover)}
        assert PLOVER.is_valid(record), (code.code, [e.message for e in PLOVER.iter_errors(record)])


@pytest.mark.parametrize("change", [
    {"event": ["ASSAULT"], "mode": ["pro_autocracy"]},  # a context is not a mode
    {"event": ["REQUEST"], "quad_code": 1},  # CAMEO's quad for an appeal, not PLOVER's
    {"context": "crime; corruption"},  # contexts are a list
    {"actor": [{"code": "GOV"}]},  # a sector is not a country or non-state code
    {"actor": [{"code": "USA", "sector": "MED2"}]},
    {"date": "2024-01"},
    {"actor": []},  # the manual requires an actor
])
def test_the_plover_schema_rejects_what_the_manual_does_not_allow(change):
    record = {"id": "x", "date": "2024-01-01", "actor": [{"code": "USA", "sector": "GOV"}], "event": ["CONSULT"],
              "quad_code": 1}
    assert PLOVER.is_valid(record)
    assert not PLOVER.is_valid(record | change)


def _recipe(marker: str) -> str:
    """The Python recipe of docs/store.md whose code block holds ``marker``."""
    docs = (Path(__file__).parents[1] / "docs" / "store.md").read_text(encoding="utf-8")
    [block] = [b for b in re.findall(r"```python\n(.*?)```", docs, re.S) if marker in b]
    return textwrap.dedent(block)


def test_the_documented_csv_recipe_keeps_codes_as_strings_and_dates_as_dates(db, tmp_path):
    import pandas as pd
    import polars as pl

    _export(db, "csv", tmp_path / "csv")
    found: dict = {"folder": str(tmp_path / "csv")}
    exec(_recipe("schema.json"), found)  # noqa: S102 - the documented recipe, run as a user would
    pandas_events, polars_events = found["pandas_events"], found["polars_events"]
    assert sorted(pandas_events["cameo"]) == ["042", "042", "173"]
    assert pd.api.types.is_datetime64_any_dtype(pandas_events["day"])
    assert pd.api.types.is_string_dtype(pandas_events["event_id"].astype(str))
    assert polars_events.schema["cameo"] == pl.String and polars_events.schema["day"] == pl.Date
    assert sorted(polars_events["cameo"].to_list()) == ["042", "042", "173"]
    assert polars_events.schema["event_id"] == pl.Int64 and polars_events.schema["negated"] == pl.Boolean
    for table in found["schema"]:  # every table reads, with as many rows in both
        assert len(found["pandas_table"](table)) == found["polars_table"](table).height


def test_the_documented_ndjson_recipe_reads_plover_and_records_with_polars_and_pandas(db, tmp_path):
    _export(db, "plover", tmp_path / "events.plover.jsonl")
    _export(db, "jsonl", tmp_path / "records.jsonl")
    found: dict = {"folder": str(tmp_path)}
    exec(_recipe("read_ndjson"), found)  # noqa: S102 - the documented recipe, run as a user would
    plover_pl, plover_pd, records_pl = found["plover_pl"], found["plover_pd"], found["records_pl"]
    assert plover_pl.height == 4 and sorted(plover_pl["cameo"].to_list()) == ["042", "042", "042", "173"]
    assert list(plover_pd["cameo"]) == plover_pl["cameo"].to_list()
    assert plover_pl["event_loc"].struct.field("lat").to_list() == [1.5] * 4
    assert records_pl.height == 4


def test_export_to_standard_output(db, capsys):
    assert main(["export", "--db", str(db), "--format", "gdelt", "-o", "-"]) == 0
    captured = capsys.readouterr()
    assert [len(line.split("\t")) for line in captured.out.splitlines()] == [61, 61]
    assert "-> standard output" in captured.err
    assert main(["export", "--db", str(db), "--format", "plover", "-o", "-"]) == 0
    assert len([json.loads(line) for line in capsys.readouterr().out.splitlines()]) == 4


def test_export_of_a_folder_format_to_standard_output_is_refused_in_one_line(db, tmp_path, capsys):
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", "-"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "parquet writes a folder" in err
    assert not (tmp_path / "-").exists()

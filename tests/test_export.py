"""Exports of a small store built from hand-made records."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from newsgraph.cli import main
from newsgraph.export import export
from newsgraph.export.gdelt import gdelt_columns, geo_type
from test_store_records import TEXT_A, TEXT_B, TEXT_C, make_record, write_store


@pytest.fixture()
def db(tmp_path):
    return write_store(tmp_path / "x.duckdb", [
        make_record(TEXT_A, "2024-03-05", "a.txt"),
        make_record(TEXT_B, "2024-03-05", "b.txt"),
        make_record(TEXT_C, "2024-04-20", "c.txt", cameo="173", goldstein=-5.0, quad=4),
        make_record(TEXT_C + " Again.", "2024-04-21", "d.txt", negated=True),
    ])


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
    assert first["ActionGeo_Type"] == "1" and first["ActionGeo_Lat"] == "1.5"
    assert first["AvgTone"] == "" and first["SOURCEURL"] == "a.txt"
    assert first["IsRootEvent"] == "1"  # read from the headline


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
    assert first["event_loc"]["lat"] == 1.5


def test_jsonl_gives_back_the_records(db, tmp_path):
    out = tmp_path / "records.jsonl"
    assert _export(db, "jsonl", out) == 4
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["source"]["path"] for r in records] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert records[0] == make_record(TEXT_A, "2024-03-05", "a.txt").to_dict()


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
    from newsgraph.record import Span, Zone

    text = TEXT_A + "\nA second paragraph adds that the visit may slip."
    record = make_record(text, "2024-03-05", "late.txt", cameo="173")
    first_body_end = text.index("\nA second")
    record.zones = [record.zones[0], Zone("body", record.zones[1].start, first_body_end),
                    Zone("body", first_body_end + 1, len(text))]
    record.events[0].evidence = Span(first_body_end + 1, len(text))
    _export(write_store(tmp_path / "r.duckdb", [record]), "gdelt", tmp_path / "r.tsv")
    row = dict(zip([n for n, _ in gdelt_columns()], (tmp_path / "r.tsv").read_text().rstrip("\n").split("\t"),
                   strict=True))
    assert row["IsRootEvent"] == "0" and row["EventCode"] == "173"

"""Event confidence: every event has one, and analyze, ingest, events, export and the API keep
only the events at least as confident as asked."""

from __future__ import annotations

import json

import pytest

import newsgraph
from newsgraph.cli import main
from newsgraph.events.confidence import FEATURES, confidence

TEXT = ("Foreign Minister Ana Duarte of Portugal met President Lena Holm of Sweden in Lisbon on Monday.\n\n"
        "The Swedish navy seized a fishing boat near the coast.\n\n"
        "Critics attacked the plan.\n")


def test_every_event_has_a_confidence_between_0_and_1():
    record = newsgraph.analyze(TEXT, date="2021-03-12")
    assert record.events and all(0.0 <= e.confidence <= 1.0 for e in record.events)


def test_the_model_rises_with_what_speaks_for_an_event():
    weak = dict.fromkeys(FEATURES, 0.0) | {"no_target": 1.0}
    strong = dict.fromkeys(FEATURES, 0.0) | {"source_coded": 1.0, "target_entity": 1.0, "target_coded": 1.0,
                                             "source_named": 1.0}
    assert confidence(strong) > confidence(weak)


def test_analyze_keeps_only_events_at_least_as_confident_as_asked():
    everything = newsgraph.analyze(TEXT, date="2021-03-12").events
    cut = sorted(e.confidence for e in everything)[len(everything) // 2]
    from newsgraph.pipeline import Pipeline
    from newsgraph.read import read_text

    (record,) = Pipeline(min_confidence=cut).analyze_stream([read_text(TEXT)], "2021-03-12")
    assert record.events and all(e.confidence >= cut for e in record.events)
    assert len(record.events) == sum(e.confidence >= cut for e in everything)


def test_a_confidence_outside_0_to_1_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(SystemExit) as err:
        main(["analyze", str(path), "--min-confidence", "1.5"])
    assert err.value.code == 2 and "not a number from 0 to 1" in capsys.readouterr().err


def test_the_store_keeps_confidence_and_every_reader_filters_by_it(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(article), "--db", db, "--date", "2021-03-12"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--format", "json", "--all-columns"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert stored and all(0.0 <= e["confidence"] <= 1.0 for e in stored)
    top = max(e["confidence"] for e in stored)
    assert main(["events", "--db", db, "--format", "json", "--min-confidence", str(top)]) == 0
    assert len(json.loads(capsys.readouterr().out)) == sum(e["confidence"] >= top for e in stored)
    out = tmp_path / "g.tsv"
    assert main(["export", "--db", db, "--format", "gdelt", "-o", str(out), "--min-confidence", "1"]) == 0
    assert out.read_text(encoding="utf-8") == ""

    from fastapi.testclient import TestClient

    from newsgraph.serve.app import create_app

    with TestClient(create_app(db)) as client:
        everything = client.get("/events").json()["total"]
        assert client.get("/events", params={"min_confidence": top}).json()["total"] < everything or everything == 1
        assert client.get("/events", params={"min_confidence": 2}).status_code == 422

    confident = str(tmp_path / "c.duckdb")
    assert main(["ingest", str(article), "--db", confident, "--date", "2021-03-12", "--min-confidence", "1"]) == 0
    capsys.readouterr()
    assert main(["events", "--db", confident, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_store_made_before_confidence_is_upgraded_when_read(tmp_path, capsys):
    import duckdb

    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "old.duckdb")
    assert main(["ingest", str(article), "--db", db, "--date", "2021-03-12"]) == 0
    con = duckdb.connect(db)
    con.execute("ALTER TABLE events DROP COLUMN confidence")
    con.execute("ALTER TABLE event_mentions DROP COLUMN confidence")
    con.close()
    capsys.readouterr()
    assert main(["events", "--db", db, "--format", "json", "--all-columns"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["confidence"] is None for r in rows)  # the column is there, null for old rows

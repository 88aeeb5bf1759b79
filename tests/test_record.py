"""The record's JSON form, its schema file, and the Python API."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

import newsgraph
from newsgraph.record import json_schema

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "Ministers agree on fishing quotas\n\n"
    "Fisheries ministers from Norway and Iceland agreed on Monday in Reykjavik to cut "
    "mackerel quotas by a tenth, ending a long dispute.\n"
)


def test_analyze_text_returns_typed_record_that_validates_against_the_schema():
    rec = newsgraph.analyze(TEXT, date="2023-02-06")
    assert isinstance(rec, newsgraph.Record)
    data = rec.to_dict()
    jsonschema.validate(data, json_schema())
    assert data["schema"] == "newsgraph/1"
    for zone in data["zones"]:
        assert data["text"][zone["start"] : zone["end"]] == zone["text"]
    for entity in data["entities"]:
        for m in entity["mentions"]:
            assert data["text"][m["start"] : m["end"]] == m["text"]
    assert {"Norway", "Iceland"} <= {e["name"] for e in data["entities"]}
    json.dumps(data)  # plain JSON all the way down


def test_analyze_path_equals_analyze_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(TEXT)
    assert newsgraph.analyze(str(p)).id == newsgraph.analyze(TEXT).id


def test_schema_file_in_docs_is_the_generated_one():
    on_disk = json.loads((ROOT / "docs" / "record.schema.json").read_text())
    assert on_disk == json_schema(), "regenerate with: newsgraph schema > docs/record.schema.json"

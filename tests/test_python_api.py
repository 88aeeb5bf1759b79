"""The Python API: inputs of analyze_all, the record's navigation, from_dict, tables in memory."""

from __future__ import annotations

import json

import pytest

import newsgraph
from handmade import wire_records, write_store
from newsgraph import InputError, Record
from newsgraph.record import Span
from newsgraph.store.schema import TABLES, VIEWS, columns
from test_ingest import _all_rows

STRIKE = ("Dock workers in Valdoria walked out on Monday, the union said. "
          "Minister Ana Lutz called the strike illegal.")
TALKS = "Diplomats from Norway and Chile met in Geneva on Tuesday to resume talks on fishing rights."


def test_analyze_all_takes_paths_raw_texts_and_text_meta_pairs(tmp_path):
    path = tmp_path / "wire_2021-06-01_talks.txt"
    path.write_text(TALKS, encoding="utf-8")
    results = list(newsgraph.analyze_all([
        str(path),
        STRIKE,
        (TALKS, {"published": "2021-06-03", "publisher": "Geneva Post", "title": "Talks resume"}),
        "missing-file.txt",  # no white space: a path, and it names no file
        (STRIKE, {"date": "the third of June"}),
    ]))
    assert [type(r).__name__ for r in results] == ["Record", "Record", "Record", "InputError", "InputError"]
    from_file, raw, paired, missing, bad_date = results
    assert (from_file.meta.published, from_file.meta.published_source) == ("2021-06-01", "filename")
    assert raw.text == STRIKE and raw.source.path is None and raw.meta.published is None
    assert (paired.meta.published, paired.meta.publisher, paired.meta.headline) == (
        "2021-06-03", "Geneva Post", "Talks resume")
    assert "no such file" in str(missing) and "not an ISO date" in str(bad_date)
    # texts=False: every string is a path (as the command line reads its arguments)
    [as_path] = newsgraph.analyze_all([STRIKE], texts=False)
    assert isinstance(as_path, InputError)


def test_spans_carry_their_text_and_ids_lead_to_entities():
    record = newsgraph.analyze(STRIKE, date="2021-06-07")
    for entity in record.entities:
        assert all(m.text == STRIKE[m.start : m.end] for m in entity.mentions)
        assert record.entity(entity.id) is entity
    assert record.entity("e999") is None and record.entity(None) is None
    assert all(z.text == STRIKE[z.start : z.end] for z in record.zones)
    assert record.events and all(e.evidence.text == STRIKE[e.evidence.start : e.evidence.end] for e in record.events)
    for event in record.events:
        assert event.source_entity is record.entity(event.source)
        assert event.target_entity is record.entity(event.target)
    assert any(e.source_entity is not None for e in record.events)


def test_a_span_on_its_own_has_no_text_and_text_does_not_change_equality():
    assert Span(0, 4).text is None
    assert Span(0, 4) == Span(0, 4, "Dock") and hash(Span(0, 4)) == hash(Span(0, 4, "Dock"))


def test_record_from_dict_gives_back_the_record():
    record = newsgraph.analyze(STRIKE, date="2021-06-07")
    data = json.loads(json.dumps(record.to_dict()))
    again = Record.from_dict(data)
    assert again == record and again.to_dict() == data
    assert again.events[0].evidence.text == record.events[0].evidence.text
    assert again.events[0].source_entity == record.events[0].source_entity
    with pytest.raises(ValueError, match="newsgraph/1"):
        Record.from_dict({**data, "schema": "newsgraph/0"})


def test_to_arrow_gives_the_tables_of_the_store(tmp_path):
    records = wire_records()
    stored = _all_rows(write_store(tmp_path / "s.duckdb", records))
    tables = newsgraph.to_arrow(records + [records[0], InputError("x.txt", "empty input")])  # again, and an error
    assert set(tables) == {*TABLES, *VIEWS} and tables["actors"].num_rows == 3
    for table in TABLES:
        got = tables[table].select(columns(table)).to_pylist()
        assert sorted(tuple(r.values()) for r in got) == sorted(stored[table]), table
    events = tables["events"].to_pylist()
    assert len(events) == 2 and max(e["n_articles"] for e in events) == 2  # merged across articles, as stored
    frames = newsgraph.to_pandas(records)
    assert list(frames["events"]["cameo"].sort_values()) == ["042", "173"]  # codes stay strings

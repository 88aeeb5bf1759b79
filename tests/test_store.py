"""The store: rows of records, keys across articles, idempotent batches."""

from __future__ import annotations

import pytest

from handmade import TEXT_A, TEXT_B, TEXT_C, wire_record
from newsgraph.errors import InputError
from newsgraph.store import actor_id, event_id, open_store, record_rows
from newsgraph.store.db import to_arrow, write_batch
from newsgraph.store.engines.local import BatchWriter
from newsgraph.store.rows import first_day
from newsgraph.store.schema import TABLES, columns


def test_rows_match_the_table_columns():
    rows = record_rows(wire_record(TEXT_A, "2024-03-05", "a.txt"))
    for table, table_rows in rows.items():
        for row in table_rows:
            assert len(row) == len(columns(table)), table
    assert set(rows) <= set(TABLES)


def test_spans_become_offsets_with_their_text():
    record = wire_record(TEXT_A, "2024-03-05", "a.txt")
    quote = dict(zip(columns("quotes"), record_rows(record)["quotes"][0], strict=True))
    assert quote["content"] == "We come in peace"
    assert record.text[quote["content_start"] : quote["content_end"]] == quote["content"]
    assert quote["speaker_name"] == "Rufus Firefly"


def test_actor_id_ignores_case_and_spacing_but_not_code_or_type():
    assert actor_id("Rufus  Firefly", "FREGOV", "PERSON") == actor_id("rufus firefly", "FREGOV", "PERSON")
    assert actor_id("Rufus Firefly", "FREGOV", "PERSON") != actor_id("Rufus Firefly", "FREMIL", "PERSON")
    assert actor_id("Georgia", None, "GPE") != actor_id("Georgia", None, "PERSON")


def test_a_known_actor_keeps_its_knowledge_id_whatever_its_code():
    assert actor_id("Donald Trump", "USAPTY", "PERSON", "kb:donald-trump") == "kb:donald-trump"
    assert actor_id("Donald Trump", "USAGOV", "PERSON", "kb:donald-trump") == "kb:donald-trump"
    assert actor_id("Donald Trump", "USAGOV", "PERSON").startswith("a")  # no knowledge id: the hash


def test_the_store_joins_a_known_actor_across_its_roles(tmp_path):
    from newsgraph.pipeline import Pipeline

    con = open_store(tmp_path / "s.duckdb")
    text = "Donald Trump spoke in {} on Monday."
    records = [Pipeline().article(text.format(place), day).to_record()
               for place, day in (("Ohio", "2016-09-20"), ("Iowa", "2018-09-20"))]
    assert {e.code for r in records for e in r.entities if e.name == "Donald Trump"} == {"USAPTY", "USAGOV"}
    _write(con, *records)
    ids = con.execute("SELECT actor_id FROM entities WHERE name = 'Donald Trump'").fetchall()
    assert ids == [("kb:donald-trump",)] * 2


def test_event_id_is_a_positive_integer_keyed_by_identity():
    one = event_id("a1", "a2", "042", "2024-03-05", False)
    assert 0 < one < 2**63
    assert one == event_id("a1", "a2", "042", "2024-03-05", False)
    assert one != event_id("a2", "a1", "042", "2024-03-05", False)
    assert one != event_id("a1", "a2", "042", "2024-03-05", True)


def test_first_day_of_a_period():
    assert first_day("2024-03") .isoformat() == "2024-03-01"
    assert first_day("2024").isoformat() == "2024-01-01"
    assert first_day("soon") is None and first_day(None) is None


def _write(con, *records, failures=()):
    writer = BatchWriter(con, size=100)
    for record in records:
        writer.add_record(record)
    for failure in failures:
        writer.add_failure(failure)
    writer.flush()
    return writer.added


def test_same_event_in_several_articles_is_one_event_with_its_mentions(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    a = wire_record(TEXT_A, "2024-03-05", "a.txt")
    b = wire_record(TEXT_B, "2024-03-05", "b.txt")
    c = wire_record(TEXT_C, "2024-03-06", "c.txt")  # reported a day later: another event
    assert _write(con, a, b, c) == 3
    rows = con.execute("SELECT n_mentions, n_articles, date FROM events ORDER BY date").fetchall()
    assert rows == [(2, 2, "2024-03-05"), (1, 1, "2024-03-06")]
    assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 3
    # one actor per identity: the ministry of all three articles shares one id
    assert con.execute("SELECT count(DISTINCT actor_id) FROM entities").fetchone()[0] == 3
    assert con.execute("SELECT n_articles FROM actors WHERE name = 'Sylvania'").fetchone()[0] == 3


def test_an_event_date_in_the_text_wins_over_the_publication_date(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    _write(con, wire_record(TEXT_A, "2024-03-05", "a.txt", event_date="2024-03"))
    assert con.execute("SELECT date, day, date_source FROM events").fetchone()[::2] == ("2024-03", "text")


def test_counts_grow_when_a_later_batch_reports_the_event_again(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    _write(con, wire_record(TEXT_A, "2024-03-05", "a.txt"))
    _write(con, wire_record(TEXT_B, "2024-03-05", "b.txt"))
    assert con.execute("SELECT n_mentions, n_articles, first_article FROM events").fetchall() == [
        (2, 2, wire_record(TEXT_A, None, "a.txt").id)
    ]


def test_writing_the_same_articles_twice_adds_nothing(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    records = [wire_record(t, "2024-03-05", f"{n}.txt") for n, t in enumerate((TEXT_A, TEXT_B))]
    failure = InputError("bad.txt", "the file is empty")
    _write(con, *records, failures=[failure])
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert _write(con, *records, failures=[failure]) == 0
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert before == after
    assert con.execute("SELECT n_mentions FROM events").fetchone()[0] == 2
    assert con.execute("SELECT * FROM failures").fetchall() == [("bad.txt", "the file is empty")]


def test_a_failed_batch_leaves_nothing_behind(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    batch = to_arrow(record_rows(wire_record(TEXT_A, "2024-03-05", "a.txt")))
    batch["zones"] = None  # breaks the write after the article row went in
    with pytest.raises(AttributeError):
        write_batch(con, batch)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_reopening_a_store_keeps_its_rows(tmp_path):
    path = tmp_path / "s.duckdb"
    con = open_store(path)
    _write(con, wire_record(TEXT_A, None, "a.txt"))
    con.close()
    con = open_store(path)
    assert con.execute("SELECT count(*), any_value(published) FROM articles").fetchone() == (1, None)


def test_a_record_that_cannot_be_stored_becomes_a_failure_and_the_batch_goes_on(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    good = wire_record(TEXT_A, "2024-03-05", "good.txt")
    no_code = wire_record(TEXT_B, "2024-03-05", "no-code.txt")
    no_code.events[0].cameo = None  # rows cannot be made
    bad_type = wire_record(TEXT_C, "2024-03-05", "bad-type.txt")
    bad_type.events[0].goldstein = "very"  # rows are made, but do not fit the column type
    writer = BatchWriter(con, size=10)
    for record in (good, no_code, bad_type):
        writer.add_record(record)
    writer.flush()
    assert writer.added == 1
    assert [r[0] for r in con.execute("SELECT path FROM articles").fetchall()] == ["good.txt"]
    failures = dict(con.execute("SELECT input, reason FROM failures").fetchall())
    assert set(failures) == {"no-code.txt", "bad-type.txt"}
    assert all(reason.startswith("cannot be stored: ") for reason in failures.values())
    assert {f.input for f in writer.store_failures} == set(failures)


def test_events_without_a_date_or_without_actors_are_not_merged_across_articles(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    undated = [wire_record(t, None, f"{n}.txt") for n, t in enumerate((TEXT_A, TEXT_B))]
    _write(con, *undated)
    assert con.execute("SELECT count(*), max(n_articles) FROM events").fetchone() == (2, 1)
    nobody = [wire_record(t, "2024-03-05", f"{n}.txt") for n, t in enumerate((TEXT_C, TEXT_C + " More."))]
    for record in nobody:
        record.events[0].source = record.events[0].target = None
    _write(con, *nobody)
    assert con.execute("SELECT count(*) FROM events WHERE source_actor IS NULL").fetchone()[0] == 2


def test_an_actor_is_named_by_its_most_frequent_spelling_ties_alphabetically(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    records = [wire_record(t, "2024-03-05", f"{n}.txt") for n, t in enumerate((TEXT_A, TEXT_B, TEXT_C))]
    records[1].entities[1].name = "SYLVANIA"  # the same actor: names are compared case-folded
    _write(con, *records[:2])
    assert con.execute("SELECT name FROM actors WHERE code = 'SYL'").fetchone() == ("SYLVANIA",)  # a tie
    _write(con, records[2])  # a third article spells it "Sylvania"
    assert con.execute("SELECT name, n_articles FROM actors WHERE code = 'SYL'").fetchone() == ("Sylvania", 3)


def test_an_input_stored_after_failing_is_no_longer_a_failure(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    _write(con, failures=[InputError("a.txt", "timed out"), InputError("b.txt", "empty input")])
    _write(con, wire_record(TEXT_A, None, "a.txt"))
    assert con.execute("SELECT input FROM failures").fetchall() == [("b.txt",)]


def test_a_store_made_before_a_column_was_added_gains_it_when_opened(tmp_path):
    from newsgraph.store.schema import ADDED_COLUMNS

    path = tmp_path / "old.duckdb"
    con = open_store(path)
    write_batch(con, to_arrow(record_rows(wire_record(TEXT_A, "2024-03-05", "a.txt"))))
    for table, added in ADDED_COLUMNS.items():  # as a store made before these columns were
        for name, _ in added:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    con.close()
    con = open_store(path)  # the columns come back, null in the old rows, and new rows take them
    write_batch(con, to_arrow(record_rows(wire_record(TEXT_B, "2024-03-05", "b.txt", tone=-2.0))))
    tones = con.execute("SELECT path, tone FROM articles ORDER BY path").fetchall()
    assert tones == [("a.txt", None), ("b.txt", -2.0)]
    assert con.execute("SELECT tone FROM event_mentions ORDER BY article_id").fetchall() != []
    con.close()

"""Ingesting small articles written for these tests: idempotent, resumable, failures kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading

import duckdb
import pytest

from newsgraph.cli import main
from newsgraph.store.engines import IngestOptions, ingest
from newsgraph.store.schema import TABLES, columns

ARTICLES = {
    "a.txt": "Harbour workers strike in Valdoria\n\nDock workers in the port of Valdoria walked out on Monday, "
             "the union said. Minister Ana Lutz called the strike illegal.",
    "b.txt": "Talks resume in Geneva\n\nDiplomats from Norway and Chile met in Geneva on Tuesday to resume "
             "talks on fishing rights, officials said.",
    "c.txt": "Flooding closes roads\n\nHeavy rain closed roads across northern Portugal on Friday, the "
             "civil protection agency said.",
}


def _write_corpus(folder, names=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")


def _counts(db) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def _all_rows(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        # the rows a record makes (not the time each was stored)
        return {t: con.execute(f"SELECT {', '.join(columns(t))} FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def test_ingest_twice_adds_nothing_the_second_time(tmp_path):
    corpus = tmp_path / "corpus"
    _write_corpus(corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "noise.txt").write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "s.duckdb"
    first = ingest([str(corpus)], str(db), IngestOptions(batch_size=2))
    assert (first.added, first.skipped, first.failed) == (3, 0, 2)
    counts = _counts(db)
    assert counts["articles"] == 3 and counts["failures"] == 2 and counts["entities"] > 0
    again = ingest([str(corpus)], str(db), IngestOptions(batch_size=2))
    assert (again.added, again.skipped) == (0, 3)
    assert _counts(db) == counts


def test_failures_name_the_input_and_the_reason(tmp_path):
    _write_corpus(tmp_path, ["a.txt"])
    (tmp_path / "empty.txt").write_bytes(b"")
    db = tmp_path / "s.duckdb"
    ingest([str(tmp_path / "a.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")], str(db))
    con = duckdb.connect(str(db), read_only=True)
    failures = dict(con.execute("SELECT input, reason FROM failures").fetchall())
    con.close()
    assert set(failures) == {str(tmp_path / "empty.txt"), str(tmp_path / "gone.txt")}
    assert all(reason for reason in failures.values())


def test_the_same_text_under_two_names_is_one_article(tmp_path):
    _write_corpus(tmp_path, ["a.txt"])
    (tmp_path / "copy.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    report = ingest([str(tmp_path / "a.txt"), str(tmp_path / "copy.txt")], str(tmp_path / "s.duckdb"))
    assert (report.added, report.skipped) == (1, 1)


def test_cli_ingest_prints_a_summary(tmp_path, capsys):
    _write_corpus(tmp_path / "in", ["b.txt"])
    assert main(["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "s.duckdb"), "--no-progress", "-v"]) == 0
    err = capsys.readouterr().err
    assert "committed batch 1" in err and "1 article(s) added, 0 already stored, 0 failed" in err


def test_cli_ingest_exits_1_when_an_input_failed_and_stores_the_others(tmp_path, capsys):
    _write_corpus(tmp_path / "in", ["b.txt"])
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--no-progress"]) == 1
    assert "1 article(s) added, 0 already stored, 1 failed" in capsys.readouterr().err
    (tmp_path / "in" / "empty.txt").unlink()  # fixed: a run with nothing failing exits 0
    assert main(["ingest", str(tmp_path / "in"), "--db", db, "--no-progress"]) == 0


def _feed(fifo, text):
    """Write ``text`` into a named pipe once a reader opens it (in a thread: opening blocks)."""

    def write():
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(text)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def _ingest_cmd(db):
    # the named pipe sits between the files: the run blocks on it after committing a and b
    return [sys.executable, "-m", "newsgraph", "ingest", "a.txt", "b.txt", "pipe.txt", "c.txt",
            "--db", str(db), "--batch-size", "1", "--no-progress", "-v"]


def _prepare(folder):
    _write_corpus(folder)
    os.mkfifo(folder / "pipe.txt")


PIPED = "Ceasefire holds\n\nThe ceasefire between the two militias held on Sunday, observers said."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_run_killed_with_sigkill_and_restarted_gives_the_rows_of_an_uninterrupted_run(tmp_path):
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    for folder in (whole, killed):
        _prepare(folder)
    feeder = _feed(whole / "pipe.txt", PIPED)
    subprocess.run(_ingest_cmd(whole / "s.duckdb"), cwd=whole, check=True, capture_output=True, timeout=120)
    feeder.join(5)

    proc = subprocess.Popen(_ingest_cmd(killed / "s.duckdb"), cwd=killed, stderr=subprocess.PIPE, text=True)
    try:
        commits = 0
        for line in proc.stderr:
            commits += "committed batch" in line
            if commits == 2:
                break
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(30) == -signal.SIGKILL
    finally:
        proc.kill()
    assert _counts(killed / "s.duckdb")["articles"] == 2

    feeder = _feed(killed / "pipe.txt", PIPED)
    subprocess.run(_ingest_cmd(killed / "s.duckdb"), cwd=killed, check=True, capture_output=True, timeout=120)
    feeder.join(5)
    assert _counts(whole / "s.duckdb")["articles"] == 4
    assert _all_rows(killed / "s.duckdb") == _all_rows(whole / "s.duckdb")


def test_bad_inputs_in_a_corpus_end_in_failures(tmp_path):
    import gzip

    corpus = tmp_path / "corpus"
    _write_corpus(corpus, ["a.txt"])
    (corpus / "cut.txt.gz").write_bytes(gzip.compress(ARTICLES["b.txt"].encode())[:30])
    lines = [json.dumps({"text": ARTICLES["c.txt"], "url": "https://example.org/c"}), "{not json", "[1, 2]"]
    (corpus / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([str(corpus)], str(tmp_path / "s.duckdb"), IngestOptions(batch_size=2))
    assert (report.added, report.failed) == (2, 3)
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    failed = {r[0] for r in con.execute("SELECT input FROM failures").fetchall()}
    urls = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
    con.close()
    assert failed == {str(corpus / "cut.txt.gz"), f"{corpus / 'dump.jsonl'}:2", f"{corpus / 'dump.jsonl'}:3"}
    assert "https://example.org/c" in urls


def test_a_text_longer_than_the_parser_takes_is_a_failure_not_a_crash(tmp_path, model):
    _write_corpus(tmp_path, ["a.txt"])
    sentence = "Officials met again on Monday. "
    (tmp_path / "long.txt").write_text(sentence * (model.max_length // len(sentence) + 1), encoding="utf-8")
    report = ingest([str(tmp_path / "long.txt"), str(tmp_path / "a.txt")], str(tmp_path / "s.duckdb"))
    assert (report.added, report.failed) == (1, 1)
    assert "too long" in report.failures[0].reason


def test_a_document_the_parser_chokes_on_is_a_failure_and_its_batch_goes_on(tmp_path, monkeypatch):
    from newsgraph import nlp

    real = nlp.parse_many

    def choking(texts, batch_size=nlp.BATCH_SIZE):  # a parser that fails on one kind of text
        texts = list(texts)
        if any("Flooding" in t for t in texts):
            raise MemoryError("out of memory in the parser")
        return real(texts, batch_size)

    monkeypatch.setattr(nlp, "parse_many", choking)
    _write_corpus(tmp_path)
    report = ingest([str(tmp_path / n) for n in ARTICLES], str(tmp_path / "s.duckdb"))
    assert (report.added, report.failed) == (2, 1)
    assert report.failures[0].input.endswith("c.txt") and "MemoryError" in report.failures[0].reason


def test_the_local_engine_refuses_the_options_of_a_cluster_rather_than_ignoring_them(tmp_path):
    from newsgraph.errors import NewsgraphError

    _write_corpus(tmp_path, ["a.txt"])
    with pytest.raises(NewsgraphError, match="workers, keep_staging: only the dask engine"):
        ingest([str(tmp_path / "a.txt")], str(tmp_path / "s.duckdb"), IngestOptions(workers=2, keep_staging=True))
    assert not (tmp_path / "s.duckdb").exists()


def test_a_stage_name_that_does_not_exist_stops_the_ingest_before_any_work(tmp_path):
    from newsgraph.errors import NewsgraphError

    _write_corpus(tmp_path, ["a.txt"])
    with pytest.raises(NewsgraphError, match="no stage named evnets"):
        ingest([str(tmp_path / "a.txt")], str(tmp_path / "s.duckdb"), IngestOptions(skip=["evnets"]))
    assert not (tmp_path / "s.duckdb").exists()

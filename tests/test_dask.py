"""The Dask engine writes the same rows as the local engine (small articles written here)."""

from __future__ import annotations

import json

import duckdb
import pytest

from newsgraph.store.engines import IngestOptions, ingest
from newsgraph.store.engines.dask import partition_key, partitions
from newsgraph.store.schema import TABLES, columns

ARTICLES = {
    "one.txt": "Ministers meet in Lisbon\n\nThe foreign ministers of Spain and Portugal met in Lisbon on "
               "Wednesday to discuss water sharing, a spokesman said.",
    "two.txt": "Union calls strike\n\nThe railway union of Estonia called a two-day strike on Thursday, "
               "demanding higher wages, its leader Mart Kask said.",
    "three.txt": "Ministers meet in Lisbon\n\nThe foreign ministers of Spain and Portugal met in Lisbon on "
                 "Wednesday to discuss water sharing, a spokesman said.",  # the same text as one.txt
}


PAGE = ("Port reopens\n\nThe port of Tallinn reopened on Saturday after a week-long strike, the harbour "
        "authority said.")


@pytest.fixture
def page_url(loopback_page):
    """The URL of an article served on the loopback address (read only with allow_private)."""
    return loopback_page(PAGE, "text/plain; charset=utf-8")


def _rows(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        # the rows a record makes (not the time each was stored)
        return {t: con.execute(f"SELECT {', '.join(columns(t))} FROM {t} ORDER BY ALL").fetchall() for t in TABLES}
    finally:
        con.close()


def test_partitions_keep_input_order_and_spread_over_workers():
    files = [f"f{n}" for n in range(40)]
    parts = partitions(files, workers=2)
    assert [f for part in parts for f in part] == files
    assert len(parts) == 14  # about eight partitions per worker, so no worker idles long at the end
    assert max(len(part) for part in partitions(files * 100, workers=2)) == 32  # capped
    assert partitions([], workers=2) == []
    assert max(len(part) for part in partitions(files * 100, workers=2, most=5)) == 5  # batch_size


def test_partition_key_changes_with_the_files_and_the_options_that_change_the_rows(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    files = [str(tmp_path / "a.txt")]
    plain = IngestOptions()
    assert partition_key(files, plain) == partition_key(files, IngestOptions())
    assert partition_key(files, plain) != partition_key(files, IngestOptions(date="2024-01-01"))
    assert partition_key(files, plain) != partition_key(files, IngestOptions(allow_private=True))
    assert partition_key(files, plain) == partition_key(files, IngestOptions(workers=3, keep_staging=True))
    before = partition_key(files, plain)
    (tmp_path / "a.txt").write_text("xy")  # the file changed: its staged rows are stale
    assert partition_key(files, plain) != before


def test_dask_with_two_workers_gives_the_rows_of_the_local_engine(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "zero.txt").write_bytes(b"")
    local = ingest([str(corpus)], str(tmp_path / "local.duckdb"))
    dask = ingest([str(corpus)], str(tmp_path / "dask.duckdb"), IngestOptions(workers=2), engine="dask")
    assert (local.added, local.skipped, local.failed) == (dask.added, dask.skipped, dask.failed) == (2, 1, 1)
    assert _rows(tmp_path / "dask.duckdb") == _rows(tmp_path / "local.duckdb")
    assert len(dask.peak_rss_mb) == 2 and all(mb > 50 for mb in dask.peak_rss_mb.values())
    assert not (tmp_path / "dask.duckdb.staging").exists()
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None) as cluster:  # by address
        again = ingest([str(corpus)], str(tmp_path / "dask.duckdb"), IngestOptions(scheduler=cluster.scheduler_address),
                       engine="dask")
    assert (again.added, again.skipped) == (0, 3)  # as the local engine counts: every text already stored
    assert _rows(tmp_path / "dask.duckdb") == _rows(tmp_path / "local.duckdb")


def test_a_failed_partition_task_is_reported_not_raised():
    from newsgraph.store.engines.dask import _wait

    class Broken:
        def result(self):
            raise RuntimeError("worker lost\nmore detail")

    assert _wait(None) is None
    assert _wait(Broken()) == "the Dask worker failed: RuntimeError: worker lost"


def test_a_record_whose_rows_do_not_fit_the_types_becomes_a_failure_in_its_partition():
    from handmade import TEXT_A, TEXT_B, wire_record
    from newsgraph.errors import InputError
    from newsgraph.store.engines.dask import _tables
    from newsgraph.store.rows import record_rows

    good = wire_record(TEXT_A, "2024-03-05", "good.txt")
    bad = wire_record(TEXT_B, "2024-03-05", "bad.txt")
    bad.events[0].goldstein = "very"
    failures: list[InputError] = []
    tables = _tables([("good.txt", record_rows(good)), ("bad.txt", record_rows(bad))], failures)
    assert tables["articles"].column("path").to_pylist() == ["good.txt"]
    assert tables["failures"].column("input").to_pylist() == ["bad.txt"]


class _NoCluster:
    """A Dask client stand-in that fails the test if a partition is analysed again."""

    def submit(self, *args, **kwargs):
        raise AssertionError("a staged or merged partition was submitted again")


def test_staged_partitions_are_merged_without_analysing_them_again(tmp_path):
    from newsgraph.store import open_store
    from newsgraph.store.engines import IngestReport
    from newsgraph.store.engines.dask import DONE, PARTITIONS_DDL, _Run, analyze_partition

    parts = []
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text(ARTICLES[name], encoding="utf-8")
        parts.append([str(tmp_path / name)])
    stage = tmp_path / "stage"
    for files in parts:  # as a run killed after its workers finished would leave them
        analyze_partition(files, IngestOptions(), 32, str(stage / f"part-{partition_key(files, IngestOptions())}"))
    assert all((folder / DONE).exists() for folder in stage.iterdir())
    con = open_store(tmp_path / "s.duckdb")
    con.execute(PARTITIONS_DDL)
    report = IngestReport()
    _Run(_NoCluster(), con, stage, report).run(parts, lambda n=1: None)
    assert report.added == 2 and not stage.exists()
    again = IngestReport()
    _Run(_NoCluster(), con, stage, again).run(parts, lambda n=1: None)  # merged: skipped outright
    assert (again.added, again.skipped) == (0, 2)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_every_option_reaches_the_dask_workers_and_acts_there_as_in_the_local_engine(tmp_path, page_url):
    from newsgraph.store.engines.dask import DONE

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("one.txt", "two.txt"):
        (corpus / name).write_text(ARTICLES[name], encoding="utf-8")
    stage = tmp_path / "stage"
    knowledge = tmp_path / "kb"  # one more person, the union leader of two.txt, put in Latvia to tell
    (knowledge / "actors").mkdir(parents=True)
    (knowledge / "actors" / "people.tsv").write_text(
        "name\taliases\tgender\tcountry\tsector\trole\tfrom\tto\tsource\n"
        "Mart Kask\t\tm\tLVA\tLAB\tunion leader\t\t\ttest\n",
        encoding="utf-8")
    meta = tmp_path / "meta.tsv"  # a sidecar dating one article
    meta.write_text("file\tpublished\tpublisher\none.txt\t2016-09-30\tBaltic Wire\n", encoding="utf-8")
    analysis = {"allow_private": True, "date": "2016-10-01", "meta": str(meta), "knowledge": [str(knowledge)],
                "skip": ["events"], "batch_size": 1}
    options = IngestOptions(**analysis, workers=1, staging=str(stage), keep_staging=True)
    report = ingest([str(corpus), page_url], str(tmp_path / "dask.duckdb"), options, engine="dask")
    assert (report.added, report.failed) == (3, 0)  # allow_private: the loopback URL was read
    assert len(report.peak_rss_mb) == 1  # workers
    # every staged partition names the options its worker read and analysed with: all of them;
    # batch_size 1 gives a partition per input; keep_staging kept them in staging
    markers = [json.loads((folder / DONE).read_text()) for folder in stage.iterdir()]
    assert sorted(len(m["files"]) for m in markers) == [1, 1, 1]
    assert all(m["options"] == options.to_dict() for m in markers)
    con = duckdb.connect(str(tmp_path / "dask.duckdb"), read_only=True)
    published = con.execute("SELECT DISTINCT CAST(published AS VARCHAR), publisher FROM articles "
                            "ORDER BY ALL").fetchall()
    kask = con.execute("SELECT country FROM entities WHERE name = 'Mart Kask'").fetchall()
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    con.close()
    assert published == [("2016-09-30", "Baltic Wire"), ("2016-10-01", None)]  # meta, and date for the others
    assert kask == [("LVA",)]  # knowledge: the extra person row coded him
    assert n_events == 0  # skip: the events stage was switched off
    # the local engine, given the same reading, analysis and storing options, writes the same rows
    ingest([str(corpus), page_url], str(tmp_path / "local.duckdb"), IngestOptions(**analysis))
    assert _rows(tmp_path / "dask.duckdb") == _rows(tmp_path / "local.duckdb")


def test_a_worker_without_allow_private_refuses_a_loopback_url(tmp_path, page_url):
    from newsgraph.store.engines.dask import analyze_partition, load_partition

    analyze_partition([page_url], IngestOptions(), 32, str(tmp_path / "part"))
    failures = load_partition(tmp_path / "part")["failures"].to_pylist()
    assert [f["input"] for f in failures] == [page_url] and "--allow-private" in failures[0]["reason"]

"""Publication dates and metadata from outside the text: file names, URLs, sidecar files."""

from __future__ import annotations

import json

import duckdb
import pytest

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.read import Document, Hints
from newsgraph.read.sidecar import describe, load_sidecar, path_date
from newsgraph.record import Source

STORY = ("Ferry link approved\n\nThe harbour council of Tromsø approved a new ferry link to the islands on "
         "Tuesday, its chairman Ole Berg said.\n")
OTHER = ("Bridge closed for repairs\n\nEngineers closed the old bridge over the river Aura in Turku last Friday "
         "for repairs, the city said.\n")


@pytest.mark.parametrize("path, date", [
    ("corpus/politico_2016-09-12_trump-rally.txt", "2016-09-12"),
    ("corpus/politico_20160912_trump-rally.txt", "2016-09-12"),
    ("news/2016/09/12/trump-rally.html", "2016-09-12"),
    ("archive_2015-01-01/story_2016_09_12.txt", "2016-09-12"),  # the file name over its folder
    ("corpus/story.txt", None),
    ("corpus/id_1201609121.txt", None),  # digits inside a longer number are no date
    ("corpus/2016-13-40-story.txt", None),  # no such day
    ("corpus/12345678.txt", None),  # year 1234
])
def test_a_date_in_a_path(path, date):
    assert path_date(path) == date


def _doc(path=None, url=None, line=None, hints=None):
    return Document(text=STORY, source=Source(path=path, url=url, line=line), hints=hints or Hints())


def test_the_file_name_dates_an_article_that_gives_no_date():
    doc = describe(_doc("in/wire_2019-04-02_ferry.txt"))
    assert (doc.hints.published, doc.hints.published_source) == ("2019-04-02", "filename")


def test_the_input_s_own_date_wins_over_the_file_name():
    doc = describe(_doc("in/wire_2019-04-02_ferry.html", hints=Hints(published="2019-04-03", published_source="html")))
    assert (doc.hints.published, doc.hints.published_source) == ("2019-04-03", "html")


def test_a_url_date_wins_over_a_crawl_date_but_a_jsonl_file_name_dates_no_line():
    crawled = _doc("crawl-2020-01-01.warc.gz", url="https://news.example/2019/04/02/ferry", line=3,
                   hints=Hints(published="2020-01-01", published_source="warc"))
    assert (describe(crawled).hints.published, crawled.hints.published_source) == ("2019-04-02", "url")
    dump = _doc("dump-2020-01-01.jsonl", line=7)  # the file's date is the dump's, not the article's
    assert describe(dump).hints.published is None


def _sidecar(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_sidecar(path)


def test_a_tsv_sidecar_keyed_by_file_name_without_suffix(tmp_path):
    sidecar = _sidecar(tmp_path, "meta.tsv",
                       "filename\tpublication_date\tpublisher\ttitle\tauthor\tnotes\n"
                       "ferry-2019-04-02\t2019-04-05\tNorth Cape Post\tFerry link approved\tKari Nordmann\tNone\n")
    doc = describe(_doc("corpus/ferry-2019-04-02.txt"), sidecar)
    h = doc.hints
    assert (h.published, h.published_source) == ("2019-04-05", "sidecar")  # the sidecar wins over the file name
    assert (h.publisher, h.headline, h.byline) == ("North Cape Post", "Ferry link approved", "Kari Nordmann")
    assert describe(_doc("corpus/other.txt"), sidecar).hints.published is None  # no row: nothing


def test_a_csv_sidecar_keyed_by_path_and_a_jsonl_one_by_url(tmp_path):
    csv_sidecar = _sidecar(tmp_path, "meta.csv", 'path,date,url,language\n'
                                                 '"a/story one.txt",2018-03-01T10:00:00Z,https://x.example/s1,nb\n')
    h = describe(_doc("a/story one.txt"), csv_sidecar).hints
    assert (h.published, h.url, h.language) == ("2018-03-01", "https://x.example/s1", "nb")
    jsonl = _sidecar(tmp_path, "meta.jsonl", json.dumps({"url": "https://x.example/s2", "published": "2018-03-02",
                                                         "publisher": "Example"}) + "\n")
    h = describe(_doc("dump.jsonl", url="https://x.example/s2", line=4), jsonl).hints
    assert (h.published, h.publisher) == ("2018-03-02", "Example")


def test_a_file_name_two_rows_claim_finds_neither_but_their_full_paths_do(tmp_path):
    sidecar = _sidecar(tmp_path, "meta.tsv", "path\tpublished\nnorth/story.txt\t2018-01-01\n"
                                             "south/story.txt\t2018-02-02\n")
    assert describe(_doc("elsewhere/story.txt"), sidecar).hints.published is None
    assert describe(_doc("south/story.txt"), sidecar).hints.published == "2018-02-02"


@pytest.mark.parametrize("text, words", [
    ("title\tpublished\nFerry\t2019-01-01\n", "no column naming the article"),
    ("file\tpublished\na.txt\tlast Tuesday\n", "meta.tsv:2"),
    ("file\tpublished\n", "no rows"),
])
def test_a_bad_sidecar_is_one_error_naming_file_and_line(tmp_path, text, words):
    with pytest.raises(NewsgraphError, match=words):
        _sidecar(tmp_path, "meta.tsv", text)


def test_analyze_and_ingest_date_every_article_and_say_how_many_have_none(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire_2019-04-02_ferry.txt").write_text(STORY, encoding="utf-8")
    (corpus / "bridge.txt").write_text(OTHER, encoding="utf-8")
    assert main(["analyze", str(corpus), "--jsonl", "--no-progress"]) == 0
    out, err = capsys.readouterr()
    dates = {json.loads(line)["meta"]["published"] for line in out.splitlines()}
    assert dates == {"2019-04-02", None}
    assert "1 of 2 article(s) have no publication date" in err
    # --date dates what gives no date of its own; the file name keeps its date
    meta = tmp_path / "meta.tsv"
    meta.write_text("file\tpublisher\nbridge.txt\tTurku Daily\n", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    assert main(["ingest", str(corpus), "--db", db, "--date", "2019-05-01", "--meta", str(meta),
                 "--no-progress"]) == 0
    assert "no publication date" not in capsys.readouterr().err
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT CAST(published AS VARCHAR), published_source, publisher FROM articles "
                       "ORDER BY 1").fetchall()
    con.close()
    assert rows == [("2019-04-02", "filename", None), ("2019-05-01", "given", "Turku Daily")]


def test_a_missing_sidecar_stops_before_any_work(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--meta", str(tmp_path / "nope.tsv")]) == 1
    assert "nope.tsv: no such metadata file" in capsys.readouterr().err and not db.exists()

"""Hostile input, faults and attacks (issue 11): each case gives one line naming the input,
the rest of the batch goes on, nothing hangs, and nothing gets in.

The hostile corpus is generated here, in tmp_path; nothing comes from outside the repository.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import socket
import sys
import threading

import duckdb
import pytest
from fastapi.testclient import TestClient

from dripping import dripping_server
from handmade import ARTICLE_HTML, corpus_records, warc_bytes, write_store
from newsgraph import limits
from newsgraph.cli import main
from newsgraph.errors import InputError, printable
from newsgraph.read import Document, read_inputs
from newsgraph.read.text import decode
from newsgraph.read.url import fetch
from newsgraph.serve import create_app

GOOD = "The harbour council met on Monday. Mayor Ann Berg said the ferry would run again in May."


def collect(specs, **kw) -> list[Document | InputError]:
    return list(read_inputs([str(s) for s in specs], **kw))


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_messages(err: str) -> None:
    """Every line on standard error is printable and says who speaks; no traceback."""
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith(("newsgraph: ", "  ")), line
        assert line == printable(line), line


# -- 1. a poison JSONL line: made safe at the door, the rest stored, exit 1 for what failed


def test_poison_jsonl_lines_are_stored_safely_and_the_batch_goes_on(tmp_path, capsys):
    dump = tmp_path / "p.jsonl"
    dump.write_text("\n".join([
        '{"text": "a \\ud800 b. The harbour council met on Monday in Bergen."}',
        '{"text": "Nul\\u0000 bytes. Mayor Ann Berg opened the bridge."}',
        "{broken",
        json.dumps({"text": GOOD}),
    ]) + "\n")
    db = tmp_path / "x.duckdb"
    code, _, err = run_cli(capsys, "ingest", dump, "--db", db)
    assert code == 1  # the broken line failed
    assert_one_line_messages(err)
    assert "lone surrogate" in err and "p.jsonl:3: broken JSON line" in err
    con = duckdb.connect(str(db), read_only=True)
    try:
        texts = [r[0] for r in con.execute("SELECT text FROM articles ORDER BY line").fetchall()]
        failures = con.execute("SELECT input FROM failures").fetchall()
    finally:
        con.close()
    assert texts[0].startswith("a \ufffd b.") and texts[1].startswith("Nul\ufffd bytes.") and len(texts) == 3
    assert failures == [(f"{dump}:3",)]
    # a second run adds nothing and fails the same line again, without dying on the first
    code, _, err = run_cli(capsys, "ingest", dump, "--db", db)
    assert code == 1 and "3 already stored" in err


# -- 2. a truncated WARC: never half a page stored as whole


@pytest.mark.parametrize("gz", [True, False])
def test_a_record_cut_by_truncation_is_a_failure_not_half_a_page(tmp_path, gz):
    pages = [("https://news.example/a", ARTICLE_HTML),
             ("https://news.example/b", ARTICLE_HTML.replace("ferry", "tram"))]
    whole = warc_bytes(pages, gz)
    one = warc_bytes(pages[:1], gz)
    first_record = len(one) - (len(warc_bytes([], gz)))  # the first page's record, without the trailing image
    p = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    p.write_bytes(whole[: first_record + (len(whole) - len(one)) // 2])  # into the second page
    items = collect([p])
    assert isinstance(items[0], Document) and "ferry route" in items[0].text
    assert all(not isinstance(i, Document) or i.source.url != "https://news.example/b" for i in items)
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors and errors[0].input.startswith(f"{p}:")


# -- 3. decoding: UTF-8 with stray bytes stays UTF-8; UTF-16 without BOM; Latin-1 still guessed


def test_stray_bytes_in_utf8_are_replaced_and_counted_not_taken_for_another_encoding(caplog):
    data = "Mr Trump’s aide said “no” to the café’s owner.".encode() + b" \xff\xfe\x80 said."
    text = decode(data, "u.txt")
    assert "Trump’s" in text and "“no”" in text and text.count("\ufffd") == 3
    assert "3 byte(s) that are not UTF-8" in caplog.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(encoding):
    words = "The minister met the mayor of Oslo on Monday and said the talks went well."
    assert decode(words.encode(encoding), "u16.txt") == words


def test_single_byte_encodings_are_still_guessed():
    words = "Le ministre a déclaré à Genève que la réunion était terminée."
    assert decode(words.encode("cp1252"), "fr.txt") == words


# -- 4. a JSONL date that is a number


def test_a_number_date_is_read_as_iso_basic_or_refused_by_name(tmp_path):
    p = tmp_path / "d.jsonl"
    lines = [{"text": GOOD, "date": 20180720}, {"text": GOOD, "date": 1.5}, {"text": GOOD, "date": 1532044800}]
    p.write_text("".join(json.dumps(line) + "\n" for line in lines))
    first, second, third = collect([p])
    assert first.hints.published == "2018-07-20"
    assert isinstance(second, InputError) and second.input == f"{p}:2" and "date" in second.reason
    assert isinstance(third, InputError) and "not an ISO date" in third.reason


# -- 5. disk full (ENOSPC simulated where the store writes): one clear line, exit 1, committed work kept


def test_a_full_disk_is_one_clear_line_and_committed_batches_stay(tmp_path, capsys, monkeypatch):
    ingest_module = sys.modules["newsgraph.store.engines.local"]
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"{GOOD} Item {n}.")
    real = ingest_module.write_batch
    calls = []

    def fill_the_disk(con, batch):
        calls.append(1)
        if len(calls) > 1:
            raise duckdb.IOException('Could not write file "x.duckdb.wal": No space left on device')
        return real(con, batch)

    monkeypatch.setattr(ingest_module, "write_batch", fill_the_disk)
    db = tmp_path / "x.duckdb"
    code, _, err = run_cli(capsys, "ingest", tmp_path, "--db", db, "--batch-size", "1")
    assert code == 1
    assert_one_line_messages(err)
    assert err.count("\n") == 1 and "disk is full" in err and str(db) in err
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    finally:
        con.close()


def test_a_commit_that_fails_is_reported_as_itself_not_as_a_failed_rollback(tmp_path):
    from newsgraph.store.db import open_store, to_arrow, write_batch

    con = open_store(tmp_path / "s.duckdb")

    class DiskFullAtCommit:
        """The connection, but its COMMIT ends the transaction and then fails as a full disk does."""

        def __getattr__(self, name):
            return getattr(con, name)

        def execute(self, sql, *args):
            result = con.execute(sql, *args)
            if sql == "COMMIT":
                raise duckdb.IOException('Could not write file "s.duckdb.wal": No space left on device')
            return result

    try:
        with pytest.raises(duckdb.IOException, match="No space left"):
            write_batch(DiskFullAtCommit(), to_arrow({"failures": [("a.txt", "why")]}))
    finally:
        con.close()


# -- 6. DNS rebinding and the Host header


def test_the_fetch_connects_to_the_address_it_checked(monkeypatch):
    answers = iter(["93.184.216.34", "127.0.0.1"])  # public when checked, loopback if asked again
    resolved, connected = [], []

    def getaddrinfo(host, port, *args, **kw):
        address = next(answers)
        resolved.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    def create_connection(address, timeout=None, *args, **kw):
        connected.append(address[0])
        raise ConnectionRefusedError("refused in the test")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    with pytest.raises(InputError, match="cannot fetch"):
        fetch("http://rebind.example/story", max_bytes=1000)
    assert resolved == ["93.184.216.34"] and connected == ["93.184.216.34"]


def test_the_server_answers_only_to_its_own_host_names(tmp_path):
    db = write_store(tmp_path / "s.duckdb", corpus_records())
    app = create_app(str(db), preload=False, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app) as c:
        evil = c.get("/health", headers={"Host": "evil.example"})
        assert evil.status_code == 400 and "evil.example" in evil.json()["error"]
        for host in ("localhost:8000", "127.0.0.1", "10.1.2.3:8000", "[::1]:8000"):
            assert c.get("/health", headers={"Host": host}).status_code == 200, host


def test_serve_allows_its_bound_name_and_the_machines_names_on_every_interface():
    from newsgraph.cli.serve import allowed_hosts

    assert set(allowed_hosts("127.0.0.1", [])) == {"127.0.0.1", "localhost"}
    assert socket.gethostname() in allowed_hosts("0.0.0.0", ["news.example"])


# -- 7. sql read-only and sandboxed; Bearer tokens; 400s without SQL; % and _ literal


def test_sql_reads_the_store_and_nothing_else(tmp_path, capsys):
    db = write_store(tmp_path / "s.duckdb", corpus_records())
    target = tmp_path / "pwned.csv"
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret")
    for statement in (f"COPY (SELECT 42) TO '{target}'", f"SELECT * FROM read_text('{secret}')",
                      f"ATTACH '{tmp_path / 'other.duckdb'}'", "SET enable_external_access = true",
                      "CREATE TABLE t (x INTEGER)"):
        code, out, err = run_cli(capsys, "sql", "--db", db, statement)
        assert code == 1 and "the secret" not in out and err.startswith("newsgraph: error: SQL:"), statement
    assert not target.exists()
    code, out, _ = run_cli(capsys, "sql", "--db", db, "SELECT count(*) AS n FROM articles")
    assert code == 0 and "3" in out


def test_ingest_tokens_need_the_bearer_scheme(tmp_path):
    from starlette.exceptions import HTTPException

    from newsgraph.serve.app import _check_token

    for header in ("s3cret", "Token s3cret", "Bearer", "Bearer wrong", "Bearers3cret", None):
        with pytest.raises(HTTPException) as caught:
            _check_token("s3cret", header)
        assert caught.value.status_code == 401, header
    for header in ("Bearer s3cret", "bearer s3cret", " Bearer  s3cret "):
        _check_token("s3cret", header)


def test_bad_dates_get_the_reason_without_sql(tmp_path):
    with TestClient(create_app(str(write_store(tmp_path / "s.duckdb", corpus_records())), preload=False)) as c:
        for path, params in (("/dyads/A/B/articles", {"start": "2018-13-45"}), ("/events", {"from": "2018-02-31"}),
                             ("/network", {"to": "2018-99-99"})):
            r = c.get(path, params=params)
            assert r.status_code == 422 and ("month" in r.json()["error"] or "day" in r.json()["error"])
            assert "SELECT" not in r.text and "LINE" not in r.text


def test_percent_and_underscore_in_filters_are_characters_not_wildcards(tmp_path):
    from newsgraph.store import query

    con = query.connect(str(write_store(tmp_path / "s.duckdb", corpus_records())))
    try:
        assert query.actors(con, search="Lind") and query.articles(con, search="Lind")
        for wildcard in ("%", "_", "L_nd", "%Lind%"):
            assert query.actors(con, search=wildcard) == [], wildcard
            assert query.articles(con, search=wildcard) == [], wildcard
            assert query.events(con, actor=wildcard) == [] and query.quotes(con, search=wildcard) == []
        assert query.events(con, cameo="_") == [] and query.events(con, cameo="1")
    finally:
        con.close()


# -- 8. FIFOs in folders; 12. symlink loops named


def test_a_fifo_in_a_folder_is_skipped_with_a_note(tmp_path, caplog):
    (tmp_path / "a.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "x.txt")
    items = collect([tmp_path])
    assert [i.source.path for i in items] == [str(tmp_path / "a.txt")]
    assert "x.txt: skipped: a FIFO" in caplog.text
    assert collect([tmp_path / "*.txt"])[0].source.path == str(tmp_path / "a.txt")


def test_a_symlink_loop_is_named_as_such(tmp_path, caplog):
    os.symlink(tmp_path / "l2.txt", tmp_path / "l1.txt")
    os.symlink(tmp_path / "l1.txt", tmp_path / "l2.txt")
    [err] = collect([tmp_path / "l1.txt"])
    assert "symlink loop" in err.reason
    (tmp_path / "a.txt").write_text(GOOD)
    assert len(collect([tmp_path])) == 1 and "symlink loop" in caplog.text


# -- 9. a URL that drips: the total deadline, and /analyze goes on


@pytest.fixture()
def dripping_url():
    with dripping_server() as url:
        yield url


def test_a_dripping_url_hits_the_total_deadline(dripping_url):
    with pytest.raises(InputError, match="timed out.*NEWSGRAPH_FETCH_SECONDS"):
        fetch(dripping_url, max_bytes=10_000_000, allow_private=True, deadline=0.5)


def test_a_dripping_url_posted_to_analyze_fails_and_the_next_analysis_succeeds(dripping_url, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_FETCH_SECONDS", "0.5")
    with TestClient(create_app(None, allow_private=True)) as c:
        slow = c.post("/analyze", json={"url": dripping_url})
        assert slow.status_code == 400 and "timed out" in slow.json()["error"]
        assert c.post("/analyze", json={"text": GOOD}).status_code == 200


def test_work_that_waits_past_its_deadline_never_runs_and_the_caller_gets_504():
    import asyncio

    from newsgraph.serve.analysis import TimedOut, WorkPool

    pool = WorkPool(workers=1, max_pending=4)
    release, ran = threading.Event(), []

    async def scenario():
        blocker = asyncio.ensure_future(pool.run(release.wait))
        await asyncio.sleep(0.05)
        with pytest.raises(TimedOut):
            await pool.run(ran.append, "late", timeout=0.05)
        release.set()
        await blocker

    try:
        asyncio.run(scenario())
        pool.close()
        assert ran == []
    finally:
        release.set()


# -- 10. caps: WARC records, decompressed gzip (files and stdin), article length, the answer cache


def test_a_warc_record_over_the_cap_fails_by_name_and_the_others_are_read(tmp_path, monkeypatch):
    big = ARTICLE_HTML.replace("</article>", "<p>" + "More words of the long page. " * 2000 + "</p></article>")
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(warc_bytes([("https://news.example/big", big), ("https://news.example/small", ARTICLE_HTML)], True))
    monkeypatch.setenv("NEWSGRAPH_MAX_WARC_RECORD_BYTES", str(len(ARTICLE_HTML) * 2))
    big_one, small_one, *_ = collect([p])
    assert isinstance(big_one, InputError) and big_one.input == f"{p}:1" and "MAX_WARC_RECORD_BYTES" in big_one.reason
    assert isinstance(small_one, Document) and small_one.source.url == "https://news.example/small"


def test_gzip_bombs_stop_at_the_decompressed_cap(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_MAX_DECOMPRESSED_BYTES", str(1_000_000))
    bomb = gzip.compress(b"a " * 5_000_000)
    (tmp_path / "bomb.txt.gz").write_bytes(bomb)
    [err] = collect([tmp_path / "bomb.txt.gz"])
    assert "decompressed" in err.reason and "NEWSGRAPH_MAX_DECOMPRESSED_BYTES" in err.reason
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bomb)))
    [err] = collect(["-"])
    assert err.input == "<stdin>" and "decompressed" in err.reason


def test_an_article_over_the_character_limit_is_refused_naming_the_limit(monkeypatch):
    from newsgraph.read import read_text

    monkeypatch.setenv("NEWSGRAPH_MAX_ARTICLE_CHARS", "100")
    with pytest.raises(InputError, match="NEWSGRAPH_MAX_ARTICLE_CHARS"):
        read_text(GOOD * 3)
    assert read_text(GOOD).text == GOOD


def test_the_answer_cache_is_bounded_in_bytes(tmp_path, monkeypatch):
    from newsgraph.serve.corpus import Corpus
    from newsgraph.store import query

    monkeypatch.setenv("NEWSGRAPH_CACHE_BYTES", "4000")
    corpus = Corpus(str(write_store(tmp_path / "s.duckdb", corpus_records())))
    try:
        for limit in range(1, 60):
            corpus.answer(query.events, limit=limit)
            assert corpus._bytes <= 4000
        assert 0 < len(corpus._answers) < 59
    finally:
        corpus.close()


# -- 11. a truncated or corrupt store: one line from every command, no traceback


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_a_damaged_store_is_one_line_from_every_command(tmp_path, capsys, damage):
    db = write_store(tmp_path / "s.duckdb", corpus_records())
    data = db.read_bytes()
    db.write_bytes(data[:16384] if damage == "truncated" else b"not a store at all" * 10)
    (tmp_path / "a.txt").write_text(GOOD)
    for argv in (["events"], ["export", "--format", "jsonl", "-o", tmp_path / "e.jsonl"], ["quotes"],
                 ["ingest", tmp_path / "a.txt"], ["sql", "SELECT count(*) FROM events, articles, quotes"]):
        code, _, err = run_cli(capsys, *argv, "--db", db)
        assert code == 1, argv
        assert_one_line_messages(err)
        assert err.startswith(f"newsgraph: error: {db}: ") and err.count("\n") == 1, (argv, err)


# -- 12. names and garbled records in messages


def test_file_names_cannot_forge_lines_or_send_control_codes(tmp_path, capsys):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a\nnewsgraph: 0 input(s) failed\n.txt").write_text("")
    (folder / "b\x1b[31mred\u202e.txt").write_text("")
    (folder / "c.txt").write_text(GOOD)
    code, _, err = run_cli(capsys, "analyze", folder, "--jsonl", "-o", tmp_path / "out.jsonl")
    assert code == 1
    assert_one_line_messages(err)
    assert "a\\nnewsgraph: 0 input(s) failed\\n.txt: empty input" in err and "\\x1b[31mred\\u202e" in err
    assert "\x1b" not in err and "\u202e" not in err


@pytest.mark.parametrize("junk", [
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\x00\x1b\x07" + bytes(range(256)) * 4,
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nabcde" + bytes(range(256)) * 4,
])
def test_a_garbled_warc_gives_a_short_printable_message(tmp_path, capsys, junk):
    p = tmp_path / "junk.warc"
    p.write_bytes(junk)
    items = collect([p])
    assert "Remainder" not in capsys.readouterr().err  # warcio's own warning, raw bytes and all
    for item in items:
        assert isinstance(item, InputError)
        assert len(str(item)) < 300 and str(item).isascii() and str(item) == printable(str(item))


# -- 9 (the list): a hostile corpus, generated here; every input one result, in order


def _hostile_corpus(folder) -> dict[str, bytes]:
    nested = "<html><body>" + "<div>" * 100_000 + GOOD + "</div>" * 100_000 + "</body></html>"
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    files = {
        "empty.txt": b"", "blank.txt": b" \n\t \n", "binary.txt": bytes(range(256)) * 32,
        "png.html": png, "latin1.txt": "Le maire a déclaré à Genève qu'il était prêt.".encode("latin-1"),
        "utf16.txt": "\ufeffThe mayor spoke in Bergen.".encode("utf-16"),
        "single-line.txt": ("word " * 400_000).encode(), "nested.html": nested.encode(),
        "script-only.html": b"<html><head><script>alert(1)</script></head><body><script>x()</script></body></html>",
        "truncated.txt.gz": gzip.compress(GOOD.encode() * 50)[:40], "bomb.txt.gz": gzip.compress(b"\0" * 60_000_000),
        "broken.jsonl": b'{"text": "one"\n[1, 2]\n"just a string"\n{"html": 5}\n\xff\xfe{{\n',
        "good.txt": GOOD.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def test_the_hostile_corpus_gives_one_result_per_input_and_never_raises(tmp_path):
    files = _hostile_corpus(tmp_path)
    items = collect([tmp_path])
    names = {(i.input if isinstance(i, InputError) else i.name).split(":")[0].rsplit("/", 1)[-1] for i in items}
    assert names == set(files)
    docs = {i.name.rsplit("/", 1)[-1]: i for i in items if isinstance(i, Document)}
    assert set(docs) >= {"good.txt", "latin1.txt", "utf16.txt"}
    assert "déclaré à Genève" in docs["latin1.txt"].text
    for item in items:
        if isinstance(item, InputError):
            assert str(item) == printable(str(item)) and len(item.reason) <= 310


def test_fifty_megabytes_of_text_is_refused_by_the_article_limit(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        for _ in range(50):
            f.write(b"The council met again. " * 45_000)
    [err] = collect([p])
    assert "too long" in err.reason and "NEWSGRAPH_MAX_ARTICLE_CHARS" in err.reason


def test_ten_thousand_tiny_files_are_read_in_order(tmp_path):
    for n in range(10_000):
        (tmp_path / f"{n:05d}.txt").write_text(f"Note {n}.")
    items = collect([tmp_path])
    assert len(items) == 10_000 and items[-1].text == "Note 9999."


def test_the_hostile_corpus_through_ingest_stores_the_good_and_records_the_rest(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = _hostile_corpus(corpus)
    db = tmp_path / "s.duckdb"
    code, _, err = run_cli(capsys, "ingest", corpus, "--db", db)
    assert code == 1
    assert_one_line_messages(err)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = {r[0].rsplit("/", 1)[-1] for r in con.execute("SELECT path FROM articles").fetchall()}
        failed = {r[0].split(":")[0].rsplit("/", 1)[-1] for r in con.execute("SELECT input FROM failures").fetchall()}
    finally:
        con.close()
    assert {"good.txt", "latin1.txt", "utf16.txt"} <= stored
    assert stored | failed == set(files) and not stored & failed


# -- limits: one home, every one documented


def test_every_limit_is_documented_with_its_default_and_variable():
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in page.splitlines() if line.startswith("| `NEWSGRAPH_")}
    assert set(rows) == {f"`{limit.variable}`" for limit in limits.LIMITS.values()}
    for limit in limits.LIMITS.values():
        shown = f"{limit.default:,}" if isinstance(limit.default, int) else f"{limit.default:g}"
        assert f"| {shown} {limit.unit}" in rows[f"`{limit.variable}`"], limit.name


def test_a_limit_is_changed_by_its_variable_and_a_bad_value_is_named(monkeypatch):
    from newsgraph.errors import NewsgraphError

    monkeypatch.setenv("NEWSGRAPH_FETCH_SECONDS", "2.5")
    assert limits.get("fetch_seconds") == 2.5
    monkeypatch.setenv("NEWSGRAPH_MAX_INPUT_BYTES", "lots")
    with pytest.raises(NewsgraphError, match="NEWSGRAPH_MAX_INPUT_BYTES"):
        limits.get("max_input_bytes")

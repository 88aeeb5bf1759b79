"""Reading inputs: every format, folders and globs, and each kind of bad input."""

from __future__ import annotations

import gzip
import json

import pytest

from handmade import ARTICLE_HTML, warc_bytes
from newsgraph.errors import InputError
from newsgraph.read import Document, read_inputs
from newsgraph.read.url import check_host


def collect(specs, **kw) -> list[Document | InputError]:
    return list(read_inputs([str(s) for s in specs], **kw))


def one_error(items) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_plain_text_utf8(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Ministers met in Oslo.\n", encoding="utf-8")
    [doc] = collect([p])
    assert doc.text == "Ministers met in Oslo.\n"
    assert doc.source.path == str(p) and doc.source.format == "text"


def test_plain_text_in_another_encoding_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le ministre a déclaré à Genève que la réunion était terminée.".encode("cp1252"))
    [doc] = collect([p])
    assert "déclaré à Genève" in doc.text


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty"), (b"   \n\n  ", "empty"), (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary")],
)
def test_empty_and_binary_files_are_refused_by_name(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    err = one_error(collect([p]))
    assert err.input == str(p) and reason in err.reason
    assert "\n" not in str(err)


def test_html_page_gives_main_text_headline_and_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(ARTICLE_HTML, encoding="utf-8")
    [doc] = collect([p])
    assert doc.source.format == "html"
    assert doc.text.startswith("Harbour council approves new ferry route\n")
    assert doc.hints.headline == "Harbour council approves new ferry route"
    assert "four hundred passengers" in doc.text.replace("\n", " ")
    assert "Sport" not in doc.text  # navigation is not article text
    assert doc.hints.published == "2021-03-04" and doc.hints.published_source == "html"
    assert doc.hints.publisher == "Coast Gazette"
    assert doc.hints.language == "en"


def test_gzipped_html_and_truncated_gzip(tmp_path):
    good = tmp_path / "page.html.gz"
    good.write_bytes(gzip.compress(ARTICLE_HTML.encode()))
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(gzip.compress(ARTICLE_HTML.encode())[:200])
    items = collect([good, bad])
    assert isinstance(items[0], Document) and "ferry" in items[0].text
    assert isinstance(items[1], InputError) and items[1].input == str(bad)
    assert "gzip" in items[1].reason


def test_html_without_article_is_an_error(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    err = one_error(collect([p]))
    assert "no article" in err.reason


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses_with_target_uri(tmp_path, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(warc_bytes([("https://news.example/a", ARTICLE_HTML),
                               ("https://news.example/b", ARTICLE_HTML.replace("ferry", "tram"))], gz))
    docs = collect([p])
    assert [d.source.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
    assert all(d.source.format == "warc" and d.source.path == str(p) for d in docs)
    assert "tram route" in docs[1].text


def test_truncated_warc_keeps_what_was_read_and_reports_the_rest(tmp_path):
    data = warc_bytes([("https://news.example/a", ARTICLE_HTML), ("https://news.example/b", ARTICLE_HTML)], True)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    items = collect([p])
    assert isinstance(items[0], Document) and items[0].source.url == "https://news.example/a"
    assert isinstance(items[-1], InputError) and items[-1].input.startswith(str(p))


def test_jsonl_lines_text_html_and_a_broken_line(tmp_path):
    p = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"text": "The mayor opened the bridge.", "title": "Bridge opens", "date": "2020-05-01",
                    "url": "https://x.example/1", "publisher": "Town Post"}),
        "{not json",
        json.dumps({"html": ARTICLE_HTML, "url": "https://x.example/2"}),
        json.dumps({"title": "no body"}),
    ]
    p.write_text("\n".join(lines) + "\n")
    items = collect([p])
    first, broken, page, nobody = items
    assert first.text.startswith("Bridge opens\n\nThe mayor") and first.hints.published == "2020-05-01"
    assert first.hints.published_source == "jsonl" and first.hints.publisher == "Town Post"
    assert first.source.url == "https://x.example/1" and first.source.line == 1
    assert isinstance(broken, InputError) and broken.input == f"{p}:2" and "JSON" in broken.reason
    assert page.source.format == "jsonl" and "ferry" in page.text
    assert isinstance(nobody, InputError) and nobody.input == f"{p}:4"


def test_folder_and_glob_are_expanded_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.txt", "sub/c.txt"):
        (tmp_path / name).write_text(f"Text of {name}.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    assert [d.text for d in collect([tmp_path])] == ["Text of a.txt.", "Text of b.txt.", "Text of sub/c.txt."]
    assert [d.text for d in collect([tmp_path / "*.txt"])] == ["Text of a.txt.", "Text of b.txt."]
    assert "matches no files" in one_error(collect([tmp_path / "*.warc"])).reason
    assert "no such file" in one_error(collect([tmp_path / "missing.txt"])).reason


def test_size_cap(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 100)
    err = one_error(collect([p], max_bytes=100))
    assert "too large" in err.reason


def test_private_and_loopback_urls_are_refused():
    for url in ("http://127.0.0.1/x", "http://localhost:8000/", "http://10.1.2.3/", "http://[::1]/"):
        with pytest.raises(InputError, match="allow-private"):
            check_host(url, allow_private=False)
    err = one_error(collect(["http://127.0.0.1:9/story"]))
    assert err.input == "http://127.0.0.1:9/story"


def test_url_fetch_with_allow_private_reads_the_page(loopback_page):
    url = loopback_page(ARTICLE_HTML, "text/html; charset=utf-8")
    [doc] = collect([url], allow_private=True)
    assert doc.source.url == url and doc.source.format == "html" and "ferry route" in doc.text
    assert "too large" in one_error(collect([url], allow_private=True, max_bytes=500)).reason

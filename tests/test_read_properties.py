"""Property-based tests (Hypothesis) over the readers: whatever the bytes, a reader gives
Documents and InputErrors, never an exception, and every text it lets in is safe."""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handmade import ARTICLE_HTML, warc_bytes
from newsgraph.errors import InputError, printable
from newsgraph.read import Document, _guarded, _read_stream, read_inputs
from newsgraph.read.jsonl import read_jsonl
from newsgraph.read.text import decode
from newsgraph.read.warc import read_warc

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_safe(items) -> None:
    for item in items:
        assert isinstance(item, Document | InputError), item
        if isinstance(item, Document):
            item.text.encode("utf-8")  # no lone surrogates
            assert "\x00" not in item.text and item.text.strip()
        else:
            assert str(item) == printable(str(item))


text_like = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.text(max_size=500), st.binary(max_size=20), st.text(max_size=500)).map(
        lambda p: p[0].encode("utf-8", "surrogatepass") + p[1] + p[2].encode("utf-8", "surrogatepass")),
    st.text(max_size=500).map(lambda t: t.encode("utf-16-le", "surrogatepass")),
)


@SETTINGS
@given(text_like)
def test_decode_gives_text_or_an_input_error(data):
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        assert exc.input == "x.txt"
        return
    assert isinstance(text, str)


@SETTINGS
@given(text_like, st.sampled_from(["a.txt", "a.txt.gz", "a.jsonl", "a.html"]))
def test_files_of_any_bytes_give_documents_or_errors(data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, name)
        with open(path, "wb") as f:
            f.write(gzip.compress(data) if name.endswith(".gz") else data)
        assert_safe(read_inputs([path]))


@SETTINGS
@given(st.one_of(text_like, text_like.map(gzip.compress), text_like.map(lambda d: gzip.compress(d)[:-5])))
def test_standard_input_of_any_bytes_gives_documents_or_errors(data):
    assert_safe(_guarded("<stdin>", lambda: _read_stream(io.BytesIO(data), "<stdin>", 1_000_000)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
articles = st.fixed_dictionaries({}, optional={
    "text": st.text(max_size=300) | json_values, "title": st.text(max_size=40) | json_values,
    "date": st.text(max_size=12) | st.integers() | json_values, "url": st.text(max_size=30) | json_values,
})


@SETTINGS
@given(st.lists(articles.map(json.dumps) | st.text(max_size=80).filter(lambda s: "\n" not in s), max_size=6))
def test_jsonl_gives_one_result_per_line_in_order(lines):
    lines = [line for line in lines if line.strip() and "\r" not in line and "\x0b" not in line]
    items = list(read_jsonl(lines, "d.jsonl"))
    assert len(items) == len(lines)
    names = [i.input if isinstance(i, InputError) else i.name for i in items]
    assert names == [f"d.jsonl:{n}" for n in range(1, len(lines) + 1)]
    assert_safe(items)


PAGES = [("https://news.example/a", ARTICLE_HTML), ("https://news.example/b", ARTICLE_HTML.replace("ferry", "tram"))]
WHOLE = {url: html for url, html in PAGES}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans(), st.floats(0, 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=3))
def test_a_damaged_warc_never_yields_part_of_a_page(gz, cut, flips):
    data = bytearray(warc_bytes(PAGES, gz))
    for where, byte in flips:
        data[int(where * (len(data) - 1))] = byte
    data = bytes(data[: max(1, int(cut * len(data)))])
    full = {doc.source.url: doc.text for doc in read_warc(io.BytesIO(warc_bytes(PAGES, gz)), "w")
            if isinstance(doc, Document)}
    items = list(read_warc(io.BytesIO(data), "w.warc"))
    assert_safe(items)
    if not flips:  # cut only: every page read is the whole page
        for doc in items:
            if isinstance(doc, Document):
                assert doc.text == full[doc.source.url]


@SETTINGS
@given(st.text())
def test_printable_is_one_line_without_control_characters(text):
    shown = printable(text)
    assert "\n" not in shown and "\x1b" not in shown and "\r" not in shown
    assert not any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in shown)
    assert not any(unicodedata.bidirectional(ch) in ("LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI")
                   for ch in shown)
    shown.encode("utf-8")

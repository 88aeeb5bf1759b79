"""WARC files: each HTML response record is one page, with its target URI and date."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph.errors import InputError
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.text import decode
from newsgraph.record import Source


def read_warc(stream: BinaryIO, name: str) -> Iterator[Document | InputError]:
    """Yield a Document (or the InputError of one record) per HTML response record.

    A truncated or corrupt file yields the records read before the damage, then an
    InputError for the rest.
    """
    count = 0
    try:
        for number, rec in enumerate(ArchiveIterator(stream), 1):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            count += 1
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            rec_name = f"{name}:{number}"
            source = Source(path=name, url=uri, format="warc", line=number)
            try:
                body = rec.content_stream().read()
                html = decode(body, rec_name) if not _declares_charset(ctype) else _decode_declared(body, ctype)
                hints = Hints(url=uri)
                warc_date = rec.rec_headers.get_header("WARC-Date")
                yield _with_warc_date(read_html(html, rec_name, source, hints), warc_date)
            except InputError as exc:
                yield exc
    except Exception as exc:  # warcio raises several kinds on damaged streams
        yield InputError(name, f"damaged WARC after {count} pages: {exc.__class__.__name__}: {exc}")
        return
    if count == 0:
        yield InputError(name, "no HTML response records in the WARC file")


def _with_warc_date(doc: Document, warc_date: str | None) -> Document:
    # The crawl date bounds the publication date from above; use it only when the page says nothing.
    if warc_date and not doc.hints.published:
        doc.hints.published, doc.hints.published_source = warc_date[:10], "warc"
    return doc


def _declares_charset(ctype: str) -> bool:
    return "charset=" in ctype.lower()


def _decode_declared(body: bytes, ctype: str) -> str:
    charset = ctype.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'")
    try:
        return body.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return body.decode("utf-8", "replace")

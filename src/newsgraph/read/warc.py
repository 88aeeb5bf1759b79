"""WARC files: each HTML response record is one page, with its target URI and date.

A record is read whole or not at all: one cut short by truncation, or whose payload is
over the ``max_warc_record_bytes`` limit, becomes an InputError naming the record, never
half a page. All the records of one file together may hold at most
``max_decompressed_bytes`` (a gzip bomb stops there).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsgraph import limits
from newsgraph.errors import InputError, note
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.text import decode
from newsgraph.record import Source

_CHUNK = 1 << 16


class _Records(ArchiveIterator):
    """warcio's iterator without its warning on standard error (several lines holding the raw
    bytes that follow a record whose length is wrong): :func:`read_warc` says it in one note."""

    INC_RECORD = ""


class _Budget:
    """Bytes of a WARC file read so far, against the decompressed limit."""

    def __init__(self, name: str):
        self.name, self.left = name, limits.get("max_decompressed_bytes")

    def spend(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            cap = limits.LIMITS["max_decompressed_bytes"]
            raise InputError(self.name, f"the records hold more than {limits.get(cap.name):,} bytes once "
                                        f"decompressed (set by {cap.variable}); the rest of the file is not read")


def read_warc(stream: BinaryIO, name: str) -> Iterator[Document | InputError]:
    """Yield a Document (or the InputError of one record) per HTML response record.

    A truncated or corrupt file yields the whole records read before the damage, then an
    InputError for the rest.
    """
    count = 0
    budget = _Budget(name)
    number = 0
    records = _Records(stream)
    try:
        for number, rec in enumerate(records, 1):  # noqa: B007 - number is reported below
            if rec.rec_type != "response" or rec.http_headers is None:
                _drain(rec, budget)
                continue
            ctype = rec.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                _drain(rec, budget)
                continue
            count += 1
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            rec_name = f"{name}:{number}"
            source = Source(path=name, url=uri, format="warc", line=number)
            try:
                body = _payload(rec, rec_name, budget)
                html = decode(body, rec_name) if not _declares_charset(ctype) else _decode_declared(body, ctype)
                hints = Hints(url=uri)
                warc_date = rec.rec_headers.get_header("WARC-Date")
                yield _with_warc_date(read_html(html, rec_name, source, hints), warc_date)
            except InputError as exc:
                if exc.input == name:  # the file's budget is spent: stop here
                    raise
                yield exc
    except InputError as exc:
        yield exc
        return
    except Exception as exc:  # warcio raises several kinds on damaged streams
        detail = str(exc).partition(", first line")[0][:120]  # not the garbage it found there
        yield InputError(name, f"damaged WARC after record {number} ({count} pages): "
                               f"{exc.__class__.__name__}: {detail}")
        return
    finally:
        if records.err_count:
            note(name, f"{records.err_count} record(s) not followed by the blank line their Content-Length "
                       "says (a wrong length, or damage)")
    if count == 0:
        yield InputError(name, "no HTML response records in the WARC file")


def _payload(rec, rec_name: str, budget: _Budget) -> bytes:
    """The record's payload, whole: InputError when it is over the cap or cut short."""
    cap = limits.get("max_warc_record_bytes")
    try:
        body = rec.content_stream().read(cap + 1)
    except Exception as exc:  # a broken chunked or compressed payload
        _drain(rec, budget)
        raise InputError(rec_name, f"damaged record payload: {exc.__class__.__name__}: {exc}") from None
    budget.spend(len(body))
    if len(body) > cap:
        _drain(rec, budget)
        raise InputError(rec_name, f"record payload over {cap:,} bytes (the limit, set by "
                                   f"{limits.LIMITS['max_warc_record_bytes'].variable}); not read")
    _drain(rec, budget)
    missing = getattr(rec.raw_stream, "limit", 0)
    if missing > 0:
        raise InputError(rec_name, f"truncated record: {missing:,} of its {rec.length:,} bytes are missing; "
                                   "the page is not stored")
    return body


def _drain(rec, budget: _Budget) -> None:
    """Read the rest of a record (so truncation shows), within the file's budget."""
    while chunk := rec.raw_stream.read(_CHUNK):
        budget.spend(len(chunk))


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

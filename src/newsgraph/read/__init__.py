"""Reading inputs into Documents: files, folders, globs, standard input and URLs.

:func:`read_inputs` yields, in input order, a :class:`Document` per article or an
:class:`~newsgraph.errors.InputError` per input (or part of one) that cannot be read, so
a batch can go on past bad input.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator

from newsgraph.errors import InputError
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.jsonl import read_jsonl
from newsgraph.read.text import check_text, decode
from newsgraph.read.url import fetch, is_url
from newsgraph.read.warc import read_warc
from newsgraph.record import Source

__all__ = ["Document", "Hints", "read_inputs", "read_text", "count_files", "expand", "MAX_BYTES", "SUFFIXES"]

MAX_BYTES = 50 * 1024 * 1024  # per input file (after gunzip), and per fetched URL

# suffix -> format; the longest matching suffix wins
SUFFIXES = {
    ".txt": "text", ".text": "text", ".txt.gz": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".html.gz": "html", ".htm.gz": "html",
    ".warc": "warc", ".warc.gz": "warc",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl",
}


def read_text(text: str, name: str = "<text>") -> Document:
    """A Document from a string already in memory."""
    return Document(text=check_text(text, name), source=Source(format="text"))


def read_inputs(
    specs: Iterable[str], *, max_bytes: int = MAX_BYTES, allow_private: bool = False
) -> Iterator[Document | InputError]:
    for spec in specs:
        if spec == "-":
            yield from _guarded("<stdin>", lambda: _read_stream(sys.stdin.buffer, "<stdin>", max_bytes))
        elif is_url(spec):
            yield from _guarded(spec, lambda s=spec: _read_url(s, max_bytes, allow_private))
        else:
            paths = expand(spec)
            if isinstance(paths, InputError):
                yield paths
                continue
            for path in paths:
                yield from _guarded(path, lambda p=path: _read_path(p, max_bytes))


def count_files(specs: Iterable[str]) -> int:
    """How many files (or streams and URLs) the specs name: the progress bar's total."""
    total = 0
    for spec in specs:
        found = [spec] if spec == "-" or is_url(spec) else expand(spec)
        total += len(found) if isinstance(found, list) else 1
    return total


def _guarded(name: str, produce) -> Iterator[Document | InputError]:
    """Run a reader, turning any failure into an InputError that names the input."""
    try:
        yield from produce()
    except InputError as exc:
        yield exc
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(name, _describe(exc))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"truncated or corrupt gzip data ({exc})"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return f"{exc.__class__.__name__}: {exc}"


def expand(spec: str) -> list[str] | InputError:
    """The files a path, folder or glob names, sorted; folders are searched recursively."""
    if os.path.isdir(spec):
        found = []
        for root, dirs, files in os.walk(spec):
            dirs.sort()
            found += [os.path.join(root, f) for f in sorted(files) if _format_of(f) and not f.startswith(".")]
        return found or InputError(spec, "no readable files in the folder (.txt, .html, .warc, .jsonl, ...)")
    if any(c in spec for c in "*?["):
        found = sorted(p for p in glob.glob(spec, recursive=True) if os.path.isfile(p))
        return found or InputError(spec, "the pattern matches no files")
    if not os.path.exists(spec):
        return InputError(spec, "no such file or folder")
    return [spec]


def _format_of(path: str) -> str | None:
    lower = path.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def _read_path(path: str, max_bytes: int) -> Iterator[Document | InputError]:
    fmt = _format_of(path)
    if fmt == "warc":
        with open(path, "rb") as f:
            yield from read_warc(f, path)
        return
    size = os.path.getsize(path)
    if size > max_bytes and not path.lower().endswith(".gz"):
        raise InputError(path, f"file too large ({size} bytes; the cap is {max_bytes})")
    data = _read_limited(path, path.lower().endswith(".gz"), max_bytes)
    yield from _parse_bytes(data, path, fmt, Source(path=path, format=fmt or "text"))


def _read_limited(path: str, gz: bool, max_bytes: int) -> bytes:
    opener = gzip.open if gz else open
    with opener(path, "rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(path, f"file too large (over the cap of {max_bytes} bytes)")
    return data


def _parse_bytes(data: bytes, name: str, fmt: str | None, source: Source) -> Iterator[Document | InputError]:
    fmt = fmt or _sniff(data)
    source.format = fmt
    if fmt == "warc":
        yield from read_warc(io.BytesIO(data), name)
    elif fmt == "jsonl":
        yield from read_jsonl(decode(data, name).splitlines(), name)
    elif fmt == "html":
        yield read_html(decode(data, name), name, source)
    else:
        yield Document(text=check_text(decode(data, name), name), source=source)


def _sniff(data: bytes) -> str:
    """The format of unnamed input (standard input, URLs) from its first bytes."""
    head = data[:512].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body", b"<!--")):
        return "html"
    if head.startswith(b"{") and b'"' in head:
        return "jsonl"
    return "text"


def _read_stream(stream, name: str, max_bytes: int) -> Iterator[Document | InputError]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"input too large (over the cap of {max_bytes} bytes)")
    if data[:2] == b"\x1f\x8b" and not data[:512].lstrip().lower().startswith(b"warc/"):
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error):
            raise InputError(name, "truncated or corrupt gzip data") from None
    yield from _parse_bytes(data, name, None, Source(format="text"))


def _read_url(url: str, max_bytes: int, allow_private: bool) -> Iterator[Document | InputError]:
    body, ctype = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
    fmt = "html" if "html" in ctype.lower() else ("text" if ctype.lower().startswith("text/plain") else None)
    source = Source(url=url, format=fmt or "text")
    if fmt == "html" or (fmt is None and _sniff(body) == "html"):
        source.format = "html"
        yield read_html(decode(body, url), url, source, Hints(url=url))
    else:
        yield from _parse_bytes(body, url, fmt, source)

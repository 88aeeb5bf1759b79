"""Reading inputs into Documents: files, folders, globs, standard input and URLs.

:func:`read_inputs` yields, in input order, a :class:`Document` per article or an
:class:`~newsgraph.errors.InputError` per input (or part of one) that cannot be read, so
a batch can go on past bad input.
"""

from __future__ import annotations

import errno
import glob
import gzip
import io
import logging
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator

from newsgraph import limits
from newsgraph.errors import InputError, note
from newsgraph.read.document import Document, Hints
from newsgraph.read.html import read_html
from newsgraph.read.jsonl import read_jsonl
from newsgraph.read.text import check_text, decode
from newsgraph.read.url import fetch, is_url
from newsgraph.read.warc import read_warc
from newsgraph.record import Source

log = logging.getLogger(__name__)

__all__ = ["Document", "Hints", "read_inputs", "read_text", "count_files", "expand", "SUFFIXES"]

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
    specs: Iterable[str], *, max_bytes: int | None = None, allow_private: bool = False
) -> Iterator[Document | InputError]:
    """Documents (and InputErrors) of the specs in order; ``max_bytes`` caps each input as
    read (default: the ``max_input_bytes`` limit)."""
    max_bytes = max_bytes or limits.get("max_input_bytes")
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
        found = [spec] if spec == "-" or is_url(spec) else expand(spec, notes=False)
        total += len(found) if isinstance(found, list) else 1
    return total


def _guarded(name: str, produce: Callable[[], Iterator]) -> Iterator[Document | InputError]:
    """Run a reader, turning any failure into an InputError that names the input: whatever
    one input holds, the batch goes on."""
    try:
        yield from produce()
    except InputError as exc:
        yield exc
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield InputError(name, _describe(exc))
    except (RecursionError, ValueError, LookupError, TypeError, ArithmeticError, AttributeError) as exc:
        log.debug("reading %s failed", name, exc_info=True)
        yield InputError(name, f"cannot be read: {exc.__class__.__name__}: {exc}")


def _describe(exc: BaseException) -> str:
    if isinstance(exc, EOFError | zlib.error | gzip.BadGzipFile):
        return f"truncated or corrupt gzip data ({exc})"
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if getattr(exc, "errno", None) == errno.ELOOP:
        return "a symlink loop (too many levels of symbolic links)"
    return f"{exc.__class__.__name__}: {exc.strerror or exc}" if isinstance(exc, OSError) else str(exc)


def expand(spec: str, *, notes: bool = True) -> list[str] | InputError:
    """The files a path, folder or glob names, sorted; folders are searched recursively.

    From folders and globs only regular files are taken (a FIFO, socket or device is
    skipped with a note: reading one could wait for ever); a path named on its own is
    taken as it is, so ``<(zcat x.txt.gz)`` works. ``notes=False`` counts without saying so.
    """
    if os.path.isdir(spec):
        found = []
        for root, dirs, files in os.walk(spec):
            dirs.sort()
            found += [path for f in sorted(files) if _format_of(f) and not f.startswith(".")
                      and _regular(path := os.path.join(root, f), notes)]
        return found or InputError(spec, "no readable files in the folder (.txt, .html, .warc, .jsonl, ...)")
    if any(c in spec for c in "*?["):
        found = sorted(p for p in glob.glob(spec, recursive=True) if not os.path.isdir(p) and _regular(p, notes))
        return found or InputError(spec, "the pattern matches no files")
    try:
        os.stat(spec)
    except OSError as exc:
        return InputError(spec, "no such file or folder" if isinstance(exc, FileNotFoundError) else _describe(exc))
    return [spec]


def _regular(path: str, notes: bool) -> bool:
    """Whether ``path`` is a regular file (after symlinks); a note says why another is skipped."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        why = _describe(exc)
    else:
        if stat.S_ISREG(mode):
            return True
        kind = "a FIFO" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        why = f"{kind}, not a regular file"
    if notes:
        note(path, f"skipped: {why}")
    return False


def _format_of(path: str) -> str | None:
    lower = path.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def _read_path(path: str, max_bytes: int) -> Iterator[Document | InputError]:
    fmt = _format_of(path)
    size = os.stat(path).st_size
    if size > max_bytes:
        raise InputError(path, f"file too large ({size:,} bytes; {_cap('max_input_bytes', max_bytes)})")
    if fmt == "warc":
        with open(path, "rb") as f:
            yield from read_warc(f, path)
        return
    with open(path, "rb") as f:
        data = _read_capped(f, path, max_bytes, "max_input_bytes")
    if path.lower().endswith(".gz"):
        data = _gunzip(data, path)
    yield from _parse_bytes(data, path, fmt, Source(path=path, format=fmt or "text"))


def _cap(name: str, value: int | None = None) -> str:
    """How a message names a limit: its value and the variable that changes it."""
    value = limits.get(name) if value is None else value
    return f"the limit is {value:,} bytes, set by {limits.LIMITS[name].variable}"


def _read_capped(stream, name: str, cap: int, limit_name: str) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError(name, f"too large (over {cap:,} bytes; {_cap(limit_name, cap)})")
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    """Gzip data decompressed, at most ``max_decompressed_bytes`` of it (a gzip bomb stops there)."""
    cap = limits.get("max_decompressed_bytes")
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            return _read_capped(f, name, cap, "max_decompressed_bytes")
    except InputError:
        raise InputError(name, f"too large once decompressed ({_cap('max_decompressed_bytes', cap)})") from None


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
    data = _read_capped(stream, name, max_bytes, "max_input_bytes")
    if data[:2] == b"\x1f\x8b":
        if _is_gzipped_warc(data):
            yield from read_warc(io.BytesIO(data), name)
            return
        try:
            data = _gunzip(data, name)
        except (EOFError, OSError, zlib.error):
            raise InputError(name, "truncated or corrupt gzip data") from None
    yield from _parse_bytes(data, name, None, Source(format="text"))


def _is_gzipped_warc(data: bytes) -> bool:
    """Whether gzip data starts with a WARC record (a .warc.gz on standard input)."""
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 16)
    except zlib.error:
        return False
    return head.lstrip().lower().startswith(b"warc/")


def _read_url(url: str, max_bytes: int, allow_private: bool) -> Iterator[Document | InputError]:
    body, ctype = fetch(url, max_bytes=max_bytes, allow_private=allow_private)
    fmt = "html" if "html" in ctype.lower() else ("text" if ctype.lower().startswith("text/plain") else None)
    source = Source(url=url, format=fmt or "text")
    if fmt == "html" or (fmt is None and _sniff(body) == "html"):
        source.format = "html"
        yield read_html(decode(body, url), url, source, Hints(url=url))
    else:
        yield from _parse_bytes(body, url, fmt, source)

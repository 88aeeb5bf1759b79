"""Plain text: decode bytes, refusing what is not text; and make text safe at the door.

Decoding: UTF-8 when the bytes are UTF-8 (a few stray bytes in otherwise UTF-8 text are
replaced with U+FFFD and counted in a note, not taken as a sign of another encoding);
UTF-16 with a BOM, or without one when the zero bytes say so; otherwise the best-guessed
encoding. :func:`check_text` is the door every article's text passes on its way into a
Document: lone surrogates and NULs are replaced (and counted), and a text over the
article limit is refused with the limit named.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from newsgraph import limits
from newsgraph.errors import InputError, note

# Stray bytes are at most this share of the bytes that are not ASCII for text to count as
# UTF-8: in UTF-8 text every non-ASCII byte belongs to a valid sequence; in a single-byte
# encoding (Latin-1, cp1252, ...) almost none does.
STRAY_SHARE = 0.5


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16, else the best-guessed encoding.

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(name, "empty input")
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return _replacing(data, "utf-16", name)
    unmarked = _utf16_without_bom(data)
    if unmarked:
        return _replacing(data, unmarked, name)
    if _looks_binary(data):
        raise InputError(name, "binary data, not text")
    text = data.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    stray = _count_stray(text)
    if not stray:
        return text
    non_ascii = len(data.translate(None, _ASCII))
    if stray <= non_ascii * STRAY_SHARE:
        note(name, f"{stray} byte(s) that are not UTF-8 replaced with U+FFFD (the rest is UTF-8)")
        return _STRAY.sub("\ufffd", text)
    best = _best_guess(data[:200_000])
    if best is None or best.encoding is None:
        raise InputError(name, "cannot decode: not UTF-8 and no other encoding fits")
    return _replacing(data, best.encoding, name)


_ASCII = bytes(range(0x80))
_STRAY = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8
_UNSAFE = re.compile("[\x00\ud800-\udfff]")  # NULs and lone surrogates: no store or encoder takes them


def _count_stray(text: str) -> int:
    return len(_STRAY.findall(text))


def _replacing(data: bytes, encoding: str, name: str) -> str:
    """``data`` decoded as ``encoding``; bytes that do not fit are replaced and counted."""
    try:
        return data.decode(encoding)
    except LookupError:
        raise InputError(name, f"cannot decode: unknown encoding {encoding!r}") from None
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, "replace")
    note(name, f"bytes that are not {encoding} replaced with U+FFFD ({text.count(chr(0xFFFD))} characters)")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when zero bytes fill one byte of most pairs (text in
    Latin script), and never the other; else None."""
    head = data[:8192]
    head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    pairs = len(head) // 2
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd >= pairs * 0.6 and even == 0:
        return "utf-16-le"
    if even >= pairs * 0.6 and odd == 0:
        return "utf-16-be"
    return None


# Western encodings win a near tie: short texts fit several code pages about equally well,
# and most news that is not UTF-8 is in one of these.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _best_guess(data: bytes):
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if match.encoding in _PREFERRED and match.chaos <= best.chaos + 0.05:
            return match
    return best


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first kilobytes mean binary."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def check_text(text: str, name: str) -> str:
    """The door of every article's text: refuse text with nothing to analyse or over the
    article limit, and make it safe (:func:`make_safe`)."""
    if not text.strip():
        raise InputError(name, "empty input")
    most = limits.get("max_article_chars")
    if len(text) > most:
        raise InputError(name, f"text too long ({len(text):,} characters; the limit is {most:,}, "
                               f"set by {limits.LIMITS['max_article_chars'].variable})")
    return make_safe(text, name)


def make_safe(text: str, name: str) -> str:
    """``text`` with NULs and lone surrogates replaced by U+FFFD (one character for one, so
    offsets hold), saying how many: no encoder, hash or store takes them."""
    unsafe = len(_UNSAFE.findall(text))
    if unsafe:
        note(name, f"{unsafe} NUL or lone surrogate character(s) replaced with U+FFFD")
        text = _UNSAFE.sub("\ufffd", text)
    return text

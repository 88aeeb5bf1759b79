"""Plain text: decode bytes, refusing what is not text."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from newsgraph.errors import InputError


def decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the best-guessed encoding.

    Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError(name, "empty input")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    if _looks_binary(data):
        raise InputError(name, "binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = _best_guess(data[:200_000])
    if best is None or best.encoding is None:
        raise InputError(name, "cannot decode: not UTF-8 and no other encoding fits")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(name, f"cannot decode as {best.encoding}: {exc}") from None
    return text


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
    """Refuse text with nothing to analyse."""
    if not text.strip():
        raise InputError(name, "empty input")
    return text

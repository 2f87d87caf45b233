"""Plain text and Markdown: bytes -> str, the encoding found from the bytes themselves.

UTF-8 (with or without its byte order mark) is tried first; UTF-16 is taken on its byte
order mark or, without one, when the zero bytes fall on every other place the way Dutch
text in UTF-16 has them; anything else is Windows-1252, the encoding of texts saved by
older Windows programs. Never raises: undecodable bytes become replacement characters and
a diagnostic.
"""

from __future__ import annotations

import codecs

from ..diagnostics import Diagnostic, diagnostic

__all__ = ["decode", "utf16_without_bom"]


def utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` looks like UTF-16 text without a byte order
    mark: an even length, and zero bytes in most of one half of the places and hardly any of
    the other (Latin text in UTF-16 has a zero beside nearly every letter)."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd >= 0.6 * half and even <= 0.05 * half:
        return "utf-16-le"
    if even >= 0.6 * half and odd <= 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """The text of ``data``, the encoding it was read in, and what was noticed."""
    notes: list[Diagnostic] = []
    wide = utf16_without_bom(data)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        notes.append(diagnostic("L004"))
        encoding = "utf-16"
    elif wide is not None:
        text = data.decode(wide, errors="replace")
        notes.append(diagnostic("L006"))
        encoding = "utf-16"
    else:
        try:
            text = data.decode("utf-8-sig")
            encoding = "utf-8"
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            encoding = "cp1252"
            notes.append(diagnostic("L001"))
    bad = text.count("\ufffd")
    if bad:
        notes.append(diagnostic("L003", count=bad))
    if "\x00" in text:
        notes.append(diagnostic("L002"))
        text = text.replace("\x00", "")
    return text, encoding, tuple(notes)

"""Stage 1: bytes -> text, with a diagnostic for everything that was not plain UTF-8.

Never raises on the content of a file: undecodable bytes become replacement
characters and a diagnostic. Raises :class:`LoadError` (one line, for the CLI) only
when there is nothing to read: a missing file, a folder, a binary format we do not
read as text.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

from attrs import define

from .diagnostics import Diagnostic, diagnostic

__all__ = ["LoadError", "Source", "decode", "read"]

MAX_BYTES = 50 * 1024 * 1024

_BINARY = (
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) document"),
    (b"{\\rtf", "an RTF document"),
)


class LoadError(Exception):
    """The input cannot be read; the message is one line for the user."""


@define(frozen=True)
class Source:
    text: str
    path: str | None
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def decode(data: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    notes: list[Diagnostic] = []
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
        notes.append(diagnostic("L004"))
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


def read(path: str | Path) -> Source:
    """Read a file, or standard input for ``-``."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read()
        name_shown: str | None = "-"
    else:
        file = Path(path)
        name_shown = name
        try:
            if file.is_dir():
                raise LoadError(f"{name}: is a folder, not a file")
            size = file.stat().st_size
            if size > MAX_BYTES:
                raise LoadError(f"{name}: file too large ({size} bytes; the limit is {MAX_BYTES})")
            data = file.read_bytes()
        except FileNotFoundError:
            raise LoadError(f"{name}: no such file") from None
        except PermissionError:
            raise LoadError(f"{name}: permission denied") from None
        except OSError as error:
            raise LoadError(f"{name}: cannot read ({error.strerror or error})") from None
    if data.startswith(b"PK\x03\x04"):
        return _from_docx(data, name, name_shown)
    for magic, what in _BINARY:
        if data.startswith(magic):
            raise LoadError(f"{name}: is {what}; save it as plain text (.txt) first")
    text, encoding, notes = decode(data)
    return Source(text, name_shown, encoding, notes)


def _from_docx(data: bytes, name: str, shown: str | None) -> Source:
    from .docx import DocxError, docx_text

    try:
        text = docx_text(data)
    except DocxError as error:
        raise LoadError(f"{name}: {error}") from None
    return Source(text, shown, "docx", (diagnostic("L005"),))

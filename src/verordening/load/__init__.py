"""Stage 1: a file or bytes -> the bylaw's text and what the source says about itself.

:func:`load` takes a path or bytes, chooses the format from the content (and from the
extension where the content leaves it open), and hands the bytes to that format's reader:
plain text and Markdown, Word (.docx), the HTML of the official publication sites, CVDR
XML and PDF. Each reader turns its format into text laid out the way the structure stage
reads it (one provision per line, numbers written out) and returns what the source says
about the regulation (:class:`~verordening.model.SourceInfo`).

Every reader runs behind one guard: whatever goes wrong inside - a broken archive, a lying
size header, a bomb, a limit, the time budget - comes out as :class:`LoadError`, one line
naming the file. Inputs are untrusted: no reader follows an external reference or
expands entities, and each is held to :class:`Limits`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from attrs import define, field

from ..diagnostics import Diagnostic
from ..model import SourceInfo
from .base import FormatError, Limits, Loaded, TimeLimit, budget
from .text import decode

__all__ = [
    "FORMATS",
    "FormatError",
    "Limits",
    "LoadError",
    "Loaded",
    "Source",
    "budget",
    "decode",
    "detect",
    "load",
    "read",
]

MAX_BYTES = Limits().input_bytes  # (kept for callers of the first versions)


class LoadError(Exception):
    """The input cannot be read; the message is one line for the user."""


@define(frozen=True)
class Source:
    """A loaded input: its text, where it came from, how it was read."""

    text: str
    path: str | None
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()
    info: SourceInfo = field(factory=lambda: SourceInfo(format="text"))


Reader = Callable[[bytes, Limits], Loaded]


def _text(data: bytes, limits: Limits) -> Loaded:
    text, encoding, notes = decode(data)
    return Loaded(text, SourceInfo(format="text", encoding=encoding), notes)


def _docx(data: bytes, limits: Limits) -> Loaded:
    from .docx import read_docx

    return read_docx(data, limits)


def _html(data: bytes, limits: Limits) -> Loaded:
    from .html import read_html

    return read_html(data, limits)


def _cvdr(data: bytes, limits: Limits) -> Loaded:
    from .cvdr import read_cvdr

    return read_cvdr(data, limits)


def _pdf(data: bytes, limits: Limits) -> Loaded:
    from .pdf import read_pdf

    return read_pdf(data, limits)


# format -> (what it is called in messages, its reader)
FORMATS: dict[str, tuple[str, Reader]] = {
    "text": ("text", _text),
    "docx": ("a Word document", _docx),
    "html": ("an HTML page", _html),
    "cvdr": ("CVDR XML", _cvdr),
    "pdf": ("a PDF document", _pdf),
}

_EXTENSIONS = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "cvdr",
    ".pdf": "pdf",
}

_REFUSED = (
    (b"\xd0\xcf\x11\xe0", "an old Word (.doc) document; save it as .docx or as plain text (.txt)"),
    (b"{\\rtf", "an RTF document; save it as .docx or as plain text (.txt)"),
)


def detect(data: bytes, name: str = "<bytes>") -> str:
    """The format of ``data``: from its first bytes, else from the extension of ``name``."""
    for magic, what in _REFUSED:
        if data.startswith(magic):
            raise LoadError(f"{name}: is {what}")
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.lstrip()[:5] == b"%PDF-" or data.startswith(b"%PDF"):
        return "pdf"
    head = _head(data)
    if head.startswith("<"):
        if "<html" in head or "<!doctype html" in head:
            return "html"
        if "cvdr" in head:
            return "cvdr"
        by_name = _EXTENSIONS.get(Path(name).suffix.lower())
        if by_name in ("html", "cvdr"):
            return by_name
    return "text"


def _head(data: bytes) -> str:
    """The first kilobyte, as lower-case text whatever its encoding, BOM and spaces dropped."""
    start = data[:1024]
    wide = start[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(start) > 3 and (start[1] == 0 or start[0] == 0))
    try:
        head = start.decode("utf-16" if wide else "utf-8", errors="ignore")
    except UnicodeError:  # pragma: no cover - errors are ignored
        head = ""
    return head.lstrip("\ufeff \t\r\n").lower()


@contextmanager
def guard(name: str, what: str, limits: Limits) -> Iterator[None]:
    """Run a reader: any failure inside becomes one :class:`LoadError` naming the file,
    and the time budget of ``limits`` holds. The message never quotes the input."""
    try:
        with budget(limits.seconds):
            yield
    except LoadError:
        raise
    except FormatError as error:
        raise LoadError(f"{name}: {error}") from None
    except TimeLimit:
        raise LoadError(f"{name}: reading it took longer than {limits.seconds:g} s (limit seconds)") from None
    except MemoryError:
        raise LoadError(f"{name}: reading it needs more memory than there is") from None
    except RecursionError:
        raise LoadError(f"{name}: is nested too deeply to be read safely") from None
    except Exception as error:  # the guard's purpose: no reader failure escapes as a traceback
        raise LoadError(f"{name}: cannot be read as {what} ({type(error).__name__})") from None


def load(
    source: str | Path | bytes, *, limits: Limits | None = None, name: str | None = None, format: str = "auto"
) -> Source:
    """Read a file (a path; ``-`` for standard input) or bytes into a :class:`Source`.

    The format (``text``, ``docx``, ``html``, ``cvdr``, ``pdf``) is found from the content,
    or given. Raises :class:`LoadError` - one line, naming the file - for anything that
    cannot be read, and for an input beyond ``limits``."""
    limits = limits or Limits()
    if isinstance(source, bytes):
        shown = name
        label = name or "<bytes>"
        data = source
        if len(data) > limits.input_bytes:
            raise LoadError(
                f"{label}: too large ({len(data)} bytes; limit input_bytes is {limits.input_bytes})"
            )
    else:
        label = str(source)
        shown = label
        data = _read_bytes(label, limits)
    if format == "auto":
        format = detect(data, label)
    if format not in FORMATS:
        raise LoadError(f"{label}: unknown format '{format}'; choose from {', '.join(FORMATS)}")
    what, reader = FORMATS[format]
    with guard(label, what, limits):
        loaded = reader(data, limits)
    if len(loaded.text) > limits.text_chars:
        raise LoadError(
            f"{label}: its text is too long ({len(loaded.text)} characters; "
            f"limit text_chars is {limits.text_chars})"
        )
    encoding = loaded.info.encoding or format
    return Source(loaded.text, shown, encoding, loaded.diagnostics, loaded.info)


def _read_bytes(name: str, limits: Limits) -> bytes:
    if name == "-":
        data: bytes = sys.stdin.buffer.read(limits.input_bytes + 1)
        if len(data) > limits.input_bytes:
            raise LoadError(
                f"-: standard input is too large (more than limit input_bytes, {limits.input_bytes})"
            )
        return data
    file = Path(name)
    try:
        if file.is_dir():
            raise LoadError(f"{name}: is a folder, not a file")
        with file.open("rb") as stream:
            data = stream.read(limits.input_bytes + 1)
    except FileNotFoundError:
        raise LoadError(f"{name}: no such file") from None
    except PermissionError:
        raise LoadError(f"{name}: permission denied") from None
    except OSError as error:
        raise LoadError(f"{name}: cannot read ({error.strerror or type(error).__name__})") from None
    if len(data) > limits.input_bytes:
        raise LoadError(f"{name}: file too large (more than limit input_bytes, {limits.input_bytes} bytes)")
    return data


def read(path: str | Path, limits: Limits | None = None) -> Source:
    """Read a file, or standard input for ``-`` (see :func:`load`)."""
    return load(Path(path) if not isinstance(path, Path) and path != "-" else path, limits=limits)

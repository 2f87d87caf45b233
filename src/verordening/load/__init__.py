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

import contextlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from attrs import define, field

from ..diagnostics import Diagnostic
from ..errors import LocalisedError, Phrase
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


class LoadError(LocalisedError):
    """The input cannot be read; the message is one line for the user, in either language
    (``error.text("nl")``; ``str(error)`` is the English)."""


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


# format -> its reader (what it is called in messages is errors.format.<format>)
FORMATS: dict[str, Reader] = {"text": _text, "docx": _docx, "html": _html, "cvdr": _cvdr, "pdf": _pdf}

_EXTENSIONS = {
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "cvdr",
    ".pdf": "pdf",
}

_REFUSED = ((b"\xd0\xcf\x11\xe0", "load.old_doc"), (b"{\\rtf", "load.rtf"))  # magic -> message


def detect(data: bytes, name: str = "<bytes>") -> str:
    """The format of ``data``: from its first bytes, else from the extension of ``name``."""
    for magic, key in _REFUSED:
        if data.startswith(magic):
            raise LoadError(key=key, name=name)
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
def guard(name: str, format: str, limits: Limits) -> Iterator[None]:
    """Run a reader: any failure inside becomes one :class:`LoadError` naming the file,
    and the time budget of ``limits`` holds. The message never quotes the input."""
    try:
        with budget(limits.seconds):
            yield
    except LoadError:
        raise
    except FormatError as error:
        raise LoadError(key="load.wrapped", name=name, error=error) from None
    except TimeLimit:
        raise LoadError(key="load.too_slow", name=name, seconds=f"{limits.seconds:g}") from None
    except MemoryError:
        raise LoadError(key="load.memory", name=name) from None
    except RecursionError:
        raise LoadError(key="load.too_deep", name=name) from None
    except Exception as error:  # the guard's purpose: no reader failure escapes as a traceback
        what = Phrase(f"format.{format}")
        raise LoadError(key="load.unreadable_as", name=name, what=what, kind=type(error).__name__) from None


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
            raise LoadError(key="load.bytes_too_large", name=label, size=len(data), limit=limits.input_bytes)
    else:
        label = str(source)
        shown = label
        data = _read_bytes(label, limits)
    if format == "auto":
        format = detect(data, label)
    if format not in FORMATS:
        raise LoadError(key="load.unknown_format", name=label, format=format, formats=", ".join(FORMATS))
    with guard(label, format, limits):
        loaded = FORMATS[format](data, limits)
    if len(loaded.text) > limits.text_chars:
        raise LoadError(key="load.text_too_long", name=label, size=len(loaded.text), limit=limits.text_chars)
    encoding = loaded.info.encoding or format
    return Source(loaded.text, shown, encoding, loaded.diagnostics, loaded.info)


def _read_file(file: Path, name: str, size: int) -> bytes:
    """Up to ``size`` bytes of the file. A named pipe is opened without waiting for a writer:
    one that nobody writes to is refused at once instead of hanging the tool, while one with a
    writer (``<(...)`` in the shell) is read as it is written."""
    waitless = getattr(os, "O_NONBLOCK", 0)  # (not on Windows, which has no named pipes as files)
    descriptor = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0) | waitless)
    with os.fdopen(descriptor, "rb") as stream:
        first = b""
        if waitless and stat.S_ISFIFO(os.fstat(descriptor).st_mode):
            with contextlib.suppress(BlockingIOError):  # (a writer, nothing written yet: read on)
                first = os.read(descriptor, min(size, 1 << 16))
                if not first:  # no writer at all
                    raise LoadError(key="load.no_writer", name=name)
        if waitless:
            os.set_blocking(descriptor, True)
        return first + stream.read(size - len(first))


def _read_bytes(name: str, limits: Limits) -> bytes:
    if name == "-":
        data: bytes = sys.stdin.buffer.read(limits.input_bytes + 1)
        if len(data) > limits.input_bytes:
            raise LoadError(key="load.stdin_too_large", limit=limits.input_bytes)
        return data
    if not name:
        raise LoadError(key="load.no_name")
    if "\x00" in name:
        raise LoadError(key="load.nul_name", name=name)
    file = Path(name)
    try:
        if file.is_dir():
            raise LoadError(key="load.folder", name=name)
        data = _read_file(file, name, limits.input_bytes + 1)
    except FileNotFoundError:
        raise LoadError(key="load.missing", name=name) from None
    except PermissionError:
        raise LoadError(key="load.denied", name=name) from None
    except OSError as error:
        raise LoadError(
            key="load.unreadable", name=name, reason=error.strerror or type(error).__name__
        ) from None
    if len(data) > limits.input_bytes:
        raise LoadError(key="load.file_too_large", name=name, limit=limits.input_bytes)
    return data


def read(path: str | Path, limits: Limits | None = None) -> Source:
    """Read a file, or standard input for ``-`` (see :func:`load`)."""
    return load(path, limits=limits)

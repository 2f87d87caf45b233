"""Text from a PDF: the Gemeenteblad as published, and other bylaws saved as PDF.

pypdf parses the file: it is pure Python, has no dependencies, and holds every stream it
inflates to a configurable size (``pypdf.Configuration``), which is how decompression
bombs are stopped here: each stream to an eighth of ``limits.unpacked_bytes`` (pypdf
inflates a stream in one piece, so the share keeps time and memory low: the eighth of the
default is some 13 MB, a hundred times the content of a dense page), and all page contents
together to the whole of it. Its text extraction decodes fonts; the positions come from
``pdf_page.py``, the reading order and the page furniture from ``pdf_layout.py``, the
paragraphs from ``pdf_text.py``.

The file is untrusted. It must end with an end-of-file marker (a cut-off download is
refused rather than read in part: a bylaw missing its last articles would be judged wrong);
an encrypted file is refused; at most ``MAX_PAGES`` pages are read; nesting too deep,
reference cycles, damaged cross-references and anything else pypdf cannot read become one
:class:`FormatError`. pypdf's own warnings (which may quote the file) are silenced. A PDF
without any text (a scan) is refused with a hint.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from statistics import median
from typing import Any

import pypdf
from pypdf.errors import FileNotDecryptedError, LimitReachedError, PyPdfError
from pypdf.generic import IndirectObject

from ..model import SourceInfo
from . import pdf_page
from .base import FormatError, Limits, Loaded
from .pdf_layout import Run, document_lines, runs, strip_margins, widened
from .pdf_page import MissingContents, TooManyShown, page_pieces
from .pdf_text import paragraphs, publication, words

__all__ = ["MAX_PAGES", "read_pdf"]

MAX_PAGES = 5_000  # more is no bylaw
STREAM_SHARE = 8  # one stream may inflate to this part of limits.unpacked_bytes
MAX_NESTING = 100  # page tree, outlines: deeper is hostile
EOF_WINDOW = 2048  # bytes at the end of the file where "%%EOF" must stand
MAX_DEPTH = 500  # arrays and dictionaries inside each other outside streams (real files: some 20)
_FILE_NAME_TITLE = re.compile(r"(?i)^(?:microsoft word - |untitled|naamloos)|\.(?:docx?|pdf|odt|rtf)$")


_Read = tuple[float, list[Run], int]  # a page read: its height, its runs, the characters of its text


class PdfError(FormatError):
    """The PDF cannot be read (one line for the user)."""


def _configuration(limits: Limits) -> dict[str, Any]:
    """pypdf's limits, held to ours: no stream inflates beyond its share of ``unpacked_bytes``."""
    stream = max(1, limits.unpacked_bytes // STREAM_SHARE)
    return {
        "zlib_maximum_output_length": stream,
        "lzw_maximum_output_length": stream,
        "run_length_maximum_output_length": stream,
        "brotli_maximum_output_length": stream,
        "jbig2_maximum_output_length": stream,
        "array_based_stream_maximum_output_length": stream,
        "maximum_declared_stream_length": min(stream, limits.input_bytes),
        "stream_decoding_work_maximum_length": stream,
        "page_tree_maximum_entries": MAX_PAGES + 1,
        "page_tree_maximum_depth": MAX_NESTING,
        "outline_maximum_depth": MAX_NESTING,
        "jbig2dec_binary": None,  # never run an outside program on the input
    }


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf logs what it repairs and may quote the file: nothing of that reaches the user."""
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


@contextmanager
def _translated(limits: Limits) -> Iterator[None]:
    """pypdf's failures as one-line messages that never quote the file."""
    try:
        yield
    except FormatError:
        raise
    except FileNotDecryptedError:
        raise PdfError(key="pdf.encrypted") from None
    except LimitReachedError as error:
        if any(word in str(error).lower() for word in ("decompress", "stream length", "declared size")):
            # (pypdf's own words tell which limit it was; they are never shown)
            raise PdfError(key="pdf.stream", share=STREAM_SHARE, limit=limits.unpacked_bytes) from None
        raise PdfError(key="pdf.structure") from None
    except RecursionError:
        raise PdfError(key="pdf.nested") from None
    except PyPdfError:
        raise PdfError(key="pdf.damaged") from None
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, AssertionError) as error:
        raise PdfError(key="pdf.damaged_kind", kind=type(error).__name__) from None


_KEEP = b"[]<>"
_DROP = bytes(b for b in range(256) if b not in _KEEP)


def _outside_streams(data: bytes) -> Iterator[bytes]:
    """The parts of the file between its streams (stream data may hold any bytes)."""
    position = 0
    while (start := data.find(b"stream", position)) >= 0:
        if data[start - 3 : start] == b"end":
            position = start + 6
            continue
        yield data[position:start]
        end = data.find(b"endstream", start + 6)
        if end < 0:
            return
        position = end + 9
    yield data[position:]


def _too_deep(data: bytes) -> bool:
    """Whether arrays and dictionaries nest beyond ``MAX_DEPTH`` outside the streams. pypdf
    survives deep nesting, but slowly. Only the brackets are kept (dictionaries written as
    arrays, hex strings dropped); a run of more openings than the limit is too deep, and
    innermost pairs are taken away a level per pass until one shows or none is left."""
    brackets = b"".join(part.translate(None, _DROP) for part in _outside_streams(data))
    brackets = brackets.replace(b"<<", b"[").replace(b">>", b"]").translate(None, b"<>")
    run = b"[" * (MAX_DEPTH + 1)
    for _ in range(MAX_DEPTH):
        if run in brackets:
            return True
        shorter = brackets.replace(b"[]", b"")
        if len(shorter) == len(brackets):
            return False
        brackets = shorter
    return True


def _open(data: bytes) -> pypdf.PdfReader:
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        raise PdfError(key="pdf.cut_off")
    if _too_deep(data):
        raise PdfError(key="pdf.nested")
    reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        raise PdfError(key="pdf.encrypted")
    return reader


class _Budget:
    """What the pages may cost together: unpacked content bytes and characters of text."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.unpacked = 0
        self.chars = 0

    def content(self, size: int) -> None:
        self.unpacked += size
        if self.unpacked > self.limits.unpacked_bytes:
            raise PdfError(key="pdf.unpacked", limit=self.limits.unpacked_bytes)

    def text(self, size: int) -> None:
        self.chars += size
        if self.chars > self.limits.text_chars:
            raise PdfError(key="pdf.text_long", limit=self.limits.text_chars)


def _contents_key(page: pypdf.PageObject) -> tuple[int, int] | None:
    """The object number of the page's contents, when they are one object (as they mostly are)."""
    contents = page.raw_get("/Contents") if "/Contents" in page else None
    return (contents.idnum, contents.generation) if isinstance(contents, IndirectObject) else None


def _page(page: pypdf.PageObject, reader: pypdf.PdfReader, budget: _Budget, number: int) -> _Read:
    """One page's height, runs of text and the characters of its pieces."""
    try:
        height, pieces = page_pieces(page, reader, budget.content)
    except MissingContents:
        raise PdfError(key="pdf.lost_text", page=number) from None
    except TooManyShown:
        raise PdfError(key="pdf.shown", max=pdf_page.MAX_SHOWN) from None
    return height, runs(pieces), sum(len(piece.text) + 1 for piece in pieces)


def _pages(reader: pypdf.PdfReader, limits: Limits) -> list[tuple[float, list[Run]]]:
    """Every page's height and runs of text. A page equal to one read before with the same
    contents (one page object listed 5,000 times in /Kids) is not read again: its runs are
    taken over and its text counted again, so that the text limit stops a file that repeats
    a page, at the cost of a sum and not of reading the page anew."""
    count = len(reader.pages)
    if count > MAX_PAGES:
        raise PdfError(key="pdf.pages", count=count, max=MAX_PAGES)
    budget = _Budget(limits)
    done: dict[tuple[int, int], tuple[pypdf.PageObject, _Read]] = {}
    pages = []
    for number, page in enumerate(reader.pages, start=1):
        key = _contents_key(page)
        earlier = done.get(key) if key is not None else None
        if earlier is not None and earlier[0] == page:
            read = earlier[1]
        else:
            read = _page(page, reader, budget, number)
            if key is not None:
                done[key] = (page, read)
        budget.text(read[2])
        pages.append((read[0], read[1]))
    return pages


def _title(reader: pypdf.PdfReader, first: list[str], sizes: tuple[float, float]) -> str | None:
    """The title: the first paragraph when set larger than the text, else the document's /Title
    unless that is a file name."""
    banner = first and any(p.fullmatch(first[0]) for p in words().publication)
    if first and first[0] and sizes[0] > 1.15 * sizes[1] and not banner:
        return first[0]
    try:
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else ""
    except Exception:  # damaged document information: no title from it
        return None
    if not title or _FILE_NAME_TITLE.search(title):
        return None
    return " ".join(title.split())


def _organisation_elsewhere(pages: list[tuple[float, list[Run]]]) -> str | None:
    """The publisher as a running footer prints it ("Officiële uitgave van de gemeente X")."""
    pattern = words().publication[1]
    for _, page in pages:
        for run in page:
            if match := pattern.fullmatch(" ".join(run.text.split())):
                return match.group("organisation")
    return None


def _text(reader: pypdf.PdfReader, limits: Limits) -> tuple[str, dict[str, str | None]]:
    pages = _pages(reader, limits)
    if not any(page for _, page in pages):
        raise PdfError(key="pdf.no_text")
    fields: dict[str, str | None] = {}
    if pages:
        found, first = publication(pages[0][1])
        fields.update(found)
        pages[0] = (pages[0][0], first)
    kept = strip_margins(pages, words().running)
    if "organisation" not in fields:
        fields["organisation"] = _organisation_elsewhere(pages)
    lines = widened(document_lines(kept))
    text = paragraphs(lines)
    sizes = [line.size for line in lines]
    first_size = lines[0].size if lines else 0.0
    fields["title"] = _title(reader, text[:1], (first_size, median(sizes) if sizes else 0.0))
    return "\n".join(text) + "\n", fields


def read_pdf(data: bytes, limits: Limits) -> Loaded:
    """The text of a PDF laid out for the structure parser, and its publication data."""
    with _quiet(), pypdf.apply_configuration(**_configuration(limits)), _translated(limits):
        reader = _open(data)
        text, fields = _text(reader, limits)
    info = SourceInfo(
        format="pdf",
        title=fields.get("title"),
        organisation=fields.get("organisation"),
        published=fields.get("published"),
    )
    return Loaded(text, info)

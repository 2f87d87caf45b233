"""What one PDF page shows: its runs of text, each with where it stands and how wide it is.

A PDF draws text in whatever order its producer liked; the reading order has to come from
the positions (``pdf_layout.py``). pypdf decodes the text (font encodings, ToUnicode maps)
and follows the text and graphics matrices, but its public interface reports text in
chunks that run on as long as a line seems to go on, which merges the two columns of a
page when a producer writes them line by line across. So each text-showing operator is
preceded by an identity ``cm``, which makes pypdf hand over the text of that one operator
(``_split``), and the visitor of operators notes where each one starts. pypdf does not
move the text position past what an operator showed, so this module does: the width of
each string comes from the font's /Widths (or /W for composite fonts) and the text state
(character and word spacing, horizontal scaling), as the PDF reference defines it.

Only text that reads left to right on the page as displayed (after /Rotate) is kept:
vertical margin text and rotated stamps are not part of a bylaw.

Each text-showing operator costs some tens of microseconds on the way (pypdf's parser, the
visitor, the layout), so a page with more than ``MAX_SHOWN`` of them is refused: before its
content is parsed, counted in the decoded bytes (quick), and as the visitor meets them, which
counts those of form XObjects too (a small form drawn 5,000 times shows a lot of text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from itertools import islice
from typing import Any

from attrs import define, field
from pypdf import PageObject, PdfReader
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    ContentStream,
    DictionaryObject,
    FloatObject,
    NameObject,
    TextStringObject,
)

__all__ = ["MAX_SHOWN", "MissingContents", "Piece", "TooManyShown", "page_pieces"]

SHOW = frozenset((b"Tj", b"TJ", b"'", b'"'))
_IDENTITY = [FloatObject(1), FloatObject(0), FloatObject(0), FloatObject(1), FloatObject(0), FloatObject(0)]
MAX_CID_WIDTHS = 65_536  # entries read from a composite font's /W array
DEFAULT_WIDTH = 500.0  # a glyph of a font that gives no widths (the standard 14 fonts may not)
MAX_SHOWN = 20_000  # text-showing operators on one page (a dense page set glyph by glyph: some 6,000)
# A text-showing operator as a word of its own: after white space or the end of an operand, before
# white space, a delimiter or the end (a string holding "Tj" or an apostrophe after a space counts
# too, so the count is never short of the operators; real pages are far below the limit).
_SHOW_OPERATOR = re.compile(rb"(?<![^\s)\]>])(?:Tj|TJ|'|\")(?![^\s()<>\[\]{}/%])")


class MissingContents(Exception):
    """A page names its contents, but they are not in the file (a damaged or gutted file)."""


class TooManyShown(BaseException):
    """A page shows text with more than ``MAX_SHOWN`` operators: no bylaw, and costly to follow.
    A BaseException, so that pypdf, which goes on after any Exception in a form XObject, does
    not swallow it when the operators come from a form drawn thousands of times."""


def _too_many_shown(data: bytes) -> bool:
    """Whether the decoded content holds more than ``MAX_SHOWN`` text-showing operators (counted
    as :data:`_SHOW_OPERATOR` finds them, up to the first one too many)."""
    return next(islice(_SHOW_OPERATOR.finditer(data), MAX_SHOWN, None), None) is not None


@define(frozen=True)
class Piece:
    """The text of one operator: baseline start (x0, y) and end x1 in points on the page as
    displayed (y up), its font size in points and whether the font is bold."""

    x0: float
    x1: float
    y: float
    size: float
    text: str
    bold: bool = False


@define
class _Metrics:
    """The advance widths of one font, in thousandths of its size."""

    first: int = 0
    widths: list[float] = field(factory=list)
    missing: float = DEFAULT_WIDTH
    two_byte: bool = False
    cid: dict[int, float] = field(factory=dict)
    scale: float = 1.0  # Type3 fonts: FontMatrix in thousandths
    bold: bool = False

    def width(self, code: int) -> float:
        if self.two_byte:
            return self.cid.get(code, self.missing) * self.scale
        index = code - self.first
        if 0 <= index < len(self.widths):
            return self.widths[index] * self.scale
        return self.missing * self.scale


def _number(value: Any, default: float = 0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _cid_widths(descendant: DictionaryObject, metrics: _Metrics) -> None:
    """Read /DW and /W of a CIDFont: ``c [w1 w2 ...]`` and ``c_first c_last w`` entries."""
    metrics.missing = _number(descendant.get("/DW"), 1000.0)
    entries = descendant.get("/W")
    entries = entries.get_object() if entries is not None else []
    items = list(entries) if isinstance(entries, ArrayObject) else []
    i = 0
    while i < len(items) - 1 and len(metrics.cid) < MAX_CID_WIDTHS:
        start = int(_number(items[i]))
        following = items[i + 1].get_object()
        if isinstance(following, ArrayObject):
            for offset, width in enumerate(list(following)[:MAX_CID_WIDTHS]):
                metrics.cid[start + offset] = _number(width, metrics.missing)
            i += 2
        elif i + 2 < len(items):
            last = min(int(_number(following)), start + MAX_CID_WIDTHS - len(metrics.cid))
            for code in range(start, last + 1):
                metrics.cid[code] = _number(items[i + 2], metrics.missing)
            i += 3
        else:
            break


def _metrics(font: Any) -> _Metrics:
    font = font.get_object() if font is not None else None
    if not isinstance(font, DictionaryObject):
        return _Metrics()
    metrics = _Metrics(bold="bold" in str(font.get("/BaseFont", "")).lower())
    if font.get("/Subtype") == "/Type0":
        metrics.two_byte = True
        descendants = font.get("/DescendantFonts")
        descendants = descendants.get_object() if descendants is not None else None
        if isinstance(descendants, ArrayObject) and descendants:
            descendant = descendants[0].get_object()
            if isinstance(descendant, DictionaryObject):
                _cid_widths(descendant, metrics)
        return metrics
    widths = font.get("/Widths")
    widths = widths.get_object() if widths is not None else None
    if isinstance(widths, ArrayObject):
        metrics.first = int(_number(font.get("/FirstChar")))
        metrics.widths = [_number(w) for w in widths]
    descriptor = font.get("/FontDescriptor")
    descriptor = descriptor.get_object() if descriptor is not None else None
    if isinstance(descriptor, DictionaryObject) and "/MissingWidth" in descriptor:
        metrics.missing = _number(descriptor["/MissingWidth"], DEFAULT_WIDTH)
    if font.get("/Subtype") == "/Type3":
        matrix = font.get("/FontMatrix")
        matrix = matrix.get_object() if matrix is not None else None
        if isinstance(matrix, ArrayObject) and matrix:
            metrics.scale = _number(matrix[0], 0.001) * 1000
    return metrics


def _raw(operand: Any) -> bytes:
    """The bytes of a string operand, however pypdf decoded it."""
    if isinstance(operand, bytes):
        return operand
    try:
        raw = operand.original_bytes
    except Exception:  # a string pypdf cannot give back: measure it as Latin-1
        return str(operand).encode("latin-1", "replace")
    return bytes(raw)


def _strings(operator: bytes, operands: list[Any]) -> list[Any]:
    """The string and number elements an operator shows, in order (TJ keeps its kerning)."""
    if operator == b"TJ":
        return list(operands[0]) if operands and isinstance(operands[0], ArrayObject) else []
    if operator == b'"':
        return operands[2:3]
    return operands[:1]


@define
class _TextState:
    """The parts of the graphics state the widths depend on (kept across q/Q)."""

    metrics: _Metrics = field(factory=_Metrics)
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scaling: float = 1.0
    leading: float = 0.0

    def copy(self) -> _TextState:
        return _TextState(
            self.metrics, self.size, self.char_spacing, self.word_spacing, self.scaling, self.leading
        )

    def advance(self, elements: list[Any]) -> float:
        """How far the elements move the text position, in unscaled text space."""
        total = 0.0
        for element in elements:
            if isinstance(element, (int, float)):
                total -= float(element) / 1000 * self.size * self.scaling
                continue
            raw = _raw(element)
            step = 2 if self.metrics.two_byte else 1
            for i in range(0, len(raw) - step + 1, step):
                code = int.from_bytes(raw[i : i + step], "big")
                spacing = self.char_spacing + (self.word_spacing if code == 32 and step == 1 else 0.0)
                total += (self.metrics.width(code) / 1000 * self.size + spacing) * self.scaling
        return total


def _mult(m: list[float], n: list[float]) -> list[float]:
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


@define
class _Display:
    """From user space to the page as displayed: the media box moved to the origin, then /Rotate."""

    left: float
    bottom: float
    width: float
    height: float
    rotation: int

    def point(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.left, y - self.bottom
        return {
            90: (y, self.width - x),
            180: (self.width - x, self.height - y),
            270: (self.height - y, x),
        }.get(self.rotation, (x, y))

    def direction(self, dx: float, dy: float) -> tuple[float, float]:
        return {90: (dy, -dx), 180: (-dx, -dy), 270: (-dy, dx)}.get(self.rotation, (dx, dy))


@define
class _Collector:
    """Follows a page's operators (through pypdf's visitors) and collects its pieces."""

    fonts: dict[str, _Metrics]
    display: _Display
    state: _TextState = field(factory=_TextState)
    saved: list[_TextState] = field(factory=list)
    moved: float = 0.0  # how far shown text moved the position since the last positioning
    pieces: list[list[Any]] = field(factory=list)  # [x0, x1, y, size, bold, text parts]

    def before(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        state = self.state
        if operator == b"Tf" and len(operands) >= 2:
            state.metrics = self.fonts.get(str(operands[0]), _Metrics())
            state.size = _number(operands[1])
        elif operator in (b"Tc", b"Tw", b"Tz") and operands:
            value = _number(operands[0], 100.0 if operator == b"Tz" else 0.0)
            if operator == b"Tc":
                state.char_spacing = value
            elif operator == b"Tw":
                state.word_spacing = value
            else:
                state.scaling = value / 100
        elif operator == b"q":
            self.saved.append(state.copy())
        elif operator == b"Q" and self.saved:
            self.state = self.saved.pop()
        elif operator in (b"BT", b"Td", b"TD", b"Tm", b"T*"):
            self.moved = 0.0
            if operator == b"TD" and len(operands) >= 2:
                state.leading = -_number(operands[1])
        elif operator == b"TL" and operands:
            state.leading = _number(operands[0])
        elif operator in SHOW:
            self._show(operator, operands, cm, tm)

    def _show(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if len(self.pieces) >= MAX_SHOWN:
            raise TooManyShown
        matrix = _mult(list(tm), list(cm))
        if operator in (b"'", b'"'):  # these move to the next line first: pypdf's matrix is the line's
            self.moved = 0.0
            matrix = _mult(_mult([1.0, 0.0, 0.0, 1.0, 0.0, -self.state.leading], list(tm)), list(cm))
            if operator == b'"' and len(operands) >= 3:
                self.state.word_spacing, self.state.char_spacing = _number(operands[0]), _number(operands[1])
        elements = _strings(operator, operands)
        width = self.state.advance(elements)
        start = (self.moved * matrix[0] + matrix[4], self.moved * matrix[1] + matrix[5])
        self.moved += width
        dx, dy = self.display.direction(matrix[0], matrix[1])
        along = math.hypot(dx, dy)
        if along <= 0 or dx < 0.95 * along:  # not left to right as displayed
            self.pieces.append([])
            return
        x, y = self.display.point(*start)
        size = self.state.size * math.hypot(matrix[2], matrix[3])
        self.pieces.append([x, x + width * along, y, size, self.state.metrics.bold, ""])

    def text(self, text: Any, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if self.pieces and self.pieces[-1] and text:
            self.pieces[-1][5] += str(text)


def _as_bytes(operand: Any) -> Any:
    """A string operand as its bytes: pypdf decodes those of a content stream it was handed
    already parsed as they stand (a string it parsed as PDFDocEncoding, where 0x95 is "Ł"),
    bytes by the font's encoding, as it does when it parses the page itself."""
    if isinstance(operand, TextStringObject):
        return ByteStringObject(operand.get_original_bytes())
    if isinstance(operand, ArrayObject):
        return ArrayObject(_as_bytes(element) for element in operand)
    return operand


def _split(content: ContentStream, reader: PdfReader) -> ContentStream:
    """The same operators with an identity ``cm`` before each text-showing one and at the end,
    so that pypdf reports the text of every operator apart."""
    operations: list[tuple[Any, bytes]] = []
    for operands, operator in content.operations:
        if operator in SHOW:
            operations.append((_IDENTITY, b"cm"))
            operands = [_as_bytes(operand) for operand in operands]
        operations.append((operands, operator))
    operations.append((_IDENTITY, b"cm"))
    split = ContentStream(None, reader)
    split.operations = operations
    return split


def _fonts(page: PageObject) -> dict[str, _Metrics]:
    resources = page.get("/Resources")
    resources = resources.get_object() if resources is not None else None
    fonts = resources.get("/Font") if isinstance(resources, DictionaryObject) else None
    fonts = fonts.get_object() if fonts is not None else None
    if not isinstance(fonts, DictionaryObject):
        return {}
    return {str(name): _metrics(font) for name, font in fonts.items()}


def _display(page: PageObject) -> _Display:
    box = page.mediabox
    rotation = int(_number(page.get("/Rotate"))) % 360
    return _Display(
        float(box.left), float(box.bottom), float(box.width), float(box.height), rotation - rotation % 90
    )


def page_pieces(
    page: PageObject, reader: PdfReader, check: Callable[[int], None]
) -> tuple[float, list[Piece]]:
    """The pieces of text on ``page`` and the height of the page as displayed. ``check`` is given
    the size of the decoded content first, so that a caller can hold it to its limits;
    :class:`TooManyShown` if the page has more than ``MAX_SHOWN`` text-showing operators."""
    content = page.get_contents()
    if content is None:
        if page.get("/Contents") is not None:
            raise MissingContents
        return 0.0, []
    data = content.get_data()
    check(len(data))
    if _too_many_shown(data):
        raise TooManyShown
    display = _display(page)
    collector = _Collector(_fonts(page), display)
    detached = PageObject(reader, None)
    detached.update(page)
    detached[NameObject("/Contents")] = _split(content, reader)
    detached.extract_text(visitor_operand_before=collector.before, visitor_text=collector.text)
    pieces = []
    for found in collector.pieces:
        if found and found[5].strip():
            x0, x1, y, size, bold, text = found
            pieces.append(Piece(x0, max(x1, x0), y, size, " ".join(text.split()), bold))
    height = display.width if display.rotation in (90, 270) else display.height
    return height, pieces

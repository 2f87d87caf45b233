"""A small PDF writer for tests: text at given positions, and the hostile files we must refuse.

Test PDFs are built here in code rather than committed as binaries. Text is set in the
standard Helvetica fonts with WinAnsiEncoding (so any cp1252 character, such as the ë in
"cliënten", can be written), and every font carries a /Widths array made from the same
rough metrics the layout helpers use to wrap lines, so what a viewer shows and where the
words stand agree. Nothing here is clever typesetting: a line is one ``Tj`` unless
``words=True`` places every word with its own operator, the way some producers do.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Text",
    "bomb_pdf",
    "column_pages",
    "form_pdf",
    "make_pdf",
    "nested_pdf",
    "pdf_from_objects",
    "repeated_page_pdf",
    "scan_pdf",
    "shows_pdf",
    "text_width",
]

PAGE = (595.0, 842.0)  # A4 in points


@dataclass(frozen=True)
class Text:
    """One run of text, its baseline starting at (x, y), y counted up from the bottom."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False


# rough Helvetica advance widths, in thousandths of the font size
_NARROW = dict.fromkeys("ijl'|", 222) | dict.fromkeys(" .,:;!ftI[]/", 278) | dict.fromkeys("-()r", 333)
_WIDE = dict.fromkeys("mM", 833) | {"w": 722, "W": 944, "@": 1015, "%": 889}


def _glyph(char: str) -> int:
    if char in _NARROW:
        return _NARROW[char]
    if char in _WIDE:
        return _WIDE[char]
    return 667 if char.isupper() else 556


def text_width(text: str, size: float) -> float:
    """The width of ``text`` in points, as the /Widths of our fonts make a viewer draw it."""
    return sum(_glyph(c) for c in text) * size / 1000


def _widths() -> bytes:
    return (
        b"["
        + b" ".join(str(_glyph(bytes([c]).decode("cp1252", "replace"))).encode() for c in range(32, 256))
        + b"]"
    )


def _string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _show(item: Text, words: bool) -> list[bytes]:
    font = b"/F2" if item.bold else b"/F1"
    head = b"BT %s %g Tf " % (font, item.size)
    if not words:
        return [head + b"%g %g Td %s Tj ET" % (item.x, item.y, _string(item.text))]
    out, x = [], item.x
    for word in item.text.split(" "):
        out.append(head + b"%g %g Td %s Tj ET" % (x, item.y, _string(word)))
        x += text_width(word + " ", item.size)
    return out


def pdf_from_objects(objects: Sequence[bytes], *, root: int = 1, trailer: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        trailer,
        xref,
    )
    return bytes(out)


def _stream(data: bytes, compress: bool) -> bytes:
    if compress:
        data = zlib.compress(data)
        return b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


@dataclass
class _Book:
    """The objects of a document being written: 1 catalog, 2 page tree, 3-4 fonts, 5 info."""

    objects: list[bytes] = field(default_factory=lambda: [b"", b"", b"", b"", b""])
    kids: list[int] = field(default_factory=list)

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)


def _font(base: bytes) -> bytes:
    return (
        b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding "
        b"/FirstChar 32 /LastChar 255 /Widths %s >>" % (base, _widths())
    )


def make_pdf(
    pages: Iterable[Sequence[Text]],
    *,
    title: str | None = None,
    compress: bool = False,
    words: bool = False,
    shuffle: int | None = None,
    size: tuple[float, float] = PAGE,
) -> bytes:
    """A PDF of ``pages``, each a list of text runs. ``shuffle`` (a seed) writes the runs of a
    page in a random order, so only their positions tell the reading order."""
    book = _Book()
    for page in pages:
        shown = [part for item in page for part in _show(item, words)]
        if shuffle is not None:
            random.Random(shuffle).shuffle(shown)
        content = book.add(_stream(b"\n".join(shown), compress))
        book.kids.append(
            book.add(
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Contents %d 0 R "
                b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (size[0], size[1], content)
            )
        )
    book.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    kids = b" ".join(b"%d 0 R" % kid for kid in book.kids)
    book.objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(book.kids))
    book.objects[2] = _font(b"Helvetica")
    book.objects[3] = _font(b"Helvetica-Bold")
    book.objects[4] = b"<< /Title %s /Producer (pdfmaker) >>" % _string(title or "")
    return pdf_from_objects(book.objects, trailer=b"/Info 5 0 R")


# -- laying out a bylaw the way the Gemeenteblad does ------------------------------------------
def _wrap(text: str, width: float, size: float, hyphenate: dict[str, str]) -> list[str]:
    """Greedy line filling; a word in ``hyphenate`` (word -> "first-|rest") may break at its bar."""
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if text_width(trial, size) <= width:
            line = trial
            continue
        if word in hyphenate:
            head, tail = hyphenate[word].split("|")
            if text_width(f"{line} {head}".strip(), size) <= width:
                lines.append(f"{line} {head}".strip())
                line = tail
                continue
        lines.append(line)
        line = word
    return [*lines, line] if line else lines


@dataclass(frozen=True)
class Block:
    """A paragraph to set: its text, whether it is a heading, its indent, the space above it,
    its size (else the size of the page's text)."""

    text: str
    bold: bool = False
    indent: float = 0.0
    space: float = 0.0
    size: float | None = None


def column_pages(
    blocks: Sequence[Block],
    *,
    header: Sequence[Text] = (),
    running: str = "",
    columns: int = 2,
    size: float = 9.0,
    lines_per_column: int = 40,
    hyphenate: dict[str, str] | None = None,
    top: float = 700.0,
) -> list[list[Text]]:
    """Set ``blocks`` in ``columns`` columns, page after page; the first page starts with the
    ``header`` runs, later ones with the ``running`` header line; every page ends with a footer
    line and "Pagina N van M"."""
    left, right, gutter = 70.0, 525.0, 24.0
    width = (right - left - gutter * (columns - 1)) / columns
    lead = size * 1.3
    placed: list[tuple[float, float, str, bool, float]] = []  # (indent, extra space, text, bold, size)
    for block in blocks:
        points = block.size or size
        for n, line in enumerate(_wrap(block.text, width - block.indent, points, hyphenate or {})):
            placed.append((block.indent, block.space if n == 0 else 0.0, line, block.bold, points))
    pages: list[list[Text]] = []
    column, y, page = columns, 0.0, -1
    for indent, space, text, bold, points in placed:
        if column == columns or y - lead - space < top - lines_per_column * lead:
            column += 1
            if column >= columns:
                pages.append(list(header) if not pages else [Text(left, 800, running, 8)] if running else [])
                column, page = 0, page + 1
            y = top + lead
        y -= max(lead, points * 1.3) + space
        pages[page].append(Text(left + column * (width + gutter) + indent, y, text, points, bold))
    for number, items in enumerate(pages, start=1):
        items.append(Text(left, 40, "Officiële uitgave van de gemeente Dalmeer", 7))
        items.append(Text(right - 60, 40, f"Pagina {number} van {len(pages)}", 7))
    return pages


# -- hostile files ------------------------------------------------------------------------------
def _one_page(contents: bytes, extra: Sequence[bytes] = ()) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %s "
        b"/Resources << /Font << /F1 4 0 R >> >> >>" % contents,
        _font(b"Helvetica"),
        *extra,
    ]


def bomb_pdf(gigabytes: float = 2.0) -> bytes:
    """One page whose FlateDecode content stream inflates to ``gigabytes`` of zeros (the file
    stays about a thousandth of that: repeated full-flush blocks of one compressed megabyte)."""
    chunk = bytes(1 << 20)
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    data = first + again * int(gigabytes * 1024 - 1) + packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
    return pdf_from_objects(_one_page(b"5 0 R", [stream]))


def nested_pdf(depth: int = 100_000) -> bytes:
    """One page whose /Contents is ``depth`` arrays inside each other."""
    return pdf_from_objects(_one_page(b"[" * depth + b"]" * depth))


def scan_pdf() -> bytes:
    """One page with only an image on it: what a scanner makes."""
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
    image += b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"
    draw = b"q 500 0 0 700 40 70 cm /Im1 Do Q"
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
            _stream(draw, False),
            image,
        ]
    )


def shows_pdf(count: int) -> bytes:
    """One page that shows "a" with ``count`` operators of its own: some 17 kB for a million."""
    body = b"BT /F1 10 Tf 70 700 Td (Artikel 1 De raad.) Tj " + b"(a) Tj " * count + b"ET"
    return pdf_from_objects(_one_page(b"5 0 R", [_stream(body, True)]))


def repeated_page_pdf(times: int, body: bytes) -> bytes:
    """One page object, its content ``body``, listed ``times`` in the /Kids of the page tree."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b"3 0 R " * times, times),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>",
            _font(b"Helvetica"),
            _stream(body, True),
        ]
    )


def form_pdf(draws: int, body: bytes) -> bytes:
    """One page that draws a form XObject, its content ``body``, ``draws`` times."""
    objects = _one_page(b"5 0 R")
    objects[2] = objects[2].replace(b">> >> >>", b">> /XObject << /X1 6 0 R >> >> >>")
    form = zlib.compress(body)
    return pdf_from_objects(
        [
            *objects,
            _stream(b"BT /F1 10 Tf 70 750 Td (Artikel 1 De raad.) Tj ET " + b"/X1 Do " * draws, True),
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(form), form),
        ]
    )

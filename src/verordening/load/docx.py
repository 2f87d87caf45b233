"""Text from a Word (.docx) document, with Word's automatic numbering written out.

Draft bylaws mostly arrive as Word files, and their leden and onderdelen are usually
numbered by Word itself, not typed: the label "1." or "a." lives in the numbering
definitions, not in the text. This module writes those labels out, so the structure
parser sees what the reader sees.

The file is untrusted: only ``word/document.xml`` and ``word/numbering.xml`` are read,
each within a size limit checked before decompressing, and the XML goes through
defusedxml (no DTDs, no entities, no external references).
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from ..diagnostics import diagnostic
from ..model import SourceInfo
from .base import FormatError, Limits, Loaded

__all__ = ["DocxError", "docx_text", "read_docx"]

MAX_PART = 20 * 1024 * 1024  # bytes of one XML part after decompression
MAX_RATIO = 200  # decompressed / compressed: more is a zip bomb

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class DocxError(FormatError):
    """The .docx cannot be read (one line for the user)."""


def _part(archive: zipfile.ZipFile, name: str) -> Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART or info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise DocxError(f"{name} is too large or too compressed to be read safely")
    data = archive.read(info)
    try:
        return ElementTree.fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, ElementTree.ParseError) as error:
        raise DocxError(f"{name} is not readable XML ({error})") from None


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out += letters
            number -= value
    return out


def _format(number: int, kind: str) -> str:
    if kind == "lowerLetter":
        return chr(ord("a") + (number - 1) % 26) * (1 + (number - 1) // 26)
    if kind == "upperLetter":
        return _format(number, "lowerLetter").upper()
    if kind == "lowerRoman":
        return _roman(number)
    if kind == "upperRoman":
        return _roman(number).upper()
    if kind == "bullet":
        return "•"
    if kind == "none":
        return ""
    return str(number)


class _Numbering:
    """Word's list numbering: counters per list and level, labels from the level text."""

    def __init__(self, root: Element | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # abstract id -> level
        self.lists: dict[str, str] = {}  # num id -> abstract id
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        for abstract in root.iter(f"{_W}abstractNum"):
            levels = {}
            for level in abstract.iter(f"{_W}lvl"):
                ilvl = int(level.get(f"{_W}ilvl", "0"))
                fmt = level.find(f"{_W}numFmt")
                text = level.find(f"{_W}lvlText")
                start = level.find(f"{_W}start")
                levels[ilvl] = (
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                )
            self.levels[abstract.get(f"{_W}abstractNumId", "")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is not None:
                self.lists[num.get(f"{_W}numId", "")] = ref.get(f"{_W}val", "")

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(self.lists.get(num_id, ""), {})
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        start = levels[ilvl][2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        text = levels[ilvl][1]
        for level in range(ilvl + 1):
            kind = levels.get(level, ("decimal", "", 1))[0]
            text = text.replace(f"%{level + 1}", _format(counters[level] or 1, kind))
        return text


def _paragraph(paragraph: Element, numbering: _Numbering) -> str:
    parts: list[str] = []
    props = paragraph.find(f"{_W}pPr")
    num = props.find(f"{_W}numPr") if props is not None else None
    if num is not None:
        num_id = num.find(f"{_W}numId")
        ilvl = num.find(f"{_W}ilvl")
        label = numbering.label(
            num_id.get(f"{_W}val", "") if num_id is not None else "",
            int(ilvl.get(f"{_W}val", "0")) if ilvl is not None else 0,
        )
        if label:
            parts.append(label + " ")
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def docx_text(data: bytes) -> str:
    """The text of a .docx: one line per paragraph, automatic numbers written out."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as error:
        raise DocxError(f"not a readable Word document ({error})") from None
    with archive:
        body = _part(archive, "word/document.xml")
        if body is None:
            raise DocxError("a ZIP archive without word/document.xml: not a Word document")
        numbering = _Numbering(_part(archive, "word/numbering.xml"))
    return "\n".join(_paragraph(p, numbering) for p in body.iter(f"{_W}p")) + "\n"


def read_docx(data: bytes, limits: Limits) -> Loaded:
    """A .docx as :class:`Loaded`: its text, with a note that offsets point into that text."""
    return Loaded(docx_text(data), SourceInfo(format="docx"), (diagnostic("L005"),))

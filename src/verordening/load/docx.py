"""Text from a Word (.docx) document, with Word's automatic numbering written out.

Draft bylaws mostly arrive as Word files, and their leden and onderdelen are usually
numbered by Word itself, not typed: the label "1." or "a." lives in the numbering
definitions - on the paragraph, or on its style ("List Number") - not in the text. This
module writes those labels out, so the structure parser sees what the reader sees. What
Word does not show is left out: tracked deletions and moves away, field codes, hidden
text, the fallback copy of a text box; comments live in a part that is never read.

The file is untrusted. Only ``word/document.xml``, ``word/styles.xml`` and
``word/numbering.xml`` are read, each through a stream that counts what it unpacks (size
headers are never believed), all together within ``Limits.unpacked_bytes``; the XML goes
through defusedxml without DTDs or entities, in one pass of events, nesting within
``Limits.depth``. Numbering values are held to ``Limits.number`` and ``Limits.levels``,
and a label to ``docx_lists.LABEL_CHARS``, so no small file can ask for a huge label.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

from attrs import define, field
from defusedxml.common import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..diagnostics import diagnostic
from ..model import SourceInfo
from .base import FormatError, Limits, Loaded
from .docx_lists import NUMBERING_TAGS, OFF, DocxError, Numbering, NumPr, Styles, W, whole

__all__ = ["DocxError", "docx_text", "read_docx"]

MAX_RATIO = 200  # unpacked / packed bytes of one part: more is a zip bomb (Word's parts: about 5-15)
MAX_PARTS = 10_000  # entries in the archive (Word writes a few dozen)
CHUNK = 64 * 1024  # bytes unpacked and parsed at a time
MAX_ELEMENTS = 60_000  # elements kept from styles or numbering (a bloated real one: some 20,000)

_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"  # "Strict Open XML" saves
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_VAL = f"{W}val"
_DOCUMENT = "word/document.xml"

# Parts of a paragraph Word does not show: deletions and moves away (tracked changes), field
# codes, the fallback copy of a drawing (its text box is also in mc:Choice), old properties.
_UNSHOWN = frozenset(
    W + name
    for name in ("del", "moveFrom", "delText", "delInstrText", "instrText", "pPrChange", "rPrChange", "sdtPr")
) | {f"{_MC}Fallback"}
_P, _R, _T, _PPR, _RPR, _NUMPR = (f"{W}{name}" for name in ("p", "r", "t", "pPr", "rPr", "numPr"))
_PSTYLE, _NUMID, _ILVL, _DEL, _VANISH = (
    f"{W}{name}" for name in ("pStyle", "numId", "ilvl", "del", "vanish")
)
_PROPERTIES = frozenset({_PPR, _RPR, _NUMPR})
_RUN_TEXT = {f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-"}


# -- the archive ------------------------------------------------------------------------------
# What the zipfile module says (never shown: it can quote names from the archive) -> what is wrong
_DAMAGE = (
    ("encrypt", "docx.encrypted"),
    ("compression method", "docx.compression"),
    ("CRC", "docx.bad_crc"),
    ("Overlapped", "docx.overlap"),
    ("magic number", "docx.no_header"),
    ("Truncated", "docx.header_cut"),
    ("differ", "docx.disagree"),
    ("seek", "docx.outside"),
)


def _damage(name: str, error: Exception) -> DocxError:
    """A clear message for what the zipfile module found wrong in part ``name``."""
    said = str(error)
    for words, key in _DAMAGE:
        if words in said:
            return DocxError(key=key, part=name)
    if isinstance(error, EOFError | zlib.error):
        return DocxError(key="docx.cut_short", part=name)
    return DocxError(key="docx.unpack", part=name, kind=type(error).__name__)


@contextmanager
def _zip_errors(name: str) -> Iterator[None]:
    """Turn whatever unpacking a damaged archive raises into one clear :class:`DocxError`."""
    try:
        yield
    except FormatError:
        raise
    except Exception as error:  # a damaged archive raises many kinds; each becomes one line
        raise _damage(name, error) from None


@contextmanager
def _xml_errors(name: str) -> Iterator[None]:
    """Turn what the XML parser raises into one line that never quotes the input."""
    try:
        yield
    except DefusedXmlException:
        raise DocxError(key="docx.xml_dtd", part=name) from None
    except ParseError as error:
        raise DocxError(key="docx.xml", part=name, error=error) from None
    except (LookupError, UnicodeError, ValueError) as error:
        if not (type(error) is LookupError or isinstance(error, UnicodeError) or "encoding" in str(error)):
            raise  # not the parser's: a fault of this module, for the guard
        raise DocxError(key="docx.encoding", part=name) from None


class _Archive:
    """The parts of a .docx, each unpacked a chunk at a time straight into an XML parser,
    counting the bytes: a bomb is stopped when it has unpacked a little, not after."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        if data.count(b"PK\x01\x02") > MAX_PARTS:
            raise DocxError(key="docx.parts", max=MAX_PARTS)
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except Exception as error:  # whatever a damaged directory raises: one line
            raise DocxError(key="docx.damaged_zip", kind=type(error).__name__) from None
        self.limits = limits
        self.unpacked = 0

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def feed(self, name: str, target: Any) -> bool:
        """Parse part ``name`` into ``target`` (an XML parser target); False if there is no such part."""
        info = self.zip.NameToInfo.get(name)
        if info is None:
            return False
        if info.flag_bits & 0x1:
            raise DocxError(key="docx.encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocxError(key="docx.compression", part=name)
        parser = DefusedXMLParser(target=target, forbid_dtd=True)
        allowed = MAX_RATIO * max(info.compress_size, 1024)
        # a header that says too much is refused at once; one that says too little, while unpacking
        self._check(name, info.file_size, allowed, self.unpacked + info.file_size)
        size = 0
        with _zip_errors(name):
            stream = self.zip.open(info)
        with stream:
            while True:
                with _zip_errors(name):
                    chunk = stream.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                self.unpacked += len(chunk)
                self._check(name, size, allowed, self.unpacked)
                with _xml_errors(name):
                    parser.feed(chunk)
        if size != info.file_size:
            raise DocxError(key="docx.size", part=name)
        with _xml_errors(name):
            parser.close()
        return True

    def _check(self, name: str, size: int, allowed: int, unpacked: int) -> None:
        if size > allowed:
            raise DocxError(key="docx.ratio", part=name, ratio=MAX_RATIO)
        if unpacked > self.limits.unpacked_bytes:
            raise DocxError(key="docx.unpacked", part=name, limit=self.limits.unpacked_bytes)


# -- XML helpers ------------------------------------------------------------------------------
def _tag(tag: str) -> str:
    """A name of Strict Open XML as that of the usual (transitional) namespace."""
    return W + tag[len(_STRICT) :] if tag.startswith(_STRICT) else tag


def _canonical(tag: str, attrib: dict[str, str]) -> tuple[str, dict[str, str]]:
    """An element's name and attributes with Strict Open XML names made transitional (an element
    of the usual namespace, nearly all of them, as it is)."""
    if tag.startswith(W):
        return tag, attrib
    tag = _tag(tag)
    if any(key.startswith(_STRICT) for key in attrib):
        attrib = {(W + k[len(_STRICT) :] if k.startswith(_STRICT) else k): v for k, v in attrib.items()}
    return tag, attrib


def _too_deep(name: str, limits: Limits) -> DocxError:
    return DocxError(key="docx.too_deep", part=name, limit=limits.depth)


class _Tree:
    """Parser target building the tree of a small part (styles, numbering) from only the elements
    that bear on numbering, without text: a hostile part cannot grow a large tree, and nesting
    deeper than the limit is refused while it reads."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.builder = TreeBuilder()
        self.name = name
        self.limits = limits
        self.depth = 0
        self.left_out = 0  # open elements inside a subtree that does not bear on numbering
        self.kept = 0
        self.root: Element | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > self.limits.depth:
            raise _too_deep(self.name, self.limits)
        tag, attrib = _canonical(tag, attrib)
        if self.left_out or (self.depth > 1 and tag not in NUMBERING_TAGS):
            self.left_out += 1
            return
        self.kept += 1
        if self.kept > MAX_ELEMENTS:
            raise DocxError(key="docx.list_elements", part=self.name, max=MAX_ELEMENTS)
        self.builder.start(tag, attrib)

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.left_out:
            self.left_out -= 1
        else:
            self.builder.end(_tag(tag))

    def close(self) -> Element:
        if self.root is None:
            self.root = self.builder.close()
        return self.root


def _tree(archive: _Archive, name: str) -> Element | None:
    target = _Tree(name, archive.limits)
    return target.close() if archive.feed(name, target) else None


# -- the document -----------------------------------------------------------------------------
@define
class _Paragraph:
    """A paragraph being read: where its line goes, its text so far, its numbering properties."""

    slot: int
    pieces: list[str] = field(factory=list)
    style: str | None = None
    num: NumPr = field(factory=NumPr)
    deleted: bool = False  # its paragraph mark is a tracked deletion: it joins the next paragraph
    numbered: bool = False


class _Body:
    """Parser target for ``word/document.xml``: one line per paragraph (table cells included),
    in one pass over the XML events; nested paragraphs (text boxes) get lines of their own."""

    def __init__(self, styles: Styles, numbering: Numbering, limits: Limits) -> None:
        self.styles, self.numbering, self.limits = styles, numbering, limits
        self.lines: list[str | None] = []
        self.open: list[_Paragraph] = []  # innermost last
        self.path: list[str] = []  # the open elements
        self.unshown = 0  # open elements inside a part Word does not show
        self.hidden = False  # the current run is hidden text
        self.carry: list[str] = []  # text of paragraphs whose mark was deleted
        self.chars = 0

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        tag, attrib = _canonical(tag, attrib)
        path = self.path
        path.append(tag)
        if len(path) > self.limits.depth:
            raise _too_deep(_DOCUMENT, self.limits)
        if self.unshown:
            self.unshown += 1
            return
        parent = path[-2] if len(path) > 1 else ""
        if parent in _PROPERTIES:
            self._property(tag, attrib.get(_VAL))
        if tag in _UNSHOWN:
            self.unshown = 1
        elif tag == _P:
            self.lines.append(None)
            self.open.append(_Paragraph(len(self.lines) - 1))
        elif tag == _R:
            self.hidden = False
        elif parent == _R and tag in _RUN_TEXT:
            self._add(_RUN_TEXT[tag])
        if parent == _P and tag != _PPR:
            self._number(self.open[-1])

    def _property(self, tag: str, value: str | None) -> None:
        """Note a paragraph's style, list, level and deleted mark, and a run's hidden text."""
        where = tuple(self.path[-4:-1])
        if tag == _VANISH and where[-2:] == (_R, _RPR):
            self.hidden = value not in OFF
        elif not self.open or _P not in where:
            return
        elif tag == _PSTYLE and where[-2:] == (_P, _PPR):
            self.open[-1].style = value
        elif tag in (_NUMID, _ILVL) and where == (_P, _PPR, _NUMPR):
            paragraph = self.open[-1]
            if tag == _NUMID:
                paragraph.num = NumPr(value, paragraph.num.ilvl)
            else:
                level = whole(value, _DOCUMENT, "list_level", self.limits.levels - 1, "levels")
                paragraph.num = NumPr(paragraph.num.num_id, level)
        elif tag == _DEL and where == (_P, _PPR, _RPR):
            self.open[-1].deleted = True

    def end(self, tag: str) -> None:
        self.path.pop()
        if self.unshown:
            self.unshown -= 1
        elif _tag(tag) == _P and self.open:
            self._close(self.open.pop())

    def data(self, text: str) -> None:
        if not self.unshown and not self.hidden and self.path and self.path[-1] == _T and self.open:
            self._add(text)

    def _count(self, size: int) -> None:
        self.chars += size
        if self.chars > self.limits.text_chars:
            raise DocxError(key="read.text_longer", limit=self.limits.text_chars)

    def _add(self, text: str) -> None:
        if self.open:
            self._count(len(text))
            self.open[-1].pieces.append(text)

    def _number(self, paragraph: _Paragraph) -> None:
        """Put the paragraph's automatic label (and text carried from a deleted mark) first."""
        if paragraph.numbered:
            return
        paragraph.numbered = True
        if paragraph.deleted:
            return
        own, styled = paragraph.num, self.styles.numbering(paragraph.style)
        num_id = own.num_id if own.num_id is not None else styled.num_id
        ilvl = own.ilvl if own.ilvl is not None else styled.ilvl
        first, self.carry = self.carry, []
        label = ""
        if num_id and num_id != "0":
            label = self.numbering.label(num_id, ilvl, paragraph.style or self.styles.default)
        if label:
            first.insert(0, label + " ")
        self._count(len(label) + 2)  # the label, its space and the line end
        paragraph.pieces[:0] = first

    def _close(self, paragraph: _Paragraph) -> None:
        self._number(paragraph)
        if paragraph.deleted:
            self.carry += paragraph.pieces
        else:
            self.lines[paragraph.slot] = "".join(paragraph.pieces)

    def close(self) -> str:
        lines = [line for line in self.lines if line is not None]
        if self.carry:
            lines.append("".join(self.carry))
        return "\n".join(lines) + "\n"


def docx_text(data: bytes, limits: Limits | None = None) -> str:
    """The text of a .docx: one line per paragraph, automatic numbers written out."""
    limits = limits or Limits()
    archive = _Archive(data, limits)
    with archive.zip:
        if not archive.has(_DOCUMENT):
            raise DocxError(key="docx.no_document")
        styles = Styles(_tree(archive, "word/styles.xml"), limits)
        numbering = Numbering(_tree(archive, "word/numbering.xml"), limits)
        body = _Body(styles, numbering, limits)
        archive.feed(_DOCUMENT, body)
    return body.close()


def read_docx(data: bytes, limits: Limits) -> Loaded:
    """A .docx as :class:`Loaded`: its text, with a note that offsets point into that text."""
    return Loaded(docx_text(data, limits), SourceInfo(format="docx"), (diagnostic("L005"),))

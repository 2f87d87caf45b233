"""The HTML pages of the official publication sites: the regulation's text and metadata.

Two layouts are read (the sites' help pages describe what they show):

- lokaleregelgeving.overheid.nl (consolidated regulations): the title, "Geldend van ... t/m
  ...", the "Wetstechnische informatie" - a table of label and value (Organisatie,
  Officiële naam regeling, Citeertitel, ...), the legal basis as a list under its heading,
  and the table "Overzicht van in de tekst verwerkte wijzigingen" (Datum inwerkingtreding,
  Datum ondertekening, Bron bekendmaking, ...) - and then, after "Tekst van de regeling",
  the regulation;
- zoek.officielebekendmakingen.nl (the Gemeenteblad): a banner, a table of publication data
  (Datum publicatie, Organisatie, Jaargang en nummer, Rubriek) and then the title and text.

Metadata goes into :class:`~verordening.model.SourceInfo`, not into the text (``htmlmeta.py``
reads it). The text is written the way the structure stage reads plain text: headings on
lines of their own, one line per paragraph, list items with their numbers ("1. ...",
"a. ..."), whether the number is in the markup or follows from an ``<ol>``. Scripts,
styles and the page chrome (navigation, header, footer, hidden parts) are left out.

The page is untrusted. It is decoded by its byte order mark or declared charset (one of the
web's; else as plain text is), refused if it declares entities, checked by
:func:`~.markup.precheck`, and parsed by libxml2's HTML parser through lxml with no network
access, into a small tree of our own that keeps only what the reader needs, no deeper than
``limits.depth``. A paragraph over libxml2's 10 MB is read whole; a page the parser stops in
is refused, never read in part.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from typing import Any

from lxml import etree

from ..diagnostics import Diagnostic, diagnostic
from .base import FormatError, Limits, Loaded
from .htmlmeta import Block, Node, page_info
from .markup import LABEL_ONLY, LABEL_START, Lines, clean, labels, list_label, precheck
from .text import decode

__all__ = ["decode_html", "read_html"]

# what HTML itself marks as page chrome, and what holds no text of the regulation
_CHROME_TAGS = frozenset(
    ["script", "style", "noscript", "template", "nav", "aside", "form", "button",
     "select", "textarea", "iframe", "svg", "math", "object", "embed", "canvas", "dialog", "head"]
)  # fmt: skip
_CHROME_ROLES = frozenset(
    ["navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar"]
)
_BLOCKS = frozenset(
    ["p", "div", "section", "article", "main", "blockquote", "address", "center", "figure", "figcaption",
     "dl", "dt", "dd", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
     "fieldset", "legend", "details", "summary", "body", "html", "hr"]
)  # fmt: skip
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_KEPT = (
    "class",
    "id",
    "role",
    "type",
    "start",
    "value",
    "hidden",
    "aria-hidden",
    "name",
    "content",
    "rel",
    "href",
)
_SECTIONING = frozenset(["main", "article", "section"])  # a header or footer inside one is content
_ENTITIES = re.compile(r"<!\s*(?:DOCTYPE[^>\[]{0,2000}\[|ENTITY)", re.IGNORECASE)
_CHARSET = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
# The charsets a page may declare: the encodings of the WHATWG Encoding Standard, which
# browsers keep to, by the names of Python's codecs. Python has many more that no page is in
# (EBCDIC, UTF-7, punycode - whose decoder is quadratic); any other declared charset is passed
# over and the page read as plain text is, a UTF-16 or UTF-32 in any spelling among them (a
# page without a byte order mark that declares one is UTF-8 to a browser).
_PAGE_ENCODINGS = frozenset(
    ["utf-8", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5", "iso8859-6", "iso8859-7",
     "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "koi8-r", "koi8-u",
     "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255",
     "cp1256", "cp1257", "cp1258", "gbk", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr"]
)  # fmt: skip
# the encodings browsers read as another: Latin-1 and ASCII as Windows-1252, and the like
_READ_AS = {"iso8859-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254", "iso8859-11": "cp874",
            "tis-620": "cp874", "gb2312": "gbk"}  # fmt: skip
_CONTROL = {c: None for c in [*range(0, 9), 11, 12, *range(14, 32), 127]}
# libxml2 stops at a text of 10 MB unless the tree may be "huge" (the input is held to the
# limits before it is parsed); where it stops all the same, the page is refused, not read in part
_PARSER: dict[str, Any] = {"no_network": True, "encoding": "utf-8", "remove_pis": True, "huge_tree": True}
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_html(data: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """The page as text: by its byte order mark, else by the charset it declares (as
    browsers read them: a declared UTF-16 without a mark is UTF-8, Latin-1 is Windows-1252),
    else the way plain text is read."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    declared = _declared(data)
    if declared is None or declared == "utf-8":
        return decode(data)  # UTF-8 if it is, else the fallbacks of plain text with their notes
    text = data.decode(declared, errors="replace")
    notes: list[Diagnostic] = []
    if bad := text.count("\ufffd"):
        notes.append(diagnostic("L003", count=bad))
    if "\x00" in text:
        notes.append(diagnostic("L002"))
    return text, declared, tuple(notes)


def _declared(data: bytes) -> str | None:
    """The codec of the charset the page declares, as browsers read it; None if it declares
    none, or one no page is in (unknown, not a text encoding, or not one of the web's)."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        name = codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except LookupError:
        return None
    name = _READ_AS.get(name, name)
    return name if name in _PAGE_ENCODINGS else None


class _Builder:
    """An lxml parser target that builds a :class:`Node` tree without the chrome, notes the
    head's ``<meta>`` and ``<title>``, and marks a tree deeper than the limit."""

    def __init__(self, limits: Limits) -> None:
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.depth = 0
        self.limit = limits.depth
        self.too_deep = False
        self.skip = 0  # > 0 inside chrome
        self.head: dict[str, str] = {}
        self.title: list[str] | None = None
        self.titles: list[str] = []
        self.chrome = labels().chrome_classes

    def start(self, tag: Any, attrib: Any) -> None:
        self.depth += 1
        self.too_deep = self.too_deep or self.depth > self.limit
        name = tag.lower() if isinstance(tag, str) else ""
        attrs = {k: str(attrib[k]) for k in _KEPT if k in attrib}
        if name in ("meta", "link"):
            key = (attrs.get("name") or attrs.get("rel") or "").lower()
            self.head.setdefault(key, attrs.get("content") or attrs.get("href") or "")
        elif name == "title" and self.title is None and not self.titles:
            self.title = []
        if self.too_deep:  # the page is refused once parsed; nothing more is built
            return
        if self.skip or self._is_chrome(name, attrs):
            self.skip += 1
            return
        node = Node(name, attrs)
        self.stack[-1].children.append(node)
        self.stack.append(node)

    def _is_chrome(self, name: str, attrs: dict[str, str]) -> bool:
        if name in ("header", "footer"):  # a page's banner and foot, not those of an article
            return not any(node.tag in _SECTIONING for node in self.stack)
        classes = attrs.get("class", "").lower().split()
        return (
            name in _CHROME_TAGS
            or attrs.get("role", "").lower() in _CHROME_ROLES
            or "hidden" in attrs
            or attrs.get("aria-hidden", "").lower() == "true"
            or any(c in self.chrome for c in classes)
        )

    def end(self, tag: Any) -> None:
        self.depth -= 1
        if isinstance(tag, str) and tag.lower() == "title" and self.title is not None:
            self.titles.append(clean("".join(self.title)))
            self.title = None
        if self.too_deep:
            return
        if self.skip:
            self.skip -= 1
        elif len(self.stack) > 1:
            self.stack.pop()

    def data(self, text: Any) -> None:
        if self.title is not None:
            self.title.append(str(text))
        if not self.skip and not self.too_deep:
            self.stack[-1].children.append(str(text))

    def comment(self, text: Any) -> None:
        """Comments are no text."""

    def close(self) -> Node:
        return self.root


def _tree(text: str, limits: Limits) -> _Builder:
    if _ENTITIES.search(text):
        raise FormatError(key="html.dtd")
    if _CONTROL_CHAR.search(text):  # libxml2 reports each; a page has none
        text = text.translate(_CONTROL)
    builder = _Builder(limits)
    parser = etree.HTMLParser(target=builder, **_PARSER)
    with contextlib.suppress(etree.ParserError):  # an empty document
        etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    if builder.too_deep:
        raise FormatError(key="read.too_deep", limit=limits.depth)
    if any(error.level == etree.ErrorLevels.FATAL for error in parser.error_log):
        raise FormatError(key="html.cut_short")  # what libxml2 read up to there is not the page
    return builder


class _Renderer:
    """A :class:`Node` tree as :class:`Block` values: headings, lines, labels, metadata."""

    def __init__(self, limits: Limits) -> None:
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        # whether the line being gathered has any text yet (the line itself, joined for every
        # element of it, is quadratic in its elements)
        self.written = False
        self.limits = limits
        self.heading_classes = labels().heading_classes
        self.counted = 0

    def flush(self) -> None:
        text = clean("".join(self.inline))
        self.inline = []
        self.written = False
        if text:
            self.counted += len(text)
            if self.counted > self.limits.text_chars:
                raise FormatError(key="read.text_longer", limit=self.limits.text_chars)
            self.blocks.append(Block("line", text))

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.inline.append(child)
                self.written = self.written or not (child.isspace() or child == "")
            else:
                self.element(child)

    def element(self, node: Node) -> None:
        tag = node.tag
        if tag == "br":
            self.flush()
        elif tag in _HEADINGS or (tag in ("div", "p", "span") and self._heading_class(node)):
            self.flush()
            self.blocks.append(Block("heading", node.text(spaced=True), node=node))
        elif tag == "dl" or (tag == "table" and not _layout(node)):
            self.flush()
            self.blocks.append(Block("table", "", node=node))
        elif tag in ("ol", "ul"):
            self.flush()
            self.listing(node)
        elif tag == "pre":
            self.flush()
            for line in node.text(spaced=False, keep_lines=True).splitlines():
                self.blocks.append(Block("line", clean(line)))
        elif tag in _BLOCKS:
            self.flush()
            self.walk(node)
            self.flush()
        elif not self.written and LABEL_ONLY.fullmatch(node.opening()):
            self.walk(node)  # a label in a span of its own before its text: "<span>1.</span>De ..."
            self.inline.append(" ")
        else:
            self.walk(node)

    def _heading_class(self, node: Node) -> bool:
        return any(c in self.heading_classes for c in node.attrs.get("class", "").lower().split())

    def listing(self, node: Node) -> None:
        """A list: each item's label (its own, or its number in an ``<ol>``) before its first line."""
        kind = node.attrs.get("type", "1") if node.tag == "ol" else ""
        number = _int(node.attrs.get("start"), 1, self.limits) - 1
        for item in node.children:
            if isinstance(item, str) or item.tag != "li":
                if not isinstance(item, str):
                    self.element(item)
                continue
            number = _int(item.attrs.get("value"), number + 1, self.limits)
            first = item.opening()
            if kind and first and not LABEL_START.match(first):
                self.blocks.append(Block("label", list_label(number, kind)))
            self.walk(item)
            self.flush()

    def body_table(self, node: Node) -> list[Block]:
        """A table of the regulation itself: one line per row, its cells joined."""
        rows = [[cell.text(spaced=False) for cell in row] for row in node.rows()]
        return [Block("line", " ".join(c for c in row if c)) for row in rows if any(row)]


def _layout(table: Node) -> bool:
    """Whether a table only lays the page out: it holds a table or a heading, or it has one
    column. Its cells are read as the page's flow; a table of data gives a line per row."""
    rows = table.rows()
    if all(len(row) <= 1 for row in rows):
        return True
    return any(node.tag == "table" or node.tag in _HEADINGS for node in table.walk())


def _int(value: str | None, default: int, limits: Limits) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    if number > limits.number:
        raise FormatError(key="read.list_beyond", limit=limits.number)
    return max(number, 0)


def _write(blocks: list[Block], limits: Limits) -> str:
    lines = Lines(limits.text_chars)
    for block in blocks:
        if block.kind == "heading":
            lines.heading(block.text)
        elif block.kind == "label":
            lines.label(block.text)
        else:
            lines.add(block.text)
    return lines.text()


def read_html(data: bytes, limits: Limits) -> Loaded:
    """An official publication page as :class:`Loaded`: the regulation's text and its metadata."""
    precheck(data)
    text, encoding, notes = decode_html(data)
    builder = _tree(text, limits)
    renderer = _Renderer(limits)
    renderer.walk(builder.root)
    renderer.flush()
    found = page_info(renderer.blocks, builder.head, builder.titles)
    blocks: list[Block] = []
    for block in found.text_blocks:
        blocks.extend(renderer.body_table(block.node) if block.kind == "table" and block.node else [block])
    body = _write(blocks, limits)
    if not any(b.kind != "label" and b.text.strip() for b in blocks):
        raise FormatError(key="html.no_text")
    return Loaded(body, found.info(encoding), notes)

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

The page is untrusted. It is decoded by its byte order mark or declared charset (else as
plain text is), refused if it declares entities, checked by :func:`~.markup.precheck`, and
parsed by libxml2's HTML parser through lxml with no network access, into a small tree of
our own that keeps only what the reader needs, no deeper than ``limits.depth``.
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
_CONTROL = {c: None for c in [*range(0, 9), 11, 12, *range(14, 32), 127]}
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode_html(data: bytes) -> tuple[str, str, tuple[Diagnostic, ...]]:
    """The page as text: by its byte order mark, else by the charset it declares (as
    browsers read them: a declared UTF-16 without a mark is UTF-8, Latin-1 is Windows-1252),
    else the way plain text is read."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    match = _CHARSET.search(data[:4096])
    declared = (match.group(1) or match.group(2)).decode("ascii").lower() if match else ""
    if declared.startswith(("utf-16", "utf16", "utf-32")) or declared in ("utf-8", "utf8", ""):
        return decode(data)  # UTF-8 if it is, else the fallbacks of plain text with their notes
    if declared in ("iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        declared = "cp1252"
    try:
        text = data.decode(declared, errors="replace")
    except (LookupError, ValueError):  # unknown, or not a text encoding
        return decode(data)
    notes: list[Diagnostic] = []
    if bad := text.count("\ufffd"):
        notes.append(diagnostic("L003", count=bad))
    if "\x00" in text:
        notes.append(diagnostic("L002"))
    return text, codecs.lookup(declared).name, tuple(notes)


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
    parser = etree.HTMLParser(target=builder, no_network=True, encoding="utf-8", remove_pis=True)
    with contextlib.suppress(etree.ParserError):  # an empty document
        etree.fromstring(text.encode("utf-8", errors="replace"), parser)
    if builder.too_deep:
        raise FormatError(key="read.too_deep", limit=limits.depth)
    return builder


class _Renderer:
    """A :class:`Node` tree as :class:`Block` values: headings, lines, labels, metadata."""

    def __init__(self, limits: Limits) -> None:
        self.blocks: list[Block] = []
        self.inline: list[str] = []
        self.limits = limits
        self.heading_classes = labels().heading_classes
        self.counted = 0

    def flush(self) -> None:
        text = clean("".join(self.inline))
        self.inline = []
        if text:
            self.counted += len(text)
            if self.counted > self.limits.text_chars:
                raise FormatError(key="read.text_longer", limit=self.limits.text_chars)
            self.blocks.append(Block("line", text))

    def walk(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.inline.append(child)
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
        elif not "".join(self.inline).strip() and LABEL_ONLY.fullmatch(node.text(spaced=False)):
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
            first = item.text(spaced=False)
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

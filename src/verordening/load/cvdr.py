"""CVDR XML, the open data of the national database of decentral regulations.

A CVDR document has the root ``cvdr`` with ``meta`` - ``owmskern`` (identifier, title,
creator: the organisation, modified), ``owmsmantel`` (alternative title, subject, issued,
source: the legal basis, ...) and ``cvdripm`` (inwerkingtredingDatum,
uitwerkingtredingDatum, ...) - and ``body`` with the ``regeling``: its ``aanhef`` (``wij``,
``considerans``, ``afkondiging``), its ``regeling-tekst`` of ``hoofdstuk``, ``afdeling``,
``paragraaf`` and ``artikel`` (each headed by a ``kop`` of ``label``, ``nr`` and
``titel``), leden (``lid`` with ``lidnr``), paragraphs (``al``) and lists (``lijst`` of
``li``, numbered by ``li.nr`` or an ``nr`` attribute), then ``regeling-sluiting``,
``bijlage`` and ``toelichting``. Namespaces are ignored: the local names decide.

The metadata goes into :class:`~verordening.model.SourceInfo` (element names in
``labels.yaml``); the text is written as the structure stage reads plain text:
"Artikel 2 Taken" on its own line, then "1. ...", "a. ...".

The file is untrusted: :func:`~.markup.precheck` first, then defusedxml (no DTD, no
entities, no external references), nesting held to ``limits.depth``.
"""

from __future__ import annotations

import codecs
import re
from xml.etree.ElementTree import Element

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from ..model import SourceInfo
from .base import FormatError, Limits, Loaded
from .markup import Lines, clean, cvdr_id, iso_date, labels, precheck

__all__ = ["read_cvdr"]

# elements whose whole text is one line of the regulation
_LINES = frozenset(
    ["al", "wij", "considerans.al", "context.al", "dagtekening", "tussenkop", "functie", "naam", "plaats",
     "citeertitel", "intitule", "opschrift", "slotformulering.al", "ondertekening.al"]
)  # fmt: skip
_SKIPPED = frozenset(["meta-data", "plaatje", "illustratie", "lidnr", "li.nr", "redactie", "noot"])
_ROWS = frozenset(["row", "tr"])
_DECLARED = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})""")


def _encoding(data: bytes) -> str:
    """The encoding of the XML: by its byte order mark, else as declared, else UTF-8."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    declared = _DECLARED.match(data.lstrip(codecs.BOM_UTF8)[:256])
    try:
        return codecs.lookup(declared.group(1).decode("ascii")).name if declared else "utf-8"
    except LookupError:
        return "utf-8"


def _name(element: Element) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1]


def _parse(data: bytes, limits: Limits) -> Element:
    precheck(data)
    try:
        root = ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise FormatError(key="cvdr.dtd") from None
    except ElementTree.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise FormatError(key="cvdr.xml", line=line, column=column) from None
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limits.depth:
            raise FormatError(key="read.too_deep", limit=limits.depth)
        stack.extend((child, depth + 1) for child in element)
    return root


def _text(element: Element) -> str:
    return clean("".join(element.itertext()))


def _meta(meta: Element | None, encoding: str) -> SourceInfo:
    """The fields of ``meta``, by the element names of ``labels.yaml``."""
    values: dict[str, list[str]] = {}
    for element in meta.iter() if meta is not None else ():
        # (only the innermost elements hold a field: the text of every element would read a
        # deep nest once per level)
        if len(element) == 0 and (value := _text(element)):
            values.setdefault(_name(element), []).append(value)
    wanted = labels().cvdr_meta

    def first(name: str) -> str | None:
        return next((values[n][0] for n in wanted.get(name, ()) if n in values), None)

    organisation = first("organisation")
    identifier = first("cvdr_id")
    return SourceInfo(
        format="cvdr",
        encoding=encoding,
        title=first("title"),
        organisation=labels().organisation(organisation) if organisation else None,
        cvdr_id=(cvdr_id(identifier, bare=True) or cvdr_id(identifier)) if identifier else None,
        adopted=iso_date(first("adopted")),
        published=iso_date(first("published")),
        in_force_from=iso_date(first("in_force_from")),
        in_force_until=iso_date(first("in_force_until")),
        legal_basis=tuple(v for n in wanted.get("legal_basis", ()) for v in values.get(n, ())),
    )


class _Writer:
    """The regulation of a CVDR body as lines of text."""

    def __init__(self, limits: Limits) -> None:
        self.lines = Lines(limits.text_chars)
        self.headings = labels().cvdr_headings
        self.implied = labels().cvdr_implied
        self.number = limits.number

    def element(self, element: Element, parent: str = "") -> None:
        name = _name(element)
        if name in _SKIPPED:
            return
        if name == "kop":
            self.lines.heading(self._kop(element, parent))
        elif name in _LINES:
            self.lines.add(_text(element))
        elif name in _ROWS:
            self.lines.add(" ".join(_text(cell) for cell in element))
        else:
            self._container(element, name)

    def _container(self, element: Element, name: str) -> None:
        label = self._label(element, name)
        if label:
            self.lines.label(label)
        has_kop = any(_name(child) == "kop" for child in element)
        if not has_kop and name in self.implied:
            self.lines.heading(self.headings[name])
        self._loose(element.text)
        for child in element:
            self.element(child, name)
            self._loose(child.tail)

    def _loose(self, text: str | None) -> None:
        if text and text.strip():
            self.lines.add(text)

    def _label(self, element: Element, name: str) -> str:
        """The number of a lid or a list item, with a dot after a bare number or letter."""
        if name == "lid":
            found = next((c for c in element if _name(c) == "lidnr"), None)
        elif name == "li":
            found = next((c for c in element if _name(c) == "li.nr"), None)
        else:
            return ""
        label = _text(found) if found is not None else clean(element.get("nr", ""))
        digits = label.rstrip(".)°")
        if digits.isdecimal() and (len(digits) > 9 or int(digits) > self.number):
            raise FormatError(key="cvdr.numbers", what=name, limit=self.number)
        return label + "." if label[-1:].isalnum() else label

    def _kop(self, kop: Element, parent: str) -> str:
        """ "Artikel 2 Taken": the label (or the word for the element it heads), number and title."""
        parts = {_name(child): _text(child) for child in kop}
        label = parts.get("label") or (self.headings.get(parent, "") if parts.get("nr") else "")
        words = [label, parts.get("nr", ""), parts.get("titel", "")]
        return " ".join(w for w in words if w) or _text(kop)


def _body(body: Element, title: str | None, limits: Limits) -> str:
    writer = _Writer(limits)
    headed = any(_name(e) in ("intitule", "citeertitel", "opschrift") for e in body.iter())
    if title and not headed:
        writer.lines.add(title)
    for child in body:
        writer.element(child)
    return writer.lines.text()


def read_cvdr(data: bytes, limits: Limits) -> Loaded:
    """A CVDR XML document as :class:`Loaded`: the regulation's text and its metadata."""
    root = _parse(data, limits)
    if _name(root) != "cvdr":
        raise FormatError(key="cvdr.not_cvdr")
    meta = next((c for c in root if _name(c) == "meta"), None)
    body = next((c for c in root if _name(c) == "body"), None)
    if body is None:
        raise FormatError(key="cvdr.no_body")
    info = _meta(meta, _encoding(data))
    text = _body(body, info.title, limits)
    if not text.strip():
        raise FormatError(key="cvdr.no_text")
    return Loaded(text, info)

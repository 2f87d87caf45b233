"""The document model: small immutable values that every later stage reads.

A :class:`Document` holds the original text, the tree of :class:`Node` values and the
diagnostics of loading and parsing. Offsets are Python string indices into the
original text (end excluded); lines and columns count from 1.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate
from typing import Any

from attrs import define, field

from .diagnostics import Diagnostic
from .escape import json_escaped
from .serialise import OMIT_EMPTY, to_data

__all__ = [
    "KINDS",
    "LINE_BREAK",
    "SCHEMA_VERSION",
    "Document",
    "Field",
    "Node",
    "SourceInfo",
    "line_starts_of",
]

SCHEMA_VERSION = "1.0"

KINDS = (
    "document",
    "metadata",
    "title",
    "preamble",
    "chapter",
    "afdeling",
    "paragraaf",
    "article",
    "lid",
    "onderdeel",
    "subonderdeel",
    "closing",
    "annex",
    "toelichting",
    "unstructured",
)


@define(frozen=True)
class Field:
    """A labelled value inside a metadata block or a preamble.

    ``key`` is our normalised name (``organisatie``, ``gelet_op``), ``label`` the
    words as printed, ``value`` the value with its lines joined by spaces.
    """

    key: str
    label: str
    value: str
    start: int
    end: int
    line: int


@define(frozen=True)
class Node:
    """One part of a bylaw: an article, a lid, the preamble, ..."""

    kind: str
    number: str | None
    title: str | None
    text: str
    start: int
    end: int
    line: int
    column: int
    citation: str
    id: str
    fields: tuple[Field, ...] = field(default=(), metadata=OMIT_EMPTY)
    children: tuple[Node, ...] = ()

    def walk(self) -> Iterator[Node]:
        """This node and all below it, parents before children."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def _index(root: Node) -> dict[str, Node]:
    return {node.id: node for node in root.walk()}


@define(frozen=True)
class SourceInfo:
    """What a source says about the regulation apart from its text: the metadata of an
    official HTML page or of CVDR XML (dates as ``YYYY-MM-DD``), and how it was read."""

    format: str  # text, docx, html, cvdr, pdf
    encoding: str | None = None  # of a text file
    title: str | None = None
    organisation: str | None = None
    cvdr_id: str | None = None
    adopted: str | None = None
    published: str | None = None
    in_force_from: str | None = None
    in_force_until: str | None = None
    legal_basis: tuple[str, ...] = ()


@define(frozen=True)
class Document:
    """A parsed bylaw: the tree, the original text and what we noticed on the way."""

    root: Node
    source: str = field(repr=False)
    diagnostics: tuple[Diagnostic, ...] = ()
    path: str | None = None
    encoding: str | None = None
    info: SourceInfo | None = None

    # the nodes by id and where the lines start, made when first asked for
    @cached_property
    def _by_id(self) -> dict[str, Node]:
        return _index(self.root)

    @cached_property
    def _starts(self) -> list[int]:
        return line_starts_of(self.source)

    # -- navigation -------------------------------------------------------------
    @property
    def children(self) -> tuple[Node, ...]:
        return self.root.children

    def nodes(self) -> Iterator[Node]:
        """Every node below the document, parents before children."""
        for child in self.root.children:
            yield from child.walk()

    @property
    def articles(self) -> list[Node]:
        """The articles of the regulation itself, in order (not annex, not toelichting)."""
        found: list[Node] = []
        for child in self.root.children:
            if child.kind in ("chapter", "afdeling", "paragraaf", "article"):
                found.extend(n for n in child.walk() if n.kind == "article")
        return found

    @property
    def annexes(self) -> list[Node]:
        return [c for c in self.root.children if c.kind == "annex"]

    @property
    def title(self) -> Node | None:
        return self._first("title")

    @property
    def preamble(self) -> Node | None:
        return self._first("preamble")

    @property
    def metadata(self) -> Node | None:
        return self._first("metadata")

    @property
    def toelichting(self) -> Node | None:
        return self._first("toelichting")

    def _first(self, kind: str) -> Node | None:
        return next((c for c in self.root.children if c.kind == kind), None)

    def get(self, node_id: str) -> Node:
        """The node with this id; ``KeyError`` when there is none."""
        return self._by_id[node_id]

    def find(self, node_id: str) -> Node | None:
        return self._by_id.get(node_id)

    def at(self, offset: int) -> Node:
        """The deepest node whose span contains ``offset`` (the document if none)."""
        node = self.root
        while True:
            inner = next((c for c in node.children if c.start <= offset < c.end), None)
            if inner is None:
                return node
            node = inner

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    # -- serialisation ------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "file": self.path,
            "encoding": self.encoding,
        }
        if self.info is not None:
            data["source_info"] = to_data(self.info)
        data.update(to_data(self.root))
        data["diagnostics"] = to_data(self.diagnostics)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json_escaped(json.dumps(self.to_dict(), ensure_ascii=False, indent=indent))


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts_of(text: str) -> list[int]:
    if "\r" not in text:
        return [0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1])]
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]

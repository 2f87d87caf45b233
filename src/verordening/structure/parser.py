"""From text to :class:`~verordening.model.Document`.

normalise (offset map) -> blocks (line classifier) -> Lark LALR grammar (``grammar.py``)
-> ids, citations and original offsets -> frozen nodes.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from attrs import define
from lark.exceptions import LarkError

from ..diagnostics import Diagnostic, diagnostic
from ..model import Document, Field, Node, SourceInfo, line_starts_of
from .blocks import Block, Note, lex
from .citation import Named, Namer
from .fields import RawField, metadata_fields, preamble_fields
from .grammar import Raw, parse_blocks
from .normalise import Normalised, normalise_with_map

__all__ = ["parse_text"]


@define
class _Context:
    norm: Normalised
    line_starts: list[int]


def parse_text(
    source: str,
    *,
    path: str | None = None,
    encoding: str | None = None,
    diagnostics: tuple[Diagnostic, ...] = (),
    info: SourceInfo | None = None,
) -> Document:
    """Parse ``source`` into a document; never raises on any ``str``."""
    norm = normalise_with_map(source)
    blocks, notes = lex(norm.text)
    line_starts = line_starts_of(source)
    ctx = _Context(norm, line_starts)
    found = list(diagnostics)
    try:
        raw = parse_blocks(blocks)
    except LarkError as error:  # a sequence the lexer should not have produced
        reason = type(error).__name__
        raw = [("unstructured", len(blocks), [])] if norm.text else []
        notes = [Note("S005", 0, len(norm.text), {"reason": reason})]
        if not any(b.kind == "ARTICLE" for b in blocks):
            notes.append(Note("S001", 0, 0))
        blocks = [*blocks, Block("UNPLACED", 0, len(norm.text))]
    builder = _Builder(ctx, blocks)
    children = tuple(builder.build(raw))
    found.extend(_diagnostic(ctx, note) for note in notes)
    found.extend(builder.duplicates())
    root = Node(
        kind="document",
        number=None,
        title=next((c.title for c in children if c.kind == "title"), None),
        text=norm.text,
        start=0,
        end=len(source),
        line=1,
        column=1,
        citation="",
        id="",
        children=children,
    )
    return Document(root, source, tuple(found), path=path, encoding=encoding, info=info)


def _diagnostic(ctx: _Context, note: Note) -> Diagnostic:
    start, end = ctx.norm.to_original(note.start, note.end) if note.end > note.start else (0, 0)
    return diagnostic(note.code, start, end, _line(ctx, start), **note.values)


def _line(ctx: _Context, offset: int) -> int:
    return bisect.bisect_right(ctx.line_starts, offset)


class _Builder:
    """Top-down: ids and citations need the parents; offsets go back to the original. The
    nodes come as the grammar gives them (:data:`Raw`), their blocks from ``blocks``."""

    def __init__(self, ctx: _Context, blocks: list[Block]) -> None:
        self.ctx = ctx
        self.blocks = blocks
        self.namer = Namer()
        self.named = 0  # how many nodes were named so far: their order in the tree, parents first
        self.repeated: list[tuple[int, Node]] = []  # nodes whose number their level has already

    def duplicates(self) -> Iterator[Diagnostic]:
        """A diagnostic per node whose number occurs before at its level (its id ends in "~2"),
        in the order of the tree."""
        for _, node in sorted(self.repeated, key=lambda found: found[0]):
            yield diagnostic("S004", node.start, node.end, node.line, kind=node.kind, number=node.number)

    def build(self, raw: list[Raw]) -> Iterator[Node]:
        self.namer.annex_count = sum(1 for kind, _, _ in raw if kind == "annex")
        for top in raw:
            yield self.node(top, None)[0]

    def node(self, raw: Raw, parent: Named | None) -> tuple[Node, int]:
        """The node, and where its last block ends in the cleaned text."""
        ctx = self.ctx
        kind, index, below = raw
        block = self.blocks[index]
        node_id, citation = self.namer.name(kind, block.number, parent)
        order = self.named
        self.named += 1
        nstart, nend = block.start, block.end
        children: tuple[Node, ...] = ()
        if below:  # (most nodes have none)
            here = Named(kind, node_id, citation)
            children, ends = zip(*[self.node(child, here) for child in below], strict=True)
            nend = max(nend, *ends)
        start, end = ctx.norm.to_original(nstart, nend)
        line = _line(ctx, start)
        column = start - ctx.line_starts[line - 1] + 1
        fields: tuple[Field, ...] = ()
        if kind == "metadata":
            fields = self.fields(metadata_fields(ctx.norm.text, nstart, nend))
        elif kind == "preamble":
            fields = self.fields(preamble_fields(ctx.norm.text, nstart, nend))
        node = Node(
            kind=kind,
            number=block.number,
            title=block.title,
            text=ctx.norm.text[nstart:nend],
            start=start,
            end=end,
            line=line,
            column=column,
            citation=citation,
            id=node_id,
            fields=fields,
            children=children,
        )
        if "~" in node_id and "~" in node_id.rsplit("/", 1)[-1]:
            self.repeated.append((order, node))
        return node, nend

    def fields(self, raw: list[RawField]) -> tuple[Field, ...]:
        result = []
        for f in raw:
            start, end = self.ctx.norm.to_original(f.start, f.end)
            result.append(Field(f.key, f.label, f.value, start, end, _line(self.ctx, start)))
        return tuple(result)

"""Stage 6: results -> text for people (JSON comes from the value classes themselves)."""

from __future__ import annotations

from .model import Document, Node

__all__ = ["outline_text"]

_SHOWN_IN_OUTLINE = {"metadata", "title", "preamble", "closing", "unstructured"}


def _label(node: Node) -> str:
    if node.kind in _SHOWN_IN_OUTLINE:
        return node.citation
    if node.kind in ("lid", "onderdeel", "subonderdeel"):
        return node.citation
    return node.citation + (f"  {node.title}" if node.title else "")


def outline_text(document: Document) -> str:
    """The outline: one line per node, indented by depth, with its line number."""
    rows: list[tuple[str, int]] = []

    def visit(node: Node, depth: int) -> None:
        label = _label(node)
        if node.kind == "title" and node.title:
            label = f"{label}: {node.title}"
        rows.append(("  " * depth + label, node.line))
        for child in node.children:
            visit(child, depth + 1)

    for child in document.children:
        visit(child, 0)
    width = min(max((len(r[0]) for r in rows), default=0), 90)
    lines = [f"{name or document.path or 'tekst'}" for name in [document.path]]
    lines.append(
        f"{len(document.articles)} artikelen, {len(document.annexes)} bijlagen; "
        f"codering {document.encoding or 'str'}"
    )
    for label, line in rows:
        shown = label if len(label) <= width else label[: width - 1] + "…"
        lines.append(f"{shown.ljust(width)}  regel {line}")
    for diag in document.diagnostics:
        lines.append(f"[{diag.severity}] {diag.code} regel {diag.line}: {diag.message}")
    return "\n".join(lines) + "\n"

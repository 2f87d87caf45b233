"""The keyword baseline: a naive tool to compare the rule engine with."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from attrs import evolve

from ..findings import ELEMENTS, Citation, ElementResult, Report
from ..model import Document

__all__ = ["BASELINE_KEYWORDS", "keyword_baseline"]

# The naive tool: one fixed list of keywords per element, searched in the whole text.
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "policy_proposals": ("voorstel",),
    "advice": ("advies", "advis"),
    "support": ("ondersteuning",),
    "periodic_consultation": ("overleg",),
    "agenda": ("agenda",),
    "information": ("informatie",),
}


def keyword_baseline(report: Report, keywords: Mapping[str, Sequence[str]] = BASELINE_KEYWORDS) -> Report:
    """The checker's report with its elements replaced by a naive keyword search.

    Each element is present when one of its keywords occurs anywhere in the text
    (case-insensitive, toelichting included), else missing; elements the checker
    marks not applicable (or leaves out) stay not applicable. The citation is the
    deepest node containing the first hit. Verdict and frameworks are the checker's.
    """
    document = report.document
    elements: dict[str, ElementResult] = {}
    for key in ELEMENTS:
        citations: tuple[Citation, ...]
        mine = report.elements.get(key)
        frameworks = mine.frameworks if mine is not None else ()
        if mine is None or mine.status == "not_applicable":
            status, citations = "not_applicable", ()
        else:
            status, citations = _search(document, keywords.get(key, ()))
        elements[key] = ElementResult(
            key=key,
            status=status,
            frameworks=frameworks,
            reasons=("keyword baseline",),
            citations=citations,
            statute=mine.statute if mine is not None else "",
            message="",
            suggestion="",
        )
    return evolve(report, elements=elements, findings=())


def _search(document: Document, words: Sequence[str]) -> tuple[str, tuple[Citation, ...]]:
    """Present, citing the first hit of any of ``words`` in the whole text; else missing."""
    if not words:
        return "missing", ()
    hit = re.search("|".join(re.escape(w) for w in words), document.source, re.IGNORECASE)
    if hit is None:
        return "missing", ()
    return "present", _cite_at(document, hit.start())


def _cite_at(document: Document, offset: int) -> tuple[Citation, ...]:
    node = document.at(offset)
    if node.kind == "document":
        return ()
    return (
        Citation(
            citation=node.citation,
            id=node.id,
            start=node.start,
            end=node.end,
            line=node.line,
            text=node.text,
        ),
    )

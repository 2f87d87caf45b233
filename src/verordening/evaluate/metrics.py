"""The figures of an evaluation: confusion, macro-F1, false-present rate, citation accuracy."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from attrs import define

from ..findings import Citation
from ..model import Document, Node

__all__ = [
    "DISPLAY_STATUSES",
    "F1_LABELS",
    "FOUND",
    "Figures",
    "Pair",
    "balanced_accuracy",
    "citation_accuracy",
    "confusion",
    "false_present_rate",
    "figures",
    "macro_f1",
    "match_citations",
    "resolve_gold",
    "spans_match",
]

# The order of rows and columns in confusion tables: best first, then not applicable.
DISPLAY_STATUSES = ("present", "partial", "missing", "not_applicable")
F1_LABELS = ("present", "partial", "missing")
FOUND = ("present", "partial")


@define(frozen=True)
class Pair:
    """Gold and predicted status of one element in one document.

    ``cited`` counts the predicted citations judged for citation accuracy (only when
    both statuses are present or partial and a gold citation resolved), ``matched``
    those of them on a gold node.
    """

    element: str
    gold: str
    predicted: str
    cited: int = 0
    matched: int = 0


def confusion(pairs: Iterable[Pair]) -> dict[str, dict[str, int]]:
    """Gold status -> predicted status -> count; all four statuses, zeros included.

    A status outside the four (a checker bug) gets its own row and column.
    """
    pairs = list(pairs)
    seen = {p.gold for p in pairs} | {p.predicted for p in pairs}
    extra = sorted(seen - set(DISPLAY_STATUSES))
    labels = [*DISPLAY_STATUSES, *extra]
    table = {gold: dict.fromkeys(labels, 0) for gold in labels}
    for pair in pairs:
        table[pair.gold][pair.predicted] += 1
    return table


def macro_f1(pairs: Iterable[Pair], labels: Sequence[str] = F1_LABELS) -> float:
    """Mean per-label F1; labels with no gold and no predicted instance are left out."""
    pairs = list(pairs)
    scores: list[float] = []
    for label in labels:
        tp = sum(1 for p in pairs if p.gold == label and p.predicted == label)
        fp = sum(1 for p in pairs if p.gold != label and p.predicted == label)
        fn = sum(1 for p in pairs if p.gold == label and p.predicted != label)
        if tp + fp + fn == 0:
            continue
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores) if scores else 1.0


def balanced_accuracy(pairs: Iterable[Pair], labels: Sequence[str] = F1_LABELS) -> float:
    """Mean per-label recall over the labels the gold has (1.0 when it has none): every status
    weighs the same, however rare."""
    pairs = list(pairs)
    recalls = []
    for label in labels:
        gold = [p for p in pairs if p.gold == label]
        if gold:
            recalls.append(sum(1 for p in gold if p.predicted == label) / len(gold))
    return sum(recalls) / len(recalls) if recalls else 1.0


def false_present_rate(pairs: Iterable[Pair]) -> float:
    """Of the pairs whose gold is missing or partial, the share predicted present."""
    relevant = [p for p in pairs if p.gold in ("missing", "partial")]
    if not relevant:
        return 0.0
    return sum(1 for p in relevant if p.predicted == "present") / len(relevant)


def citation_accuracy(pairs: Iterable[Pair]) -> float | None:
    """Matched over judged predicted citations where both statuses are present or partial."""
    judged = [p for p in pairs if p.gold in FOUND and p.predicted in FOUND]
    cited = sum(p.cited for p in judged)
    if cited == 0:
        return None
    return sum(p.matched for p in judged) / cited


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when span ``a`` equals, contains or lies inside span ``b`` (end excluded)."""
    return (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


def resolve_gold(document: Document, gold: Sequence[str]) -> tuple[list[tuple[int, int]], list[str]]:
    """The spans of the nodes of ``document`` that the gold citations name, and the gold
    citations that name no node (in the order given)."""
    by_citation: dict[str, list[Node]] = {}
    for node in document.nodes():
        by_citation.setdefault(node.citation, []).append(node)
    spans: list[tuple[int, int]] = []
    unresolved: list[str] = []
    for text in gold:
        nodes = by_citation.get(_node_citation(text))
        if nodes:
            spans.extend((n.start, n.end) for n in nodes)
        else:
            unresolved.append(text)
    return spans, unresolved


def _node_citation(text: str) -> str:
    """The node a citation names: "artikel 3, aanhef en onderdeel a" is onderdeel a (read
    with its opening words), "artikel 3, eerste lid, aanhef" is the lid's opening words."""
    return re.sub(r", aanhef$", "", text.replace("aanhef en ", ""))


def match_citations(
    document: Document, predicted: Sequence[Citation], gold: Sequence[str]
) -> tuple[int, int, list[str]]:
    """``(cited, matched, unresolved)`` for one element.

    Gold citations resolve to the nodes of ``document`` with an equal ``citation``; the
    ones that name no node are returned in ``unresolved`` (a gold-file problem). A
    predicted citation is located by its node id (its own span when the id is unknown)
    and matches when its span equals, contains or lies inside a gold node. A citation
    of the whole document matches nothing. When no gold citation resolves, nothing is
    judged: ``cited`` is 0.
    """
    gold_spans, unresolved = resolve_gold(document, gold)
    if not gold_spans:
        return 0, 0, unresolved
    matched = 0
    for citation in predicted:
        found = document.find(citation.id)
        if found is not None and found.kind == "document":
            continue
        span = (found.start, found.end) if found is not None else (citation.start, citation.end)
        if any(spans_match(span, g) for g in gold_spans):
            matched += 1
    return len(predicted), matched, unresolved


@define(frozen=True)
class Figures:
    """The figures over one set of pairs (one element, or all elements pooled)."""

    macro_f1: float
    balanced_accuracy: float
    false_present_rate: float
    citation_accuracy: float | None
    confusion: dict[str, dict[str, int]]


def figures(pairs: Iterable[Pair]) -> Figures:
    pairs = list(pairs)
    return Figures(
        macro_f1=macro_f1(pairs),
        balanced_accuracy=balanced_accuracy(pairs),
        false_present_rate=false_present_rate(pairs),
        citation_accuracy=citation_accuracy(pairs),
        confusion=confusion(pairs),
    )

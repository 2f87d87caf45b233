"""The result of an evaluation: the figures of checker and baseline, per document, as text."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import define, field

from ..messages import Messages, messages
from ..serialise import SKIP, AsData
from .metrics import Figures

__all__ = ["DocumentResult", "EvalResult", "Mismatch", "Overall", "RunFigures"]


@define(frozen=True)
class Overall:
    """Figures over all elements pooled, plus verdict and framework accuracy (JSON order)."""

    macro_f1: float
    balanced_accuracy: float
    false_present_rate: float
    citation_accuracy: float | None
    verdict_accuracy: float
    framework_accuracy: float | None
    confusion: dict[str, dict[str, int]]

    @property
    def figures(self) -> Figures:
        """The pooled figures without the two accuracies."""
        return Figures(
            self.macro_f1,
            self.balanced_accuracy,
            self.false_present_rate,
            self.citation_accuracy,
            self.confusion,
        )


@define(frozen=True)
class RunFigures:
    """The figures of one system (the checker or the baseline)."""

    elements: dict[str, Figures]
    overall: Overall


@define(frozen=True)
class Mismatch:
    """An element whose predicted status differs from the gold."""

    element: str
    gold: str
    predicted: str


@define(frozen=True)
class DocumentResult:
    """One document: gold and predicted verdict, frameworks and the element mismatches."""

    file: str
    gold_verdict: str
    verdict: str
    mismatches: tuple[Mismatch, ...]
    gold_frameworks: tuple[str, ...] | None = field(default=None, metadata=SKIP)
    frameworks: tuple[str, ...] = field(default=(), metadata=SKIP)

    @property
    def frameworks_ok(self) -> bool:
        return self.gold_frameworks is None or sorted(self.gold_frameworks) == sorted(self.frameworks)


@define(frozen=True)
class EvalResult(AsData):
    """Everything ``verordening eval`` prints, in the order of its JSON.

    ``elements`` and ``overall`` are the checker's figures (together :attr:`checker`);
    ``documents_detail`` holds one result per document (also :attr:`details`).
    """

    documents: int
    elements: dict[str, Figures]
    overall: Overall
    baseline: RunFigures
    problems: tuple[str, ...]
    documents_detail: tuple[DocumentResult, ...]

    @property
    def checker(self) -> RunFigures:
        return RunFigures(self.elements, self.overall)

    @property
    def details(self) -> tuple[DocumentResult, ...]:
        return self.documents_detail

    def to_text(self, lang: str = "nl") -> str:
        """The figures, the confusion matrices and the mismatches as text in ``lang`` (Dutch by
        default; element keys and status codes stay codes, as in the JSON)."""
        m = messages(lang)
        lines = [m("eval.title", count=self.documents), ""]
        lines.extend(_figures_table(self.checker, self.baseline, m))
        lines.append("")
        accuracies: list[tuple[str, float | None]] = [
            (m("eval.verdict_accuracy"), self.overall.verdict_accuracy),
            (m("eval.framework_accuracy"), self.overall.framework_accuracy),
        ]
        width = max(len(label) for label, _ in accuracies) + 2
        lines.extend(f"{label + ':':{width}}{_num(value)}" for label, value in accuracies)
        lines.append(m("eval.baseline_note"))
        lines.append("")
        lines.extend(_confusion_lines(self.elements, m))
        lines.append("")
        lines.extend(_mismatch_lines(self.documents_detail, m))
        if self.problems:
            lines.append("")
            lines.append(m("eval.problems", count=len(self.problems)))
            lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines) + "\n"


def _figures_table(checker: RunFigures, baseline: RunFigures, m: Messages) -> list[str]:
    """One row per element and one overall: the checker's figures beside the baseline's."""
    columns = ("element", "macro_f1", "balanced", "false_present", "citations", "base_f1")
    header = tuple(m(f"eval.{column}") for column in (*columns, "base_false_present"))
    rows = [_row(key, fig, baseline.elements[key]) for key, fig in checker.elements.items()]
    rows.append(_row(m("eval.overall"), checker.overall.figures, baseline.overall.figures))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        _format_row(header, widths),
        "  ".join("-" * w for w in widths),
        *(_format_row(r, widths) for r in rows),
    ]


_SHOWN = ("present", "partial", "missing")


def _confusion_lines(elements: dict[str, Figures], m: Messages) -> list[str]:
    """Per element, gold status (rows) against the checker's (columns); not applicable left out."""
    lines = [m("eval.confusion")]
    width = max(len(key) for key in elements)
    lines.append(" " * (width + 11) + "".join(f"{s:>9}" for s in _SHOWN))
    for key, fig in elements.items():
        for n, gold in enumerate(_SHOWN):
            row = fig.confusion.get(gold, {})
            label = (key if n == 0 else "").ljust(width)
            lines.append(f"  {label}  {gold[:7]:>7}" + "".join(f"{row.get(s, 0):>9}" for s in _SHOWN))
    return lines


def _mismatch_lines(details: Sequence[DocumentResult], m: Messages) -> list[str]:
    """Every document where verdict, frameworks or an element differ from the gold."""
    wrong = [d for d in details if d.mismatches or d.verdict != d.gold_verdict or not d.frameworks_ok]
    if not wrong:
        return [m("eval.no_mismatches")]
    lines = [m("eval.mismatches", count=len(wrong))]
    for detail in wrong:
        lines.append(f"  {detail.file}")
        if detail.verdict != detail.gold_verdict:
            lines.append(f"    {m('eval.verdict')}: {detail.gold_verdict} -> {detail.verdict}")
        if not detail.frameworks_ok and detail.gold_frameworks is not None:
            gold = ", ".join(sorted(detail.gold_frameworks)) or m("eval.none")
            got = ", ".join(sorted(detail.frameworks)) or m("eval.none")
            lines.append(f"    {m('eval.frameworks')}: {gold} -> {got}")
        lines.extend(f"    {x.element}: {x.gold} -> {x.predicted}" for x in detail.mismatches)
    return lines


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, fig: Figures, base: Figures) -> tuple[str, ...]:
    return (
        name,
        _num(fig.macro_f1),
        _num(fig.balanced_accuracy),
        _num(fig.false_present_rate),
        _num(fig.citation_accuracy),
        _num(base.macro_f1),
        _num(base.false_present_rate),
    )


def _format_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    first = cells[0].ljust(widths[0])
    rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join([first, *rest]).rstrip()

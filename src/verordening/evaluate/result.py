"""The result of an evaluation: the figures of checker and baseline, per document, as text."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from attrs import define

from .metrics import Figures

__all__ = ["DocumentResult", "EvalResult", "Mismatch", "Overall", "RunFigures"]


@define(frozen=True)
class Overall:
    """Figures over all elements pooled, plus verdict and framework accuracy."""

    figures: Figures
    verdict_accuracy: float
    framework_accuracy: float | None

    def to_dict(self) -> dict[str, Any]:
        data = self.figures.to_dict()
        confusion_table = data.pop("confusion")
        data["verdict_accuracy"] = self.verdict_accuracy
        data["framework_accuracy"] = self.framework_accuracy
        data["confusion"] = confusion_table
        return data


@define(frozen=True)
class RunFigures:
    """The figures of one system (the checker or the baseline)."""

    elements: dict[str, Figures]
    overall: Overall

    def to_dict(self) -> dict[str, Any]:
        return {
            "elements": {key: self.elements[key].to_dict() for key in self.elements},
            "overall": self.overall.to_dict(),
        }


@define(frozen=True)
class Mismatch:
    element: str
    gold: str
    predicted: str

    def to_dict(self) -> dict[str, str]:
        return {"element": self.element, "gold": self.gold, "predicted": self.predicted}


@define(frozen=True)
class DocumentResult:
    """One document: gold and predicted verdict, frameworks and the element mismatches."""

    file: str
    gold_verdict: str
    verdict: str
    mismatches: tuple[Mismatch, ...]
    gold_frameworks: tuple[str, ...] | None = None
    frameworks: tuple[str, ...] = ()

    @property
    def frameworks_ok(self) -> bool:
        return self.gold_frameworks is None or sorted(self.gold_frameworks) == sorted(self.frameworks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "gold_verdict": self.gold_verdict,
            "verdict": self.verdict,
            "mismatches": [m.to_dict() for m in self.mismatches],
        }


@define(frozen=True)
class EvalResult:
    """Everything ``verordening eval`` prints."""

    documents: int
    checker: RunFigures
    baseline: RunFigures
    problems: tuple[str, ...]
    details: tuple[DocumentResult, ...]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"documents": self.documents}
        data.update(self.checker.to_dict())
        data["baseline"] = self.baseline.to_dict()
        data["problems"] = list(self.problems)
        data["documents_detail"] = [d.to_dict() for d in self.details]
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self) -> str:
        lines = [f"Evaluation over {self.documents} document(s)", ""]
        header = ("element", "macro-F1", "false-present", "citations", "base F1", "base false-present")
        rows: list[tuple[str, ...]] = []
        for key, fig in self.checker.elements.items():
            base = self.baseline.elements[key]
            rows.append(_row(key, fig, base))
        rows.append(_row("overall", self.checker.overall.figures, self.baseline.overall.figures))
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines.append(_format_row(header, widths))
        lines.append("  ".join("-" * w for w in widths))
        lines.extend(_format_row(r, widths) for r in rows)
        lines.append("")
        overall = self.checker.overall
        lines.append(f"verdict accuracy:   {_num(overall.verdict_accuracy)}")
        lines.append(f"framework accuracy: {_num(overall.framework_accuracy)}")
        lines.append("(baseline: keyword search in the whole text; verdict and frameworks from the checker)")
        wrong = [
            d for d in self.details if d.mismatches or d.verdict != d.gold_verdict or not d.frameworks_ok
        ]
        lines.append("")
        if wrong:
            lines.append(f"Mismatches ({len(wrong)} document(s)):")
            for detail in wrong:
                lines.append(f"  {detail.file}")
                if detail.verdict != detail.gold_verdict:
                    lines.append(f"    verdict: {detail.gold_verdict} -> {detail.verdict}")
                if not detail.frameworks_ok and detail.gold_frameworks is not None:
                    gold = ", ".join(sorted(detail.gold_frameworks)) or "(none)"
                    got = ", ".join(sorted(detail.frameworks)) or "(none)"
                    lines.append(f"    frameworks: {gold} -> {got}")
                for m in detail.mismatches:
                    lines.append(f"    {m.element}: {m.gold} -> {m.predicted}")
        else:
            lines.append("No mismatches.")
        if self.problems:
            lines.append("")
            lines.append(f"Problems ({len(self.problems)}):")
            lines.extend(f"  {p}" for p in self.problems)
        return "\n".join(lines) + "\n"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, fig: Figures, base: Figures) -> tuple[str, ...]:
    return (
        name,
        _num(fig.macro_f1),
        _num(fig.false_present_rate),
        _num(fig.citation_accuracy),
        _num(base.macro_f1),
        _num(base.false_present_rate),
    )


def _format_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    first = cells[0].ljust(widths[0])
    rest = [cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True)]
    return "  ".join([first, *rest]).rstrip()

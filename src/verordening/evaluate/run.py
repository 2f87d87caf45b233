"""Running an evaluation: the checker and the keyword baseline over every gold case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from attrs import evolve

from ..findings import ELEMENTS, Report
from ..model import Document
from .baseline import keyword_baseline
from .gold import PARTICIPATION, GoldCase, load_gold, node_citation, one_line
from .metrics import FOUND, Pair, figures, match_citations
from .result import DocumentResult, EvalResult, Mismatch, Overall, RunFigures

__all__ = ["Checker", "evaluate"]


class Checker(Protocol):
    """The interface of :func:`verordening.check` as the evaluation calls it."""

    def __call__(
        self, source: Path, frameworks: list[str] | None = None, as_of: str | None = None
    ) -> Report: ...


def _default_checker(model: str | None = None) -> Checker:
    from .. import check

    def run(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        return check(source, frameworks=frameworks, as_of=as_of, model=model)

    return run


def _pairs_of(case: GoldCase, report: Report) -> list[Pair]:
    pairs: list[Pair] = []
    for key, gold in case.elements.items():
        mine = report.elements.get(key)
        predicted = mine.status if mine is not None else "not_applicable"
        cited = matched = 0
        if gold.status in FOUND and predicted in FOUND and mine is not None:
            cited, matched, _ = match_citations(report.document, mine.citations, gold.citations)
        pairs.append(Pair(key, gold.status, predicted, cited, matched))
    return pairs


def _gold_problems(case: GoldCase, document: Document) -> list[str]:
    known = {node.citation for node in document.nodes()}
    return [
        f"{case.gold_path}: {key}: gold citation {text!r} names no node of the text"
        for key, gold in case.elements.items()
        for text in gold.citations
        if node_citation(text) not in known
    ]


def _run_figures(
    pairs: Sequence[Pair], verdicts: Sequence[tuple[str, str]], frameworks_ok: Sequence[bool]
) -> RunFigures:
    elements = {key: figures(p for p in pairs if p.element == key) for key in ELEMENTS}
    verdict_accuracy = sum(1 for gold, got in verdicts if gold == got) / len(verdicts) if verdicts else 0.0
    framework_accuracy = sum(frameworks_ok) / len(frameworks_ok) if frameworks_ok else None
    pooled = figures(pairs)
    overall = Overall(
        macro_f1=pooled.macro_f1,
        false_present_rate=pooled.false_present_rate,
        citation_accuracy=pooled.citation_accuracy,
        verdict_accuracy=verdict_accuracy,
        framework_accuracy=framework_accuracy,
        confusion=pooled.confusion,
    )
    return RunFigures(elements, overall)


def evaluate(
    dirs: Sequence[Path | str],
    *,
    progress: Callable[[str], None] | None = None,
    checker: Checker | None = None,
    model: str | None = None,
) -> EvalResult:
    """Check every gold case in ``dirs`` and compare with the gold and a keyword baseline.

    ``progress`` is called once per document, before it is checked. ``checker``
    defaults to :func:`verordening.check`. A document on which the checker fails is
    listed under ``problems`` with verdict ``error`` and contributes no element pairs.
    Raises :class:`EvalError` for unusable input (see :func:`load_gold`).
    """
    cases = load_gold(dirs)
    run = checker if checker is not None else _default_checker(model)
    problems: list[str] = []
    pairs: list[Pair] = []
    base_pairs: list[Pair] = []
    verdicts: list[tuple[str, str]] = []
    frameworks_ok: list[bool] = []
    details: list[DocumentResult] = []
    for number, case in enumerate(cases, 1):
        if progress is not None:
            progress(f"[{number}/{len(cases)}] {case.text_path}")
        try:
            report = run(
                case.text_path,
                frameworks=list(case.override) if case.override is not None else None,
                as_of=case.as_of,
            )
        except Exception as error:
            problems.append(
                f"{case.text_path}: the checker failed: {type(error).__name__}: {one_line(error)}"
            )
            verdicts.append((case.verdict, "error"))
            if case.frameworks is not None:
                frameworks_ok.append(False)
            details.append(DocumentResult(str(case.text_path), case.verdict, "error", (), case.frameworks))
            continue
        problems.extend(_gold_problems(case, report.document))
        verdicts.append((case.verdict, report.verdict))
        detail = DocumentResult(
            file=str(case.text_path),
            gold_verdict=case.verdict,
            verdict=report.verdict,
            mismatches=(),
            gold_frameworks=case.frameworks,
            frameworks=tuple(report.frameworks),
        )
        if case.frameworks is not None:
            frameworks_ok.append(detail.frameworks_ok)
        if case.verdict == PARTICIPATION:
            found = _pairs_of(case, report)
            pairs.extend(found)
            base_pairs.extend(_pairs_of(case, keyword_baseline(report)))
            mismatches = tuple(
                Mismatch(p.element, p.gold, p.predicted) for p in found if p.gold != p.predicted
            )
            detail = evolve(detail, mismatches=mismatches)
        details.append(detail)
    checked = _run_figures(pairs, verdicts, frameworks_ok)
    return EvalResult(
        documents=len(cases),
        elements=checked.elements,
        overall=checked.overall,
        baseline=_run_figures(base_pairs, verdicts, frameworks_ok),
        problems=tuple(problems),
        documents_detail=tuple(details),
    )

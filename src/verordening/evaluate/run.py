"""Running an evaluation: the checker and the keyword baseline over every gold case."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Protocol

import attrs
from attrs import define, evolve

from ..findings import ELEMENTS, Report
from ..model import Document
from ..vocabulary import Verdict
from .baseline import keyword_baseline
from .gold import GoldCase, load_gold, one_line
from .metrics import FOUND, Pair, figures, match_citations, resolve_gold
from .result import DocumentResult, EvalResult, Mismatch, Overall, RunFigures

__all__ = ["CheckFunction", "evaluate"]


class CheckFunction(Protocol):
    """The interface of :func:`verordening.check` as the evaluation calls it."""

    def __call__(
        self, source: Path, frameworks: list[str] | None = None, as_of: str | None = None
    ) -> Report: ...


def _default_checker(model: str | None = None, rules: str | Path | None = None) -> CheckFunction:
    """One checker for the whole run: the pipelines and rules load once (and are kept for the
    next run with the same model and rule folder, as :func:`verordening.check` keeps them), and a
    model or rule folder that cannot be loaded stops the run (ModelError, RuleError) instead of
    failing every document."""
    from .. import _checker, _stamp, parse_file
    from ..language import chosen_model

    checker = _checker(chosen_model(model), None if rules is None else str(rules), _stamp(rules))

    def run(source: Path, frameworks: list[str] | None = None, as_of: str | None = None) -> Report:
        return checker.check(parse_file(source), frameworks=frameworks, as_of=as_of)

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
    return [
        f"{case.gold_path}: {key}: gold citation {text!r} names no node of the text"
        for key, gold in case.elements.items()
        for text in resolve_gold(document, gold.citations)[1]
    ]


@define(frozen=True)
class _Judged:
    """What one gold case adds to the evaluation.

    ``framework_ok`` is ``None`` when the gold lists no frameworks; ``pairs`` and
    ``baseline`` are the element pairs of the checker and of the keyword baseline.
    """

    detail: DocumentResult
    framework_ok: bool | None
    problems: tuple[str, ...]
    pairs: tuple[Pair, ...] = ()
    baseline: tuple[Pair, ...] = ()


def _judge_case(case: GoldCase, run: CheckFunction) -> _Judged:
    """Check the text of one gold case and compare the report with the gold."""
    try:
        report = run(
            case.text_path,
            frameworks=list(case.override) if case.override is not None else None,
            as_of=case.as_of,
        )
    except Exception as error:
        return _failed(case, error)
    return _compared(case, report)


def _failed(case: GoldCase, error: Exception) -> _Judged:
    """A case on which the checker failed: verdict ``error``, frameworks wrong, no pairs."""
    problem = f"{case.text_path}: the checker failed: {type(error).__name__}: {one_line(error)}"
    detail = DocumentResult(str(case.text_path), case.verdict, "error", (), case.frameworks)
    return _Judged(detail, None if case.frameworks is None else False, (problem,))


def _compared(case: GoldCase, report: Report) -> _Judged:
    """A checked case: its verdict and frameworks, and for a participation bylaw the pairs."""
    detail = DocumentResult(
        file=str(case.text_path),
        gold_verdict=case.verdict,
        verdict=report.verdict,
        mismatches=(),
        gold_frameworks=case.frameworks,
        frameworks=tuple(report.frameworks),
    )
    framework_ok = None if case.frameworks is None else detail.frameworks_ok
    problems = tuple(_gold_problems(case, report.document))
    if case.verdict != Verdict.PARTICIPATION_BYLAW:
        return _Judged(detail, framework_ok, problems)
    pairs = _pairs_of(case, report)
    mismatches = tuple(Mismatch(p.element, p.gold, p.predicted) for p in pairs if p.gold != p.predicted)
    return _Judged(
        detail=evolve(detail, mismatches=mismatches),
        framework_ok=framework_ok,
        problems=problems,
        pairs=tuple(pairs),
        baseline=tuple(_pairs_of(case, keyword_baseline(report))),
    )


def _run_figures(
    pairs: Iterable[Pair], verdict_accuracy: float, framework_accuracy: float | None
) -> RunFigures:
    pairs = list(pairs)
    elements = {key: figures(p for p in pairs if p.element == key) for key in ELEMENTS}
    pooled = figures(pairs)
    overall = Overall(
        **attrs.asdict(pooled, recurse=False),
        verdict_accuracy=verdict_accuracy,
        framework_accuracy=framework_accuracy,
    )
    return RunFigures(elements, overall)


def _result(judged: Sequence[_Judged]) -> EvalResult:
    """The figures over all judged cases; verdicts and frameworks are the checker's for both."""
    details = tuple(j.detail for j in judged)
    verdicts_ok = [d.verdict == d.gold_verdict for d in details]
    frameworks_ok = [j.framework_ok for j in judged if j.framework_ok is not None]
    verdict_accuracy = sum(verdicts_ok) / len(verdicts_ok) if verdicts_ok else 0.0
    framework_accuracy = sum(frameworks_ok) / len(frameworks_ok) if frameworks_ok else None
    checked = _run_figures((p for j in judged for p in j.pairs), verdict_accuracy, framework_accuracy)
    return EvalResult(
        documents=len(judged),
        elements=checked.elements,
        overall=checked.overall,
        baseline=_run_figures((p for j in judged for p in j.baseline), verdict_accuracy, framework_accuracy),
        problems=tuple(p for j in judged for p in j.problems),
        documents_detail=details,
    )


def evaluate(
    dirs: Sequence[Path | str],
    *,
    progress: Callable[[str], None] | None = None,
    checker: CheckFunction | None = None,
    model: str | None = None,
    rules: str | Path | None = None,
) -> EvalResult:
    """Check every gold case in ``dirs`` and compare with the gold and a keyword baseline.

    ``progress`` is called once per document, before it is checked. ``checker``
    defaults to one :class:`verordening.Checker` with ``model`` and ``rules``. A document on
    which the checker fails is listed under ``problems`` with verdict ``error`` and
    contributes no element pairs.
    Raises :class:`EvalError` for unusable input (see :func:`load_gold`), and ModelError or
    RuleError when the model or the rule folder cannot be loaded.
    """
    cases = load_gold(dirs)
    run = checker if checker is not None else _default_checker(model, rules)
    judged: list[_Judged] = []
    for number, case in enumerate(cases, 1):
        if progress is not None:
            progress(f"[{number}/{len(cases)}] {case.text_path}")
        judged.append(_judge_case(case, run))
    return _result(judged)

"""Evaluation against gold files: the figures behind ``verordening eval DIR...``.

A gold file ``NAME.gold.json`` names its text (``"text"``, a file next to it) and the
expected verdict, frameworks and element statuses with citations. :func:`evaluate`
runs the checker on every case, compares each element's status and citations with the
gold, and runs a plain keyword baseline over the same cases so the margin of the rule
engine is visible.

Figures (per element and pooled over all elements, documents whose gold verdict is
``participation_bylaw`` only):

- ``confusion``: gold status -> predicted status -> count, all four statuses;
- ``macro_f1``: mean F1 over the labels present, partial and missing; a label with no
  gold and no predicted instance is left out, and when all are left out the F1 is 1.0;
- ``false_present_rate``: of the pairs whose gold is missing or partial, the share
  predicted present (0.0 when there are none);
- ``citation_accuracy``: over the elements that gold and prediction both find present
  or partial, the share of predicted citations whose node equals, contains or lies
  inside a node of a gold citation (``None`` when there is no such citation).

Overall figures add ``verdict_accuracy`` (all documents) and ``framework_accuracy``
(documents whose gold lists ``frameworks``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from attrs import define, evolve

from ..findings import ELEMENTS, STATUSES, Citation, ElementResult, Report
from ..model import Document, Node

__all__ = [
    "BASELINE_KEYWORDS",
    "DISPLAY_STATUSES",
    "F1_LABELS",
    "Checker",
    "DocumentResult",
    "EvalError",
    "EvalResult",
    "Figures",
    "GoldCase",
    "GoldElement",
    "Mismatch",
    "Overall",
    "Pair",
    "RunFigures",
    "citation_accuracy",
    "confusion",
    "evaluate",
    "false_present_rate",
    "figures",
    "keyword_baseline",
    "load_gold",
    "macro_f1",
    "match_citations",
    "spans_match",
]

PARTICIPATION = "participation_bylaw"
# The order of rows and columns in confusion tables: best first, then not applicable.
DISPLAY_STATUSES = ("present", "partial", "missing", "not_applicable")
F1_LABELS = ("present", "partial", "missing")
_FOUND = ("present", "partial")

# The naive tool: one fixed list of keywords per element, searched in the whole text.
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "policy_proposals": ("voorstel",),
    "advice": ("advies", "advis"),
    "support": ("ondersteuning",),
    "periodic_consultation": ("overleg",),
    "agenda": ("agenda",),
    "information": ("informatie",),
}


class EvalError(Exception):
    """A problem with the evaluation input (folders, gold files); the message is one line."""


class Checker(Protocol):
    """The interface of :func:`verordening.check` as the evaluation calls it."""

    def __call__(
        self, source: Path, frameworks: list[str] | None = None, as_of: str | None = None
    ) -> Report: ...


# -- gold files -----------------------------------------------------------------------


@define(frozen=True)
class GoldElement:
    """The expected status of one element and the provisions that carry it."""

    status: str
    citations: tuple[str, ...] = ()


@define(frozen=True)
class GoldCase:
    """One gold file and the text it describes.

    ``elements`` holds all six elements for a participation bylaw (those the gold file
    leaves out are ``not_applicable``) and nothing for any other verdict.
    ``frameworks`` is the expected output (``None`` when the gold does not say);
    ``override`` the frameworks to pass to the checker (from ``"framework"``).
    """

    gold_path: Path
    text_path: Path
    verdict: str
    frameworks: tuple[str, ...] | None
    override: tuple[str, ...] | None
    as_of: str | None
    elements: dict[str, GoldElement]


def load_gold(dirs: Iterable[Path | str]) -> list[GoldCase]:
    """Every ``*.gold.json`` in the given folders (not recursive), sorted by name per folder.

    A path to a single gold file is accepted too. Raises :class:`EvalError` for a
    missing folder, no gold files at all, a gold file that is not valid JSON or not a
    gold object, and a missing text file.
    """
    files: list[Path] = []
    for entry in dirs:
        path = Path(entry)
        if path.is_file() and path.name.endswith(".gold.json"):
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(p for p in path.glob("*.gold.json") if p.is_file()))
        elif path.exists():
            raise EvalError(f"{path}: not a folder")
        else:
            raise EvalError(f"{path}: no such folder")
    seen: set[Path] = set()
    unique: list[Path] = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    if not unique:
        shown = ", ".join(str(d) for d in dirs) or "(no folders given)"
        raise EvalError(f"no *.gold.json files in {shown}")
    return [_read_gold(file) for file in unique]


def _read_gold(path: Path) -> GoldCase:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvalError(f"{path}: cannot read gold file ({_one_line(error)})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise EvalError(f"{path}: not valid JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict):
        raise EvalError(f"{path}: a gold file must hold a JSON object")
    text = data.get("text")
    if not isinstance(text, str) or not text:
        raise EvalError(f'{path}: no "text" naming the text file')
    text_path = path.parent / text
    if not text_path.is_file():
        raise EvalError(f"{path}: text file {text_path} not found")
    verdict = data.get("verdict", PARTICIPATION)
    if not isinstance(verdict, str):
        raise EvalError(f'{path}: "verdict" must be a string')
    as_of = data.get("as_of")
    if as_of is not None and not isinstance(as_of, str):
        raise EvalError(f'{path}: "as_of" must be a string YYYY-MM-DD')
    frameworks = _strings(path, data, "frameworks")
    override = _strings(path, data, "framework")
    elements = _gold_elements(path, data.get("elements", {}), verdict)
    return GoldCase(
        gold_path=path,
        text_path=text_path,
        verdict=verdict,
        frameworks=frameworks,
        override=override,
        as_of=as_of,
        elements=elements,
    )


def _strings(path: Path, data: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise EvalError(f'{path}: "{key}" must be a string or a list of strings')


def _gold_elements(path: Path, raw: object, verdict: str) -> dict[str, GoldElement]:
    if not isinstance(raw, dict):
        raise EvalError(f'{path}: "elements" must be an object')
    if verdict != PARTICIPATION:
        return {}
    elements: dict[str, GoldElement] = {}
    for key in ELEMENTS:
        entry = raw.get(key)
        if entry is None:
            elements[key] = GoldElement("not_applicable")
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("status"), str):
            raise EvalError(f'{path}: element {key} must be an object with a "status"')
        status: str = entry["status"]
        if status not in STATUSES:
            raise EvalError(f"{path}: element {key} has unknown status {status!r}")
        cites = entry.get("citations", [])
        if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
            raise EvalError(f'{path}: element {key}: "citations" must be a list of strings')
        elements[key] = GoldElement(status, tuple(cites))
    return elements


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


# -- metrics --------------------------------------------------------------------------


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


def false_present_rate(pairs: Iterable[Pair]) -> float:
    """Of the pairs whose gold is missing or partial, the share predicted present."""
    relevant = [p for p in pairs if p.gold in ("missing", "partial")]
    if not relevant:
        return 0.0
    return sum(1 for p in relevant if p.predicted == "present") / len(relevant)


def citation_accuracy(pairs: Iterable[Pair]) -> float | None:
    """Matched over judged predicted citations where both statuses are present or partial."""
    judged = [p for p in pairs if p.gold in _FOUND and p.predicted in _FOUND]
    cited = sum(p.cited for p in judged)
    if cited == 0:
        return None
    return sum(p.matched for p in judged) / cited


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when span ``a`` equals, contains or lies inside span ``b`` (end excluded)."""
    return (b[0] <= a[0] and a[1] <= b[1]) or (a[0] <= b[0] and b[1] <= a[1])


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
    by_citation: dict[str, list[Node]] = {}
    for node in document.nodes():
        by_citation.setdefault(node.citation, []).append(node)
    gold_spans: list[tuple[int, int]] = []
    unresolved: list[str] = []
    for text in gold:
        nodes = by_citation.get(_node_citation(text))
        if nodes:
            gold_spans.extend((n.start, n.end) for n in nodes)
        else:
            unresolved.append(text)
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


# -- results ----------------------------------------------------------------------------


@define(frozen=True)
class Figures:
    """The figures over one set of pairs (one element, or all elements pooled)."""

    macro_f1: float
    false_present_rate: float
    citation_accuracy: float | None
    confusion: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "macro_f1": self.macro_f1,
            "false_present_rate": self.false_present_rate,
            "citation_accuracy": self.citation_accuracy,
            "confusion": {gold: dict(row) for gold, row in self.confusion.items()},
        }


def figures(pairs: Iterable[Pair]) -> Figures:
    pairs = list(pairs)
    return Figures(
        macro_f1=macro_f1(pairs),
        false_present_rate=false_present_rate(pairs),
        citation_accuracy=citation_accuracy(pairs),
        confusion=confusion(pairs),
    )


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


# -- the keyword baseline ------------------------------------------------------------------


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
            words = keywords.get(key, ())
            hit = (
                re.search("|".join(re.escape(w) for w in words), document.source, re.IGNORECASE)
                if words
                else None
            )
            if hit is not None:
                status, citations = "present", _cite_at(document, hit.start())
            else:
                status, citations = "missing", ()
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


# -- running --------------------------------------------------------------------------


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
        if gold.status in _FOUND and predicted in _FOUND and mine is not None:
            cited, matched, _ = match_citations(report.document, mine.citations, gold.citations)
        pairs.append(Pair(key, gold.status, predicted, cited, matched))
    return pairs


def _gold_problems(case: GoldCase, document: Document) -> list[str]:
    known = {node.citation for node in document.nodes()}
    return [
        f"{case.gold_path}: {key}: gold citation {text!r} names no node of the text"
        for key, gold in case.elements.items()
        for text in gold.citations
        if _node_citation(text) not in known
    ]


def _node_citation(text: str) -> str:
    """The node a citation names: "artikel 3, aanhef en onderdeel a" is onderdeel a (read
    with its opening words), "artikel 3, eerste lid, aanhef" is the lid's opening words."""
    return re.sub(r", aanhef$", "", text.replace("aanhef en ", ""))


def _run_figures(
    pairs: Sequence[Pair], verdicts: Sequence[tuple[str, str]], frameworks_ok: Sequence[bool]
) -> RunFigures:
    elements = {key: figures(p for p in pairs if p.element == key) for key in ELEMENTS}
    verdict_accuracy = sum(1 for gold, got in verdicts if gold == got) / len(verdicts) if verdicts else 0.0
    framework_accuracy = sum(frameworks_ok) / len(frameworks_ok) if frameworks_ok else None
    return RunFigures(elements, Overall(figures(pairs), verdict_accuracy, framework_accuracy))


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
                f"{case.text_path}: the checker failed: {type(error).__name__}: {_one_line(error)}"
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
    return EvalResult(
        documents=len(cases),
        checker=_run_figures(pairs, verdicts, frameworks_ok),
        baseline=_run_figures(base_pairs, verdicts, frameworks_ok),
        problems=tuple(problems),
        details=tuple(details),
    )

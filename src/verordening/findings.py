"""Stage 5: the report of a check, as small immutable values with a JSON form.

The JSON contract is documented in ``docs/report.md`` and ``docs/report.schema.json``;
every value here is written by the one serialiser of :mod:`verordening.serialise`, field
by field in the order declared. Offsets are Python string indices into the original
text (end excluded); lines count from 1.
"""

from __future__ import annotations

from typing import Any

from attrs import define, field

from .diagnostics import Diagnostic
from .language import Pipeline, Unit
from .model import Document, SourceInfo
from .rules.basis import Basis, LegalBasis
from .rules.judge import ElementEvidence
from .rules.ruleset import Rule, RuleSet
from .serialise import SKIP, AsData
from .vocabulary import Element, Severity, Status, Verdict

__all__ = [
    "ELEMENTS",
    "STATUSES",
    "VERDICTS",
    "Citation",
    "ElementResult",
    "Finding",
    "LegalBasis",
    "Pipeline",
    "Report",
    "build_report",
]

REPORT_SCHEMA_VERSION = "1.0"

ELEMENTS: tuple[str, ...] = tuple(e.value for e in Element)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@define(frozen=True)
class Citation:
    """A provision of the bylaw that is evidence for (or against) an element."""

    citation: str
    id: str
    start: int
    end: int
    line: int
    text: str


@define(frozen=True)
class Finding:
    """The verdict of one rule: one framework, one element."""

    rule_id: str
    framework: str
    element: Element = field(converter=Element)
    status: Status = field(converter=Status)
    severity: Severity = field(converter=Severity)
    reasons: tuple[str, ...] = field(converter=_strings)
    citations: tuple[Citation, ...]
    statute: str
    juriconnect: str
    interpretation: bool
    message: str
    suggestion: str


@define(frozen=True)
class ElementResult:
    """One statutory element over all applicable frameworks (its worst status)."""

    key: Element = field(converter=Element, metadata=SKIP)
    status: Status = field(converter=Status)
    frameworks: tuple[str, ...] = field(converter=_strings)
    reasons: tuple[str, ...] = field(converter=_strings)
    citations: tuple[Citation, ...]
    statute: str
    message: str
    suggestion: str
    values: dict[str, float] = field(factory=dict)  # read from the text: "meetings_per_year": 4


@define(frozen=True, kw_only=True)
class Report(AsData):
    """The result of checking one bylaw."""

    schema_version: str = field(default=REPORT_SCHEMA_VERSION, init=False)
    file: str | None
    verdict: Verdict = field(converter=Verdict)
    as_of: str
    frameworks: tuple[str, ...]  # the frameworks the bylaw rests on (its legal basis)
    judged_under: tuple[str, ...]  # the frameworks in force on ``as_of`` that it is judged against
    legal_basis: tuple[LegalBasis, ...]
    pipeline: Pipeline
    diagnostics: tuple[Diagnostic, ...]
    elements: dict[str, ElementResult]
    findings: tuple[Finding, ...]
    document: Document = field(repr=False, eq=False, metadata=SKIP)
    ruleset: RuleSet | None = field(
        default=None, repr=False, eq=False, metadata=SKIP
    )  # the rules that judged
    source: SourceInfo | None = None  # what the source says about itself (format, metadata)

    @property
    def exit_code(self) -> int:
        """0 all applicable elements present, 1 partial or missing, 3 not a participation bylaw."""
        if self.verdict != Verdict.PARTICIPATION_BYLAW:
            return 3
        applicable = [e.status for e in self.elements.values() if e.status != Status.NOT_APPLICABLE]
        return 0 if all(s == Status.PRESENT for s in applicable) else 1


# -- from evidence to findings ---------------------------------------------------------------
def cite(units: list[Unit], index: int) -> Citation:
    """A provision as a citation. A list item whose opening words it completes ("Het college
    stelt de adviesraad in staat om: a. ...") is cited with them, the way lawyers do:
    "artikel 3, eerste lid, aanhef en onderdeel a"; not an onderdeel of an amending article
    ("artikel I, onderdeel B": a capital), which stands on its own."""
    unit = units[index]
    node, citation = unit.node, unit.node.citation
    if unit.parents and not (node.number or "").isupper():
        opening = units[unit.parents[-1]]
        prefix = opening.node.citation + ", "
        if opening.text.rstrip().endswith((":", "—", "–")) and citation.startswith(prefix):
            citation = f"{prefix}aanhef en {citation[len(prefix) :]}"
    return Citation(citation, node.id, node.start, node.end, node.line, node.text)


def _explain(rule: Rule, status: str, reasons: tuple[str, ...]) -> str:
    message = rule.messages[status]
    if reasons:
        message += " " + " ".join(rule.reasons[r] for r in reasons if r in rule.reasons)
    return message


def _findings(
    rule: Rule, ev: ElementEvidence, applicable: list[str], citations: tuple[Citation, ...]
) -> list[Finding]:
    return [
        Finding(
            rule_id=rule.frameworks[key].rule_id,
            framework=key,
            element=rule.element,
            status=ev.status,
            severity=rule.frameworks[key].severity,
            reasons=ev.reasons,
            citations=citations,
            statute=rule.frameworks[key].statute,
            juriconnect=rule.frameworks[key].juriconnect,
            interpretation=rule.frameworks[key].interpretation,
            message=_explain(rule, ev.status, ev.reasons),
            suggestion=rule.suggestion if ev.status != Status.PRESENT else "",
        )
        for key in applicable
    ]


def _element(
    rule: Rule, ev: ElementEvidence, applicable: list[str], citations: tuple[Citation, ...]
) -> ElementResult:
    """The element over the frameworks that apply to it: not applicable under none."""
    if not applicable:
        return ElementResult(rule.element, Status.NOT_APPLICABLE, (), (), (), "", "", "")
    status = Status(ev.status)
    return ElementResult(
        key=rule.element,
        status=status,
        frameworks=tuple(applicable),
        reasons=ev.reasons,
        citations=citations,
        statute="; ".join(rule.frameworks[k].statute for k in applicable),
        message=_explain(rule, ev.status, ev.reasons),
        suggestion=rule.suggestion if status != Status.PRESENT else "",
        values={name: int(v) if v == int(v) else v for name, v in ev.values.items()},
    )


def build_report(
    document: Document,
    units: list[Unit],
    ruleset: RuleSet,
    evidence: dict[str, ElementEvidence],
    verdict: Verdict,
    basis: Basis,
    judged: tuple[str, ...],
    pipeline: Pipeline,
    diagnostics: tuple[Diagnostic, ...],
    as_of: str,
) -> Report:
    """The report: per rule and applicable framework a finding, per element its worst status."""
    participation = verdict == Verdict.PARTICIPATION_BYLAW
    findings: list[Finding] = []
    elements: dict[str, ElementResult] = {}
    for rule in ruleset.rules:
        ev = evidence[rule.element]
        applicable = [k for k in judged if k in rule.frameworks] if participation else []
        citations = tuple(cite(units, i) for i in ev.units) if ev.status != Status.MISSING else ()
        findings.extend(_findings(rule, ev, applicable, citations))
        elements[rule.element] = _element(rule, ev, applicable, citations)
    return Report(
        file=document.path,
        verdict=verdict,
        as_of=as_of,
        frameworks=basis.frameworks if participation else (),
        judged_under=judged if participation else (),
        legal_basis=basis.legal_basis,
        pipeline=pipeline,
        diagnostics=diagnostics,
        elements={key: elements[key] for key in ELEMENTS},
        findings=tuple(findings),
        document=document,
        ruleset=ruleset,
        source=document.info,
    )

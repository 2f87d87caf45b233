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
from .model import Document
from .serialise import SKIP, to_data, to_json
from .vocabulary import BasisSource, Element, PipelineKind, Severity, Status, Verdict

__all__ = [
    "ELEMENTS",
    "FRAMEWORKS",
    "STATUSES",
    "VERDICTS",
    "Citation",
    "ElementResult",
    "Finding",
    "LegalBasis",
    "Pipeline",
    "Report",
    "worst",
]

REPORT_SCHEMA_VERSION = "1.0"

ELEMENTS: tuple[str, ...] = tuple(e.value for e in Element)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)
VERDICTS: tuple[str, ...] = tuple(v.value for v in Verdict)
FRAMEWORKS = ("jeugdwet", "participatiewet", "wmo2007", "wmo2015", "wwb")  # until laws are data


def worst(statuses: list[str]) -> Status:
    return Status.worst(statuses)


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
class LegalBasis:
    """A statute the bylaw rests on, where we read it, and the framework it gives."""

    framework: str | None
    statute: str
    source: BasisSource = field(converter=BasisSource)
    text: str
    start: int
    end: int


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


@define(frozen=True)
class Pipeline:
    """The language pipeline that read the text: built-in or a statistical model."""

    name: str
    kind: PipelineKind = field(converter=PipelineKind)
    version: str


@define(frozen=True, kw_only=True)
class Report:
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

    @property
    def exit_code(self) -> int:
        """0 all applicable elements present, 1 partial or missing, 3 not a participation bylaw."""
        if self.verdict != Verdict.PARTICIPATION_BYLAW:
            return 3
        applicable = [e.status for e in self.elements.values() if e.status != Status.NOT_APPLICABLE]
        return 0 if all(s == Status.PRESENT for s in applicable) else 1

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = to_data(self)
        return data

    def to_json(self, indent: int | None = 2) -> str:
        return to_json(self, indent)

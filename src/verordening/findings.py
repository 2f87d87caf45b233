"""Stage 5: the report of a check, as small immutable values with a JSON form.

The JSON contract is documented in ``docs/report.md`` and ``docs/report.schema.json``.
Offsets are Python string indices into the original text (end excluded); lines
count from 1.
"""

from __future__ import annotations

import json
from typing import Any

from attrs import define, field

from .diagnostics import Diagnostic
from .model import Document

__all__ = [
    "ELEMENTS",
    "FRAMEWORKS",
    "STATUSES",
    "Citation",
    "ElementResult",
    "Finding",
    "LegalBasis",
    "Pipeline",
    "Report",
]

REPORT_SCHEMA_VERSION = "1.0"

# The statutory elements, in the order of DOMAIN.md section 2.
ELEMENTS = ("policy_proposals", "advice", "support", "periodic_consultation", "agenda", "information")
FRAMEWORKS = ("jeugdwet", "participatiewet", "wmo2007", "wmo2015", "wwb")
# Worst first: the status of an element over several frameworks is the worst one.
STATUSES = ("missing", "partial", "present", "not_applicable")
VERDICTS = ("participation_bylaw", "not_participation_bylaw", "no_articles")


def worst(statuses: list[str]) -> str:
    return min(statuses, key=STATUSES.index) if statuses else "not_applicable"


@define(frozen=True)
class Citation:
    """A provision of the bylaw that is evidence for (or against) an element."""

    citation: str
    id: str
    start: int
    end: int
    line: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "citation": self.citation,
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "text": self.text,
        }


@define(frozen=True)
class LegalBasis:
    """A statute the bylaw rests on, where we read it, and the framework it gives."""

    framework: str | None
    statute: str
    source: str  # preamble, metadata, title, inferred or override
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "framework": self.framework,
            "statute": self.statute,
            "source": self.source,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


@define(frozen=True)
class Finding:
    """The verdict of one rule: one framework, one element."""

    rule_id: str
    framework: str
    element: str
    status: str
    severity: str
    reasons: tuple[str, ...]
    citations: tuple[Citation, ...]
    statute: str
    juriconnect: str
    interpretation: bool
    message: str
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "framework": self.framework,
            "element": self.element,
            "status": self.status,
            "severity": self.severity,
            "reasons": list(self.reasons),
            "citations": [c.to_dict() for c in self.citations],
            "statute": self.statute,
            "juriconnect": self.juriconnect,
            "interpretation": self.interpretation,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@define(frozen=True)
class ElementResult:
    """One statutory element over all applicable frameworks (its worst status)."""

    key: str
    status: str
    frameworks: tuple[str, ...]
    reasons: tuple[str, ...]
    citations: tuple[Citation, ...]
    statute: str
    message: str
    suggestion: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "frameworks": list(self.frameworks),
            "reasons": list(self.reasons),
            "citations": [c.to_dict() for c in self.citations],
            "statute": self.statute,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@define(frozen=True)
class Pipeline:
    """The language pipeline that read the text: built-in or a statistical model."""

    name: str
    kind: str  # "builtin" or "model"
    version: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "kind": self.kind, "version": self.version}


@define(frozen=True)
class Report:
    """The result of checking one bylaw."""

    file: str | None
    verdict: str
    frameworks: tuple[str, ...]  # the frameworks the bylaw rests on (its legal basis)
    judged_under: tuple[str, ...]  # the frameworks in force on ``as_of`` that it is judged against
    legal_basis: tuple[LegalBasis, ...]
    pipeline: Pipeline
    diagnostics: tuple[Diagnostic, ...]
    elements: dict[str, ElementResult]
    findings: tuple[Finding, ...]
    as_of: str
    document: Document = field(repr=False, eq=False)

    @property
    def exit_code(self) -> int:
        """0 all applicable elements present, 1 partial or missing, 3 not a participation bylaw."""
        if self.verdict != "participation_bylaw":
            return 3
        applicable = [e.status for e in self.elements.values() if e.status != "not_applicable"]
        return 0 if all(s == "present" for s in applicable) else 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": REPORT_SCHEMA_VERSION,
            "file": self.file,
            "verdict": self.verdict,
            "as_of": self.as_of,
            "frameworks": list(self.frameworks),
            "judged_under": list(self.judged_under),
            "legal_basis": [b.to_dict() for b in self.legal_basis],
            "pipeline": self.pipeline.to_dict(),
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "elements": {key: self.elements[key].to_dict() for key in ELEMENTS if key in self.elements},
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

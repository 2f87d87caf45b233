"""The closed vocabularies of the report: one table each, used by every stage.

These are the words of the JSON contract (``docs/report.schema.json``), not domain
knowledge: which laws exist, what a participation body is called and which words
cue a negation live in the data files of ``rules/``. Each is a ``StrEnum``, so a value
compares equal to its string and serialises as it.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["BasisSource", "Element", "PipelineKind", "Severity", "Status", "Verdict"]


class Element(StrEnum):
    """The statutory elements, in the order of the report (DOMAIN.md section 2)."""

    POLICY_PROPOSALS = "policy_proposals"
    ADVICE = "advice"
    SUPPORT = "support"
    PERIODIC_CONSULTATION = "periodic_consultation"
    AGENDA = "agenda"
    INFORMATION = "information"


class Status(StrEnum):
    """The status of an element, worst first: over several frameworks the worst one counts."""

    MISSING = "missing"
    PARTIAL = "partial"
    PRESENT = "present"
    NOT_APPLICABLE = "not_applicable"


class Verdict(StrEnum):
    """What the text is."""

    PARTICIPATION_BYLAW = "participation_bylaw"
    NOT_PARTICIPATION_BYLAW = "not_participation_bylaw"
    NO_ARTICLES = "no_articles"


class Severity(StrEnum):
    """How much a finding or a diagnostic weighs."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class PipelineKind(StrEnum):
    """The language pipeline that read the text."""

    BUILTIN = "builtin"
    MODEL = "model"


class BasisSource(StrEnum):
    """Where a legal basis was read."""

    PREAMBLE = "preamble"
    METADATA = "metadata"
    TITLE = "title"
    INFERRED = "inferred"
    OVERRIDE = "override"

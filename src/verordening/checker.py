"""The checker: what a check needs, made once, and the flow from a document to a report.

A :class:`Checker` owns the rule set (``rules/``), the pipelines and the compiled
matchers; :meth:`Checker.check` takes a parsed bylaw through the stages::

    language   units, roles, the pipelines' reading        (language/)
    basis      legal basis and frameworks                  (rules/basis.py)
    elements   each element's evidence, status, reasons    (rules/match.py, rules/judge.py)
    verdict    is this a participation bylaw at all?       (rules/verdict.py)
    findings   the report                                  (findings.py)

The verdict comes after the elements because it reads which rights the bylaw grants.
Make one checker and check many bylaws with it: loading a model and compiling the rules
is the costly part.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language

from .diagnostics import Diagnostic, diagnostic
from .findings import Report, build_report
from .language import (
    LookupLemmas,
    Reading,
    RoleMarker,
    Roles,
    Unit,
    builtin_pipeline,
    chosen_model,
    find_roles,
    load_pipeline,
    read_units,
    reparse,
    units_of,
)
from .model import Document
from .rules.basis import Basis, determine_basis
from .rules.clauses import Clauses
from .rules.compile import compile_rules
from .rules.judge import ElementEvidence, judge_element, read_bylaw
from .rules.match import Matches, Strings, candidates, match
from .rules.ruleset import load_rules
from .rules.verdict import decide_verdict
from .vocabulary import PipelineKind, Verdict

__all__ = ["Checker", "as_date"]


def as_date(as_of: date | str | None, name: str = "as_of") -> date:
    """The date of judgement: today, a date, or a date written YYYY-MM-DD (``name`` is how
    the error calls it)."""
    if as_of is None:
        return date.today()
    if isinstance(as_of, date):
        return as_of
    try:
        return date.fromisoformat(as_of)
    except ValueError:
        raise ValueError(f"{name} must be a date as YYYY-MM-DD, not {as_of!r}") from None


class Checker:
    """Checks bylaws against the rules of one rule folder, reading them with one pipeline.

    ``model`` is a spaCy Dutch pipeline (a package name or a folder; ``"builtin"`` for the
    built-in one); without it ``$VERORDENING_SPACY_MODEL``, an installed
    ``nl_core_news_lg/md/sm`` or the built-in pipeline is used. ``rules`` is a rule folder
    (default: the installed ``rules/``). Raises :class:`~verordening.language.ModelError`
    or :class:`~verordening.datafile.RuleError` with a one-line message.
    """

    def __init__(self, model: str | Path | None = None, rules: str | Path | None = None) -> None:
        self.ruleset = load_rules(rules)
        self.knowledge = self.ruleset.knowledge
        self.builtin, self.pipeline = builtin_pipeline()
        self.lemmas: LookupLemmas = self.builtin.get_pipe("verordening_lookup_lemmas")  # type: ignore[assignment]
        self.markers = {PipelineKind.BUILTIN: RoleMarker(self.builtin, self.knowledge.roles)}
        self.model: Language | None = None
        name = chosen_model(model)
        if name is not None:
            self.model, self.pipeline = load_pipeline(name)
            self.markers[PipelineKind.MODEL] = RoleMarker(self.model, self.knowledge.roles)
        self.matchers = compile_rules(self.builtin, self.ruleset.rules, self.knowledge.cues)
        self.strings = Strings(self.builtin.vocab.strings)
        self.clauses = Clauses(self.knowledge.cues)

    def check(
        self, document: Document, frameworks: Sequence[str] | None = None, as_of: date | str | None = None
    ) -> Report:
        """Check a parsed bylaw: under ``frameworks`` when given, else under its legal basis,
        as the law stood on ``as_of`` (default: today)."""
        when = as_date(as_of)
        units = units_of(document)
        matches = self.read(document, units)
        basis = self.basis(document, units, when, frameworks)
        evidence = self.judge(units, matches, when)
        verdict, notes = decide_verdict(self.knowledge.verdict, document, evidence, basis)
        return self.report(document, units, evidence, verdict, basis, notes, when)

    def read(self, document: Document, units: list[Unit]) -> Matches:
        """Stage 3: read the provisions and mark the roles; the cheap pass reads everything,
        a statistical model only the provisions where its parse can change the outcome."""
        roles = find_roles(document, units, self.knowledge.roles)
        reading = read_units(self.builtin, self.markers[PipelineKind.BUILTIN], units, roles)
        if self.model is not None:
            cheap = match(self.matchers, self.strings, reading)
            which = candidates(cheap, units, self.ruleset.rules, self.knowledge.cues)
            reading = self._reparse(reading, units, which, roles)
        return match(self.matchers, self.strings, reading)

    def _reparse(self, reading: Reading, units: list[Unit], which: list[int], roles: Roles) -> Reading:
        assert self.model is not None
        marker = self.markers[PipelineKind.MODEL]
        return reparse(
            self.model, self.lemmas, marker, reading, units, which, roles, self.matchers.reads_tags
        )

    def basis(
        self, document: Document, units: list[Unit], when: date, frameworks: Sequence[str] | None
    ) -> Basis:
        """The legal basis, and the frameworks to judge under (``frameworks`` when given)."""
        binding_text = " ".join(u.text for u in units if u.binding)
        override = tuple(frameworks) if frameworks else None
        return determine_basis(self.knowledge.laws, document, binding_text, when, override)

    def judge(
        self, units: list[Unit], matches: Matches, as_of: date | None = None
    ) -> dict[str, ElementEvidence]:
        """Stage 4: each element's status, reasons and the provisions to cite (as the law stood on
        ``as_of``: a grant for a period that ended before it has lapsed)."""
        bylaw = read_bylaw(units, matches, self.clauses, as_of)
        return {rule.element: judge_element(rule, bylaw, self.clauses) for rule in self.ruleset.rules}

    def report(
        self,
        document: Document,
        units: list[Unit],
        evidence: dict[str, ElementEvidence],
        verdict: Verdict,
        basis: Basis,
        verdict_notes: tuple[Diagnostic, ...],
        when: date,
    ) -> Report:
        """Stage 5: findings per rule and framework, with every diagnostic on the way."""
        judged, default_note = self._judged_under(verdict, basis)
        notes = (
            *document.diagnostics,
            *basis.diagnostics,
            *verdict_notes,
            self._pipeline_note(),
            *default_note,
        )
        return build_report(
            document,
            units,
            self.ruleset,
            evidence,
            verdict,
            basis,
            judged,
            self.pipeline,
            notes,
            when.isoformat(),
        )

    def _judged_under(self, verdict: Verdict, basis: Basis) -> tuple[tuple[str, ...], tuple[Diagnostic, ...]]:
        """The frameworks to judge under: the basis's, else the default one (and a warning)."""
        if verdict != Verdict.PARTICIPATION_BYLAW or basis.judged:
            return basis.judged, ()
        laws = self.knowledge.laws
        default = laws.frameworks[laws.default]
        return (default.key,), (diagnostic("C004", framework=default.name),)

    def _pipeline_note(self) -> Diagnostic:
        if self.pipeline.kind == PipelineKind.MODEL:
            return diagnostic("P002", name=self.pipeline.name, version=self.pipeline.version)
        return diagnostic("P001")

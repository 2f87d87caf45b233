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

import gc
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language

from .diagnostics import Diagnostic, diagnostic
from .errors import BadValue
from .findings import Report, build_report
from .language import (
    PROVISION_CHARS,
    LookupLemmas,
    Reading,
    RoleMarker,
    Roles,
    Unit,
    builtin_pipeline,
    chosen_model,
    distinct_bodies,
    find_roles,
    load_pipeline,
    parts_of,
    read_units,
    reparse,
    units_of,
)
from .load.base import Limits
from .model import Document
from .rules.basis import Basis, determine_basis
from .rules.clauses import Clauses
from .rules.compile import compile_rules
from .rules.hits import forget
from .rules.judge import ElementEvidence, judge_element, read_bylaw
from .rules.match import Matches, Strings, candidates, joined, match
from .rules.policy_fields import Fields
from .rules.ruleset import load_rules
from .rules.verdict import decide_verdict
from .vocabulary import PipelineKind, Verdict

__all__ = ["Checker", "LimitError", "as_date", "settle"]


class LimitError(BadValue):
    """A document beyond one of the limits of :class:`~verordening.load.base.Limits`: a
    one-line message that names the document and the limit (a ValueError)."""


def within_limits(document: Document, limits: Limits) -> None:
    """Raise :class:`LimitError` for a document with more articles than ``limits.articles``
    (those of the toelichting and the annexes counted too: all are read)."""
    count = sum(
        1
        for node in document.root.walk()
        if node.kind == "article" or (node.kind == "toelichting" and node.number)
    )
    if count > limits.articles:
        prefix = f"{document.path}: " if document.path else ""
        raise LimitError(key="limits.articles", prefix=prefix, count=count, limit=limits.articles)


def settle() -> None:
    """In a process of the tool's own (the command line, a scan worker), once its checker is
    made: what is loaded stays for the life of the process, so the garbage collector no longer
    walks it on each full collection (a long document would pay for walking the pipelines and
    rules every time its own garbage passed a quarter of them). The library never calls this by
    itself: freezing the heap is the decision of the program that owns the process."""
    gc.collect()
    gc.freeze()


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
        raise BadValue(key="date", name=name, value=repr(as_of)) from None


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
        self,
        document: Document,
        frameworks: Sequence[str] | None = None,
        as_of: date | str | None = None,
        limits: Limits | None = None,
    ) -> Report:
        """Check a parsed bylaw: under ``frameworks`` when given, else under its legal basis,
        as the law stood on ``as_of`` (default: today). :class:`LimitError` for a bylaw beyond
        ``limits`` (default: :class:`~verordening.load.base.Limits`): more articles than
        ``articles``; a provision longer than ``provision_chars`` is read in pieces."""
        when = as_date(as_of)
        limits = limits or Limits()
        within_limits(document, limits)
        units = units_of(document)
        matches = self.read(document, units, limits.provision_chars)
        basis = self.basis(document, units, when, frameworks)
        evidence = self.judge(units, matches, when, basis.judged)
        verdict, notes = decide_verdict(self.knowledge.verdict, document, evidence, basis)
        return self.report(document, units, evidence, verdict, basis, notes, when)

    def read(self, document: Document, units: list[Unit], piece: int = PROVISION_CHARS) -> Matches:
        """Stage 3: read the provisions and mark the roles; the cheap pass reads everything,
        a statistical model only the provisions where its parse can change the outcome. A
        provision longer than ``piece`` characters is read in pieces (and not by the model)."""
        roles = find_roles(document, units, self.knowledge.roles)
        marker = self.markers[PipelineKind.BUILTIN]
        if self.model is None:  # each group of provisions read and matched, then let go
            groups = (read_units(self.builtin, marker, part, roles, piece) for part in parts_of(units))
            return joined([match(self.matchers, self.strings, reading) for reading in groups])
        reading = read_units(self.builtin, marker, units, roles, piece)
        cheap = match(self.matchers, self.strings, reading)
        which = candidates(cheap, units, self.ruleset.rules, self.knowledge.cues)
        reading = self._reparse(reading, units, [i for i in which if len(units[i].text) <= piece], roles)
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
        self, units: list[Unit], matches: Matches, as_of: date | None = None, frameworks: Sequence[str] = ()
    ) -> dict[str, ElementEvidence]:
        """Stage 4: each element's status, reasons and the provisions to cite (as the law stood on
        ``as_of``: a grant for a period that ended before it has lapsed), under ``frameworks``
        (a grant confined to the field of some of them is partial)."""
        laws = self.knowledge.laws
        words = {key: laws.frameworks[key].fields for key in frameworks if key in laws.frameworks}
        fields = Fields(words, laws.field_openers, laws.field_closers)
        bodies = distinct_bodies(units, self.knowledge.roles)
        bylaw = read_bylaw(units, matches, self.clauses, as_of, fields, bodies)
        try:
            return {rule.element: judge_element(rule, bylaw, self.clauses) for rule in self.ruleset.rules}
        finally:
            forget()  # (the indexes of this bylaw's matches)

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

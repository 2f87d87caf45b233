"""Stage 4: check a parsed bylaw against the statutory elements of its frameworks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from ..diagnostics import Diagnostic
from ..findings import ELEMENTS, Citation, ElementResult, Finding, Report, worst
from ..language import Unit, builtin_pipeline, find_roles, load_pipeline, read_units, reparse, units_of
from ..model import Document
from .basis import Basis, determine_basis
from .engine import ElementEvidence, Engine
from .ruleset import Rule, RuleError, load_rules

__all__ = ["RuleError", "check"]

_TITLE_PARTICIPATION = re.compile(
    r"cli[eë]ntenparticipatie|cli[eë]ntenraad|adviesraad|adviesorgaan|participatieraad|wmo[\s-]?raad|"
    r"cli[eë]ntenpanel|burgerpanel|burgerraad|adviescommissie|inspraak van cli[eë]nten|"
    r"raad (?:sociaal domein|voor het sociaal domein|werk en inkomen)|cli[eë]ntenplatform|"
    r"participatieplatform sociaal",
    re.IGNORECASE,
)
_TITLE_OTHER = re.compile(
    r"re-?integratie|maatschappelijke ondersteuning(?!.*(?:raad|participatie))|jeugdhulp|"
    r"^participatieverordening|inspraakverordening|bijzondere bijstand|afstemming|handhaving|"
    r"tegenprestatie|individuele inkomenstoeslag|studietoeslag|verordening jeugd|subsidie",
    re.IGNORECASE,
)
_RIGHTS = ("advice", "periodic_consultation", "policy_proposals", "agenda")


@lru_cache(maxsize=4)
def _engine(nlp: Language, rules_dir: str | None) -> tuple[Engine, tuple[Rule, ...]]:
    rules, cues = load_rules(rules_dir)
    return Engine(nlp, rules, cues), rules


def _as_date(as_of: date | str | None) -> date:
    if as_of is None:
        return date.today()
    if isinstance(as_of, date):
        return as_of
    try:
        return date.fromisoformat(as_of)
    except ValueError:
        raise ValueError(f"as_of must be a date as YYYY-MM-DD, not {as_of!r}") from None


def _document(source: str | Path | Document) -> Document:
    from .. import parse, parse_file

    if isinstance(source, Document):
        return source
    if isinstance(source, Path):
        return parse_file(source)
    return parse(source)


def _cited_as(units: list[Unit], unit: Unit) -> str:
    """The citation of a provision; a list item whose opening words it completes
    ("Het college stelt de adviesraad in staat om: a. ...") is cited with them, the way
    lawyers do: "artikel 3, eerste lid, aanhef en onderdeel a"."""
    citation = unit.node.citation
    if unit.parents:
        opening = units[unit.parents[-1]]
        prefix = opening.node.citation + ", "
        if opening.text.rstrip().endswith((":", "—", "–")) and citation.startswith(prefix):
            return f"{prefix}aanhef en {citation[len(prefix) :]}"
    return citation


def _citations(units: list[Unit], indices: list[int]) -> tuple[Citation, ...]:
    found = []
    for i in indices:
        node = units[i].node
        cited = _cited_as(units, units[i])
        found.append(Citation(cited, node.id, node.start, node.end, node.line, node.text))
    return tuple(found)


def _verdict(
    document: Document, evidence: dict[str, ElementEvidence], basis: Basis
) -> tuple[str, list[Diagnostic]]:
    """A participation bylaw by its content: a body with participation rights, and a legal
    basis or a title that says so. Citations alone decide nothing: benefits and youth-care
    bylaws cite the same articles."""
    title = document.title.title if document.title is not None and document.title.title else ""
    named = bool(_TITLE_PARTICIPATION.search(title))
    other = bool(_TITLE_OTHER.search(title))
    rights = [el for el in _RIGHTS if evidence[el].primary]
    stated = any(b.framework and b.source in ("preamble", "metadata") for b in basis.legal_basis)
    notes: list[Diagnostic] = []
    if not document.articles:
        if named and not other:
            notes.append(
                Diagnostic(
                    "C010",
                    "warning",
                    "the title names client participation but the text has no articles to check",
                    0,
                    0,
                    1,
                )
            )
            return "participation_bylaw", notes
        return "no_articles", notes
    if other and not named:
        return "not_participation_bylaw", notes
    if (stated and (rights or named)) or (named and rights):
        return "participation_bylaw", notes
    if named and not other:
        return "participation_bylaw", notes
    return "not_participation_bylaw", notes


def _explain(rule: Rule, status: str, reasons: list[str]) -> str:
    message = rule.messages[status]
    if reasons:
        message += " " + " ".join(rule.reasons[r] for r in reasons if r in rule.reasons)
    return message


def check(
    source: str | Path | Document,
    frameworks: Sequence[str] | None = None,
    as_of: date | str | None = None,
    *,
    model: str | Path | None = None,
    rules_dir: str | None = None,
) -> Report:
    """Check a bylaw (its text, a path, or a parsed document) and return the report.

    ``model`` names a spaCy pipeline (a package name or a folder); without it the one in
    ``$VERORDENING_SPACY_MODEL``, an installed nl_core_news model, or the built-in pipeline
    is used (see :func:`verordening.language.load_pipeline`).
    """
    when = _as_date(as_of)
    document = _document(source)
    builtin, _ = builtin_pipeline()
    nlp, pipeline = load_pipeline(model)
    engine, rules = _engine(builtin, rules_dir)
    units = units_of(document)
    roles = find_roles(document, units)
    # the cheap pass reads everything; a statistical model reads only the provisions
    # where its parse can change the outcome
    reading = read_units(builtin, units, roles)
    if pipeline.kind == "model":
        reading = reparse(nlp, reading, units, engine.candidates(units, reading), roles, engine.reads_tags)
    binding_text = " ".join(u.text for u in units if u.binding)
    basis = determine_basis(document, binding_text, when, tuple(frameworks) if frameworks else None)
    evidence = engine.judge(units, reading)
    verdict, verdict_notes = _verdict(document, evidence, basis)

    diagnostics = list(document.diagnostics) + list(basis.diagnostics) + verdict_notes
    if pipeline.kind == "model":
        diagnostics.append(
            Diagnostic(
                "P002", "info", f"read with the spaCy model {pipeline.name} {pipeline.version}", 0, 0, 1
            )
        )
    if pipeline.kind == "builtin":
        diagnostics.append(
            Diagnostic(
                "P001",
                "info",
                "read with the built-in rule-based Dutch pipeline; install a Dutch spaCy model "
                "(python -m spacy download nl_core_news_sm) for parses of who does what",
                0,
                0,
                1,
            )
        )
    chosen = basis.judged
    if verdict == "participation_bylaw" and not chosen:
        chosen = ("participatiewet",)
        diagnostics.append(
            Diagnostic(
                "C004",
                "warning",
                "no framework could be determined; judged under the Participatiewet "
                "(choose another with --framework)",
                0,
                0,
                1,
            )
        )
    findings: list[Finding] = []
    elements: dict[str, ElementResult] = {}
    for rule in rules:
        ev = evidence[rule.element]
        applicable = [k for k in chosen if k in rule.frameworks] if verdict == "participation_bylaw" else []
        citations = _citations(units, ev.units) if ev.status != "missing" else ()
        for key in applicable:
            fr = rule.frameworks[key]
            findings.append(
                Finding(
                    rule_id=fr.rule_id,
                    framework=key,
                    element=rule.element,
                    status=ev.status,
                    severity=fr.severity,
                    reasons=tuple(ev.reasons),
                    citations=citations,
                    statute=fr.statute,
                    juriconnect=fr.juriconnect,
                    interpretation=fr.interpretation,
                    message=_explain(rule, ev.status, ev.reasons),
                    suggestion=rule.suggestion if ev.status != "present" else "",
                )
            )
        status = worst([ev.status for _ in applicable])
        statutes = "; ".join(rule.frameworks[k].statute for k in applicable)
        elements[rule.element] = ElementResult(
            key=rule.element,
            status=status,
            frameworks=tuple(applicable),
            reasons=tuple(ev.reasons) if applicable else (),
            citations=citations if applicable else (),
            statute=statutes,
            message=_explain(rule, ev.status, ev.reasons) if applicable else "",
            suggestion=rule.suggestion if applicable and status != "present" else "",
        )
    return Report(
        file=document.path,
        verdict=verdict,
        frameworks=basis.frameworks if verdict == "participation_bylaw" else (),
        judged_under=tuple(chosen) if verdict == "participation_bylaw" else (),
        legal_basis=basis.legal_basis,
        pipeline=pipeline,
        diagnostics=tuple(diagnostics),
        elements={key: elements[key] for key in ELEMENTS},
        findings=tuple(findings),
        as_of=when.isoformat(),
        document=document,
    )

"""Legal basis: which statutes a bylaw rests on, and so which frameworks judge it.

Read from the preamble ("gelet op ..."), the metadata block ("Wettelijke grondslag")
and the title; inferred from the articles when none is stated. The laws, their names
and their participation articles come from ``rules/laws.yaml``. ``as_of`` chooses the
law in force: a WWB bylaw judged after 2014 is judged under the Participatiewet, an
old-Wmo bylaw under the Wmo 2015.
"""

from __future__ import annotations

import re
from datetime import date

from attrs import define, field

from ..diagnostics import Diagnostic, diagnostic
from ..knowledge import Law, Laws
from ..model import Document, Field
from ..vocabulary import BasisSource

__all__ = ["Basis", "LegalBasis", "bylaw_year", "determine_basis", "named_frameworks"]

_ARTICLES = re.compile(
    r"\b(?:artikel(?:en)?|art\.?)\s*(?P<list>[\d.:a-z]+(?:(?:\s*(?:,|en|lid|\w+de lid|t/m)\s*)+[\d.:a-z]+)*)",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)*[a-z]?")
_LID = re.compile(r"\b(?:lid|leden|onder|sub|onderdeel)\s+[\da-z]+(?:\s*(?:,|en)\s*\d+)*", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
# a body's name ("Verordening Wmo-raad") is no reference to a law
_BODY_NAMED_AFTER_LAW = re.compile(r"\b(?:Wmo|WMO)[\s-]?(?:advies)?raad\w*")


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
class Basis:
    frameworks: tuple[str, ...]  # what the bylaw rests on
    judged: tuple[str, ...]  # what it is judged against on the date of judgement
    legal_basis: tuple[LegalBasis, ...]
    diagnostics: tuple[Diagnostic, ...]


def _articles_near(segment: str, start: int, end: int, after: int) -> list[str]:
    """Article numbers cited with the law at segment[start:end]: before it (but after the law
    named before it, ``after``), else after it."""
    before = list(_ARTICLES.finditer(segment[after:start]))
    chosen = before[-1:] if before else list(_ARTICLES.finditer(segment[end : end + 60]))
    numbers: list[str] = []
    for match in chosen:
        listed = _LID.sub(" ", match["list"])  # "artikel 2.1.3 lid 3": the 3 is a lid
        numbers.extend(n for n in _NUMBER.findall(listed) if not n.isalpha())
    return numbers


def _laws_named(laws: Laws, segment: str) -> list[tuple[re.Match[str], Law]]:
    """The names of laws in a segment, in order; where names overlap, the first law's wins
    ("Wmo 2015" before "Wmo")."""
    lower = segment.lower()
    taken: list[tuple[re.Match[str], Law]] = []
    for law in laws.laws:
        if not any(hint in lower for hint in law.hints):
            continue
        for match in law.pattern.finditer(segment):
            if not any(m.start() <= match.start() < m.end() for m, _ in taken):
                taken.append((match, law))
    return sorted(taken, key=lambda found: found[0].start())


def _references(laws: Laws, text: str, source: str, span: tuple[int, int], year: int) -> list[LegalBasis]:
    """Every law ``text`` names, per part between semicolons."""
    found: list[LegalBasis] = []
    if not laws.hint.search(text.lower()):
        return found
    for segment_match in re.finditer(r"[^;]+", text):
        segment = segment_match.group()
        if not laws.hint.search(segment.lower()):
            continue
        after = 0
        for match, law in _laws_named(laws, segment):
            articles = _articles_near(segment, match.start(), match.end(), after)
            after = match.end()
            statute = law.statute + (", artikel " + ", ".join(dict.fromkeys(articles)) if articles else "")
            framework = laws.framework_of(law, articles, year)
            found.append(LegalBasis(framework, statute, source, segment.strip(), *span))
    return found


def named_frameworks(laws: Laws, text: str, year: int) -> tuple[str, ...]:
    """The frameworks the laws named in ``text`` give, for a bylaw made in ``year``."""
    found = _references(laws, text, BasisSource.PREAMBLE, (0, 0), year)
    return tuple(sorted({b.framework for b in found if b.framework}))


def bylaw_year(document: Document) -> int | None:
    """The year the bylaw was made: metadata dates, else a year in the title."""
    if document.metadata is not None:
        for f in document.metadata.fields:
            if f.key in ("inwerkingtreding", "ondertekening", "geldend_van"):
                match = _YEAR.search(f.value)
                if match:
                    return int(match.group())
    info = document.info
    if info is not None:
        for day in (info.in_force_from, info.adopted, info.published):
            if day:
                return int(day[:4])
    if document.title is not None and document.title.title:
        match = _YEAR.search(document.title.title)
        if match:
            return int(match.group())
    return None


def _fields(node_fields: tuple[Field, ...], keys: tuple[str, ...]) -> list[Field]:
    return [f for f in node_fields if f.key in keys]


def _stated(laws: Laws, document: Document, year: int) -> list[LegalBasis]:
    """The legal basis the bylaw states: its preamble and metadata, else its title."""
    basis: list[LegalBasis] = []
    if document.preamble is not None:
        for f in _fields(document.preamble.fields, ("gelet_op", "met_inachtneming")):
            basis.extend(_references(laws, f.value, "preamble", (f.start, f.end), year))
    if document.metadata is not None:
        for f in _fields(document.metadata.fields, ("wettelijke_grondslag",)):
            basis.extend(_references(laws, f.value, "metadata", (f.start, f.end), year))
    if document.info is not None and not any(b.framework for b in basis):
        # the legal basis as the publication gives it (official HTML, CVDR XML), when the text is silent
        for value in document.info.legal_basis:
            basis.extend(_references(laws, value, "metadata", (0, 0), year))
    if document.title is not None and document.title.title and not any(b.framework for b in basis):
        # the title counts only when the preamble and metadata name no framework
        title = document.title
        named = _BODY_NAMED_AFTER_LAW.sub("", title.title or "")
        basis.extend(_references(laws, named, "title", (title.start, title.end), year))
    return basis


def _inferred(laws: Laws, binding_text: str, year: int) -> list[LegalBasis]:
    """The frameworks the articles name, one legal basis each, when nothing is stated."""
    seen: dict[str, LegalBasis] = {}
    for b in _references(laws, binding_text, "inferred", (0, 0), year):
        if b.framework and b.framework not in seen:
            seen[b.framework] = LegalBasis(
                b.framework, laws.frameworks[b.framework].statute, "inferred", b.framework, 0, 0
            )
    return list(seen.values())


def _successors(laws: Laws, frameworks: set[str], as_of: date) -> tuple[set[str], list[Diagnostic]]:
    """The frameworks in force on ``as_of``: a replaced one gives way to its successor."""
    notes = []
    for key in [k for k in laws.frameworks if k in frameworks]:
        old = laws.frameworks[key]
        if old.successor is None or old.diagnostic is None:
            continue
        new = laws.frameworks[old.successor]
        if as_of >= new.in_force:
            frameworks = (frameworks - {key}) | {new.key}
            notes.append(diagnostic(old.diagnostic, law=old.name, successor=new.name, since=new.in_force))
    return frameworks, notes


def _current(laws: Laws, basis: list[LegalBasis]) -> set[str]:
    """The frameworks stated; a consolidated text whose publication data give the successor of
    the law its aanhef names ("gelet op artikel 47 van de WWB", metadata "Participatiewet, art. 47")
    was amended to rest on the successor."""
    found = {b.framework for b in basis if b.framework}
    published = {b.framework for b in basis if b.framework and b.source == BasisSource.METADATA}
    return {k for k in found if laws.frameworks[k].successor not in published}


def determine_basis(
    laws: Laws, document: Document, binding_text: str, as_of: date, override: tuple[str, ...] | None
) -> Basis:
    """Frameworks and legal basis of the bylaw, judged as of ``as_of``."""
    year = bylaw_year(document) or as_of.year
    basis = _stated(laws, document, year)
    notes: list[Diagnostic] = []
    frameworks = _current(laws, basis)
    if not frameworks:
        inferred = _inferred(laws, binding_text, year)
        basis.extend(inferred)
        frameworks = {b.framework for b in inferred if b.framework}
        if frameworks:
            notes.append(diagnostic("C003"))
    based_on = tuple(sorted(frameworks))
    if override:  # what the bylaw rests on stays as read; the user's frameworks judge it
        unknown = [k for k in override if k not in laws.frameworks]
        if unknown:
            raise ValueError(
                f"unknown framework {', '.join(unknown)}; choose from {', '.join(sorted(laws.frameworks))}"
            )
        frameworks = set(override)
        basis.extend(LegalBasis(k, laws.frameworks[k].statute, "override", k, 0, 0) for k in override)
    judged, successors = _successors(laws, frameworks, as_of)
    early = [
        diagnostic("C005", as_of=as_of, framework=laws.frameworks[k].name, since=laws.frameworks[k].in_force)
        for k in sorted(judged)
        if as_of < laws.frameworks[k].in_force
    ]
    return Basis(based_on, tuple(sorted(judged)), tuple(basis), tuple(notes + successors + early))

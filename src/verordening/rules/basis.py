"""Legal basis: which statutes a bylaw rests on, and so which frameworks judge it.

Read from the preamble ("gelet op ..."), the metadata block ("Wettelijke grondslag")
and the title; inferred from the content when none is stated. ``as_of`` chooses the
law in force: a WWB bylaw judged after 2014 is judged under the Participatiewet, an
old-Wmo bylaw under the Wmo 2015.
"""

from __future__ import annotations

import re
from datetime import date

from attrs import define

from ..diagnostics import Diagnostic
from ..findings import FRAMEWORKS, LegalBasis
from ..model import Document, Field

__all__ = ["Basis", "determine_basis"]

REFORM = date(2015, 1, 1)
# laws replaced on 1 January 2015: (old framework, its successor, diagnostic, old name)
_REPLACED = (
    ("wwb", "participatiewet", "C001", "Wet werk en bijstand (now the Participatiewet)"),
    ("wmo2007", "wmo2015", "C002", "Wmo of 2007 (now the Wmo 2015)"),
)

# law -> (key, its names, the participation articles of that law, and words one of which
# every name contains in lower case: the names are only looked for where one of those is)
_LAWS: tuple[tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "wmo2015",
        re.compile(r"Wet maatschappelijke ondersteuning 2015|\bWmo[\s-]?2015\b", re.I),
        ("2.1.3",),
        ("2015",),
    ),
    (
        "wmo",
        re.compile(r"Wet maatschappelijke ondersteuning|\bWmo\b", re.I),
        ("2.1.3", "9", "11", "12"),
        ("wet maatschappelijke", "wmo"),
    ),
    ("participatiewet", re.compile(r"Participatiewet|\bPw\b|\bPW\b"), ("47",), ("participatiewet", "pw")),
    ("wwb", re.compile(r"Wet werk en bijstand|\bWWB\b|\bWwb\b"), ("47",), ("wet werk", "wwb")),
    ("jeugdwet", re.compile(r"Jeugdwet", re.I), ("2.10",), ("jeugdwet",)),
    ("gemeentewet", re.compile(r"Gemeentewet", re.I), (), ("gemeentewet",)),
    ("wsw", re.compile(r"Wet sociale werkvoorziening|\bWsw\b", re.I), (), ("wet sociale", "wsw")),
    (
        "ioaw",
        re.compile(r"\bIOAW\b|oudere en gedeeltelijk arbeidsongeschikte werk", re.I),
        (),
        ("ioaw", "oudere en gedeeltelijk"),
    ),
    ("ioaz", re.compile(r"\bIOAZ\b|gewezen zelfstandigen", re.I), (), ("ioaz", "gewezen")),
    ("wij", re.compile(r"Wet investeren in jongeren|\bWIJ\b", re.I), (), ("wet investeren", "wij")),
    (
        "suwi",
        re.compile(r"Wet structuur uitvoeringsorganisatie werk en inkomen|\bSUWI\b", re.I),
        (),
        ("wet structuur", "suwi"),
    ),
    ("omgevingswet", re.compile(r"Omgevingswet", re.I), (), ("omgevingswet",)),
)
# a quick test on lower-cased text: what every name of a law above contains; text without
# it names no law
_LAW_HINT = re.compile(r"w(?:et|mo|wb|sw|ij)|pw|ioa[wz]|gewezen|oudere en gedeeltelijk|suwi")
_PARTICIPATION_ARTICLES = {key: articles for key, _, articles, _ in _LAWS}
_NAMES = {
    "wmo2015": "Wet maatschappelijke ondersteuning 2015",
    "wmo": "Wet maatschappelijke ondersteuning",
    "participatiewet": "Participatiewet",
    "wwb": "Wet werk en bijstand",
    "jeugdwet": "Jeugdwet",
    "gemeentewet": "Gemeentewet",
    "wsw": "Wet sociale werkvoorziening",
    "ioaw": "IOAW",
    "ioaz": "IOAZ",
    "wij": "Wet investeren in jongeren",
    "suwi": "Wet SUWI",
    "omgevingswet": "Omgevingswet",
}
_ARTICLES = re.compile(
    r"\b(?:artikel(?:en)?|art\.?)\s*(?P<list>[\d.:a-z]+(?:(?:\s*(?:,|en|lid|\w+de lid|t/m)\s*)+[\d.:a-z]+)*)",
    re.I,
)
_NUMBER = re.compile(r"\d+(?:\.\d+)*[a-z]?")
_LID = re.compile(r"\b(?:lid|leden|onder|sub|onderdeel)\s+[\da-z]+(?:\s*(?:,|en)\s*\d+)*", re.I)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


@define(frozen=True)
class Basis:
    frameworks: tuple[str, ...]  # what the bylaw rests on
    judged: tuple[str, ...]  # what it is judged against on the date of judgement
    legal_basis: tuple[LegalBasis, ...]
    diagnostics: tuple[Diagnostic, ...]


def _articles_near(segment: str, start: int, end: int) -> list[str]:
    """Article numbers cited with the law at segment[start:end]: before it, else after it."""
    before = list(_ARTICLES.finditer(segment[:start]))
    chosen = before[-1:] if before else list(_ARTICLES.finditer(segment[end : end + 60]))
    numbers: list[str] = []
    for match in chosen:
        listed = _LID.sub(" ", match["list"])  # "artikel 2.1.3 lid 3": the 3 is a lid
        numbers.extend(n for n in _NUMBER.findall(listed) if not n.isalpha())
    return numbers


def _framework(key: str, articles: list[str], year: int | None) -> str | None:
    participation = _PARTICIPATION_ARTICLES[key]
    if not participation:
        return None
    if articles and not any(a in participation for a in articles):
        return None
    if key == "wmo":
        if "2.1.3" in articles:
            return "wmo2015"
        if any(a in ("9", "11", "12") for a in articles):
            return "wmo2007"
        return "wmo2007" if year is not None and year < 2015 else "wmo2015"
    return key


def _references(text: str, source: str, offset_of: tuple[int, int], year: int | None) -> list[LegalBasis]:
    found: list[LegalBasis] = []
    if not _LAW_HINT.search(text.lower()):
        return found
    for segment_match in re.finditer(r"[^;]+", text):
        segment = segment_match.group()
        lower = segment.lower()
        if not _LAW_HINT.search(lower):
            continue
        taken: list[tuple[int, int]] = []
        for key, pattern, _, hints in _LAWS:
            if not any(hint in lower for hint in hints):
                continue
            for match in pattern.finditer(segment):
                if any(s <= match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                articles = _articles_near(segment, match.start(), match.end())
                statute = _NAMES[key] if key != "wmo" else "Wet maatschappelijke ondersteuning"
                if articles:
                    statute += ", artikel " + ", ".join(dict.fromkeys(articles))
                found.append(
                    LegalBasis(
                        framework=_framework(key, articles, year),
                        statute=statute,
                        source=source,
                        text=segment.strip(),
                        start=offset_of[0],
                        end=offset_of[1],
                    )
                )
    return found


def _year(document: Document) -> int | None:
    """The year the bylaw was made: metadata dates, else a year in the title."""
    if document.metadata is not None:
        for f in document.metadata.fields:
            if f.key in ("inwerkingtreding", "ondertekening", "geldend_van"):
                match = _YEAR.search(f.value)
                if match:
                    return int(match.group())
    if document.title is not None and document.title.title:
        match = _YEAR.search(document.title.title)
        if match:
            return int(match.group())
    return None


def _fields(node_fields: tuple[Field, ...], keys: tuple[str, ...]) -> list[Field]:
    return [f for f in node_fields if f.key in keys]


def _diagnostic(code: str, message: str) -> Diagnostic:
    return Diagnostic(code, "info" if code.startswith("C00") else "warning", message, 0, 0, 1)


def determine_basis(
    document: Document,
    binding_text: str,
    as_of: date,
    override: tuple[str, ...] | None,
) -> Basis:
    """Frameworks and legal basis of the bylaw, judged as of ``as_of``."""
    year = _year(document) or as_of.year
    basis: list[LegalBasis] = []
    if document.preamble is not None:
        for f in _fields(document.preamble.fields, ("gelet_op", "met_inachtneming")):
            basis.extend(_references(f.value, "preamble", (f.start, f.end), year))
    if document.metadata is not None:
        for f in _fields(document.metadata.fields, ("wettelijke_grondslag",)):
            basis.extend(_references(f.value, "metadata", (f.start, f.end), year))
    if document.title is not None and document.title.title and not any(b.framework for b in basis):
        # the title counts only when the preamble and metadata name no framework, and a
        # body's name ("Verordening Wmo-raad") is no reference to a law
        title = document.title
        named = re.sub(r"\b(?:Wmo|WMO)[\s-]?(?:advies)?raad\w*", "", title.title or "")
        basis.extend(_references(named, "title", (title.start, title.end), year))
    notes: list[Diagnostic] = []
    if override:
        unknown = [k for k in override if k not in FRAMEWORKS]
        if unknown:
            raise ValueError(f"unknown framework {', '.join(unknown)}; choose from {', '.join(FRAMEWORKS)}")
        frameworks = set(override)
        basis.extend(LegalBasis(k, _NAMES.get(k, k), "override", k, 0, 0) for k in override)
    else:
        frameworks = {b.framework for b in basis if b.framework}
        if not frameworks:
            inferred = _references(binding_text, "inferred", (0, 0), year)
            frameworks = {b.framework for b in inferred if b.framework}
            seen: set[str] = set()
            for b in inferred:
                if b.framework and b.framework not in seen:
                    seen.add(b.framework)
                    basis.append(
                        LegalBasis(
                            b.framework, _NAMES.get(b.framework, b.statute), "inferred", b.framework, 0, 0
                        )
                    )
            if frameworks:
                notes.append(
                    _diagnostic(
                        "C003", "no legal basis is stated; the frameworks were inferred from the text"
                    )
                )
    based_on = tuple(sorted(frameworks))
    if as_of >= REFORM:
        for old, new, code, name in _REPLACED:
            if old in frameworks:
                frameworks = (frameworks - {old}) | {new}
                notes.append(
                    _diagnostic(
                        code,
                        f"based on the {name}; judged under its successor, in force since 1 January 2015",
                    )
                )
    return Basis(based_on, tuple(sorted(frameworks)), tuple(basis), tuple(notes))

"""Stage 6: results -> text for people (JSON comes from the value classes themselves)."""

from __future__ import annotations

import re
import textwrap
from datetime import date
from typing import TYPE_CHECKING

from attrs import define

from .diagnostics import format_date
from .escape import visible
from .findings import ELEMENTS, ElementResult, Finding, Report
from .model import Document, Node
from .rules import default_rules

if TYPE_CHECKING:
    from .rules.ruleset import Rule

__all__ = ["outline_text", "report_summary_line", "report_text"]

_SHOWN_IN_OUTLINE = {"metadata", "title", "preamble", "closing", "unstructured"}


def _label(node: Node) -> str:
    if node.kind in _SHOWN_IN_OUTLINE:
        return node.citation
    if node.kind in ("lid", "onderdeel", "subonderdeel"):
        return node.citation
    return node.citation + (f"  {node.title}" if node.title else "")


def outline_text(document: Document) -> str:
    """The outline: one line per node, indented by depth, with its line number."""
    rows: list[tuple[str, int]] = []

    def visit(node: Node, depth: int) -> None:
        label = _label(node)
        if node.kind == "title" and node.title:
            label = f"{label}: {node.title}"
        rows.append(("  " * depth + label, node.line))
        for child in node.children:
            visit(child, depth + 1)

    for child in document.children:
        visit(child, 0)
    width = min(max((len(r[0]) for r in rows), default=0), 90)
    lines = [f"{name or document.path or 'tekst'}" for name in [document.path]]
    lines.append(
        f"{len(document.articles)} artikelen, {len(document.annexes)} bijlagen; "
        f"codering {document.encoding or 'str'}"
    )
    for label, line in rows:
        shown = label if len(label) <= width else label[: width - 1] + "…"
        lines.append(f"{shown.ljust(width)}  regel {line}")
    for diag in document.diagnostics:
        severity = SEVERITY_NL.get(diag.severity, diag.severity)
        lines.append(f"[{severity}] {diag.code} regel {diag.line}: {_clean(diag.message_in('nl'))}")
    return visible("\n".join(lines) + "\n")


# -- the report of a check -----------------------------------------------------------

WIDTH = 100
"""Lines of the text report are wrapped at about this many characters."""

_QUOTE_LENGTH = 100

VERDICT_NL = {
    "participation_bylaw": "verordening cliëntenparticipatie",
    "not_participation_bylaw": "geen verordening cliëntenparticipatie",
    "no_articles": "geen artikelen gevonden",
}
SOURCE_NL = {
    "preamble": "aanhef",
    "metadata": "metadata",
    "title": "titel",
    "inferred": "afgeleid",
    "override": "opgegeven",
}
STATUS_WORD = {
    "present": "AANWEZIG",
    "partial": "GEDEELTELIJK",
    "missing": "ONTBREEKT",
    "not_applicable": "NIET VAN TOEPASSING",
}
STATUS_NL = {
    "present": "aanwezig",
    "partial": "gedeeltelijk",
    "missing": "ontbreekt",
    "not_applicable": "niet van toepassing",
}
SEVERITY_NL = {"error": "fout", "warning": "waarschuwing", "info": "informatie"}

_STATUS_WIDTH = max(len(STATUS_WORD[s]) for s in ("present", "partial", "missing"))
_LABEL_WIDTH = len("Taalverwerking:  ")

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_COLOURS = {"present": "\x1b[32m", "partial": "\x1b[33m", "missing": "\x1b[31m"}
_OWN_CODES = (_RESET, _BOLD, *_COLOURS.values())

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")
_HEADING = re.compile(r"(artikel|art\.|enig artikel)(\s|$)", re.IGNORECASE)


class _Style:
    """ANSI styling, or none at all."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.color and text else text

    def status(self, text: str, status: str) -> str:
        code = _COLOURS.get(status)
        return f"{_BOLD}{code}{text}{_RESET}" if self.color and code and text else text


def _clean(text: str) -> str:
    """One line of plain text: control characters out, runs of white space as one space."""
    return _SPACE.sub(" ", _CONTROL.sub(" ", text)).strip()


def _wrap(text: str, first: str = "", indent: int | None = None) -> list[str]:
    """``first + text`` wrapped at WIDTH; continuation lines indented by ``indent``."""
    rest = " " * (len(first) if indent is None else indent)
    return textwrap.wrap(
        first + text,
        width=WIDTH,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _field(label: str, value: str) -> list[str]:
    return _wrap(_clean(value), (label + ":").ljust(_LABEL_WIDTH))


def _quote(text: str, limit: int = _QUOTE_LENGTH) -> str:
    """The cited text in Dutch quotation marks, cut at a word boundary near ``limit``.

    An article's heading line ("Artikel 4 Advies") is left out: the citation names it.
    """
    first, newline, rest = text.strip().partition("\n")
    if newline and _HEADING.match(first) and _clean(rest):
        text = rest
    text = _clean(text)
    if len(text) > limit:
        cut = text[:limit]
        space = cut.rfind(" ")
        text = (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.") + "…"
    return f"„{text}”"


def _dutch_date(value: str) -> str:
    """'2026-11-22' -> '22 november 2026'; anything else as given."""
    try:
        return format_date(date.fromisoformat(value), "nl")
    except ValueError:
        return _clean(value)


@define(frozen=True)
class _Names:
    """The Dutch names of the elements and frameworks, from the rules that judged the report."""

    elements: dict[str, str]
    short: dict[str, str]
    frameworks: dict[str, str]
    values: dict[str, str]  # the Dutch label of each value a rule reads, with {value}

    @classmethod
    def of(cls, report: Report) -> _Names:
        ruleset = report.ruleset if report.ruleset is not None else default_rules()
        return cls(
            {rule.element: rule.name for rule in ruleset.rules},
            {rule.element: rule.short_name for rule in ruleset.rules},
            {key: f.name for key, f in ruleset.knowledge.laws.frameworks.items()},
            {q.value.name: q.value.label for rule in ruleset.rules for q in rule.qualifiers if q.value},
        )

    def value_text(self, values: dict[str, float]) -> str:
        """'4 keer per jaar; 6 weken voor het besluit'."""
        shown = (
            self.values.get(name, name + ": {value}").format(value=_number(v)) for name, v in values.items()
        )
        return "; ".join(shown)

    def framework_list(self, keys: tuple[str, ...] | list[str]) -> str:
        return ", ".join(self.frameworks.get(k, k) for k in keys)


def _number(value: float) -> str:
    """A number the Dutch way: 4, 8,7."""
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def _file_name(report: Report) -> str:
    name = report.file if report.file is not None else report.document.path
    if name is None:
        return "(tekst)"
    if name == "-":
        return "(standaardinvoer)"
    return _clean(name)


def _marks(finding: Finding) -> list[str]:
    marks = []
    if finding.severity in ("warning", "info"):
        marks.append(SEVERITY_NL[finding.severity])
    if finding.interpretation:
        marks.append("interpretatie")
    return marks


def _applicable(report: Report) -> list[tuple[str, ElementResult]]:
    return [
        (key, report.elements[key])
        for key in ELEMENTS
        if key in report.elements and report.elements[key].status != "not_applicable"
    ]


def _count_line(report: Report) -> str:
    applicable = _applicable(report)
    if report.verdict == "no_articles":
        return "Niet getoetst: geen artikelen gevonden."
    if not applicable:
        if report.verdict == "not_participation_bylaw":
            return "Niet getoetst: geen verordening cliëntenparticipatie."
        return "Geen wettelijke elementen van toepassing."
    count = {s: sum(1 for _, e in applicable if e.status == s) for s in ("present", "partial", "missing")}
    total = len(applicable)
    parts = [f"{count['present']} van {total} {'element' if total == 1 else 'elementen'} aanwezig"]
    if count["partial"]:
        parts.append(f"{count['partial']} gedeeltelijk")
    if count["missing"]:
        parts.append(f"{count['missing']} {'ontbreekt' if count['missing'] == 1 else 'ontbreken'}")
    return ", ".join(parts)


def _header(report: Report, style: _Style, names: _Names) -> list[str]:
    lines = [style.bold("Toets verordening cliëntenparticipatie"), ""]
    lines += _field("Bestand", _file_name(report))
    lines += _field("Oordeel", VERDICT_NL.get(report.verdict, report.verdict))
    lines += _field("Grondslag in", names.framework_list(report.frameworks) or "geen wettelijk kader herkend")
    lines += _field("Getoetst aan", names.framework_list(report.judged_under) or "-")
    if not report.legal_basis:
        lines += _field("Grondslag", "niet gevonden")
    else:
        lines.append("Grondslag:")
        for basis in report.legal_basis:
            where = SOURCE_NL.get(basis.source, basis.source)
            text = _clean(basis.statute) or names.frameworks.get(basis.framework or "", "onbekende wet")
            text += f" ({where})"
            if basis.framework is None:
                text += ", genoemd maar zonder eigen elementen om aan te toetsen"
            if _clean(basis.text):
                text += f": {_quote(basis.text)}"
            lines += _wrap(text, "  - ")
    lines += _field("Peildatum", _dutch_date(report.as_of))
    pipeline = f"{_clean(report.pipeline.name)} {_clean(report.pipeline.version)}".strip()
    if report.pipeline.kind == "builtin":
        pipeline += " (ingebouwde regels; een statistisch Nederlands taalmodel geeft betere resultaten)"
    elif report.pipeline.kind == "model":
        pipeline += " (statistisch taalmodel)"
    lines += _field("Taalverwerking", pipeline)
    if report.verdict == "not_participation_bylaw":
        note = (
            "Deze tekst regelt niet hoe cliënten of hun vertegenwoordigers bij de uitvoering van de wet "
            "worden betrokken. Een verwijzing naar de wet alleen maakt een tekst nog geen verordening "
            "cliëntenparticipatie; de inhoud van de artikelen beslist."
        )
        lines += ["", *_wrap(note)]
    elif report.verdict == "no_articles":
        note = (
            "In de tekst zijn geen artikelen gevonden. Controleer of het bestand de tekst van de "
            "verordening zelf bevat, en niet alleen een toelichting, een raadsvoorstel of een inhoudsopgave."
        )
        lines += ["", *_wrap(note)]
    return lines


def _element_block(
    key: str, result: ElementResult, findings: list[Finding], style: _Style, names: _Names
) -> list[str]:
    word = STATUS_WORD.get(result.status, result.status.upper())
    padding = " " * (_STATUS_WIDTH - len(word) + 2)
    heading = style.status(word, result.status) + padding + style.bold(names.elements[key])
    if len(findings) == 1 and _marks(findings[0]):
        heading += f"  ({', '.join(_marks(findings[0]))})"
    lines = [heading]
    pad = "  "
    if _clean(result.statute):
        lines += _wrap(_clean(result.statute), pad + "Wettelijke basis: ")
    elif result.frameworks:
        lines += _wrap(names.framework_list(result.frameworks), pad + "Wettelijke basis: ")
    if len(findings) > 1:
        lines.append(pad + "Per wet:")
        for finding in findings:
            text = f"{names.frameworks.get(finding.framework, finding.framework)}: "
            text += STATUS_NL.get(finding.status, finding.status)
            if _clean(finding.statute) and not _clean(result.statute):
                text += f", {_clean(finding.statute)}"
            if _marks(finding):
                text += f" ({', '.join(_marks(finding))})"
            lines += _wrap(text, pad + "  - ")
    if result.citations:
        lines.append(pad + "Vindplaats:")
        for citation in result.citations:
            text = f"{_clean(citation.citation)} (regel {citation.line})"
            if _clean(citation.text):
                text += f": {_quote(citation.text)}"
            lines += _wrap(text, pad + "  - ")
    elif result.status in ("partial", "missing"):
        lines.append(pad + "Vindplaats: geen bepaling gevonden in de artikelen")
    if result.values:
        lines += _wrap(names.value_text(result.values), pad + "In de tekst: ")
    if _clean(result.message):
        lines += _wrap(_clean(result.message), pad)
    if result.reasons:
        lines += _wrap(", ".join(_clean(r) for r in result.reasons), pad + "Redencodes: ")
    if result.status in ("partial", "missing") and _clean(result.suggestion):
        first = pad + "Voorbeeldtekst: "
        for n, paragraph in enumerate(p for p in result.suggestion.splitlines() if _clean(p)):
            lines += _wrap(_clean(paragraph), first if n == 0 else " " * len(first))
    return lines


def report_text(report: Report, *, color: bool = False) -> str:
    """The report of one check as readable Dutch text for a policy officer.

    With ``color`` the status words and headings carry ANSI colours (green present,
    yellow partial, red missing, bold headings); without it the text has no escape
    codes at all. Lines are wrapped at about :data:`WIDTH` characters.
    """
    style, names = _Style(color), _Names.of(report)
    lines = _header(report, style, names)
    applicable = _applicable(report)
    if applicable:
        lines += ["", style.bold("Wettelijke elementen")]
        for key, result in applicable:
            findings = [f for f in report.findings if f.element == key]
            lines += ["", *_element_block(key, result, findings, style, names)]
    not_applicable = [
        names.elements[key]
        for key in ELEMENTS
        if key in report.elements and report.elements[key].status == "not_applicable"
    ]
    if not_applicable and report.verdict == "participation_bylaw":
        lines += ["", *_wrap(", ".join(not_applicable) + ".", "Niet van toepassing op deze wetten: ")]
    if any(_marks(f) for f in report.findings):
        lines += ["", "Markeringen:"]
        if any(f.severity == "warning" for f in report.findings):
            lines += _wrap(
                "deze wet verplicht de raad niet onmiskenbaar om het element bij verordening te "
                "regelen; het is wel getoetst, maar een tekort weegt minder zwaar dan een fout.",
                "  - waarschuwing: ",
                4,
            )
        if any(f.interpretation for f in report.findings):
            lines += _wrap(
                "de eis volgt uit onze uitleg van de wet, niet letterlijk uit de wettekst.",
                "  - interpretatie: ",
                4,
            )
        if any(f.severity == "info" for f in report.findings):
            lines += _wrap("ter informatie; geen eis van de wet.", "  - informatie: ", 4)
    if report.diagnostics:
        lines += ["", style.bold("Opmerkingen bij het inlezen")]
        for diag in report.diagnostics:
            severity = SEVERITY_NL.get(diag.severity, diag.severity)
            where = f"  - regel {diag.line} [{severity} {_clean(diag.code)}]: "
            lines += _wrap(_clean(diag.message_in("nl")), where, 4)
    lines += ["", style.bold(_count_line(report))]
    return visible("\n".join(line.rstrip() for line in lines) + "\n", keep=_OWN_CODES if color else ())


def report_summary_line(report: Report, *, color: bool = False) -> str:
    """One line per file for runs over several files: file, verdict, status per element."""
    style, names = _Style(color), _Names.of(report)
    line = f"{_file_name(report)}: {VERDICT_NL.get(report.verdict, _clean(report.verdict))}"
    parts = [
        f"{names.short[key]} {style.status(STATUS_NL.get(e.status, _clean(e.status)), e.status)}"
        for key, e in _applicable(report)
    ]
    if parts:
        line += "; " + ", ".join(parts)
    return visible(line, one_line=True, keep=_OWN_CODES if color else ())


# -- rules ----------------------------------------------------------------------------------------
def rules_table(rules: tuple[Rule, ...]) -> str:
    """One line per framework section of every rule: id, element, statute, severity."""
    lines = []
    for rule in rules:
        for fr in rule.frameworks.values():
            mark = " (interpretatie)" if fr.interpretation else ""
            lines.append(f"{fr.rule_id:14} {rule.element:22} {fr.severity:8} {fr.statute}{mark}")
    return "\n".join(lines) + "\n"


def rule_text(rule: Rule) -> str:
    """A rule in full, in Dutch: what it checks, where the law says so, why it can fall short."""
    out = [f"{rule.name} ({rule.element})", ""]
    out += _wrap(" ".join(rule.description.split()))
    out += ["", "Wettelijke basis:"]
    for fr in rule.frameworks.values():
        marks = ", ".join(
            m
            for m in (
                "waarschuwing" if fr.severity == "warning" else "",
                "interpretatie" if fr.interpretation else "",
            )
            if m
        )
        out.append(
            f"  {fr.rule_id}: {fr.statute}" + (f" ({marks})" if marks else "") + f"  [{fr.juriconnect}]"
        )
    if rule.qualifiers:
        out += ["", "Eisen:"]
        for q in rule.qualifiers:
            origin = "uit de wet" if q.basis == "statute" else "onze uitleg"
            out.append(f"  {q.key} ({origin}); ontbreekt: {q.missing}")
    out += ["", "Redencodes:"]
    for code, text in rule.reasons.items():
        out += _wrap(text, f"  {code}: ", 6)
    out += ["", "Voorbeeldtekst:"]
    out += _wrap(" ".join(rule.suggestion.split()), "  ", 2)
    out += ["", "Voorbeelden (getest):"]
    for example in rule.examples:
        out += _wrap(" ".join(example["text"].split()), f"  [{example['status']}] ", 4)
    return "\n".join(out) + "\n"

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
from .messages import Messages, messages
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


def outline_text(document: Document, *, lang: str = "nl") -> str:
    """The outline: one line per node, indented by depth, with its line number."""
    m = messages(lang)
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
    lines = [document.path or m("outline.text_name")]
    lines.append(
        m(
            "outline.counts",
            articles=len(document.articles),
            annexes=len(document.annexes),
            encoding=document.encoding or "str",
        )
    )
    for label, line in rows:
        shown = label if len(label) <= width else label[: width - 1] + "…"
        lines.append(f"{shown.ljust(width)}  {m('report.line', line=line)}")
    severities = m.table("severity")
    for diag in document.diagnostics:
        severity = severities.get(diag.severity, diag.severity)
        where = m("report.line", line=diag.line)
        lines.append(f"[{severity}] {diag.code} {where}: {_clean(diag.message_in(lang))}")
    return visible("\n".join(lines) + "\n")


# -- the report of a check -----------------------------------------------------------

WIDTH = 100
"""Lines of the text report are wrapped at about this many characters."""

_QUOTE_LENGTH = 100

# The Dutch tables, for callers that want one word without a report (the words live in messages.yaml)
VERDICT_NL = messages("nl").table("verdict")
SOURCE_NL = messages("nl").table("source")
STATUS_WORD = messages("nl").table("status_word")
STATUS_NL = messages("nl").table("status")
SEVERITY_NL = messages("nl").table("severity")

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


def _widths(m: Messages) -> tuple[int, int]:
    """The width of a status word and of a header label in this language, for alignment."""
    status = max(len(m(f"status_word.{s}")) for s in ("present", "partial", "missing"))
    label = max(len(m(f"report.{key}")) for key in _HEADER_LABELS) + 3
    return status, label


_HEADER_LABELS = ("file", "verdict", "frameworks", "judged_under", "basis", "as_of", "pipeline")


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


def _long_date(value: str, lang: str) -> str:
    """'2026-11-22' -> '22 november 2026' (or '22 November 2026'); anything else as given."""
    try:
        return format_date(date.fromisoformat(value), lang)
    except ValueError:
        return _clean(value)


@define(frozen=True)
class _Frame:
    """What every part of a report needs: the words of its language, the names the rules
    give the elements and frameworks, the styling, and whether line numbers mean anything."""

    m: Messages
    style: _Style
    elements: dict[str, str]
    short: dict[str, str]
    frameworks: dict[str, str]
    values: dict[str, str]  # the label of each value a rule reads, with {value}, in the report's language
    rules: dict[str, Rule]
    lines_shown: bool  # a plain text's reader sees its lines; a Word, PDF or HTML reader does not

    @classmethod
    def of(cls, report: Report, lang: str, color: bool) -> _Frame:
        ruleset = report.ruleset if report.ruleset is not None else default_rules()
        m = messages(lang)
        info = report.document.info
        return cls(
            m,
            _Style(color),
            {r.element: m.element(r.element, r.name) for r in ruleset.rules},
            {r.element: m.element(r.element, r.short_name, short=True) for r in ruleset.rules},
            {key: f.name for key, f in ruleset.knowledge.laws.frameworks.items()},
            {name: label for rule in ruleset.rules for name, label in rule.texts(lang).values.items()},
            {rule.element: rule for rule in ruleset.rules},
            info is None or info.format == "text",
        )

    def value_text(self, values: dict[str, float]) -> str:
        """'4 keer per jaar; 6 weken voor het besluit'."""
        shown = (
            self.values.get(name, name + ": {value}").format(value=_number(v)) for name, v in values.items()
        )
        return "; ".join(shown)

    def framework_list(self, keys: tuple[str, ...] | list[str]) -> str:
        return ", ".join(self.frameworks.get(k, k) for k in keys)

    def field(self, key: str, value: str) -> list[str]:
        """A header line: its label in this language, the value aligned after it."""
        width = _widths(self.m)[1]
        return _wrap(_clean(value), (self.m(f"report.{key}") + ":").ljust(width))


def _number(value: float) -> str:
    """A number the Dutch way: 4, 8,7."""
    return str(int(value)) if value == int(value) else f"{value:.1f}".replace(".", ",")


def _file_name(report: Report, m: Messages) -> str:
    name = report.file if report.file is not None else report.document.path
    if name is None:
        return m("report.text_name")
    if name == "-":
        return m("report.stdin_name")
    return _clean(name)


def _marks(finding: Finding, m: Messages) -> list[str]:
    marks = []
    if finding.severity in ("warning", "info"):
        marks.append(m(f"severity.{finding.severity}"))
    if finding.interpretation:
        marks.append(m("severity.interpretation"))
    return marks


def _applicable(report: Report) -> list[tuple[str, ElementResult]]:
    return [
        (key, report.elements[key])
        for key in ELEMENTS
        if key in report.elements and report.elements[key].status != "not_applicable"
    ]


def _count_line(report: Report, m: Messages) -> str:
    applicable = _applicable(report)
    if report.verdict == "no_articles":
        return m("report.not_checked_no_articles")
    if not applicable:
        if report.verdict == "not_participation_bylaw":
            return m("report.not_checked_not_participation")
        return m("report.none_applicable")
    count = {s: sum(1 for _, e in applicable if e.status == s) for s in ("present", "partial", "missing")}
    total = len(applicable)
    noun = m("report.element_one" if total == 1 else "report.element_many")
    parts = [m("report.count_present", present=count["present"], total=total, noun=noun)]
    if count["partial"]:
        parts.append(m("report.count_partial", count=count["partial"]))
    if count["missing"]:
        one = count["missing"] == 1
        parts.append(
            m("report.count_missing_one" if one else "report.count_missing_many", count=count["missing"])
        )
    return ", ".join(parts)


def _basis_lines(report: Report, f: _Frame) -> list[str]:
    m = f.m
    if not report.legal_basis:
        return f.field("basis", m("report.basis_not_found"))
    lines = [m("report.basis") + ":"]
    for basis in report.legal_basis:
        where = m.table("source").get(basis.source, basis.source)
        text = _clean(basis.statute) or f.frameworks.get(basis.framework or "", m("report.unknown_law"))
        text += f" ({where})"
        if basis.framework is None:
            text += ", " + m("report.basis_without_elements")
        if _clean(basis.text):
            text += f": {_quote(basis.text)}"
        lines += _wrap(text, "  - ")
    return lines


def _header(report: Report, f: _Frame) -> list[str]:
    m = f.m
    lines = [f.style.bold(m("report.title")), ""]
    lines += f.field("file", _file_name(report, m))
    lines += f.field("verdict", m.table("verdict").get(report.verdict, report.verdict))
    lines += f.field("frameworks", f.framework_list(report.frameworks) or m("report.no_framework"))
    lines += f.field("judged_under", f.framework_list(report.judged_under) or "-")
    lines += _basis_lines(report, f)
    lines += f.field("as_of", _long_date(report.as_of, m.lang))
    version = _clean(report.pipeline.version)
    if report.pipeline.kind == "builtin":
        pipeline = m("report.pipeline_builtin", version=version)
    else:
        pipeline = m("report.pipeline_model", name=_clean(report.pipeline.name), version=version)
    lines += f.field("pipeline", pipeline.replace(" ()", "").strip())
    if report.verdict == "not_participation_bylaw":
        lines += ["", *_wrap(m("report.not_participation_note"))]
    elif report.verdict == "no_articles":
        lines += ["", *_wrap(m("report.no_articles_note"))]
    return lines


def _where_lines(result: ElementResult, f: _Frame) -> list[str]:
    """Where the evidence stands: the citation (artikel, lid) and, for a plain text, its line."""
    pad = "  "
    if not result.citations:
        return [pad + f.m("report.found_nowhere")] if result.status in ("partial", "missing") else []
    lines = [pad + f.m("report.found_at")]
    for citation in result.citations:
        text = _clean(citation.citation)
        if f.lines_shown:
            text += f" ({f.m('report.line', line=citation.line)})"
        if _clean(citation.text):
            text += f": {_quote(citation.text)}"
        lines += _wrap(text, pad + "  - ")
    return lines


def _why_lines(key: str, result: ElementResult, f: _Frame) -> list[str]:
    """The judgement and why it falls short: the rule's message for the status, then the
    meaning of each reason, one per line, in the report's language (the codes stay in JSON).
    A result its rule does not explain (a report made by other rules) shows its own message,
    and in another language than Dutch its reason codes."""
    pad = "  "
    rule = f.rules.get(key)
    own = rule is not None and _clean(result.message).startswith(
        _clean(rule.messages.get(result.status, "-"))
    )
    if rule is None or not own or any(r not in rule.reasons for r in result.reasons):
        lines = _wrap(_clean(result.message), pad) if _clean(result.message) else []
        if result.reasons and f.m.lang != "nl":
            lines += _wrap(", ".join(_clean(r) for r in result.reasons), pad + f.m("report.reason_codes"))
        return lines
    texts = rule.texts(f.m.lang)
    lines = _wrap(_clean(texts.messages[result.status]), pad)
    if result.reasons:
        lines.append(pad + f.m("report.reasons"))
    for code in result.reasons:
        lines += _wrap(_clean(texts.reasons[code]), pad + "  - ")
    return lines


def _element_block(key: str, result: ElementResult, findings: list[Finding], f: _Frame) -> list[str]:
    m, style = f.m, f.style
    word = m.table("status_word").get(result.status, result.status.upper())
    padding = " " * (_widths(m)[0] - len(word) + 2)
    heading = style.status(word, result.status) + padding + style.bold(f.elements.get(key, key))
    if len(findings) == 1 and _marks(findings[0], m):
        heading += f"  ({', '.join(_marks(findings[0], m))})"
    lines = [heading]
    pad = "  "
    if _clean(result.statute):
        lines += _wrap(_clean(result.statute), pad + m("report.statute"))
    elif result.frameworks:
        lines += _wrap(f.framework_list(result.frameworks), pad + m("report.statute"))
    if len(findings) > 1:
        lines.append(pad + m("report.per_framework"))
        for finding in findings:
            text = f"{f.frameworks.get(finding.framework, finding.framework)}: "
            text += m.table("status").get(finding.status, finding.status)
            if _clean(finding.statute) and not _clean(result.statute):
                text += f", {_clean(finding.statute)}"
            if _marks(finding, m):
                text += f" ({', '.join(_marks(finding, m))})"
            lines += _wrap(text, pad + "  - ")
    lines += _where_lines(result, f)
    if result.values:
        lines += _wrap(f.value_text(result.values), pad + m("report.in_text"))
    lines += _why_lines(key, result, f)
    if result.status in ("partial", "missing") and _clean(result.suggestion):
        first = pad + m("report.suggestion")
        for n, paragraph in enumerate(p for p in result.suggestion.splitlines() if _clean(p)):
            lines += _wrap(_clean(paragraph), first if n == 0 else " " * len(first))
    return lines


def _mark_lines(report: Report, m: Messages) -> list[str]:
    if not any(_marks(f, m) for f in report.findings):
        return []
    lines = ["", m("report.marks")]
    for severity, shown in (
        ("warning", any(f.severity == "warning" for f in report.findings)),
        ("interpretation", any(f.interpretation for f in report.findings)),
        ("info", any(f.severity == "info" for f in report.findings)),
    ):
        if shown:
            lines += _wrap(m(f"report.mark_{severity}_text"), f"  - {m(f'severity.{severity}')}: ", 4)
    return lines


def _diagnostic_lines(report: Report, f: _Frame) -> list[str]:
    if not report.diagnostics:
        return []
    lines = ["", f.style.bold(f.m("report.diagnostics"))]
    for diag in report.diagnostics:
        severity = f.m.table("severity").get(diag.severity, diag.severity)
        where = f"{f.m('report.line', line=diag.line)} " if f.lines_shown else ""
        lines += _wrap(_clean(diag.message_in(f.m.lang)), f"  - {where}[{severity} {_clean(diag.code)}]: ", 4)
    return lines


def report_text(report: Report, *, color: bool = False, lang: str = "nl") -> str:
    """The report of one check as readable text for a policy officer, in Dutch (``lang="en"``:
    in English, but for the example wording, which is text for the bylaw itself).

    With ``color`` the status words and headings carry ANSI colours (green present,
    yellow partial, red missing, bold headings); without it the text has no escape
    codes at all. Lines are wrapped at about :data:`WIDTH` characters.
    """
    f = _Frame.of(report, lang, color)
    m = f.m
    lines = _header(report, f)
    applicable = _applicable(report)
    if applicable:
        lines += ["", f.style.bold(m("report.elements"))]
        for key, result in applicable:
            findings = [finding for finding in report.findings if finding.element == key]
            lines += ["", *_element_block(key, result, findings, f)]
    not_applicable = [
        f.elements.get(key, key)
        for key in ELEMENTS
        if key in report.elements and report.elements[key].status == "not_applicable"
    ]
    if not_applicable and report.verdict == "participation_bylaw":
        lines += ["", *_wrap(", ".join(not_applicable) + ".", m("report.not_applicable"))]
    lines += _mark_lines(report, m)
    lines += _diagnostic_lines(report, f)
    if applicable and m("report.rule_language_note"):
        lines += ["", *_wrap(m("report.rule_language_note"))]
    lines += ["", f.style.bold(_count_line(report, m))]
    return visible("\n".join(line.rstrip() for line in lines) + "\n", keep=_OWN_CODES if color else ())


def report_summary_line(report: Report, *, color: bool = False, lang: str = "nl") -> str:
    """One line per file for runs over several files: file, verdict, status per element."""
    f = _Frame.of(report, lang, color)
    m = f.m
    line = f"{_file_name(report, m)}: {m.table('verdict').get(report.verdict, _clean(report.verdict))}"
    statuses = m.table("status")
    parts = [
        f"{f.short.get(key, key)} {f.style.status(statuses.get(e.status, _clean(e.status)), e.status)}"
        for key, e in _applicable(report)
    ]
    if parts:
        line += "; " + ", ".join(parts)
    return visible(line, one_line=True, keep=_OWN_CODES if color else ())

"""Stage 6, for people who print or mail a report: one bylaw's check as a single HTML page.

The page is self-contained (inline style, no script, no link to anything outside itself) so it
can be mailed to a client council and opened offline. It has three parts: a summary (title,
legal basis, frameworks, a badge per element linking to its evidence), the elements in detail
(for partial and missing ones the statute, why the evidence falls short and example wording),
and the whole bylaw in its structure, every node a ``<section id="NODE-ID">`` and every cited
provision marked with the elements it is evidence for (``data-element``, ``data-status``).

Everything that comes from the input (text, title, file name) passes through :func:`_t`:
control and bidi characters made visible, then HTML-escaped; attribute values are escaped
with quotes. The page is in the language asked for (Dutch by default): its fixed words come
from ``messages.yaml`` (section ``html``), the messages and meanings of reason codes from the
rules that judged the report (their translation, when they have one); the example wording stays
Dutch, as it would stand in the bylaw.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from attrs import define

from .diagnostics import format_date
from .escape import visible
from .findings import ELEMENTS, Citation, ElementResult, Report
from .messages import Messages, messages
from .model import Document, Node
from .output_html_style import CSS
from .rules import default_rules
from .rules.ruleset import Rule

__all__ = ["STATUS_LABEL", "report_html", "write_report_html"]

# the Dutch tables, for callers that want a word without a page (the words live in messages.yaml)
STATUS_LABEL = messages("nl").table("status")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n(?:[ \t\r\f\v]*\n)*")  # a layout's empty lines: one break
_HEADED = {"chapter", "afdeling", "paragraaf", "article", "annex", "toelichting"}


def _t(text: str) -> str:
    """Text from the input, safe in HTML content and in quoted attributes."""
    safe = visible(text).encode("utf-8", "replace").decode("utf-8")
    return html.escape(safe, quote=True)


def _date(value: str, lang: str) -> str:
    try:
        return format_date(date.fromisoformat(value), lang)
    except ValueError:
        return value


@define(frozen=True)
class _Context:
    """What every part of the page needs: its words, the rules and who cites which node."""

    m: Messages
    rules: dict[str, Rule]
    frameworks: dict[str, str]
    marks: dict[str, list[tuple[str, str, str]]]  # node id -> (element, status, anchor id)
    anchors: dict[tuple[str, str], str]  # (element, node id) -> anchor id

    @classmethod
    def of(cls, report: Report, lang: str) -> _Context:
        ruleset = report.ruleset if report.ruleset is not None else default_rules()
        marks: dict[str, list[tuple[str, str, str]]] = {}
        anchors: dict[tuple[str, str], str] = {}
        for key, result in _elements(report):
            for n, citation in enumerate(_unique(result.citations), 1):
                anchor = f"ev-{key}-{n}"
                anchors[(key, citation.id)] = anchor
                marks.setdefault(citation.id, []).append((key, str(result.status), anchor))
        return cls(
            messages(lang),
            {rule.element: rule for rule in ruleset.rules},
            {key: f.name for key, f in ruleset.knowledge.laws.frameworks.items()},
            marks,
            anchors,
        )

    def word(self, key: str) -> str:
        return self.m(f"html.{key}")

    def name(self, element: str) -> str:
        rule = self.rules.get(element)
        return self.m.element(element, rule.name if rule is not None else element)

    def short(self, element: str) -> str:
        rule = self.rules.get(element)
        return self.m.element(element, rule.short_name if rule is not None else element, short=True)

    def status(self, status: str) -> str:
        return self.m.table("status").get(status, status)

    def framework_list(self, keys: tuple[str, ...]) -> str:
        return ", ".join(self.frameworks.get(k, k) for k in keys)


def _elements(report: Report) -> Iterator[tuple[str, ElementResult]]:
    for key in ELEMENTS:
        if key in report.elements:
            yield key, report.elements[key]


def _unique(citations: tuple[Citation, ...]) -> list[Citation]:
    seen: dict[str, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.id, citation)
    return list(seen.values())


def _badge(status: str, ctx: _Context) -> str:
    label = ctx.status(status)
    return f'<span class="badge" data-status="{_t(status)}">{_t(label)}</span>'


def _title(report: Report, ctx: _Context) -> str:
    node = report.document.title
    if node is not None and (node.title or node.text).strip():
        return (node.title or node.text).strip()
    if report.source is not None and report.source.title:
        return report.source.title
    return _file_name(report, ctx)


def _file_name(report: Report, ctx: _Context) -> str:
    name = report.file if report.file is not None else report.document.path
    if name == "-":
        return ctx.word("stdin")
    return name or ctx.word("text")


# -- the summary -------------------------------------------------------------------------------
def _basis(report: Report, ctx: _Context) -> str:
    if not report.legal_basis:
        return _t(ctx.word("no_basis"))
    items = []
    for basis in report.legal_basis:
        text = basis.statute.strip() or ctx.frameworks.get(basis.framework or "", "")
        where = ctx.m.table("source").get(basis.source, basis.source)
        items.append(f"<li>{_t(text)} <span class='muted'>({_t(where)})</span></li>")
    return "<ul>" + "".join(items) + "</ul>"


def _facts(report: Report, ctx: _Context) -> str:
    w = ctx.word
    rows = [
        (w("file"), _t(_file_name(report, ctx))),
        (w("verdict"), _t(ctx.m.table("verdict").get(report.verdict, report.verdict))),
        (w("basis"), _basis(report, ctx)),
        (w("frameworks"), _t(ctx.framework_list(report.frameworks) or w("none"))),
        (w("judged"), _t(ctx.framework_list(report.judged_under) or w("none"))),
        (w("as_of"), _t(_date(report.as_of, ctx.m.lang))),
    ]
    body = "".join(f"<dt>{_t(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="facts">{body}</dl>'


def _where(key: str, result: ElementResult, ctx: _Context) -> str:
    links = [
        f'<a href="#{_t(ctx.anchors[(key, c.id)])}">{_t(c.citation)}</a>' for c in _unique(result.citations)
    ]
    if links:
        return ", ".join(links)
    if result.status in ("partial", "missing"):
        return f'<span class="muted">{_t(ctx.word("nowhere"))}</span>'
    return ""


def _summary_table(report: Report, ctx: _Context) -> str:
    rows = []
    for key, result in _elements(report):
        name = _t(ctx.name(key))
        if result.status != "not_applicable":
            name = f'<a href="#el-{_t(key)}">{name}</a>'
        rows.append(
            f'<tr data-element="{_t(key)}"><td>{name}</td>'
            f'<td class="status" data-element="{_t(key)}" data-status="{_t(result.status)}">'
            f"{_badge(result.status, ctx)}</td><td>{_where(key, result, ctx)}</td></tr>"
        )
    head = "".join(f'<th scope="col">{_t(ctx.word(w))}</th>' for w in ("element", "status", "where"))
    return (
        f'<table class="elements"><caption class="muted">{_t(ctx.word("table"))}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


# -- the elements in detail ------------------------------------------------------------------------
def _why(key: str, result: ElementResult, ctx: _Context) -> str:
    rule = ctx.rules.get(key)
    texts = rule.texts(ctx.m.lang) if rule is not None else None
    meanings = [texts.reasons[r] for r in result.reasons if texts is not None and r in texts.reasons]
    items = "".join(f"<li>{_t(' '.join(m.split()))}</li>" for m in meanings)
    # the report's message ends with the meanings listed below: the rule's own sentence suffices
    said = texts.messages.get(str(result.status), result.message) if texts is not None else result.message
    message = f"<p>{_t(' '.join(said.split()))}</p>" if said.strip() else ""
    if not (items or message):
        return ""
    reasons = f'<ul class="why">{items}</ul>' if items else ""
    return f"<h4>{_t(ctx.word('why'))}</h4>{message}{reasons}"


def _suggestion(result: ElementResult, ctx: _Context) -> str:
    paragraphs = [p.strip() for p in result.suggestion.splitlines() if p.strip()]
    if result.status not in ("partial", "missing") or not paragraphs:
        return ""
    body = "".join(f"<p>{_t(p)}</p>" for p in paragraphs)
    return f'<h4>{_t(ctx.word("example"))}</h4><blockquote class="suggestion">{body}</blockquote>'


def _values(result: ElementResult, ctx: _Context) -> str:
    rule = ctx.rules.get(str(result.key))
    labels = rule.texts(ctx.m.lang).values if rule is not None else {}
    shown = [
        labels.get(name, name + ": {value}").format(value=f"{v:g}".replace(".", ","))
        for name, v in result.values.items()
    ]
    return f"<p><strong>{_t(ctx.word('values'))}:</strong> {_t('; '.join(shown))}</p>" if shown else ""


def _element_detail(key: str, result: ElementResult, ctx: _Context) -> str:
    statute = result.statute.strip() or ctx.framework_list(result.frameworks)
    parts = [
        f'<section class="element" id="el-{_t(key)}" data-element="{_t(key)}" '
        f'data-status="{_t(result.status)}">',
        f"<h3><span>{_t(ctx.name(key))}</span> {_badge(result.status, ctx)}</h3>",
        f"<p><strong>{_t(ctx.word('statute'))}:</strong> {_t(statute)}</p>" if statute else "",
    ]
    where = _where(key, result, ctx)
    if where:
        parts.append(f"<p><strong>{_t(ctx.word('where'))}:</strong> {where}</p>")
    parts.append(_values(result, ctx))
    if result.status in ("partial", "missing"):
        parts += [_why(key, result, ctx), _suggestion(result, ctx)]
    parts.append(f'<p class="back"><a href="#samenvatting">{_t(ctx.word("top"))}</a></p></section>')
    return "".join(parts)


# -- the bylaw -------------------------------------------------------------------------------------
def _pieces(node: Node, source: str) -> Iterator[str | Node]:
    """The node's own text (what no child covers) and its children, in order."""
    at = node.start
    for child in node.children:
        if child.start > at:
            yield source[at : child.start]
        yield child
        at = max(at, child.end)
    if node.end > at:
        yield source[at : node.end]


def _marks(node: Node, ctx: _Context) -> str:
    marks = ctx.marks.get(node.id, [])
    if not marks:
        return ""
    links = "".join(
        f'<a class="mark" id="{_t(anchor)}" href="#el-{_t(key)}" data-element="{_t(key)}" '
        f'data-status="{_t(status)}" data-node="{_t(node.id)}" title="{_t(ctx.word("to_element"))}">'
        f"{_t(ctx.short(key))}: {_t(ctx.status(status))}</a>"
        for key, status, anchor in marks
    )
    return f'<div class="marks">{links}</div>'


def _node(node: Node, source: str, ctx: _Context) -> str:
    cited = node.id in ctx.marks
    classes = f"node kind-{_t(node.kind)}" + (" cited" if cited else "")
    elements = " ".join(key for key, _, _ in ctx.marks.get(node.id, []))
    data = f' data-elements="{_t(elements)}"' if elements else ""
    opening = f'<section id="{_t(node.id)}" class="{classes}" data-kind="{_t(node.kind)}"{data}>'
    out = [opening, _marks(node, ctx)]
    first = True
    for piece in _pieces(node, source):
        if isinstance(piece, Node):
            out.append(_node(piece, source, ctx))
            first = False
            continue
        text = piece.strip()
        if not text:
            continue
        if first and node.kind in _HEADED | {"title"}:
            heading, _, text = text.partition("\n")
            out.append(f'<p class="heading">{_t(heading.strip())}</p>')
            text = text.strip()
        first = False
        if text:
            out.append(f'<p class="text">{_t(_BLANK_LINES.sub(chr(10), text))}</p>')
    out.append("</section>")
    return "".join(out)


def _bylaw(document: Document, ctx: _Context) -> str:
    return "".join(_node(child, document.source, ctx) for child in document.children)


# -- the page --------------------------------------------------------------------------------------
def _notes(report: Report, ctx: _Context) -> str:
    items = [
        f"<li>{_t(' '.join(d.message_in(ctx.m.lang).split()))}</li>"
        for d in report.diagnostics
        if d.severity != "info"
    ]
    return f"<h3>{_t(ctx.word('notes'))}</h3><ul>{''.join(items)}</ul>" if items else ""


def report_html(report: Report, lang: str = "nl") -> str:
    """The report of one check as a self-contained HTML page in ``lang`` (see the module's docstring)."""
    ctx = _Context.of(report, lang)
    title = _title(report, ctx)
    applicable = [(k, r) for k, r in _elements(report) if r.status != "not_applicable"]
    details = "".join(_element_detail(k, r, ctx) for k, r in applicable) or f"<p>{_t(ctx.word('na_all'))}</p>"
    return (
        f'<!DOCTYPE html>\n<html lang="{_t(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(ctx.word('page'))}: {_t(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#elementen">{_t(ctx.word("skip"))}</a>\n<main>\n'
        f'<header><p class="muted">{_t(ctx.word("page"))}</p><h1>{_t(title)}</h1></header>\n'
        f'<section id="samenvatting" aria-labelledby="h-samenvatting">'
        f'<h2 id="h-samenvatting">{_t(ctx.word("summary"))}</h2>{_facts(report, ctx)}'
        f"{_summary_table(report, ctx)}{_notes(report, ctx)}</section>\n"
        f'<section id="elementen" aria-labelledby="h-elementen">'
        f'<h2 id="h-elementen">{_t(ctx.word("details"))}</h2>{details}</section>\n'
        f'<section id="verordening" class="bylaw" aria-labelledby="h-verordening">'
        f'<h2 id="h-verordening">{_t(ctx.word("bylaw"))}</h2>{_bylaw(report.document, ctx)}</section>\n'
        "</main>\n</body>\n</html>\n"
    )


def write_report_html(report: Report, output: str | None, lang: str = "nl") -> str | None:
    """Writes the page to ``output`` (UTF-8); returns it instead when no file is named."""
    page = report_html(report, lang)
    if output is None:
        return page
    Path(output).write_text(page, encoding="utf-8")
    return None

"""The scan report as one self-contained HTML page: no script, no external file, the charts as
inline SVG, so it opens offline, prints, and can be mailed as it is.

Every number comes from the long table of :func:`~verordening.bulk.report.aggregates` and
its cell says where it belongs (``data-table``, ``data-by``, ``data-group``, ``data-element``,
``data-reason``, ``data-measure``, ``data-value``), so a program can read the page back and
find exactly the CSV. Every value that comes from the scan table (file names, titles,
organisations, error messages) is untrusted: it is escaped for HTML, and its control and bidi
characters are written as escapes.

The page's words are in the language of the labels (``scan_report`` in ``messages.yaml``, the
element names of the rules or of ``element``, the statuses of ``status``); the ``data-``
attributes keep the codes and numbers of the CSV, the same in every language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

import pandas

from .. import __version__
from ..escape import visible
from ..messages import Messages, messages
from .charts import STATUS_STYLE, Chart
from .report import BREAKDOWNS, COUNTED_VERDICT, SHARE_MEASURES, UNKNOWN, Labels

__all__ = ["report_html"]

MAX_ERRORS = 50

CSS = """
body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
thead th { background: #eee; }
figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
.note { color: #333; font-size: 0.9rem; }
.key { display: inline-block; width: 0.9em; height: 0.9em; vertical-align: middle; border: 1px solid #333; }
code { word-break: break-all; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure, tr { break-inside: avoid; } h2 { break-after: avoid; }
}
"""


def _text(value: object) -> str:
    """An untrusted value as HTML text: escaped, its control and bidi characters visible."""
    return escape(visible(str(value), one_line=True), quote=True)


def _said(m: Messages, key: str, **html: str) -> str:
    """A message as HTML: its words escaped, its placeholders filled with ready HTML."""
    text = escape(m(key, **{name: f"\x00{name}\x00" for name in html}))
    for name, value in html.items():
        text = text.replace(f"\x00{name}\x00", value)
    return text


def _heading(m: Messages, measure: str) -> str:
    """A column of numbers: a status by the word of ``status``, any other measure by its own."""
    return escape(m.table("status").get(measure) or m(f"scan_report.{measure}"))


def _shown(measure: str, value: str, mark: str = ".") -> str:
    """A number as the page shows it: a share as a percentage with the language's decimal mark
    ("50,0%" in Dutch), a count as a whole number (``data-value`` keeps the number itself)."""
    number = float(value)
    return f"{number:.1%}".replace(".", mark) if measure.startswith("share_") else str(int(number))


class _Cells:
    """The numbers of the long table, found by where they belong."""

    def __init__(self, long: pandas.DataFrame, mark: str = ".") -> None:
        self.mark = mark  # the decimal mark of the page's language
        self.rows = long.to_dict("records")
        self.index = {
            tuple(r[k] for k in ("table", "by", "group", "element", "reason", "measure")): r
            for r in self.rows
        }

    def keys(self, table: str, by: str = "") -> list[tuple[str, str, str, str]]:
        """(group, element, reason, text) of a table, in the long table's order."""
        seen: dict[tuple[str, str, str, str], None] = {}
        for r in self.rows:
            if r["table"] == table and r["by"] == by:
                seen.setdefault((r["group"], r["element"], r["reason"], r["text"]), None)
        return list(seen)

    def td(self, table: str, by: str, group: str, element: str, reason: str, measure: str) -> str:
        row = self.index.get((table, by, group, element, reason, measure))
        if row is None:
            return '<td class="n">–</td>'
        attributes = " ".join(
            f'data-{k}="{_text(row[k])}"'
            for k in ("table", "by", "group", "element", "reason", "measure", "value")
        )
        return f'<td class="n" {attributes}>{_shown(measure, row["value"], self.mark)}</td>'


def _table(head: Sequence[str], body: Iterable[str], caption: str = "") -> str:
    cap = f"<caption>{caption}</caption>" if caption else ""
    heads = "".join(f'<th scope="col">{h}</th>' for h in head)
    rows = "\n".join(f"<tr>{row}</tr>" for row in body)
    return f"<table>{cap}<thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>"


def _element(labels: Labels, element: str) -> str:
    name = labels.elements.get(element)
    own = f"{_text(name)} " if name else ""
    return f'<th scope="row">{own}<code>{_text(element)}</code></th>'


def _group(labels: Labels, by: str, group: str) -> str:
    if by == "framework" and group in labels.frameworks:  # a law's own Dutch name
        dutch = ' lang="nl"' if labels.lang != "nl" else ""
        name = f"<span{dutch}>{_text(labels.frameworks[group])}</span>"
        return f'<th scope="row">{name} <code>{_text(group)}</code></th>'
    if group == UNKNOWN:
        return f'<th scope="row">{escape(messages(labels.lang)("scan_report.unknown"))}</th>'
    return f'<th scope="row">{_text(group)}</th>'


def _shares(cells: _Cells, labels: Labels, by: str) -> str:
    m = messages(labels.lang)
    head = [m(f"scan_report.{name}") for name in ([by] if by else []) + ["element"]]
    head += [_heading(m, measure) for measure in SHARE_MEASURES]
    body = []
    for group, element, _, _ in cells.keys("elements", by):
        first = _group(labels, by, group) if by else ""
        numbers = "".join(cells.td("elements", by, group, element, "", m) for m in SHARE_MEASURES)
        body.append(first + _element(labels, element) + numbers)
    if not body:
        return f'<p class="note">{escape(m("scan_report.no_bylaw"))}</p>'
    return _table(head, body)


def _verdict(m: Messages, verdict: str) -> str:
    """A verdict by its name in the page's language, and its code as the table holds it."""
    name = m.table("verdict").get(verdict) or (m("scan_report.verdict_error") if verdict == "error" else "")
    own = f"{escape(name)} " if name else ""
    return f'<th scope="row">{own}<code>{_text(verdict)}</code></th>'


def _summary(cells: _Cells, labels: Labels) -> str:
    m = messages(labels.lang)
    words = {
        "documents": m("scan_report.documents"),
        "participation_bylaws": m("scan_report.participation_bylaws"),
        "errors": m("scan_report.errors_count"),
        "rows": m("scan_report.rows"),
    }
    body = [
        f'<th scope="row">{escape(word)}</th>' + cells.td("summary", "", "", "", "", measure)
        for measure, word in words.items()
    ]
    verdicts = [
        _verdict(m, group) + cells.td("verdicts", "", group, "", "", "documents")
        for group, _, _, _ in cells.keys("verdicts")
    ]
    return _table(["", m("scan_report.number")], body) + _table(
        [m("scan_report.verdict"), m("scan_report.documents")], verdicts, m("scan_report.by_verdict")
    )


def _gaps_and_reasons(cells: _Cells, labels: Labels) -> str:
    measures = ("gaps", "missing", "partial", "applicable", "share_gaps")
    gaps = [
        _element(labels, element) + "".join(cells.td("gaps", "", "", element, "", m) for m in measures)
        for _, element, _, _ in cells.keys("gaps")
    ]
    reasons = [
        _element(labels, element)
        + f"<td><code>{_text(reason)}</code></td><td>{_text(meaning)}</td>"
        + cells.td("reasons", "", "", element, reason, "documents")
        for _, element, reason, meaning in cells.keys("reasons")
    ]
    m = messages(labels.lang)
    none = f'<p class="note">{escape(m("scan_report.none"))}</p>'
    html = f'<h2 id="gaps">{escape(m("scan_report.common_gaps"))}</h2>\n'
    html += _table([m("scan_report.element"), *(_heading(m, n) for n in measures)], gaps) if gaps else none
    html += f'\n<h2 id="reasons">{escape(m("scan_report.common_reasons"))}</h2>\n'
    if reasons:
        head = ("element", "reason_code", "meaning", "documents")
        html += _table([m(f"scan_report.{h}") for h in head], reasons)
    else:
        html += none
    return html


def _documents(cells: _Cells, m: Messages) -> str:
    body = [
        f"<td><code>{_text(file)}</code></td><td>{_text(title)}</td>"
        + cells.td("documents", "", file, "", "", "gaps")
        for file, _, _, title in cells.keys("documents")
    ]
    if not body:
        return f'<p class="note">{escape(m("scan_report.none"))}</p>'
    head = ("file", "title", "gap_count")
    return _table([m(f"scan_report.{h}") for h in head], body)


def _errors(frame: pandas.DataFrame, m: Messages) -> str:
    """The files that could not be read or checked, with their error as the table stores it
    (in English: the table is data, the same whatever language the scan ran in)."""
    errors = frame[frame["verdict"] == "error"].drop_duplicates(["file", "sha256"])
    if errors.empty:
        return f'<p class="note">{escape(m("scan_report.none"))}</p>'
    body = [
        f'<td><code>{_text(file)}</code></td><td lang="en">{_text(message)}</td>'
        for file, message in zip(errors["file"][:MAX_ERRORS], errors["error"][:MAX_ERRORS], strict=True)
    ]
    more = len(errors) - MAX_ERRORS
    note = f'<p class="note">{escape(m("scan_report.more_errors", more=more))}</p>' if more > 0 else ""
    return _table([m("scan_report.file"), m("scan_report.error")], body) + note


def _figure(chart: Chart) -> str:
    return f"<figure>\n{chart.svg}\n<figcaption>{escape(chart.title)}</figcaption>\n</figure>"


def _legend(m: Messages) -> str:
    said = m.table("status")
    keys = " ".join(
        f'<span class="key" style="background:{style["color"]}"></span> {escape(said[status])}'
        for status, style in STATUS_STYLE.items()
    )
    return f'<p class="note">{_said(m, "scan_report.colours", keys=keys)}</p>'


def _head(m: Messages, frame: pandas.DataFrame, source: str) -> list[str]:
    """The page up to its first section: the language, the title, what table and rules."""
    versions = ", ".join(sorted({v for v in frame["rules_version"] if v})) or "-"
    about = _said(
        m,
        "scan_report.about",
        source=f"<code>{_text(source)}</code>",
        versions=_text(versions),
        version=escape(__version__),
    )
    return [
        "<!DOCTYPE html>",
        f'<html lang="{m.lang}">',
        '<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(m('scan_report.page_title', source=source))}</title>\n<style>{CSS}</style>\n</head>",
        f"<body>\n<h1>{escape(m('scan_report.heading'))}</h1>",
        f'<p class="note">{about}</p>',
    ]


def report_html(
    frame: pandas.DataFrame, long: pandas.DataFrame, charts: Sequence[Chart], labels: Labels, source: str = ""
) -> str:
    """The HTML page of a scan report: ``frame`` the scan table, ``long`` its aggregates
    (:func:`~verordening.bulk.report.aggregates`), ``charts`` drawn from it; in the language
    of ``labels``."""
    m = messages(labels.lang)
    cells = _Cells(long, m("scan.decimal_mark"))
    figures = {chart.name: _figure(chart) for chart in charts}
    code = f"<code>{escape(COUNTED_VERDICT)}</code>"
    parts = [
        *_head(m, frame, source),
        f'<h2 id="summary">{escape(m("scan_report.summary"))}</h2>',
        f'<p class="note">{_said(m, "scan_report.summary_note", code=code)}</p>',
        _summary(cells, labels),
        f'<h2 id="elements">{escape(m("scan_report.elements"))}</h2>',
        figures.get("elements", ""),
        _legend(m),
        _shares(cells, labels, ""),
        f'<h2 id="trend">{escape(m("scan_report.trend"))}</h2>',
        figures.get("trend", ""),
    ]
    for by in BREAKDOWNS:
        if cells.keys("elements", by):
            note = (
                f' <span class="note">{escape(m("scan_report.two_frameworks"))}</span>'
                if by == "framework"
                else ""
            )
            parts += [
                f'<h2 id="by-{by}">{escape(m(f"scan_report.by_{by}"))}{note}</h2>',
                _shares(cells, labels, by),
            ]
    unknown = escape(m("scan_report.unknown"))
    parts += [
        _gaps_and_reasons(cells, labels),
        f'<h2 id="documents">{escape(m("scan_report.worst"))}</h2>',
        _documents(cells, m),
        f'<h2 id="errors">{escape(m("scan_report.errors"))}</h2>',
        _errors(frame, m),
        f'<p class="note">{_said(m, "scan_report.unknown_note", unknown=unknown)}</p>',
        "</body>\n</html>\n",
    ]
    return "\n".join(parts)

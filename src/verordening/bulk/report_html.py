"""The scan report as one self-contained HTML page: no script, no external file, the charts as
inline SVG, so it opens offline, prints, and can be mailed as it is.

Every number comes from the long table of :func:`~verordening.bulk.report.aggregates` and
its cell says where it belongs (``data-table``, ``data-by``, ``data-group``, ``data-element``,
``data-reason``, ``data-measure``, ``data-value``), so a program can read the page back and
find exactly the CSV. Every value that comes from the scan table (file names, titles,
organisations, error messages) is untrusted: it is escaped for HTML, and its control and bidi
characters are written as escapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

import pandas

from .. import __version__
from ..escape import visible
from .charts import STATUS_STYLE, Chart
from .report import BREAKDOWNS, SHARE_MEASURES, UNKNOWN, Labels

__all__ = ["report_html"]

HEADINGS = {
    "documents": "documents",
    "present": "present",
    "partial": "partial",
    "missing": "missing",
    "not_applicable": "not applicable",
    "applicable": "applicable",
    "share_present": "% present",
    "share_partial": "% partial",
    "share_missing": "% missing",
    "gaps": "missing or partial",
    "share_gaps": "% missing or partial",
}
BY_HEADINGS = {"year": "By year", "framework": "By framework", "organisation": "By organisation"}
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


def _shown(measure: str, value: str) -> str:
    number = float(value)
    return f"{number:.1%}" if measure.startswith("share_") else str(int(number))


class _Cells:
    """The numbers of the long table, found by where they belong."""

    def __init__(self, long: pandas.DataFrame) -> None:
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
        return f'<td class="n" {attributes}>{_shown(measure, row["value"])}</td>'


def _table(head: Sequence[str], body: Iterable[str], caption: str = "") -> str:
    cap = f"<caption>{caption}</caption>" if caption else ""
    heads = "".join(f'<th scope="col">{h}</th>' for h in head)
    rows = "\n".join(f"<tr>{row}</tr>" for row in body)
    return f"<table>{cap}<thead><tr>{heads}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>"


def _element(labels: Labels, element: str) -> str:
    name = labels.elements.get(element)
    own = f'<span lang="nl">{_text(name)}</span> ' if name else ""
    return f'<th scope="row">{own}<code>{_text(element)}</code></th>'


def _group(labels: Labels, by: str, group: str) -> str:
    if by == "framework" and group in labels.frameworks:
        name = f'<span lang="nl">{_text(labels.frameworks[group])}</span>'
        return f'<th scope="row">{name} <code>{_text(group)}</code></th>'
    return f'<th scope="row">{_text(group)}</th>'


def _shares(cells: _Cells, labels: Labels, by: str) -> str:
    head = ([by] if by else []) + ["element"] + [HEADINGS[m] for m in SHARE_MEASURES]
    body = []
    for group, element, _, _ in cells.keys("elements", by):
        first = _group(labels, by, group) if by else ""
        numbers = "".join(cells.td("elements", by, group, element, "", m) for m in SHARE_MEASURES)
        body.append(first + _element(labels, element) + numbers)
    if not body:
        return '<p class="note">No participation bylaw in the table.</p>'
    return _table(head, body)


def _summary(cells: _Cells, labels: Labels) -> str:
    words = {
        "documents": "documents",
        "participation_bylaws": "participation bylaws (counted for the shares)",
        "errors": "errors (files that could not be read or checked)",
        "rows": "rows in the table",
    }
    body = [
        f'<th scope="row">{words.get(m, _text(m))}</th>' + cells.td("summary", "", "", "", "", m)
        for m in words
    ]
    verdicts = [
        f'<th scope="row"><code>{_text(group)}</code></th>'
        + cells.td("verdicts", "", group, "", "", "documents")
        for group, _, _, _ in cells.keys("verdicts")
    ]
    return _table(["", "number"], body) + _table(["verdict", "documents"], verdicts, "Documents by verdict")


def _gaps_and_reasons(cells: _Cells, labels: Labels) -> str:
    measures = ("gaps", "missing", "partial", "applicable", "share_gaps")
    gaps = [
        _element(labels, element) + "".join(cells.td("gaps", "", "", element, "", m) for m in measures)
        for _, element, _, _ in cells.keys("gaps")
    ]
    reasons = [
        _element(labels, element)
        + f'<td><code>{_text(reason)}</code></td><td lang="nl">{_text(meaning)}</td>'
        + cells.td("reasons", "", "", element, reason, "documents")
        for _, element, reason, meaning in cells.keys("reasons")
    ]
    html = '<h2 id="gaps">Most common gaps</h2>\n'
    html += (
        _table(["element", *(HEADINGS[m] for m in measures)], gaps) if gaps else '<p class="note">None.</p>'
    )
    html += '\n<h2 id="reasons">Most common reasons</h2>\n'
    if reasons:
        html += _table(["element", "reason code", "meaning (from the rules)", "documents"], reasons)
    else:
        html += '<p class="note">None.</p>'
    return html


def _documents(cells: _Cells) -> str:
    body = [
        f"<td><code>{_text(file)}</code></td><td>{_text(title)}</td>"
        + cells.td("documents", "", file, "", "", "gaps")
        for file, _, _, title in cells.keys("documents")
    ]
    if not body:
        return '<p class="note">None.</p>'
    return _table(["file", "title", "elements missing or partial"], body)


def _errors(frame: pandas.DataFrame) -> str:
    errors = frame[frame["verdict"] == "error"].drop_duplicates(["file", "sha256"])
    if errors.empty:
        return '<p class="note">None.</p>'
    body = [
        f"<td><code>{_text(file)}</code></td><td>{_text(message)}</td>"
        for file, message in zip(errors["file"][:MAX_ERRORS], errors["error"][:MAX_ERRORS], strict=True)
    ]
    more = len(errors) - MAX_ERRORS
    note = f'<p class="note">and {more} more (see the table).</p>' if more > 0 else ""
    return _table(["file", "error"], body) + note


def _figure(chart: Chart) -> str:
    return f"<figure>\n{chart.svg}\n<figcaption>{escape(chart.title)}</figcaption>\n</figure>"


def _legend() -> str:
    keys = " ".join(
        f'<span class="key" style="background:{style["color"]}"></span> {escape(status)}'
        for status, style in STATUS_STYLE.items()
    )
    return f'<p class="note">Colours: {keys}.</p>'


def report_html(
    frame: pandas.DataFrame, long: pandas.DataFrame, charts: Sequence[Chart], labels: Labels, source: str = ""
) -> str:
    """The HTML page of a scan report: ``frame`` the scan table, ``long`` its aggregates
    (:func:`~verordening.bulk.report.aggregates`), ``charts`` drawn from it."""
    cells = _Cells(long)
    figures = {chart.name: _figure(chart) for chart in charts}
    versions = ", ".join(sorted({v for v in frame["rules_version"] if v})) or "-"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        '<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Scan report: {_text(source)}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        "<h1>Client participation in municipal bylaws: scan report</h1>",
        f'<p class="note">Table <code>{_text(source)}</code>; rules version {_text(versions)}; '
        f"report by verordening {escape(__version__)}.</p>",
        '<h2 id="summary">Summary</h2>',
        '<p class="note">Only documents judged <code>participation_bylaw</code> count for the element '
        "shares. The shares present, partial and missing are of the bylaws the element applies to "
        "(by the frameworks they rest on); other verdicts and errors are counted here.</p>",
        _summary(cells, labels),
        '<h2 id="elements">Elements</h2>',
        figures.get("elements", ""),
        _legend(),
        _shares(cells, labels, ""),
        '<h2 id="trend">Trend</h2>',
        figures.get("trend", ""),
    ]
    for by in BREAKDOWNS:
        if cells.keys("elements", by):
            note = (
                ' <span class="note">(a bylaw on two frameworks counts under each)</span>'
                if by == "framework"
                else ""
            )
            parts += [f'<h2 id="by-{by}">{BY_HEADINGS[by]}{note}</h2>', _shares(cells, labels, by)]
    parts += [
        _gaps_and_reasons(cells, labels),
        '<h2 id="documents">Documents with the most gaps</h2>',
        _documents(cells),
        '<h2 id="errors">Errors</h2>',
        _errors(frame),
        f'<p class="note">Groups marked {escape(UNKNOWN)} have no value in the table.</p>',
        "</body>\n</html>\n",
    ]
    return "\n".join(parts)

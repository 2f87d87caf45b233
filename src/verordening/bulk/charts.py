"""The charts of a scan report, drawn with matplotlib without a display (the Agg canvas; no
pyplot, so no global state and no window), as SVG for the HTML page and PNG for slides.

Colours are the Okabe-Ito palette, which stays distinguishable with the common forms of
colour blindness; the status bars carry hatching and their percentages as text as well, so a
grey print still tells them apart. Every SVG is written the same way for the same table (no
date in its metadata, ids salted with the chart's name), and its ids carry the chart's name so
that two charts inline in one page never share an id.
"""

from __future__ import annotations

import io
import re
from html import escape
from pathlib import Path
from typing import Any

import pandas
from attrs import define
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..messages import messages
from .report import APPLICABLE, UNKNOWN, Labels, element_shares

__all__ = ["Chart", "charts", "render_charts"]

# Okabe & Ito (2008), "Color Universal Design"
STATUS_STYLE = {
    "present": {"color": "#009E73", "hatch": "", "text": "white"},
    "partial": {"color": "#E69F00", "hatch": "//", "text": "black"},
    "missing": {"color": "#D55E00", "hatch": "xx", "text": "white"},
}
LINE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINE_STYLES = ("-", "--", "-.", ":")
_RC: dict[Any, Any] = {
    "svg.fonttype": "none",  # text stays text: smaller, searchable, read by screen readers
    "font.size": 10,
    "hatch.color": "#333333",
    "hatch.linewidth": 0.6,
}


@define(frozen=True)
class Chart:
    """One chart, drawn: its file name (without suffix), its title, the SVG and the PNG."""

    name: str
    title: str
    svg: str
    png: bytes


def _plain(text: str) -> str:
    """Text matplotlib shows as it is: a ``$`` would start mathtext."""
    return text.replace("$", r"\$")


def _label(labels: Labels, element: str) -> str:
    return _plain(labels.short.get(element) or element.replace("_", " "))


def _stacked(axes: Axes, shares: pandas.DataFrame, labels: Labels) -> None:
    m = messages(labels.lang)
    said = m.table("status")
    names = [_label(labels, e) for e in shares["element"]]
    left = [0.0] * len(shares)
    for status in APPLICABLE:
        style = STATUS_STYLE[status]
        widths = [0.0 if pandas.isna(v) else float(v) for v in shares[f"share_{status}"]]
        bars = axes.barh(
            names,
            widths,
            left=left,
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="white",
            label=_plain(said[status]),
        )
        for bar, width in zip(bars, widths, strict=True):
            if width >= 0.08:
                axes.text(
                    bar.get_x() + width / 2,
                    bar.get_y() + bar.get_height() / 2,
                    f"{width:.0%}",
                    ha="center",
                    va="center",
                    color=style["text"],
                    fontweight="bold",
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": style["color"], "edgecolor": "none"},
                )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_xlim(0, 1)
    axes.invert_yaxis()
    axes.xaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    axes.set_xlabel(_plain(m("scan_report.axis_share")))
    axes.legend(ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    for y, applicable in enumerate(shares["applicable"]):
        axes.annotate(
            f"n={int(applicable)}", (1.0, y), xytext=(4, 0), textcoords="offset points", va="center"
        )


def _trend(axes: Axes, shares: pandas.DataFrame, labels: Labels) -> None:
    m = messages(labels.lang)
    years = shares[shares["group"] != UNKNOWN].copy()
    years["year"] = years["group"].astype(int)
    for n, (element, rows) in enumerate(years.groupby("element", sort=False)):
        rows = rows.dropna(subset=["share_present"]).sort_values("year")
        axes.plot(
            rows["year"],
            rows["share_present"],
            label=_label(labels, str(element)),
            color=LINE_COLOURS[n % len(LINE_COLOURS)],
            marker=MARKERS[n % len(MARKERS)],
            linestyle=LINE_STYLES[n % len(LINE_STYLES)],
            linewidth=1.8,
        )
    if years.empty:
        axes.text(
            0.5,
            0.5,
            _plain(m("scan_report.no_year")),
            ha="center",
            va="center",
            transform=axes.transAxes,
        )
    else:
        axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(-0.02, 1.02)
    axes.yaxis.set_major_formatter(lambda value, _: f"{value:.0%}")
    axes.set_xlabel(_plain(m("scan_report.axis_year")))
    axes.set_ylabel(_plain(m("scan_report.axis_present")))
    axes.grid(axis="y", color="#dddddd")


def _drawn(name: str, title: str, figure: Figure) -> Chart:
    FigureCanvasAgg(figure)
    svg, png = io.BytesIO(), io.BytesIO()
    with rc_context({**_RC, "svg.hashsalt": name}):
        figure.savefig(svg, format="svg", metadata={"Date": None}, bbox_inches="tight")
    figure.savefig(png, format="png", dpi=150, bbox_inches="tight")
    return Chart(name, title, _inline(svg.getvalue().decode(), name, title), png.getvalue())


def _inline(svg: str, name: str, title: str) -> str:
    """The SVG as an element of an HTML page: no XML prologue or metadata, ids made unique to
    the chart, a title and an image role for screen readers."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{name}-{m.group(1)}"', svg)
    svg = re.sub(
        r"#([A-Za-z_][\w.-]*)", lambda m: f"#{name}-{m.group(1)}" if m.group(1) in ids else m.group(0), svg
    )
    return re.sub(r"<svg\b", f'<svg role="img" aria-label="{escape(title)}"', svg, count=1).replace(
        ">", f"><title>{escape(title)}</title>", 1
    )


def render_charts(frame: pandas.DataFrame, labels: Labels | None = None) -> list[Chart]:
    """The report's charts of a scan table: the status of each element as stacked bars, and
    the share present per element by year; their words in the language of ``labels``."""
    labels = labels if labels is not None else Labels.of_rules()
    m = messages(labels.lang)
    shares = element_shares(frame)
    shares = shares[shares["applicable"] > 0]
    with rc_context(_RC):
        bars = Figure(figsize=(8, 0.55 * max(len(shares), 1) + 1.4))
        _stacked(bars.add_subplot(), shares, labels)
        trend = Figure(figsize=(8, 4))
        _trend(trend.add_subplot(), element_shares(frame, "year"), labels)
        return [
            _drawn("elements", m("scan_report.chart_elements"), bars),
            _drawn("trend", m("scan_report.chart_trend"), trend),
        ]


def charts(frame: pandas.DataFrame, folder: str | Path, labels: Labels | None = None) -> list[Path]:
    """Draw the charts of a scan table and write each as SVG and PNG into ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for chart in render_charts(frame, labels):
        for suffix, data in ((".svg", chart.svg.encode()), (".png", chart.png)):
            path = folder / f"{chart.name}{suffix}"
            path.write_bytes(data)
            written.append(path)
    return written

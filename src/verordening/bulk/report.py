"""The statistics of a scan table: what share of the participation bylaws regulates each
statutory element, by year, framework and organisation, and where they fall short most often.

Only documents judged ``participation_bylaw`` count for the element shares: a text that is no
participation bylaw has no elements to regulate, and an error row has no status. Those are
counted in the summary instead (:func:`verdict_counts`). The shares of present, partial and
missing are of the documents where the element applies (``not_applicable`` left out), so
they add up to one; how many documents it did not apply to is a count of its own.

Every aggregate is also one long table (:func:`aggregates`: one number per row, with the
table, breakdown, group, element and measure it belongs to). The CSV beside a report is that
table, and every number in the HTML report is one of its rows - so they cannot disagree.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas
from attrs import define, field

from ..errors import LocalisedError
from ..messages import messages
from ..rules import load_rules
from ..vocabulary import Element, Verdict
from .rows import COLUMNS
from .table import SUFFIXES, TableError, read_table

__all__ = [
    "BREAKDOWNS",
    "DEFAULT_BY",
    "Labels",
    "ReportError",
    "ReportFiles",
    "aggregates",
    "common_gaps",
    "common_reasons",
    "counted",
    "element_shares",
    "load_table",
    "summary",
    "verdict_counts",
    "worst_documents",
    "write_report",
]

BREAKDOWNS = ("year", "framework", "organisation")
DEFAULT_BY = ("year", "framework")
STATUSES = ("present", "partial", "missing", "not_applicable")
APPLICABLE = ("present", "partial", "missing")
UNKNOWN = "(unknown)"
COUNTED_VERDICT = str(Verdict.PARTICIPATION_BYLAW)
AGGREGATE_COLUMNS = ("table", "by", "group", "element", "reason", "measure", "value", "text")


class ReportError(LocalisedError, ValueError):
    """A table that cannot be reported on: a one-line message naming the file, in the language
    of the run (``errors.report.*``); ``str(error)`` is the English."""


@define(frozen=True)
class Labels:
    """The words of a rule set for a report in one language (``lang``): element names and
    what each reason code means (the rules' own Dutch, or their translation), and the names of
    the frameworks (the laws' own Dutch names in either language)."""

    elements: dict[str, str] = field(factory=dict)
    short: dict[str, str] = field(factory=dict)
    reasons: dict[tuple[str, str], str] = field(factory=dict)  # (element, code) -> meaning
    frameworks: dict[str, str] = field(factory=dict)
    lang: str = "nl"

    @classmethod
    def of_rules(cls, rules: str | None = None, lang: str = "nl") -> Labels:
        """The labels of a rule folder (default: the installed rules) in ``lang``. The Dutch
        names are the rules' own; other languages take the names of ``messages.yaml``
        (``element``, ``element_short``), falling back to the rule's for an element it lacks."""
        ruleset = load_rules(rules)
        m = messages(lang)
        return cls(
            {str(rule.element): m.element(rule.element, rule.name) for rule in ruleset.rules},
            {str(r.element): m.element(r.element, r.short_name, short=True) for r in ruleset.rules},
            {
                (str(rule.element), code): text
                for rule in ruleset.rules
                for code, text in rule.texts(lang).reasons.items()
            },
            {key: f.name for key, f in ruleset.knowledge.laws.frameworks.items()},
            lang,
        )

    def meaning(self, element: str, code: str) -> str:
        """What a reason code means; a code of another element's rule when the element's own
        rule does not know it; "" when no rule does (a table checked with other rules)."""
        if (element, code) in self.reasons:
            return self.reasons[(element, code)]
        return next((text for (_, other), text in self.reasons.items() if other == code), "")


def _element_order(elements: Iterable[str]) -> list[str]:
    known = [str(e) for e in Element]
    found = set(elements)
    return [e for e in known if e in found] + sorted(found - set(known))


def counted(frame: pandas.DataFrame) -> pandas.DataFrame:
    """The element rows that count for the shares: those of participation bylaws."""
    return frame[(frame["verdict"] == COUNTED_VERDICT) & (frame["element"] != "")]


def documents(frame: pandas.DataFrame) -> pandas.DataFrame:
    """One row per document (a file as hashed: a file rescanned after a change is another)."""
    return frame.drop_duplicates(["file", "sha256"])


def _group_key(frame: pandas.DataFrame, by: str) -> pandas.Series:
    if by == "year":
        return frame["year"].map(lambda y: UNKNOWN if pandas.isna(y) else str(int(y)))
    if by == "framework":  # a bylaw on two frameworks counts under each
        return frame["frameworks"].map(lambda text: [f for f in text.split("; ") if f] or [UNKNOWN])
    if by == "organisation":
        return frame["organisation"].map(lambda text: " ".join(text.split()) or UNKNOWN)
    raise ReportError(key="report.breakdown", by=by, known=", ".join(BREAKDOWNS))


def _sorted_groups(groups: Iterable[str], by: str) -> list[str]:
    found = set(groups)
    known = sorted(found - {UNKNOWN}, key=lambda g: (int(g) if by == "year" else 0, g.casefold()))
    return known + ([UNKNOWN] if UNKNOWN in found else [])


def element_shares(frame: pandas.DataFrame, by: str | None = None) -> pandas.DataFrame:
    """Per element (and per group of ``by``: year, framework or organisation) how many
    participation bylaws have it present, partial, missing or not applicable, and the shares
    of present, partial and missing among those where it applies (NaN where it applies to
    none)."""
    rows = counted(frame).copy()
    keys = ["element"]
    if by is not None:
        rows["group"] = _group_key(rows, by)
        rows = rows.explode("group")
        keys = ["group", "element"]
    columns = [*keys, *STATUSES]
    if rows.empty:
        return pandas.DataFrame(columns=[*columns, "documents", "applicable"])
    table = rows.groupby([*keys, "status"]).size().unstack(fill_value=0)
    table = table.reindex(columns=list(STATUSES), fill_value=0).reset_index()
    table["documents"] = table[list(STATUSES)].sum(axis=1)
    table["applicable"] = table[list(APPLICABLE)].sum(axis=1)
    for status in APPLICABLE:
        table[f"share_{status}"] = table[status] / table["applicable"].where(table["applicable"] > 0)
    order = {e: n for n, e in enumerate(_element_order(table["element"]))}
    if by is not None:
        groups = {g: n for n, g in enumerate(_sorted_groups(table["group"], by))}
        table = table.sort_values(
            ["group", "element"], key=lambda s: s.map(groups if s.name == "group" else order)
        )
    else:
        table = table.sort_values("element", key=lambda s: s.map(order))
    return table.reset_index(drop=True)


def common_gaps(frame: pandas.DataFrame, n: int = 10) -> pandas.DataFrame:
    """The elements missing or partial in the most participation bylaws, most first."""
    shares = element_shares(frame)
    shares["gaps"] = shares["missing"] + shares["partial"]
    shares["share_gaps"] = shares["gaps"] / shares["applicable"].where(shares["applicable"] > 0)
    shares = shares[shares["gaps"] > 0]
    order = {e: i for i, e in enumerate(_element_order(shares["element"]))}
    shares = shares.assign(rank=shares["element"].map(order)).sort_values(
        ["gaps", "rank"], ascending=[False, True]
    )
    return (
        shares[["element", "gaps", "missing", "partial", "applicable", "share_gaps"]]
        .head(n)
        .reset_index(drop=True)
    )


def common_reasons(frame: pandas.DataFrame, n: int = 10, labels: Labels | None = None) -> pandas.DataFrame:
    """The reason codes given most often (per element), with what each means."""
    labels = labels if labels is not None else Labels.of_rules()
    rows = counted(frame)[["file", "sha256", "element", "reasons"]].copy()
    rows["reason"] = rows["reasons"].map(lambda text: [r for r in text.split("; ") if r])
    rows = rows.explode("reason").dropna(subset=["reason"])
    if rows.empty:
        return pandas.DataFrame(columns=["element", "reason", "documents", "meaning"])
    table = rows.drop_duplicates(["file", "sha256", "element", "reason"])
    table = table.groupby(["element", "reason"]).size().rename("documents").reset_index()
    table = table.sort_values(["documents", "element", "reason"], ascending=[False, True, True]).head(n)
    table["meaning"] = [labels.meaning(e, r) for e, r in zip(table["element"], table["reason"], strict=True)]
    return table.reset_index(drop=True)


def verdict_counts(frame: pandas.DataFrame) -> pandas.DataFrame:
    """How many documents got each verdict (``error`` for those that could not be checked)."""
    counts = documents(frame)["verdict"].replace("", UNKNOWN).value_counts()
    known = [str(v) for v in Verdict] + ["error"]
    order = [v for v in known if v in counts.index] + sorted(set(counts.index) - set(known))
    return pandas.DataFrame({"verdict": order, "documents": [int(counts[v]) for v in order]})


def summary(frame: pandas.DataFrame) -> dict[str, int]:
    """The counts a report opens with: documents, participation bylaws, errors, table rows."""
    docs = documents(frame)
    return {
        "documents": len(docs),
        "participation_bylaws": int((docs["verdict"] == COUNTED_VERDICT).sum()),
        "errors": int((docs["verdict"] == "error").sum()),
        "rows": len(frame),
    }


def worst_documents(frame: pandas.DataFrame, n: int = 10) -> pandas.DataFrame:
    """The participation bylaws with the most elements missing or partial, most first."""
    rows = counted(frame)
    rows = rows[rows["status"].isin(["missing", "partial"])]
    columns = ["file", "title", "organisation", "year", "gaps"]
    if rows.empty:
        return pandas.DataFrame(columns=columns)
    table = rows.groupby(["file", "sha256"], sort=False).agg(
        title=("title", "first"),
        organisation=("organisation", "first"),
        year=("year", "first"),
        gaps=("element", "size"),
    )
    table = table.reset_index().sort_values(["gaps", "file"], ascending=[False, True]).head(n)
    return table[columns].reset_index(drop=True)


def _value(number: Any) -> str:
    """A number as the CSV and the HTML write it: counts as integers, shares to 6 decimals."""
    value = float(number)
    return str(int(value)) if value.is_integer() else repr(round(value, 6))


def _long_rows(table: str, by: str, frame: pandas.DataFrame, measures: Sequence[str]) -> list[dict[str, str]]:
    out = []
    for record in frame.to_dict("records"):
        for measure in measures:
            if pandas.isna(record[measure]):
                continue  # a share of nothing: no number
            out.append(
                {
                    "table": table,
                    "by": by,
                    "group": str(record.get("group", "")),
                    "element": str(record.get("element", "")),
                    "reason": str(record.get("reason", "")),
                    "measure": measure,
                    "value": _value(record[measure]),
                    "text": str(record.get("text", "")),
                }
            )
    return out


SHARE_MEASURES = ("documents", *STATUSES, "applicable", "share_present", "share_partial", "share_missing")


def aggregates(
    frame: pandas.DataFrame, by: Sequence[str] = DEFAULT_BY, n: int = 10, labels: Labels | None = None
) -> pandas.DataFrame:
    """Every aggregate of the report as one long table of strings (``AGGREGATE_COLUMNS``): the
    summary, verdicts, element shares overall and per breakdown in ``by``, the ``n`` most
    common gaps and reasons and the ``n`` documents with the most gaps."""
    labels = labels if labels is not None else Labels.of_rules()
    rows = [
        {
            "table": "summary",
            "by": "",
            "group": "",
            "element": "",
            "reason": "",
            "measure": key,
            "value": str(value),
            "text": "",
        }
        for key, value in summary(frame).items()
    ]
    verdicts = verdict_counts(frame).rename(columns={"verdict": "group"})
    rows += _long_rows("verdicts", "", verdicts, ["documents"])
    rows += _long_rows("elements", "", element_shares(frame), SHARE_MEASURES)
    for breakdown in by:
        rows += _long_rows("elements", breakdown, element_shares(frame, breakdown), SHARE_MEASURES)
    gaps = common_gaps(frame, n)
    rows += _long_rows("gaps", "", gaps, ["gaps", "missing", "partial", "applicable", "share_gaps"])
    reasons = common_reasons(frame, n, labels).rename(columns={"meaning": "text"})
    rows += _long_rows("reasons", "", reasons, ["documents"])
    worst = worst_documents(frame, n).rename(columns={"file": "group", "title": "text"})
    rows += _long_rows("documents", "", worst, ["gaps"])
    return pandas.DataFrame(rows, columns=list(AGGREGATE_COLUMNS))


MAX_ROWS = 5_000_000
"""The most rows a report reads by default (a scan of every version of every bylaw in the
country has about two million): a Parquet file of a few kilobytes can declare billions."""
_FIRST_LINE = {".csv": 64 << 10, ".jsonl": 4 << 20}  # bytes: a header, a row of a scan table at most


def _first_line(path: Path) -> bytes:
    limit = _FIRST_LINE[path.suffix]
    with path.open("rb") as stream:
        line = stream.readline(limit + 1)
    if len(line) > limit:
        raise ReportError(key="report.first_line", path=path, size=limit >> 10)
    return line


def _columns(path: Path, max_rows: int) -> list[str]:
    """The columns a table file declares, read from its head (CSV, JSON Lines) or footer
    (Parquet) only, so that a hostile file is refused before pandas reads all of it."""
    if path.suffix == ".parquet":
        import pyarrow.parquet  # type: ignore[import-untyped]

        metadata = pyarrow.parquet.ParquetFile(path).metadata
        if metadata.num_rows > max_rows:
            raise ReportError(key="report.too_many_rows", path=path, rows=metadata.num_rows, most=max_rows)
        return list(metadata.schema.names)
    line = _first_line(path).decode("utf-8-sig")
    if path.suffix == ".csv":
        return next(csv.reader([line]), [])
    row = json.loads(line) if line.strip() else {}
    return list(row) if isinstance(row, dict) else []


def load_table(path: str | Path, max_rows: int = MAX_ROWS) -> pandas.DataFrame:
    """A scan table to report on; a missing, unreadable, foreign, empty or oversized one is a
    :class:`ReportError` whose one line names the file (and shows nothing of its content)."""
    path = Path(path)
    try:
        if path.suffix in SUFFIXES and path.is_file():
            declared = set(_columns(path, max_rows))
            missing = [c for c in COLUMNS if c not in declared]
            if missing:
                raise ReportError(key="report.not_scan_table", path=path, columns=", ".join(missing[:3]))
        frame = read_table(path)
    except ReportError:
        raise
    except TableError as error:
        if str(error).startswith(str(path)):
            raise ReportError(str(error), key=error.key, **error.values) from None
        raise ReportError(key="report.in_table", path=path, error=error) from None
    except (Exception, RecursionError) as error:  # any reader's failure on a hostile file: one line
        raise ReportError(key="report.unreadable", path=path, error=type(error).__name__) from None
    if frame.empty:
        raise ReportError(key="report.empty", path=path)
    if len(frame) > max_rows:
        raise ReportError(key="report.too_many_rows", path=path, rows=len(frame), most=max_rows)
    return frame


@define(frozen=True)
class ReportFiles:
    """What :func:`write_report` wrote."""

    html: Path
    csv: Path
    charts: tuple[Path, ...]


def write_report(
    table: str | Path,
    out: str | Path,
    by: Sequence[str] = DEFAULT_BY,
    charts: str | Path | None = None,
    csv: str | Path | None = None,
    rules: str | None = None,
    n: int = 10,
    lang: str = "nl",
) -> ReportFiles:
    """Read a scan table and write the report: ``out`` (self-contained HTML), the charts as
    SVG and PNG in ``charts`` (default ``<out>.charts/``) and the aggregates as CSV in ``csv``
    (default: ``out`` with the suffix ``.csv``). The page, the charts and the meanings in the
    CSV are in ``lang``; the CSV's columns, codes and numbers are the same in every language."""
    from .charts import render_charts
    from .report_html import report_html

    for breakdown in by:
        if breakdown not in BREAKDOWNS:
            raise ReportError(key="report.breakdown", by=breakdown, known=", ".join(BREAKDOWNS))
    frame = load_table(table)
    labels = Labels.of_rules(rules, lang)
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError(key="report.no_folder", out=out)
    folder = Path(charts) if charts is not None else out.with_name(out.name + ".charts")
    csv_path = Path(csv) if csv is not None else out.with_suffix(".csv")
    rendered = render_charts(frame, labels)
    long = aggregates(frame, by, n, labels)
    page = report_html(frame, long, rendered, labels, source=Path(table).name)
    folder.mkdir(exist_ok=True)
    written = []
    for chart in rendered:
        for suffix, data in ((".svg", chart.svg.encode()), (".png", chart.png)):
            written.append(_atomic(folder / f"{chart.name}{suffix}", data))
    _atomic(csv_path, long.to_csv(index=False).encode())
    _atomic(out, page.encode())
    return ReportFiles(out, csv_path, tuple(written))


def _atomic(path: Path, data: bytes) -> Path:
    """Write through a temporary file beside ``path``: a reader never sees half a file."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path

"""One document's check as rows of a table: one row per element, or one error row.

The table is what a researcher analyses, so its columns are plain values (strings, numbers,
nothing nested): lists are joined with ``"; "`` and the values read from the text are a JSON
object in a string. ``COLUMNS`` fixes the columns and their order for every output format.
"""

from __future__ import annotations

import json
from typing import Any

from attrs import asdict, define, fields

from ..findings import Report
from ..rules.basis import bylaw_year

__all__ = ["COLUMNS", "Row", "error_row", "rows_of"]


@define(frozen=True, kw_only=True)
class Row:
    """One element of one document (``element`` is empty on an error row)."""

    file: str  # the path as the scan found it
    sha256: str  # of the file's bytes
    format: str = ""  # text, docx, html, cvdr, pdf ("" when it could not be read)
    organisation: str = ""
    title: str = ""
    cvdr_id: str = ""
    adopted: str = ""  # ISO dates, from the source's metadata
    published: str = ""
    in_force_from: str = ""
    in_force_until: str = ""
    year: int | None = None  # of coming into force, adoption or publication; else a date the text gives
    verdict: str = ""  # participation_bylaw, not_a_bylaw, ... ("error" on an error row)
    frameworks: str = ""  # the frameworks the bylaw rests on, "; "-joined
    element: str = ""  # advice, support, periodic_consultation, agenda, information, policy_proposals
    element_frameworks: str = ""  # the frameworks the element is required by
    status: str = ""  # present, partial, missing, not_applicable
    reasons: str = ""  # reason codes, "; "-joined
    citations: str = ""  # "artikel 5, eerste lid; artikel 5, tweede lid"
    statute: str = ""
    values: str = ""  # JSON: {"meetings_per_year": 4}
    pipeline: str = ""
    tool_version: str = ""
    rules_version: str = ""  # hash of the rule files
    error: str = ""  # the one-line message of a file that could not be checked

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))


def _year(*dates: str | None) -> int | None:
    for day in dates:
        if day and len(day) >= 4 and day[:4].isdigit():
            return int(day[:4])
    return None


def _title(report: Report) -> str:
    node = report.document.title
    return " ".join(node.text.split()) if node is not None else ""


def rows_of(report: Report, file: str, sha256: str, tool_version: str, rules_version: str) -> list[Row]:
    """The rows of one checked document, one per element, in the report's element order."""
    info = report.source

    def get(name: str) -> str:
        return str(getattr(info, name) or "") if info is not None else ""

    common: dict[str, Any] = {
        "file": file,
        "sha256": sha256,
        "format": get("format"),
        "organisation": get("organisation"),
        "title": get("title") or _title(report),
        "cvdr_id": get("cvdr_id"),
        "adopted": get("adopted"),
        "published": get("published"),
        "in_force_from": get("in_force_from"),
        "in_force_until": get("in_force_until"),
        "verdict": str(report.verdict),
        "frameworks": "; ".join(report.frameworks),
        "pipeline": report.pipeline.name,
        "tool_version": tool_version,
        "rules_version": rules_version,
    }
    common["year"] = _year(common["in_force_from"], common["adopted"], common["published"]) or bylaw_year(
        report.document
    )
    return [
        Row(
            **common,
            element=str(key),
            element_frameworks="; ".join(result.frameworks),
            status=str(result.status),
            reasons="; ".join(result.reasons),
            citations="; ".join(c.citation for c in result.citations),
            statute=result.statute,
            values=json.dumps(result.values, sort_keys=True) if result.values else "",
        )
        for key, result in report.elements.items()
    ]


def error_row(file: str, sha256: str, message: str, tool_version: str, rules_version: str) -> Row:
    """The row of a file that could not be read or checked: the scan goes on."""
    return Row(
        file=file,
        sha256=sha256,
        verdict="error",
        tool_version=tool_version,
        rules_version=rules_version,
        error=message,
    )

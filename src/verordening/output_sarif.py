"""Reports as SARIF 2.1.0: the static-analysis format that code-scanning tools read.

One log with one run holds the reports of every file checked together. The rules of the
run are the rules of the rule set, one per element and framework, with the ids the rule
files give (``PW47-A``); a result is a partial (level ``warning``) or missing (level
``error``) finding. A result points at its evidence: the cited provision, as lines and
columns and as a character offset into the text (columns count Unicode code points, the
way Python indexes the text, which the run declares with ``columnKind``). A missing
element has no evidence, so its result points at the article where the element belongs
(the first whose title names one of the rule's topics), else at the start of the document,
and names that place as a logical location. Regions are given only for text sources: in a
Word file, a PDF or a web page the offsets are those of the extracted text, which a reader
of the original cannot follow, so there the result names the file and the provision only.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from . import __version__
from .escape import json_escaped
from .findings import Citation, Finding, Report
from .messages import Messages, messages
from .model import Document, Node, line_starts_of
from .rules.ruleset import Rule, RuleSet
from .vocabulary import Status

__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "sarif_json", "sarif_log"]

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
TOOL_NAME = "verordening"
_LEVELS = {Status.PARTIAL: "warning", Status.MISSING: "error"}


def _rule_descriptor(rule: Rule, framework: str, m: Messages) -> dict[str, Any]:
    """One rule of the run: what the element is, where the law asks for it, how to write it."""
    section = rule.frameworks[framework]
    label = m.table("sarif")
    description = " ".join(rule.texts(m.lang).description.split())
    example = " ".join(rule.suggestion.split())
    name = m.element(rule.element, rule.name)
    return {
        "id": section.rule_id,
        "name": f"{rule.element}-{framework}",
        "shortDescription": {"text": f"{name} ({section.statute})"},
        "fullDescription": {"text": description},
        "help": {
            "text": f"{description}\n{label['statute']}: {section.statute}\n{label['example']}: {example}",
            "markdown": (
                f"{description}\n\n**{label['statute']}:** {section.statute}\n\n"
                f"**{label['example']}:**\n\n> {example}"
            ),
        },
        "defaultConfiguration": {"level": str(section.severity)},
        "properties": {
            "element": str(rule.element),
            "framework": framework,
            "statute": section.statute,
            "juriconnect": section.juriconnect,
            "interpretation": section.interpretation,
            "tags": [str(rule.element), framework],
        },
    }


def _rules(ruleset: RuleSet | None, m: Messages) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The rule descriptors of a rule set and the index of each rule id among them."""
    descriptors: list[dict[str, Any]] = []
    for rule in ruleset.rules if ruleset is not None else ():
        descriptors.extend(_rule_descriptor(rule, key, m) for key in rule.frameworks)
    return descriptors, {d["id"]: index for index, d in enumerate(descriptors)}


def artifact_uri(name: str | None) -> str:
    """The file as a URI reference: relative names stay relative, absolute ones become file URIs."""
    if not name or name == "-":
        return "stdin"
    path = PurePath(name)
    if path.is_absolute():
        return "file://" + quote(path.as_posix(), safe="/:")
    return quote(path.as_posix(), safe="/")


class _Places:
    """Where offsets of one document lie in lines and columns (1-based, code points)."""

    def __init__(self, document: Document) -> None:
        self.text = document.source
        self.starts = line_starts_of(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def region(self, start: int, end: int) -> dict[str, Any]:
        start_line, start_column = self.position(start)
        end_line, end_column = self.position(max(start, end))
        return {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
            "charOffset": max(0, start),
            "charLength": max(0, end - start),
        }


def _location(
    uri: str, index: int, places: _Places | None, start: int, end: int, name: str, node_id: str
) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": index}}
    if places is not None:
        physical["region"] = places.region(start, end)
    logical = {"name": name, "fullyQualifiedName": node_id or name, "kind": "section"}
    return {"physicalLocation": physical, "logicalLocations": [logical]}


def home_of(rule: Rule | None, document: Document) -> Node | None:
    """The article where a missing element belongs: the first whose title names a topic of
    the rule ("Taken", "Overleg"), or None when no title does."""
    if rule is None or not rule.topics:
        return None
    words = re.compile(r"\b(?:" + "|".join(map(re.escape, rule.topics)) + r")\b", re.IGNORECASE)
    return next((a for a in document.articles if a.title and words.search(a.title)), None)


def _message(finding: Finding, report: Report, m: Messages) -> str:
    """The finding's message in ``m``'s language: the rule's sentence for the status, then the
    meaning of each reason (as the finding says it in Dutch)."""
    rule = report.ruleset.find(str(finding.element)) if report.ruleset is not None else None
    if rule is None or m.lang == "nl":
        return finding.message
    texts = rule.texts(m.lang)
    meanings = [texts.reasons[r] for r in finding.reasons if r in texts.reasons]
    return " ".join([texts.messages.get(str(finding.status), finding.message), *meanings])


def _result(
    finding: Finding, report: Report, at: tuple[str, int, _Places | None], rule_index: int | None, m: Messages
) -> dict[str, Any]:
    uri, index, places = at
    result: dict[str, Any] = {"ruleId": finding.rule_id}
    if rule_index is not None:
        result["ruleIndex"] = rule_index
    result["level"] = _LEVELS[finding.status]
    result["kind"] = "fail"
    result["message"] = {"text": _message(finding, report, m)}
    result["locations"] = [_finding_location(finding, report, uri, index, places, m)]
    related = [
        _location(uri, index, places, c.start, c.end, c.citation, c.id) | {"id": n}
        for n, c in enumerate(finding.citations[1:], start=1)
    ]
    if related:
        result["relatedLocations"] = related
    result["properties"] = {
        "element": str(finding.element),
        "framework": finding.framework,
        "status": str(finding.status),
        "reasons": list(finding.reasons),
        "statute": finding.statute,
        "citations": [c.citation for c in finding.citations],
    }
    if finding.suggestion:
        result["properties"]["suggestion"] = " ".join(finding.suggestion.split())
    return result


def _finding_location(
    finding: Finding, report: Report, uri: str, index: int, places: _Places | None, m: Messages
) -> dict[str, Any]:
    """The first cited provision, or the article where the element belongs, or the start."""
    if finding.citations:
        first: Citation = finding.citations[0]
        return _location(uri, index, places, first.start, first.end, first.citation, first.id)
    rule = report.ruleset.find(str(finding.element)) if report.ruleset is not None else None
    home = home_of(rule, report.document)
    if home is not None:
        return _location(uri, index, places, home.start, home.end, home.citation, home.id)
    return _location(uri, index, places, 0, 0, m("sarif.document"), "")


def sarif_log(reports: Sequence[Report], unread: Iterable[str] = (), lang: str = "nl") -> dict[str, Any]:
    """One SARIF log, one run, for the reports of the files checked together; the files in
    ``unread`` (that could not be read or checked) become tool notifications. The texts are in
    ``lang`` (Dutch by default), but for the example wording: that is text for the bylaw."""
    m = messages(lang)
    ruleset = next((r.ruleset for r in reports if r.ruleset is not None), None)
    descriptors, rule_index = _rules(ruleset, m)
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    for index, report in enumerate(reports):
        uri = artifact_uri(report.file)
        artifacts.append({"location": {"uri": uri}})
        text_source = report.source is None or report.source.format == "text"
        places = _Places(report.document) if text_source else None
        for finding in report.findings:
            if finding.status in _LEVELS:
                at = (uri, index, places)
                results.append(_result(finding, report, at, rule_index.get(finding.rule_id), m))
    notes = [{"level": "error", "message": {"text": f"{name}: {m('sarif.unread')}"}} for name in unread]
    invocation: dict[str, Any] = {"executionSuccessful": not notes}
    if notes:
        invocation["toolExecutionNotifications"] = notes
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "semanticVersion": __version__,
                "language": lang,
                "rules": descriptors,
            }
        },
        "invocations": [invocation],
        "artifacts": artifacts,
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def sarif_json(reports: Sequence[Report], unread: Iterable[str] = (), lang: str = "nl") -> str:
    """The SARIF log as JSON text, control and bidi characters from the inputs escaped."""
    return json_escaped(json.dumps(sarif_log(reports, unread, lang), ensure_ascii=False, indent=2))

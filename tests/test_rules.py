"""Rule files: every example beside a rule must give its status, and bad rules fail loudly."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

import verordening
from verordening.rules import RuleError
from verordening.rules.ruleset import load_rules

from .conftest import ROOT

RULES = load_rules().rules
EXAMPLES = [
    pytest.param(rule, example, id=f"{rule.element}-{i}-{example['status']}")
    for rule in RULES
    for i, example in enumerate(rule.examples)
]


def as_bylaw(text: str) -> str:
    return f"Verordening cliëntenparticipatie\n\nArtikel 1 Bepaling\n{text}\n"


@pytest.mark.parametrize(("rule", "example"), EXAMPLES)
def test_rule_example(rule: Any, example: dict[str, Any]) -> None:
    framework = example.get(
        "framework", "wmo2015" if "participatiewet" not in rule.frameworks else "participatiewet"
    )
    report = verordening.check(as_bylaw(example["text"]), frameworks=[framework])
    result = report.elements[rule.element]
    assert result.status == example["status"], (result.reasons, [c.citation for c in result.citations])
    assert set(example.get("reasons", [])) <= set(result.reasons)
    if result.status == "present":
        assert result.citations, "present needs a citation into the articles"
        assert not result.reasons
    if result.status == "partial":
        assert result.reasons, "partial always says why"
    if result.status == "missing":
        assert not result.citations


def test_every_element_has_a_rule_with_examples_of_each_status() -> None:
    for rule in RULES:
        statuses = {e["status"] for e in rule.examples}
        assert statuses == {"present", "partial", "missing"}, rule.element


def test_every_rule_cites_a_statute_per_framework() -> None:
    for rule in RULES:
        for key, fr in rule.frameworks.items():
            assert fr.juriconnect.startswith("jci1.3:c:BWBR")
            assert fr.severity == ("warning" if key in ("wmo2007", "jeugdwet") else "error")
            assert fr.interpretation == (key == "jeugdwet")


# -- loading errors ------------------------------------------------------------------------------
@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", target)
    return target


def test_yaml_syntax_error_names_file_and_line(rules_copy: Path) -> None:
    path = rules_copy / "agenda.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = "name: [unclosed"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(RuleError, match=r"agenda\.yaml:\d+: ") as info:
        load_rules(str(rules_copy))
    assert "\n" not in str(info.value)


def test_schema_violation_names_the_line_of_the_bad_field(rules_copy: Path) -> None:
    path = rules_copy / "support.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.strip().startswith("severity: error"))
    path.write_text(text.replace("severity: error", "severity: fatal", 1), encoding="utf-8")
    with pytest.raises(
        RuleError, match=rf"support\.yaml:{line}: frameworks/\w+/severity: 'fatal' is not one of"
    ):
        load_rules(str(rules_copy))


def test_a_reason_without_explanation_is_refused(rules_copy: Path) -> None:
    path = rules_copy / "information.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  information_only_on_request: ", "  unused_reason: ", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="no explanation for information_only_on_request"):
        load_rules(str(rules_copy))


def test_a_missing_element_file_is_refused(rules_copy: Path) -> None:
    (rules_copy / "advice.yaml").unlink()
    with pytest.raises(RuleError, match="one rule file per element"):
        load_rules(str(rules_copy))


def test_an_invalid_matcher_pattern_is_refused(rules_copy: Path) -> None:
    path = rules_copy / "agenda.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("{LOWER: aan}, {LOWER: de}", "{NOPE: aan}, {LOWER: de}", 1), encoding="utf-8"
    )
    with pytest.raises(RuleError, match="NOPE"):
        load_rules(str(rules_copy))

"""Rule files: every example beside a rule must give its status, and bad rules fail loudly."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.cli import main
from verordening.rules import RuleError
from verordening.rules.compile import compile_rules
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


def _edit(folder: Path, name: str, old: str, new: str) -> int:
    """Replace the first ``old`` in ``folder/name`` by ``new``; the line (from 1) where it stood."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def _append(folder: Path, name: str, added: str) -> int:
    path = folder / name
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(text + added, encoding="utf-8")
    return text.count("\n") + 1


# each breaks a copy of the rules and says where the error must point and what it must say
BREAKAGES = {
    "yaml syntax": lambda d: (
        "agenda.yaml",
        _edit(d, "agenda.yaml", "short_name: agenda", "short_name: agenda: x"),
        "mapping values are not allowed here",
    ),
    "unknown key": lambda d: (
        "support.yaml",
        _edit(d, "support.yaml", "  negated: ignore", "  colour: red\n  negated: ignore"),
        "'colour' was unexpected",
    ),
    "value the schema refuses": lambda d: (
        "support.yaml",
        _edit(d, "support.yaml", "severity: error", "severity: fatal"),
        "'fatal' is not one of",
    ),
    "pattern spaCy refuses": lambda d: (
        "agenda.yaml",
        _edit(d, "agenda.yaml", "{LOWER: aan}, {LOWER: de}", "{LOWER: aan}, {LOWER: {NOPE: [de]}}"),
        "spaCy refuses the pattern",
    ),
    "duplicate rule id": lambda d: (
        "support.yaml",
        _edit(d, "support.yaml", "id: PW47-B", "id: PW47-A"),
        "the rule id PW47-A is used twice",
    ),
    "duplicate yaml key": lambda d: (
        "information.yaml",
        _append(d, "information.yaml", "topics: [informatie]\n"),
        "the key 'topics' occurs twice",
    ),
    "a mapping as a key": lambda d: (
        "information.yaml",
        _append(d, "information.yaml", "extra: [[{LOWER: x}, {LOWER: y}:]]\n"),
        "a key must be a word or a number",
    ),
    "second rule for an element": lambda d: (
        "advice_copy.yaml",
        _append(d, "advice_copy.yaml", (d / "advice.yaml").read_text(encoding="utf-8")) and 1,
        "a second rule for advice",
    ),
    "unknown framework in laws": lambda d: (
        "laws.yaml",
        _edit(d, "laws.yaml", '{"47": participatiewet}', '{"47": participatiewet2}'),
        "unknown framework 'participatiewet2'",
    ),
    "unknown role in an example": lambda d: (
        "roles.yaml",
        _edit(d, "roles.yaml", "seniorenraad: body}", "seniorenraad: chair}"),
        "",
    ),
    "unknown element in the verdict words": lambda d: (
        "verdict.yaml",
        _edit(d, "verdict.yaml", "rights: [advice,", "rights: [advise,"),
        "unknown element 'advise'",
    ),
    "unexplained reason": lambda d: (
        "information.yaml",
        _edit(d, "information.yaml", "  information_only_on_request: ", "  unused_reason: ")
        and _edit(
            d,
            "information.yaml",
            "denied: information_only_on_request",
            "denied: information_only_on_request",
        ),
        "no explanation for information_only_on_request",
    ),
    "unknown role in a pattern": lambda d: (
        "periodic_consultation.yaml",
        _edit(d, "periodic_consultation.yaml", "role: {IN: [college, body]}", "role: {IN: [college, bodie]}"),
        "unknown role 'bodie'",
    ),
    "a qualifier inside an unknown note": lambda d: (
        "support.yaml",
        _edit(d, "support.yaml", "not_inside: [support_delegated]", "not_inside: [support_delegatd]"),
        "no note with reason support_delegatd",
    ),
}


@pytest.mark.parametrize("breakage", BREAKAGES, ids=str)
def test_a_broken_rule_folder_stops_check_with_file_and_line(
    breakage: str, rules_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, line, message = BREAKAGES[breakage](rules_copy)
    bylaw = tmp_path / "bylaw.txt"
    bylaw.write_text(as_bylaw("De adviesraad adviseert gevraagd en ongevraagd."), encoding="utf-8")
    assert main(["check", "--rules", str(rules_copy), str(bylaw)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"verordening: {rules_copy / name}:{line}: "), err
    assert message in err


def test_the_rules_command_and_eval_check_the_folder_too(
    rules_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _edit(
        rules_copy, "agenda.yaml", "{LOWER: aan}, {LOWER: de}", "{LOWER: aan}, {LOWER: {NOPE: [de]}}"
    )
    assert main(["rules", "--rules", str(rules_copy)]) == 2
    assert f"agenda.yaml:{line}: spaCy refuses the pattern" in capsys.readouterr().err
    assert main(["eval", "--rules", str(rules_copy), str(ROOT / "corpus")]) == 2
    assert f"agenda.yaml:{line}: spaCy refuses the pattern" in capsys.readouterr().err


def test_a_folder_that_is_not_there(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--rules", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"verordening: {tmp_path / 'nope'}: no such folder of rules\n"


def test_a_missing_element_file_is_refused(rules_copy: Path) -> None:
    (rules_copy / "advice.yaml").unlink()
    with pytest.raises(RuleError, match="one rule file per element; none for advice"):
        load_rules(str(rules_copy))


def test_an_edited_rule_folder_is_used(
    rules_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule changed in a copy of the folder changes the report of `check --rules`."""
    bylaw = tmp_path / "bylaw.txt"
    bylaw.write_text(
        as_bylaw("De adviesraad adviseert het college gevraagd en ongevraagd."), encoding="utf-8"
    )
    assert main(["check", "--format", "json", "--framework", "participatiewet", str(bylaw)]) == 1
    before = json.loads(capsys.readouterr().out)["elements"]["advice"]
    assert "advice_not_early" in before["reasons"]
    _edit(
        rules_copy,
        "advice.yaml",
        "    missing: advice_not_early",
        "    default: true\n    missing: advice_not_early",
    )
    code = main(
        [
            "check",
            "--format",
            "json",
            "--framework",
            "participatiewet",
            "--rules",
            str(rules_copy),
            str(bylaw),
        ]
    )
    after = json.loads(capsys.readouterr().out)["elements"]["advice"]
    assert code == 1
    assert "advice_not_early" not in after["reasons"]


# -- domain knowledge is data: a jurist's edit changes a verdict ------------------------------------
MEEDENKRAAD = """Verordening meedenkraad Dalmeer

De raad van de gemeente Dalmeer;
gelet op artikel 47 van de Participatiewet;
besluit vast te stellen de volgende verordening.

Artikel 1 Taken
1. De meedenkraad adviseert het college gevraagd en ongevraagd over beleidsvoorstellen.
2. Het college en de meedenkraad overleggen ten minste vier keer per jaar.
"""


def test_a_council_name_added_to_the_roles_changes_the_verdict(rules_copy: Path) -> None:
    before = verordening.check(MEEDENKRAAD, rules=rules_copy, model="builtin")
    assert before.verdict == "not_participation_bylaw"  # nobody here has rights: no body is named
    _edit(
        rules_copy, "roles.yaml", "    - gehandicaptenraad\n", "    - gehandicaptenraad\n    - meedenkraad\n"
    )
    after = verordening.check(MEEDENKRAAD, rules=rules_copy, model="builtin")
    assert after.verdict == "participation_bylaw"
    assert after.elements["advice"].citations[0].citation == "artikel 1, eerste lid"


def test_a_title_word_added_to_the_verdict_words_changes_the_verdict(rules_copy: Path) -> None:
    text = MEEDENKRAAD.replace("gelet op artikel 47 van de Participatiewet;\n", "")
    _edit(
        rules_copy, "roles.yaml", "    - gehandicaptenraad\n", "    - gehandicaptenraad\n    - meedenkraad\n"
    )
    assert verordening.check(text, rules=rules_copy, model="builtin").verdict == "not_participation_bylaw"
    _edit(
        rules_copy,
        "verdict.yaml",
        "    - cliëntenparticipatie\n",
        "    - cliëntenparticipatie\n    - meedenkraad\n",
    )
    assert verordening.check(text, rules=rules_copy, model="builtin").verdict == "participation_bylaw"


def test_a_law_variant_added_to_the_laws_gives_the_framework(rules_copy: Path) -> None:
    text = MEEDENKRAAD.replace("van de Participatiewet", "van de Participatie-wet")
    _edit(
        rules_copy, "roles.yaml", "    - gehandicaptenraad\n", "    - gehandicaptenraad\n    - meedenkraad\n"
    )
    assert verordening.check(text, rules=rules_copy, model="builtin").frameworks == ()
    _edit(rules_copy, "laws.yaml", "names: [Participatiewet]", "names: [Participatiewet, Participatie-wet]")
    assert verordening.check(text, rules=rules_copy, model="builtin").frameworks == ("participatiewet",)


# -- any rule folder: a rule set or one clear error ----------------------------------------------
_FILES = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
_PIECES = [
    ":",
    "- ",
    "[",
    "]",
    "{",
    "}",
    " ",
    "\n",
    "  ",
    "x",
    "1",
    "'",
    '"',
    "*",
    "&a ",
    "!!python/none",
    "#",
    ",",
]
_NLP = spacy.blank("nl")


@st.composite
def _broken(draw: st.DrawFn) -> tuple[str, str]:
    """One rule folder file, cut and changed at random."""
    name = draw(st.sampled_from(_FILES))
    lines = (ROOT / "rules" / name).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "repeat", "cut", "insert"]))
        if how == "drop":
            del lines[at]
        elif how == "repeat":
            lines.insert(at, lines[at])
        elif how == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        else:
            piece = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6)))
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + piece + lines[at][column:]
    return name, "\n".join(lines)


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")) // 3,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(_broken())
def test_any_rule_folder_gives_a_rule_set_or_one_clear_error(tmp_path: Path, broken: tuple[str, str]) -> None:
    folder = tmp_path / "rules"
    if not folder.exists():
        shutil.copytree(ROOT / "rules", folder)
    name, text = broken
    original = (ROOT / "rules" / name).read_text(encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    try:
        ruleset = load_rules(folder)
        compile_rules(_NLP, ruleset.rules, ruleset.knowledge.cues)
    except RuleError as error:
        message = str(error)
        assert "\n" not in message
        assert re.match(rf"{re.escape(str(folder))}/[\w./]+:\d+: \S", message), message
    finally:
        (folder / name).write_text(original, encoding="utf-8")

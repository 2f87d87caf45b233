"""The rules' own words in English (issue 12, point 2: ``--lang en`` gives English for every output).

Each rule file holds its Dutch texts and, under ``translations: en:``, the same texts in
English: the description, the message per status, the meaning of every reason code and the
label of every value. The loader refuses a translation that leaves a reason out or names one
the Dutch does not have. The English report, the rule listing and the HTML page show the
English; the example wording stays Dutch, as it would stand in the bylaw.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import verordening
from verordening.checker import Checker
from verordening.datafile import RuleError
from verordening.output import report_text
from verordening.output_html import report_html
from verordening.output_rules import rule_text
from verordening.rules import default_rules
from verordening.rules.ruleset import load_rules

from .conftest import ROOT

RULES = ROOT / "rules"


def _sentences(texts: dict[str, str]) -> set[str]:
    return {" ".join(text.split()) for text in texts.values()}


def test_every_rule_says_everything_in_english_too() -> None:
    for rule in default_rules().rules:
        dutch, english = rule.texts("nl"), rule.texts("en")
        assert english is not dutch, rule.element
        assert english.reasons.keys() == dutch.reasons.keys(), rule.element
        assert english.messages.keys() == dutch.messages.keys() == {"present", "partial", "missing"}
        assert english.values.keys() == dutch.values.keys(), rule.element
        # a translation, not a copy: no English text equals its Dutch
        for part in ("reasons", "messages", "values"):
            theirs, ours = getattr(english, part), getattr(dutch, part)
            assert [k for k in ours if ours[k] == theirs[k]] == [], (rule.element, part)
        assert english.description != dutch.description


def test_an_unknown_language_falls_back_to_the_dutch() -> None:
    rule = default_rules().rules[0]
    assert rule.texts("fy") == rule.texts("nl")
    assert rule.texts("nl").messages is rule.messages


def _copy_rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    return folder


def test_a_translation_without_a_reason_is_refused_with_its_file_and_key(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "support.yaml"
    text = path.read_text(encoding="utf-8")
    english = text[text.index("translations:") :]
    line = next(x for x in english.splitlines() if x.strip().startswith("support_lapsed:"))
    path.write_text(text.replace(line + "\n", "", 1), encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules(folder)
    assert "support.yaml" in str(caught.value)
    assert "support_lapsed" in str(caught.value)


def test_a_translation_of_a_reason_the_dutch_lacks_is_refused(tmp_path: Path) -> None:
    folder = _copy_rules(tmp_path)
    path = folder / "agenda.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("      agenda_lapsed:", text.index("translations:"))
    invented = "      agenda_invented: Not a reason of the rule.\n"
    path.write_text(text[:at] + invented + text[at:], encoding="utf-8")
    with pytest.raises(RuleError, match="agenda_invented"):
        load_rules(folder)


def test_a_restriction_elsewhere_must_be_explained_for_every_element(tmp_path: Path) -> None:
    """Any grant can be taken back by another provision ("restricted"), whatever the rule says
    about negated anchors: support gave that code without a meaning before."""
    folder = _copy_rules(tmp_path)
    path = folder / "support.yaml"
    text = path.read_text(encoding="utf-8")
    dutch = next(x for x in text.splitlines() if x.startswith("  support_restricted:"))
    path.write_text(text.replace(dutch + "\n", "", 1), encoding="utf-8")
    with pytest.raises(RuleError, match="support_restricted"):
        load_rules(folder)


@pytest.fixture(scope="module")
def reports() -> list[verordening.Report]:
    checker = Checker(model="builtin")
    paths = sorted((ROOT / "corpus").rglob("*.txt"))
    assert len(paths) > 100
    return [checker.check(verordening.parse_file(p), as_of="2026-11-22") for p in paths]


def test_the_english_report_explains_every_reason_in_english(reports: list[verordening.Report]) -> None:
    rules = {rule.element: rule for rule in default_rules().rules}
    dutch = set().union(*(_sentences(r.messages) | _sentences(r.reasons) for r in rules.values()))
    explained = 0
    for report in reports:
        text = " ".join(report_text(report, lang="en").split())
        assert [s for s in dutch if s in text] == [], report.file
        for key, result in report.elements.items():
            if result.status in ("partial", "missing"):
                english = rules[key].texts("en")
                assert " ".join(english.messages[result.status].split()) in text, (report.file, key)
                for code in result.reasons:
                    assert " ".join(english.reasons[code].split()) in text, (report.file, key, code)
                    explained += 1
    assert explained > 300


def test_the_english_report_gives_values_in_english() -> None:
    text = (
        "Verordening cliëntenparticipatie\n\nArtikel 1\nDe wethouder en de cliëntenraad overleggen ten "
        "minste vier keer per jaar over de uitvoering van de Participatiewet.\n"
    )
    report = verordening.check(text, frameworks=["participatiewet"])
    assert "4 times a year" in report_text(report, lang="en")
    assert "4 keer per jaar" in report_text(report)


def test_the_rule_listing_is_english_on_request() -> None:
    rule = next(r for r in default_rules().rules if r.element == "support")
    english, dutch = rule_text(rule, lang="en"), rule_text(rule)
    assert english.startswith("Support (support)")
    assert "Support is only left to the college to regulate later." in english
    assert "De ondersteuning wordt alleen aan het college overgelaten" in dutch
    assert "De ondersteuning wordt alleen" not in english


def test_the_html_page_is_english_on_request(reports: list[verordening.Report]) -> None:
    report = next(r for r in reports if r.elements["support"].status == "partial")
    page, dutch = report_html(report, "en"), report_html(report)
    assert '<html lang="en">' in page
    assert '<html lang="nl">' in dutch
    assert "Why this falls short" in page
    assert "Waarom dit tekortschiet" in dutch
    assert "Waarom dit tekortschiet" not in page
    support = next(r for r in default_rules().rules if r.element == "support")
    assert support.texts("en").messages["partial"] in page
    assert support.texts("nl").messages["partial"] not in page
    assert ">partial<" in page
    assert ">gedeeltelijk<" in dutch

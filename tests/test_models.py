"""Statistical Dutch models: loading order, errors, and the checks with the stand-in model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import verordening
from verordening.cli import main
from verordening.evaluate import evaluate
from verordening.language import ModelError, load_pipeline
from verordening.rules.ruleset import load_rules

from .conftest import ROOT


def test_without_a_model_the_builtin_pipeline_is_used_and_said(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERORDENING_SPACY_MODEL", raising=False)
    _, info = load_pipeline()
    assert info.kind == "builtin"
    report = verordening.check("Verordening cliëntenparticipatie\nArtikel 1\nDe adviesraad adviseert.")
    assert report.pipeline.kind == "builtin"
    assert "P001" in [d.code for d in report.diagnostics]


def test_a_named_model_that_is_not_installed_is_an_error_with_the_install_command() -> None:
    with pytest.raises(ModelError, match=r"python -m spacy download nl_core_news_md"):
        load_pipeline("nl_core_news_md")


def test_a_missing_model_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no spaCy pipeline at"):
        load_pipeline(str(tmp_path / "nope"))


def test_the_environment_variable_chooses_the_model(model: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERORDENING_SPACY_MODEL", model)
    nlp, info = load_pipeline()
    assert info.kind == "model"
    assert "ner" not in nlp.pipe_names or "ner" in nlp.disabled
    monkeypatch.setenv("VERORDENING_SPACY_MODEL", "builtin")
    assert load_pipeline()[1].kind == "builtin"


def test_a_checker_is_made_once_per_model_and_rule_folder(model: str) -> None:
    from verordening import _checker
    from verordening.language import chosen_model

    verordening.check("Artikel 1\nDe adviesraad adviseert.", model=model)
    first = _checker(chosen_model(model), None)
    verordening.check("Artikel 1\nDe adviesraad overlegt.", model=model)
    assert _checker(chosen_model(model), None) is first
    assert first.model is not None


def test_cli_model_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "v.txt"
    path.write_text("Artikel 1\nTekst.", encoding="utf-8")
    assert main(["check", str(path), "--model", "nl_core_news_lg"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "python -m spacy download nl_core_news_lg" in err


def test_the_model_reads_only_candidate_provisions(model: str) -> None:
    from verordening.checker import Checker
    from verordening.language import find_roles, read_units, units_of
    from verordening.rules.match import candidates, match

    checker = Checker(model=model)
    document = verordening.parse_file(ROOT / "corpus" / "a01_dalmeer_pw.txt")
    units = units_of(document)
    roles = find_roles(document, units, checker.ruleset.knowledge.roles)
    reading = read_units(checker.builtin, checker.markers["builtin"], units, roles)
    cheap = match(checker.matchers, checker.strings, reading)
    chosen = candidates(cheap, units, checker.ruleset.rules, checker.ruleset.knowledge.cues)
    assert 0 < len(chosen) < len(units) / 2


def test_the_model_runs_only_what_the_rules_read(model: str) -> None:
    from verordening.checker import Checker
    from verordening.language import find_roles, read_units, reparse, units_of

    checker = Checker(model=model)
    assert checker.model is not None
    document = verordening.parse_file(ROOT / "corpus" / "a01_dalmeer_pw.txt")
    units = units_of(document)
    roles = find_roles(document, units, checker.ruleset.knowledge.roles)
    reading = read_units(checker.builtin, checker.markers["builtin"], units, roles)
    which = [u.index for u in units if "college" in u.text][:3]
    assert which
    marker = checker.markers["model"]
    parsed = reparse(checker.model, checker.lemmas, marker, reading, units, which, roles)
    for index in which:
        again = parsed.words_of(index)
        assert again.doc.has_annotation("DEP")
        assert not again.doc.has_annotation("TAG")  # no rule reads tags: the tagger did not run
        # the lemmas are the cheap pass's, whichever pipeline read the words
        assert [t.lemma_ for t in again] == [t.lemma_ for t in reading.words_of(index)]
    tagged = reparse(checker.model, checker.lemmas, marker, reading, units, which, roles, tags=True)
    assert tagged.words_of(which[0]).doc.has_annotation("TAG")


RULES = load_rules().rules


@pytest.mark.parametrize(
    ("rule", "example"),
    [pytest.param(r, e, id=f"{r.element}-{i}") for r in RULES for i, e in enumerate(r.examples)],
)
def test_rule_examples_hold_with_the_model(model: str, rule: Any, example: dict[str, Any]) -> None:
    framework = example.get(
        "framework", "wmo2015" if "participatiewet" not in rule.frameworks else "participatiewet"
    )
    text = f"Verordening cliëntenparticipatie\n\nArtikel 1 Bepaling\n{example['text']}\n"
    result = verordening.check(text, frameworks=[framework], model=model).elements[rule.element]
    assert result.status == example["status"], result.reasons


def test_the_parse_finds_who_informs_whom(model: str) -> None:
    text = (
        "Verordening cliëntenparticipatie\nArtikel 1\n"
        "1. Het college en de adviesraad overleggen vier keer per jaar.\n"
        "2. Na elk overleg informeert de adviesraad de gemeenteraad over zijn standpunten.\n"
    )
    builtin = verordening.check(text, model="builtin").elements["information"]
    parsed = verordening.check(text, model=model).elements["information"]
    # without a parse the tool cannot tell who informs whom and says partial, not present
    assert builtin.status == "partial"
    # with a parse it sees the body is the subject: no information duty towards the body
    assert parsed.status == "missing"


def test_evaluation_meets_the_targets_with_the_model(model: str, real: Path) -> None:
    result = evaluate([ROOT / "corpus", real / "full"], model=model).to_dict()
    for key, figures in result["elements"].items():
        assert figures["macro_f1"] >= 0.95, key
        assert figures["false_present_rate"] == 0, key
        assert figures["citation_accuracy"] is None or figures["citation_accuracy"] >= 0.95, key
    assert result["overall"]["macro_f1"] > result["baseline"]["overall"]["macro_f1"] + 0.3

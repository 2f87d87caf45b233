"""Dutch throughout, English on request (issue 12, point 2).

The Dutch text report of every corpus text (and of odd inputs: a Word file, a text that is
no bylaw, a file with reading remarks) holds no English outside the quoted bylaw text: not
the notices it printed before, not the reason codes, not common English words. ``--lang en``
and ``$VERORDENING_LANG`` switch the report, the outline and ``--help`` to English; a Word
file's citations say where in the document, not which line of the extracted text.
"""

from __future__ import annotations

import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

import verordening
from verordening.checker import Checker
from verordening.cli import main
from verordening.diagnostics import CODES
from verordening.messages import LANGUAGES, keys, messages, texts
from verordening.output import outline_text, report_summary_line, report_text

from .conftest import ROOT
from .test_docx import DRAFT, docx

CORPUS = ROOT / "corpus"

# what the Dutch report printed in English before issue 12, and what would give English away
KNOWN_ENGLISH = (
    "blank:nl",
    "lookup-lemmatizer",
    "byte order mark",
    "Redencodes",
    "see 'verordening",
    "usage:",
)
ENGLISH_WORDS = (
    " the ",
    " is not ",
    " and ",
    " with ",
    " for ",
    " from ",
    " found",
    "missing",
    " present",
    " partial",
    " should ",
    " must ",
    " could ",
    " which ",
    " this ",
    " read ",
    " line ",
    " judged",
    " based on",
    " pipeline",
    " built-in",
    " notes ",
    " reason",
)
QUOTED = re.compile(r"„[^”]*”")


def english_in(report: str) -> list[str]:
    """The English a Dutch report holds outside the quoted bylaw text and the file name."""
    lines = [line for line in report.splitlines() if not line.startswith("Bestand:")]
    text = " " + " ".join(" ".join(lines).split()) + " "
    text = QUOTED.sub(" ", text)
    lowered = text.lower()
    found = [phrase for phrase in KNOWN_ENGLISH if phrase.lower() in lowered]
    found += [word.strip() for word in ENGLISH_WORDS if word in lowered]
    fixed_english = (re.split(r"\{[^}]*\}", code.en) for code in CODES.values())
    found += [part for parts in fixed_english for part in parts if len(part.strip()) > 12 and part in text]
    return found


def reason_codes() -> set[str]:
    return {code for rule in verordening.rules.default_rules().rules for code in rule.reasons}


def corpus_texts() -> list[Path]:
    return sorted(CORPUS.rglob("*.txt"))


def test_the_dutch_report_of_every_corpus_text_has_no_english() -> None:
    checker = Checker(model="builtin")
    codes = reason_codes()
    offenders: dict[str, list[str]] = {}
    paths = corpus_texts()
    assert len(paths) > 100
    for path in paths:
        report = checker.check(verordening.parse_file(path), as_of="2026-11-22")
        text = report_text(report)
        words = set(re.findall(r"[a-z_]+", QUOTED.sub(" ", text)))
        found = english_in(text) + sorted(codes & words)
        if found:
            offenders[path.name] = found
    assert offenders == {}


def test_with_a_model_the_dutch_report_has_no_english_either(model: str) -> None:
    checker = Checker(model=model)
    for path in sorted(CORPUS.glob("*.txt")):
        text = report_text(checker.check(verordening.parse_file(path), as_of="2026-11-22"))
        assert "statistisch taalmodel" in text
        assert english_in(text) == [], path.name


def test_the_scan_for_english_finds_the_english_report(tmp_path: Path) -> None:
    """The detector itself: an English report is caught, the same report in Dutch is not."""
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    report = verordening.check_file(path, frameworks=["participatiewet"])
    assert english_in(report_text(report)) == []
    found = english_in(report_text(report, lang="en"))
    assert {
        "the",
        "found",
        "missing",
        "read from a Word document: offsets point into its text, with Word's numbering written out",
    } <= set(found)


def odd_inputs(tmp_path: Path) -> dict[str, Path]:
    """A Word file, a shopping list, a Windows-1252 text with a remark, UTF-16 with a byte
    order mark, a bylaw that names no law, an empty file."""
    files = {
        "word.docx": docx(DRAFT),
        "lijst.txt": b"Boodschappenlijst\n\nmelk, brood en kaas\n",
        "ansi.txt": "Artikel 1\nDe adviesraad adviseert het college gevraagd en ongevraagd.\xe9\n".encode(
            "cp1252"
        ),
        "utf16.txt": "Artikel 1 Advies\nDe adviesraad adviseert het college.\n".encode("utf-16"),
        "leeg.txt": b"",
        "sport.txt": b"Verordening sportsubsidie\n\nArtikel 1\nHet college verstrekt subsidie.\n",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    return paths


def test_odd_inputs_give_dutch_reports_and_dutch_remarks(tmp_path: Path) -> None:
    for name, path in odd_inputs(tmp_path).items():
        report = verordening.check_file(path)
        assert report.diagnostics or report.verdict != "participation_bylaw", name
        text = report_text(report)
        assert english_in(text) == [], (name, text)
        assert english_in(outline_text(report.document).replace(str(path), "")) == [], name
        assert english_in(report_summary_line(report).replace(str(path), "")) == [], name


def test_reasons_are_explained_in_the_report_language_and_their_codes_stay_in_json(tmp_path: Path) -> None:
    path = tmp_path / "kan.txt"
    path.write_text(
        "Verordening cliëntenparticipatie\n\nArtikel 1\nDe adviesraad adviseert het college gevraagd en "
        "ongevraagd.\n\nArtikel 2\nHet college kan de adviesraad een budget toekennen voor scholing.\n",
        encoding="utf-8",
    )
    report = verordening.check_file(path, frameworks=["participatiewet"])
    support = report.elements["support"]
    assert support.status == "partial"
    assert "support_discretionary" in support.reasons
    assert "support_discretionary" in report.to_json()
    text = report_text(report)
    rule = (
        report.ruleset.find("support")
        if report.ruleset
        else verordening.rules.default_rules().find("support")
    )
    assert rule is not None
    assert "support_discretionary" not in text
    assert "Waarom:" in text
    assert " ".join(rule.reasons["support_discretionary"].split()) in " ".join(text.split())
    english = " ".join(report_text(report, lang="en").split())
    assert "support_discretionary" not in english
    assert " ".join(rule.texts("en").reasons["support_discretionary"].split()) in english
    assert " ".join(rule.reasons["support_discretionary"].split()) not in english


def test_word_citations_say_where_in_the_document_not_which_line(tmp_path: Path) -> None:
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    report = verordening.check_file(path, frameworks=["participatiewet"])
    text = report_text(report)
    assert "artikel 1, tweede lid: „2. Het college vraagt het advies" in text
    assert not re.search(r"\bregel \d", text)
    assert not re.search(r"\bline \d", report_text(report, lang="en"))
    # a plain text keeps its line numbers: there the reader sees them
    plain = tmp_path / "concept.txt"
    plain.write_text(verordening.load(path).text, encoding="utf-8")
    line = verordening.parse_file(plain).get("art1/lid2").line
    assert f"artikel 1, tweede lid (regel {line}): „2. Het college" in report_text(
        verordening.check_file(plain)
    )


def test_an_official_html_page_is_cited_by_article_and_lid_too(tmp_path: Path) -> None:
    from .test_load_html import HTML_A

    path = tmp_path / "pagina.html"
    path.write_text(HTML_A, encoding="utf-8")
    text = report_text(verordening.check_file(path))
    assert "Vindplaats:\n    - artikel " in text
    assert not re.search(r"\bregel \d", text)
    assert english_in(text) == []


def test_english_report_and_outline_on_request(tmp_path: Path) -> None:
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    report = verordening.check_file(path, frameworks=["participatiewet"])
    text = report_text(report, lang="en")
    for label in (
        "File:",
        "Verdict:",
        "Judged under:",
        "Statutory elements",
        "Found at:",
        "Example wording (in Dutch):",
    ):
        assert label in text
    assert re.search(r"^PRESENT  Early requested and unrequested advice$", text, re.M)
    assert re.search(r"^MISSING  Support$", text, re.M)
    assert "read from a Word document" in text  # the diagnostic in English
    assert text.rstrip().endswith("3 of 5 elements present, 2 missing")
    for dutch in ("Oordeel", "Vindplaats", "Voorbeeldtekst:", "AANWEZIG", "ONTBREEKT", "gelezen uit"):
        assert dutch not in text
    outline = outline_text(report.document, lang="en")
    assert "2 articles, 0 annexes" in outline
    assert "line 3" in outline
    assert "ONTBREEKT" not in report_summary_line(report, lang="en")
    assert "support missing" in report_summary_line(report, lang="en")


def test_cli_lang_option_and_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    monkeypatch.delenv("VERORDENING_LANG", raising=False)
    assert main(["check", str(path)]) == 1
    assert "Wettelijke elementen" in capsys.readouterr().out
    assert main(["check", "--lang", "en", str(path)]) == 1
    assert "Statutory elements" in capsys.readouterr().out
    assert main(["--lang=en", "parse", str(path)]) == 0
    assert "2 articles" in capsys.readouterr().out
    monkeypatch.setenv("VERORDENING_LANG", "en")
    assert main(["check", str(path)]) == 1
    assert "Statutory elements" in capsys.readouterr().out
    assert main(["check", "--lang", "nl", str(path)]) == 1  # the option wins over the environment
    assert "Wettelijke elementen" in capsys.readouterr().out
    monkeypatch.setenv("VERORDENING_LANG", "xx")  # an unknown language in the environment: Dutch
    assert main(["rules", "NOPE"]) == 2
    assert capsys.readouterr().err == "verordening: geen regel 'NOPE' (zie 'verordening rules')\n"


def help_of(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["check"], ["parse"], ["rules"], ["eval"], ["scan"], ["report"]])
def test_help_in_both_languages(
    command: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VERORDENING_LANG", raising=False)
    dutch = help_of([*command, "--help"], capsys)
    english = help_of(["--lang", "en", *command, "--help"], capsys)
    assert dutch.startswith("gebruik: verordening")
    assert english.startswith("usage: verordening")
    assert "opties:" in dutch
    assert "options:" in english
    assert "toon deze hulp en stop" in dutch
    assert "show this help message and exit" in english
    for word in (" the ", "show ", " and ", " with ", " for ", "options"):
        assert word not in dutch.lower().replace("nl_core_news", ""), word
    if command == ["check"]:
        assert "toets aan dit kader in plaats van de grondslag" in dutch
        assert "judge under this framework instead of the legal basis" in english
        assert "input_bytes" in dutch  # the limit names fill the placeholder


def test_every_option_of_the_own_commands_has_help_in_both_languages() -> None:
    """A new option without its texts in messages.yaml would show English in a Dutch --help."""
    from verordening.cli import _build

    parser = _build("nl")
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices is not None
    known = set(keys())
    for command in ("parse", "check", "rules", "eval", "scan", "report"):
        for action in sub.choices[command]._actions:  # type: ignore[index]
            assert f"help.{command}.{action.dest}" in known or f"help._.{action.dest}" in known, (
                command,
                action.dest,
            )


def test_cli_usage_errors_in_dutch_and_english(capsys: pytest.CaptureFixture[str]) -> None:
    for argv, dutch in (
        (["check"], "deze argumenten ontbreken"),
        (["parse", "--format", "xml", "x"], "ongeldige keuze"),
    ):
        with pytest.raises(SystemExit):
            main(argv)
        err = capsys.readouterr().err
        assert dutch in err
        assert "(zie 'verordening --help')" in err
        assert err.count("\n") == 1
        with pytest.raises(SystemExit):
            main(["--lang", "en", *argv])
        assert "(see 'verordening --help')" in capsys.readouterr().err


def test_messages_exist_in_every_language_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert len(keys()) > 50
    for key in keys():
        given = texts(key)
        assert set(given) == set(LANGUAGES), key
        assert fields(given["nl"]) == fields(given["en"]), key
        if not key.endswith("rule_language_note"):
            assert all(t.strip() for t in given.values()), key
    assert messages("nl")("report.count_partial", count=2) == "2 gedeeltelijk"


def test_a_report_in_english_from_another_process_names_no_dutch_frame(tmp_path: Path) -> None:
    """The environment variable reaches the command as users start it."""
    path = tmp_path / "lijst.txt"
    path.write_text("Boodschappenlijst\n\nmelk\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "verordening", "check", str(path)],
        capture_output=True,
        text=True,
        env={"VERORDENING_LANG": "en", "PATH": "/usr/bin"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 3, done.stderr
    assert "Not checked: no articles found." in done.stdout
    assert "Niet getoetst" not in done.stdout


def test_the_commands_own_errors_in_the_language_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line's own one-line errors; a reader's error (raised in English where the
    input is read) keeps its words, but its file name and one line all the same."""
    monkeypatch.delenv("VERORDENING_LANG", raising=False)
    missing = str(tmp_path / "weg.txt")
    assert main(["check", "--framework", "xyz", missing]) == 2
    assert "onbekend kader xyz; kies uit" in capsys.readouterr().err
    assert main(["check", "--lang", "en", "--framework", "xyz", missing]) == 2
    assert "unknown framework xyz; choose from" in capsys.readouterr().err
    assert main(["rules", "--lang", "en", "NOPE"]) == 2
    assert capsys.readouterr().err == "verordening: no rule 'NOPE' (see 'verordening rules')\n"
    assert main(["check", missing]) == 2
    assert capsys.readouterr().err.count("\n") == 1

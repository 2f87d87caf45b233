"""No control or bidi character from an input reaches the terminal raw: text, stderr, JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verordening.cli import main
from verordening.escape import json_escaped, visible

HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202egnirts\u202c\u2066x\u2069\x7f"
BYLAW = (
    f"Verordening cliëntenraad {HOSTILE} 2020\n\nDe raad van de gemeente Zandvoorde;\n"
    "gelet op artikel 47 van de Participatiewet;\nbesluit:\n\n"
    f"Artikel 1 Advies {HOSTILE}\n"
    f"1. De cliëntenraad adviseert het college gevraagd en ongevraagd {HOSTILE}.\n"
)
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def test_visible_escapes_controls_and_bidi_and_keeps_lines() -> None:
    assert visible("a\x1bb\u202ec\nd\te") == "a\\x1bb\\u202ec\nd\te"
    assert visible("a\nb", one_line=True) == "a\\x0ab"
    assert visible("\x1b[1mok\x1b[0m\x1b[2J", keep=("\x1b[1m", "\x1b[0m")) == "\x1b[1mok\x1b[0m\\x1b[2J"
    assert json.loads(json_escaped(json.dumps(HOSTILE, ensure_ascii=False))) == HOSTILE


@pytest.mark.parametrize(
    "argv",
    [["parse"], ["parse", "--format", "json"], ["check", "--color", "never"], ["check", "--format", "json"]],
)
def test_no_output_carries_a_raw_control_from_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    path = tmp_path / "bylaw.txt"
    path.write_text(BYLAW, encoding="utf-8")
    main([*argv, str(path)])
    out, err = capsys.readouterr()
    assert not RAW.search(out.replace("\n", "").replace("\t", "")), argv
    assert not RAW.search(err.replace("\n", ""))
    if "json" in argv:
        assert json.loads(out)["file"] == str(path)
    else:
        assert "Artikel 1" in out or "artikel 1" in out


def test_colour_output_keeps_only_its_own_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bylaw.txt"
    path.write_text(BYLAW, encoding="utf-8")
    main(["check", "--color", "always", str(path)])
    out = capsys.readouterr().out
    codes = set(re.findall(r"\x1b\[[0-9;]*[A-Za-z]", out))
    assert codes
    assert codes <= {"\x1b[0m", "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m"}
    assert "\x1b[2J" not in out
    assert "\x9b" not in out
    assert "\u202e" not in out


def test_a_file_name_with_controls_is_escaped_in_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bylaw\x1b[2J\u202e.txt"
    path.write_text(BYLAW, encoding="utf-8")
    for argv in (["parse"], ["check"], ["check", "--format", "json"]):
        main([*argv, str(path)])
        out = capsys.readouterr().out
        assert "\x1b" not in out, argv
        assert "\u202e" not in out, argv
        assert "bylaw" in out, argv


def test_a_file_name_with_controls_is_escaped_in_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "missing\x1b[31m\u202e.txt"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert "\x1b" not in err
    assert "\u202e" not in err
    assert "missing\\x1b[31m\\u202e.txt" in err

"""Loading bytes and the ``verordening parse`` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verordening
from verordening.cli import main
from verordening.load import LoadError, decode

from .conftest import FIXTURES, ROOT

SCHEMA = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))
BYLAW = "Artikel 1 Begrippen\n1. De adviesraad adviseert het college gevraagd en ongevraagd.\n"


# -- decoding ---------------------------------------------------------------------------------
def test_utf8_with_and_without_bom() -> None:
    plain = decode(BYLAW.encode("utf-8"))
    bom = decode(b"\xef\xbb\xbf" + BYLAW.encode("utf-8"))
    assert plain[:2] == bom[:2] == (BYLAW, "utf-8")
    assert plain[2] == bom[2] == ()


def test_windows_1252_falls_back_with_a_diagnostic() -> None:
    text, encoding, notes = decode("Cliëntenraad – overleg".encode("cp1252"))
    assert (text, encoding) == ("Cliëntenraad – overleg", "cp1252")
    assert [n.code for n in notes] == ["L001"]


def test_utf16_with_bom() -> None:
    text, encoding, notes = decode(BYLAW.encode("utf-16"))
    assert (text, encoding) == (BYLAW, "utf-16")
    assert [n.code for n in notes] == ["L004"]


def test_undefined_cp1252_bytes_are_replaced_and_counted() -> None:
    text, encoding, notes = decode(b"abc\x81\x8d def \xff")
    assert encoding == "cp1252"
    assert text.count("\ufffd") == 2
    assert [n.code for n in notes] == ["L001", "L003"]


def test_nul_bytes_are_removed_with_a_diagnostic() -> None:
    text, _, notes = decode(b"Artikel 1\x00\nTekst.")
    assert "\x00" not in text
    assert "L002" in [n.code for n in notes]


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_parse_file_reads_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "x.txt"
    path.write_bytes(data)
    refused = data.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0", b"{\\rtf"))
    if refused:  # only the binary formats we refuse by their signature
        with pytest.raises(LoadError, match=r"^[^\n]*$"):
            verordening.parse_file(path)
    else:
        assert verordening.parse_file(path).encoding in ("utf-8", "utf-16", "cp1252")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04rest", "Word"),
        (b"%PDF-1.7", r"draft\.bin: is a PDF that cannot be read"),
        (b"{\\rtf1 x}", "RTF"),
    ],
)
def test_binary_formats_are_refused_with_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "draft.bin"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        verordening.parse_file(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        verordening.parse_file(tmp_path / "nope.txt")
    with pytest.raises(LoadError, match="is a folder"):
        verordening.parse_file(tmp_path)


# -- the command line ----------------------------------------------------------------------------
def test_cli_text_outline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "v.txt"
    path.write_text(BYLAW, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    out = capsys.readouterr().out
    assert "artikel 1  Begrippen" in out
    assert "artikel 1, eerste lid" in out
    assert "regel 2" in out


def test_cli_json_validates_against_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    for path in sorted((FIXTURES / "structure").glob("*.txt")):
        assert main(["parse", "--format", "json", str(path)]) == 0
        data = json.loads(capsys.readouterr().out)
        jsonschema.validate(data, SCHEMA)
        assert data["file"] == str(path)


def test_cli_no_articles_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.txt"
    path.write_text("Geachte raad,\nHierbij een brief.\n", encoding="utf-8")
    assert main(["parse", str(path)]) == 3
    assert "S001 regel 1: geen artikelen gevonden" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["parse", "/no/such/file.txt"], ["parse"], ["parse", "--format", "xml", "x.txt"], ["frobnicate"], []],
)
def test_cli_usage_errors_exit_2_with_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse's own usage errors
        code = int(stop.code or 0)
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith(("verordening:", "gebruik:"))
    assert "Traceback" not in err


def test_cli_reads_standard_input_as_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "verordening", "parse", "--format", "json", "-"],
        input=BYLAW.encode("cp1252"),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == "-"
    assert data["children"][0]["id"] == "art1"


def test_cli_unreadable_file_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(50))
    result = subprocess.run(
        [sys.executable, "-m", "verordening", "parse", str(path)], capture_output=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.decode().count("\n") == 1
    assert b"Traceback" not in result.stderr

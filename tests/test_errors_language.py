"""Every one-line error of the command line is in the language of the run: Dutch by default,
English with ``--lang en``, and the English is what ``str(error)`` says to the Python API."""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from verordening.cli import main
from verordening.errors import LocalisedError, localised
from verordening.load import FORMATS, LoadError, guard, load
from verordening.load.base import FormatError, Limits
from verordening.messages import keys

from .pdfmaker import scan_pdf
from .test_docx_hostile import parts, raw_zip

ENGLISH = (" is not ", " cannot ", "no such", " the ", "too large", " not a ", "permission", " must ")
SOURCE = Path(__file__).parents[1] / "src" / "verordening"


@pytest.fixture(autouse=True)
def _dutch_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VERORDENING_LANG", raising=False)


def _file(name: str, data: bytes) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(data)
        return [str(path)]

    return build


def _random_pdf() -> bytes:
    return b"%PDF-1.7\n" + random.Random(4).randbytes(20_000) + b"\n%%EOF\n"


# case -> (the arguments after the command, built in a folder; Dutch words; the English of today)
CASES: dict[str, tuple[Callable[[Path], list[str]], str, str]] = {
    "missing": (
        lambda folder: [str(folder / "weg.txt")],
        "dit bestand bestaat niet",
        "weg.txt: no such file",
    ),
    "folder": (lambda folder: [str(folder)], "is een map, geen bestand", "is a folder, not a file"),
    "garbage-docx": (
        _file("kapot.docx", b"PK\x03\x04" + b"rommel" * 20),
        "geen leesbaar Word-document (een beschadigd ZIP-archief: ",
        "kapot.docx: not a readable Word document (a damaged ZIP archive: BadZipFile)",
    ),
    "encrypted-docx": (
        _file("geheim.docx", raw_zip(parts(), flags=1)),
        "is versleuteld (met een wachtwoord beveiligd); sla het op zonder wachtwoord",
        "geheim.docx: is encrypted (password-protected); save it without a password",
    ),
    "old-doc": (
        _file("oud.doc", b"\xd0\xcf\x11\xe0" + bytes(100)),
        "is een oud Word-document (.doc); sla het op als .docx",
        "is an old Word (.doc) document; save it as .docx",
    ),
    "random-pdf": (_file("ruis.pdf", _random_pdf()), "is een pdf die niet", "is a PDF that cannot be read"),
    "cut-off-pdf": (
        _file("half.pdf", b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\n"),
        "hij is afgebroken (het einde ontbreekt); download hem opnieuw",
        "it is cut off (no end-of-file marker); download it again",
    ),
    "scanned-pdf": (_file("scan.pdf", scan_pdf()), "tekstherkenning (OCR)", "has no text layer (a scan?)"),
    "html-dtd": (
        _file("pagina.html", b'<!DOCTYPE html [<!ENTITY x "y">]><html><body><p>&x;</p></body></html>'),
        "declareert entiteiten (een DTD)",
        "declares entities (a DTD), which an HTML page never needs; refused for safety",
    ),
    "xml-not-cvdr": (
        _file("regeling.xml", b'<?xml version="1.0"?><regeling><tekst>Artikel 1</tekst></regeling>'),
        "is XML, maar geen CVDR XML",
        "is XML but not CVDR XML (its root element is not <cvdr>)",
    ),
    "input-bytes": (
        lambda folder: ["--limit", "input_bytes=10", *_file("lang.txt", b"Artikel 1\n" * 5)(folder)],
        "bestand te groot (meer dan de limiet input_bytes, 10 bytes)",
        "lang.txt: file too large (more than limit input_bytes, 10 bytes)",
    ),
    "unknown-limit": (
        lambda folder: ["--limit", "snelheid=3", str(folder / "x.txt")],
        "onbekende limiet 'snelheid'; kies uit input_bytes",
        "unknown limit 'snelheid'; choose from input_bytes",
    ),
    "limit-not-a-number": (
        lambda folder: ["--limit", "depth=diep", str(folder / "x.txt")],
        "limiet depth moet een getal zijn, niet 'diep'",
        "limit depth needs a number, not 'diep'",
    ),
}


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.count("\n") == 1, err
    assert err.startswith("verordening: "), err
    return err


def _dutch(err: str, words: str) -> None:
    assert words in err, err
    assert not any(english in err for english in ENGLISH), err


@pytest.mark.parametrize("case", CASES)
def test_parse_says_what_is_wrong_in_dutch_and_in_english_on_request(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build, dutch, english = CASES[case]
    argv = build(tmp_path)
    _dutch(_run(["parse", *argv], capsys), dutch)
    err = _run(["parse", "--lang", "en", *argv], capsys)
    assert english in err, err
    assert dutch not in err


@pytest.mark.parametrize("case", ["missing", "garbage-docx", "encrypted-docx", "random-pdf", "input-bytes"])
def test_check_says_it_in_dutch_too_and_in_english_from_the_environment(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    build, dutch, english = CASES[case]
    argv = build(tmp_path)
    _dutch(_run(["check", "--model", "builtin", *argv], capsys), dutch)
    monkeypatch.setenv("VERORDENING_LANG", "en")
    assert english in _run(["check", "--model", "builtin", *argv], capsys)


def test_the_english_is_what_the_python_api_says(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"PK\x03\x04" + b"rommel" * 20)
    with pytest.raises(LoadError) as raised:
        load(path)
    assert str(raised.value) == f"{path}: not a readable Word document (a damaged ZIP archive: BadZipFile)"
    assert raised.value.text("en") == str(raised.value)
    assert _run(["parse", "--lang", "en", str(path)], capsys) == f"verordening: {raised.value}\n"


@pytest.mark.parametrize(
    ("argv", "dutch", "english"),
    [
        (
            ["--as-of", "2020-13-01"],
            "--as-of moet een datum zijn in de vorm JJJJ-MM-DD, niet '2020-13-01'",
            "must be a date",
        ),
        (
            ["--model", "/nonexistent/path"],
            "geen spaCy-taalmodel in '/nonexistent/path'",
            "no spaCy pipeline at",
        ),
        (
            ["--model", "builtin", "--format", "html"],
            "maakt de pagina van één verordening: geef één FILE",
            "give one FILE",
        ),
    ],
)
def test_check_options_that_cannot_be_used(
    argv: list[str], dutch: str, english: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    _dutch(_run(["check", *argv, *files], capsys), dutch)
    assert english in _run(["check", "--lang", "en", *argv, *files], capsys)


def test_a_wrapped_reader_error_and_a_plain_one_are_said_in_the_language_asked() -> None:
    def read(error: Exception) -> LoadError:
        with pytest.raises(LoadError) as raised, guard("x.pdf", "pdf", Limits()):
            raise error
        return raised.value

    wrapped = read(FormatError(key="pdf.pages", count=900, max=500))
    assert wrapped.text("nl") == "x.pdf: is een pdf van 900 pagina's; er worden er hoogstens 500 gelezen"
    assert str(wrapped) == "x.pdf: is a PDF of 900 pages; at most 500 are read"
    plain = read(FormatError("some reader's own words"))
    assert plain.text("nl") == str(plain) == "x.pdf: some reader's own words"
    unknown = read(KeyError("k"))
    assert unknown.text("nl") == "x.pdf: kan niet worden gelezen als pdf-document (KeyError)"
    assert str(unknown) == "x.pdf: cannot be read as a PDF document (KeyError)"
    assert localised(ValueError("as it is"), "nl") == "as it is"


def test_an_error_keeps_its_key_when_sent_from_a_worker_process() -> None:
    error = LoadError(key="load.wrapped", name="a.pdf", error=FormatError(key="pdf.encrypted"))
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is LoadError
    assert str(copy) == str(error)
    assert copy.text("nl") == error.text("nl") != str(error)
    plain = pickle.loads(pickle.dumps(LocalisedError("gewoon")))
    assert plain.text("nl") == "gewoon"


def test_every_error_key_in_the_code_has_its_words() -> None:
    """A key without words would fail only when that error is raised, perhaps for the first
    time on a user's file."""
    known = set(keys())
    literal = re.compile(r'key="([\w.]+)"|, "((?:load|docx)\.\w+)"\)')  # (and in tables of pairs)
    used = {
        found
        for path in SOURCE.rglob("*.py")
        for match in literal.finditer(path.read_text(encoding="utf-8"))
        for found in match.groups()
        if found
    }
    used |= {f"docx.{what}" for what in ("list_level", "start_value", "restart_level")}
    used |= {f"format.{name}" for name in FORMATS}
    assert len(used) > 60
    assert sorted(key for key in used if f"errors.{key}" not in known) == []


def test_diff_and_report_say_their_errors_in_the_language_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = str(tmp_path / "oud.txt"), str(tmp_path / "nieuw.txt")
    _dutch(_run(["diff", "--model", "builtin", old, new], capsys), "oud.txt: dit bestand bestaat niet")
    assert "oud.txt: no such file" in _run(["diff", "--lang", "en", "--model", "builtin", old, new], capsys)
    table = str(tmp_path / "t.parquet")
    _dutch(
        _run(["report", table, "--out", str(tmp_path / "r.html"), "--top", "0"], capsys),
        "--top moet minstens 1 zijn",
    )
    assert "--top must be at least 1" in _run(
        ["report", "--lang", "en", table, "--out", str(tmp_path / "r.html"), "--top", "0"], capsys
    )


def test_eval_says_what_is_wrong_with_its_gold_files_in_the_language_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dutch(_run(["eval", str(tmp_path / "nergens")], capsys), "nergens: deze map bestaat niet")
    assert "nergens: no such folder" in _run(["eval", "--lang", "en", str(tmp_path / "nergens")], capsys)
    _dutch(_run(["eval", str(tmp_path)], capsys), "geen *.gold.json-bestanden in")
    (tmp_path / "a.gold.json").write_text('{"text": "a.txt", "elements": []}', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Artikel 1\nTekst.\n", encoding="utf-8")
    _dutch(_run(["eval", str(tmp_path)], capsys), 'a.gold.json: "elements" moet een object zijn')
    english = _run(["eval", "--lang", "en", str(tmp_path)], capsys)
    assert 'a.gold.json: "elements" must be an object' in english

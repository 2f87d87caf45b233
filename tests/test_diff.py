"""`verordening diff`: element statuses and articles that change between two versions of a bylaw."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import verordening
from verordening.cli import main
from verordening.compare import Diff, changed_numbers
from verordening.compare_render import diff_html, diff_text

ROOT = Path(__file__).resolve().parents[1]
A01 = ROOT / "corpus" / "a01_dalmeer_pw.txt"
PERIODIC = "1. De wethouder en de cliëntenraad voeren ten minste vier keer per jaar overleg.\n"


def _versions(tmp_path: Path, new_text: str) -> tuple[Path, Path]:
    old, new = tmp_path / "oud.txt", tmp_path / "nieuw.txt"
    old.write_text(A01.read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text(new_text, encoding="utf-8")
    return old, new


def _without_periodic(tmp_path: Path) -> tuple[Path, Path]:
    text = A01.read_text(encoding="utf-8")
    assert text.count(PERIODIC) == 1
    return _versions(tmp_path, text.replace(PERIODIC, ""))


def test_one_element_removed_reports_exactly_that(tmp_path: Path) -> None:
    """Acceptance: the periodic consultation lid deleted -> that element and article 6, nothing else."""
    old, new = _without_periodic(tmp_path)
    result = verordening.diff(old, new, as_of="2026-01-01")
    assert isinstance(result, Diff)
    assert [(c.element, c.old, c.new) for c in result.statuses] == [
        ("periodic_consultation", "present", "missing")
    ]
    assert [c.citation for c in result.statuses[0].old_citations] == ["artikel 6, eerste lid"]
    assert result.statuses[0].new_citations == ()
    assert changed_numbers(result) == ["6"]
    assert result.added == ()
    assert result.removed == ()
    change = result.changed[0]
    assert not change.renumbered
    assert [(w.op, w.old) for w in change.words if w.op != "equal"] == [("delete", PERIODIC.strip())]
    assert result.exit_code == 1


def test_identical_versions_have_no_changes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _versions(tmp_path, A01.read_text(encoding="utf-8"))
    assert main(["diff", str(old), str(new)]) == 0
    assert "Geen verschillen" in capsys.readouterr().out
    assert verordening.diff(old, new).unchanged


def _renumbered(text: str) -> str:
    """A new article 2 put in, every later article one number up."""

    def up(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return f"Artikel {number + 1 if number >= 2 else number} "

    text = re.sub(r"(?m)^Artikel (\d+) ", up, text)
    return text.replace(
        "Artikel 3 Instelling",
        "Artikel 2 Vergoedingen\nDe leden ontvangen een vacatiegeld.\n\nArtikel 3 Instelling",
        1,
    )


def test_renumbered_articles_match_by_content(tmp_path: Path) -> None:
    old, new = _versions(tmp_path, _renumbered(A01.read_text(encoding="utf-8")))
    result = verordening.diff(old, new, as_of="2026-01-01")
    assert [a.number for a in result.added] == ["2"]
    assert result.removed == ()
    assert result.statuses == ()
    moved = {(c.old.number, c.new.number) for c in result.changed}
    assert moved == {(str(n), str(n + 1)) for n in range(2, 13)}
    assert all(c.renumbered and c.similarity > 0.9 for c in result.changed)
    assert result.exit_code == 0


def test_text_and_html_mark_the_words(tmp_path: Path) -> None:
    old, new = _without_periodic(tmp_path)
    result = verordening.diff(old, new, as_of="2026-01-01")
    text = diff_text(result)
    assert "Periodiek overleg: aanwezig -> ontbreekt" in text
    assert "[-1. De wethouder" in text
    assert "Gewijzigde artikelen" in text
    page = diff_html(result)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in page
    assert "<del>1. De wethouder" in page
    assert "<ins>" not in page
    assert "http" not in page  # self-contained


def test_inserted_words_and_hostile_text_escaped(tmp_path: Path) -> None:
    text = A01.read_text(encoding="utf-8")
    old, new = _versions(tmp_path, text.replace("vier keer per jaar", "zes&<5\u202e keer per jaar\x1b[2J", 1))
    result = verordening.diff(old, new, as_of="2026-01-01")
    page, plain = diff_html(result), diff_text(result)
    assert "<del>vier</del> <ins>zes&amp;&lt;5" in page
    assert "<5" not in page
    assert "\u202e" not in page + plain
    assert "\x1b" not in page + plain
    assert "[-vier-] {+zes&<5\\u202e+}" in plain


def test_cli_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _without_periodic(tmp_path)
    assert main(["diff", "--format", "json", str(old), str(new)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [s["element"] for s in data["statuses"]] == ["periodic_consultation"]
    assert data["changed"][0]["new"]["citation"] == "artikel 6"
    out = tmp_path / "verschil.html"
    assert main(["diff", "--format", "html", "-o", str(out), str(old), str(new)]) == 1
    assert "<del>" in out.read_text(encoding="utf-8")
    assert main(["diff", str(old), str(tmp_path / "weg.txt")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "weg.txt" in error


def test_the_comparison_in_english_on_request(tmp_path: Path) -> None:
    old, new = _without_periodic(tmp_path)
    result = verordening.diff(old, new, as_of="2026-01-01")
    text, page = diff_text(result, "en"), diff_html(result, "en")
    assert text.startswith("Comparison of two versions\n")
    assert "Periodic consultation: present -> missing" in text
    assert "Articles changed" in text
    assert "[-1. De wethouder" in text  # the bylaw's words stay as they are
    for dutch in ("Vergelijking", "Periodiek overleg", "aanwezig", "Gewijzigde artikelen", "bewijs oud"):
        assert dutch not in text
        assert dutch not in page
    assert '<html lang="en">' in page
    assert "Elements whose status changes" in page


def test_the_diff_command_speaks_the_language_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _without_periodic(tmp_path)
    assert main(["diff", str(old), str(new), "--as-of", "2026-01-01", "--lang", "en"]) == 1
    assert "Periodic consultation: present -> missing" in capsys.readouterr().out
    assert main(["diff", str(old), str(new), "--as-of", "2026-01-01"]) == 1
    assert "Periodiek overleg: aanwezig -> ontbreekt" in capsys.readouterr().out

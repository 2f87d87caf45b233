"""One document as rows of the scan table, and the table in each of its file formats."""

from __future__ import annotations

import json
from pathlib import Path

import pandas
import pytest

import verordening
from verordening.bulk import COLUMNS, ScanOptions, check_path, rules_version
from verordening.bulk.table import TableError, read_table, write_table
from verordening.bulk.work import code_version, tool_version

from .conftest import ROOT

BYLAW = ROOT / "corpus" / "a01_dalmeer_pw.txt"


def test_a_checked_bylaw_gives_one_row_per_element_as_its_report_says() -> None:
    rows = check_path(str(BYLAW), ScanOptions())
    report = verordening.check(BYLAW, model="builtin")
    assert [r.element for r in rows] == list(report.elements)
    for row in rows:
        result = report.elements[row.element]
        assert row.status == result.status
        assert row.citations == "; ".join(c.citation for c in result.citations)
        assert (json.loads(row.values) if row.values else {}) == result.values
        assert row.verdict == report.verdict
        assert row.error == ""
        assert row.rules_version == rules_version()
        assert row.tool_version == tool_version()
        assert row.tool_version.startswith(verordening.__version__ + "+")
    assert len({r.sha256 for r in rows}) == 1
    assert {r.year for r in rows} == {2015}  # a text without metadata: the year its title gives


def test_the_year_comes_from_the_metadata_before_the_text(tmp_path: Path) -> None:
    text = BYLAW.read_text(encoding="utf-8")
    dated = tmp_path / "gedateerd.txt"
    dated.write_text("Geldend van 01-01-2019 t/m heden\n\n" + text, encoding="utf-8")
    assert {r.year for r in check_path(str(dated), ScanOptions())} == {2019}


def test_a_file_that_cannot_be_read_or_checked_is_one_error_row(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    for path in (broken, tmp_path / "weg.txt"):
        (row,) = check_path(str(path), ScanOptions())
        assert row.verdict == "error"
        assert row.element == ""
        assert row.status == ""
        assert row.error.startswith(f"{path}: ")
        assert "\n" not in row.error


def test_a_document_over_its_time_limit_is_an_error_row_though_no_timer_interrupted_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The timer's exception can land where Python only prints it (a callback of the garbage
    collector); a document checked in full past its limit is still over it."""
    from contextlib import nullcontext

    from verordening.bulk import work
    from verordening.load import Limits

    monkeypatch.setattr(work, "budget", lambda seconds: nullcontext())  # (a timer that never fires)
    long = tmp_path / "long.txt"  # read in about a millisecond, checked in about half a second
    long.write_text(BYLAW.read_text(encoding="utf-8") * 60, encoding="utf-8")
    (row,) = check_path(str(long), ScanOptions(limits=Limits(seconds=0.05)))
    assert row.verdict == "error"
    assert row.error.endswith(": took longer than limit seconds (0.05 s)")
    rows = check_path(str(long), ScanOptions(limits=Limits(seconds=0)))  # (no limit at all)
    assert len(rows) > 1


def test_other_rules_are_another_rules_version(tmp_path: Path) -> None:
    copy = tmp_path / "rules"
    copy.mkdir()
    for path in (ROOT / "rules").rglob("*"):
        if path.is_file():
            target = copy / path.relative_to(ROOT / "rules")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    assert rules_version(str(copy)) == rules_version()
    (copy / "advice.yaml").write_text((copy / "advice.yaml").read_text() + "\n# changed\n")
    rules_version.cache_clear()
    assert rules_version(str(copy)) != rules_version()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_the_table_reads_back_as_written_in_every_format(tmp_path: Path, suffix: str) -> None:
    rows = [r.as_dict() for p in (BYLAW, tmp_path / "weg.txt") for r in check_path(str(p), ScanOptions())]
    frame = pandas.DataFrame(rows)
    back = read_table(write_table(frame, tmp_path / f"uit{suffix}"))
    assert tuple(back.columns) == COLUMNS
    assert back.drop(columns="year").to_dict("records") == frame.drop(columns="year").to_dict("records")
    assert [None if pandas.isna(y) else int(y) for y in back["year"]] == [r["year"] for r in rows]


def test_a_table_of_another_kind_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"must end in \.parquet"):
        write_table(pandas.DataFrame(), tmp_path / "uit.xlsx")
    other = tmp_path / "ander.csv"
    other.write_text("a,b\n1,2\n")
    with pytest.raises(TableError, match="not a scan table"):
        read_table(other)


def test_the_tool_version_changes_with_the_code_not_with_its_caches(tmp_path: Path) -> None:
    """A resumed scan checks its files again after the code changed, though the version number
    stays the same between the commits of a development copy."""
    package, grammars = tmp_path / "verordening", tmp_path / "grammars"
    (package / "__pycache__").mkdir(parents=True)
    grammars.mkdir()
    (package / "judge.py").write_text("STATUS = 'present'\n", encoding="utf-8")
    (grammars / "bylaw.lark").write_text("start: ARTICLE+\n", encoding="utf-8")
    first = code_version(package, grammars)
    assert first.startswith(verordening.__version__ + "+")
    (package / "__pycache__" / "judge.cpython-311.pyc").write_bytes(b"\0" * 16)
    (package / "notes.txt").write_text("not code", encoding="utf-8")
    assert code_version(package, grammars) == first
    (package / "judge.py").write_text("STATUS = 'partial'\n", encoding="utf-8")
    changed = code_version(package, grammars)
    assert changed != first
    (grammars / "bylaw.lark").write_text("start: ARTICLE*\n", encoding="utf-8")
    assert code_version(package, grammars) not in (first, changed)

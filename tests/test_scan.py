"""``verordening scan`` and ``verordening.scan(...)``: which files, the same rows whatever the
number of workers, in a fixed order, broken files as error rows, usage errors as one line."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pandas
import pytest

import verordening
from verordening.bulk import api, check_path, engine
from verordening.bulk.api import ScanError, scan_summary
from verordening.bulk.store import store_path
from verordening.bulk.table import read_table
from verordening.bulk.walk import walk
from verordening.cli import main

from .conftest import ROOT

CORPUS = ROOT / "corpus"
SUBSET = sorted(CORPUS.glob("*.txt"))[::12]  # 16 bylaws of every kind: enough for the point


def tree(root: Path, files: list[Path] = SUBSET) -> Path:
    """A researcher's folder: bylaws in nested folders with what else such folders hold."""
    for i, path in enumerate(files):
        target = root / f"map{i % 3}" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    (root / "map0" / "a01.gold.json").write_text("{}")
    (root / "README.md").write_text("# Lees mij\n")
    (root / "map1" / "x_MANIFEST.md").write_text("bronnen\n")
    (root / "map1" / "index.jsonl").write_text("{}\n")
    (root / ".verborgen").mkdir()
    (root / ".verborgen" / "b.txt").write_text("Artikel 1\nDe raad.\n")
    (root / "map2" / ".~lock.txt").write_text("x")
    return root


def test_folders_are_walked_and_other_files_skipped_and_counted(tmp_path: Path) -> None:
    root = tree(tmp_path / "in")
    found = walk([str(root)])
    assert found.files == sorted(found.files)
    assert len(found.files) == len(SUBSET)
    skipped = {Path(p).name for p in found.skipped}
    assert skipped == {"a01.gold.json", "README.md", "x_MANIFEST.md", "index.jsonl", ".~lock.txt"}
    assert not any(".verborgen" in f for f in found.files + found.skipped)
    # a quoted glob is expanded by the scan, a file named twice is checked once
    again = walk([str(root / "**" / "*.txt"), str(root / "map0"), found.files[0]])
    assert set(again.files) == set(found.files)
    assert len(again.files) == len(set(again.files))
    assert walk([str(tmp_path / "nergens"), str(tmp_path / "*.docx")]).missing == [
        str(tmp_path / "nergens"),
        str(tmp_path / "*.docx"),
    ]


def test_broken_empty_and_binary_files_are_one_error_row_each_and_the_scan_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tree(tmp_path / "in", SUBSET[:3])
    (root / "kapot.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    (root / "leeg.txt").write_bytes(b"")
    (root / "binair.txt").write_bytes(random.Random(5).randbytes(4000))
    out = tmp_path / "uit.csv"
    assert main(["scan", "--lang", "en", str(root), "--out", str(out)]) == 0
    table = read_table(out)
    errors = table[table["verdict"] == "error"]
    assert sorted(Path(f).name for f in errors["file"]) == ["binair.txt", "kapot.docx", "leeg.txt"]
    assert (errors["element"] == "").all()
    assert all(
        e.startswith(f"{f}: ") and "\n" not in e for f, e in zip(errors["file"], errors["error"], strict=True)
    )
    assert table["file"].nunique() == 6
    (line,) = capsys.readouterr().err.splitlines()
    assert "6 documents: 6 checked, 0 reused, 3 errors; 5 files skipped" in line


def test_the_rows_are_the_same_with_one_or_two_workers_and_in_a_fixed_order(tmp_path: Path) -> None:
    one = verordening.scan([str(p) for p in SUBSET], jobs=1)
    shuffled = [str(p) for p in SUBSET]
    random.Random(1).shuffle(shuffled)
    two = verordening.scan(shuffled, jobs=2)
    pandas.testing.assert_frame_equal(one, two)
    assert list(one["file"]) == sorted(one["file"])  # by file, then the report's element order
    first = one[one["file"] == str(SUBSET[0])]
    assert list(first["element"]) == [r.element for r in check_path(str(SUBSET[0]), api.ScanOptions())]


def test_the_same_rows_on_the_real_texts(real: Path, tmp_path: Path) -> None:
    one = verordening.scan(real, jobs=1)
    two = verordening.scan(real, jobs=2)
    pandas.testing.assert_frame_equal(one, two)
    assert one["file"].nunique() == len(walk([str(real)]).files) > 30


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_the_api_returns_the_table_it_writes(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"uit{suffix}"
    frame = verordening.scan(SUBSET[:3], out=out)
    pandas.testing.assert_frame_equal(frame, read_table(out))
    assert frame.attrs["summary"]["checked"] == 3
    assert store_path(out).is_file()


def test_scan_is_a_function_beside_the_bulk_modules() -> None:
    import verordening.bulk.table

    assert verordening.bulk.table.read_table is read_table
    assert verordening.bulk.api.scan is verordening.scan
    frame = verordening.scan(str(SUBSET[0]))
    assert list(frame.columns) == list(verordening.bulk.COLUMNS)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["nergens/"], "no such file, folder or match: nergens/"),
        (["{bylaw}", "--out", "{tmp}/uit.xlsx"], "must end in .parquet, .csv, .jsonl"),
        (["{bylaw}", "--as-of", "2020-13-01"], "--as-of must be a date"),
        (["{bylaw}", "--in-force-on", "gisteren"], "--in-force-on must be a date"),
        (["{bylaw}", "--limit", "pages=3"], "unknown limit 'pages'"),
        (["{bylaw}", "--jobs", "0"], "--jobs must be 1 or more"),
        (["{bylaw}", "--rules", "{tmp}/geen"], "no such rule folder"),
        (["{bylaw}", "--scheduler", "tcp://x:1"], "--scheduler goes with --engine dask"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    filled = [a.format(bylaw=SUBSET[0], tmp=tmp_path) for a in arguments]
    if "--out" not in filled:
        filled += ["--out", str(tmp_path / "uit.parquet")]
    assert main(["scan", "--lang", "en", *filled]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert message in line
    assert not (tmp_path / "uit.parquet").exists()


def test_an_earlier_store_is_refused_without_resume_and_deleted_with_restart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit.parquet"
    assert main(["scan", str(SUBSET[0]), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["scan", "--lang", "en", str(SUBSET[1]), "--out", str(out)]) == 2
    assert "--resume to reuse it, --restart to start afresh" in capsys.readouterr().err
    assert read_table(out)["file"].unique().tolist() == [str(SUBSET[0])]  # untouched
    assert main(["scan", str(SUBSET[1]), "--out", str(out), "--restart"]) == 0
    assert read_table(out)["file"].unique().tolist() == [str(SUBSET[1])]
    with pytest.raises(ScanError, match="resume needs the output table"):
        scan_summary(SUBSET[0], resume=True)


def _dies_on_crash(path: str, options: engine.ScanOptions) -> list[engine.Row]:
    if "crash" in Path(path).name:
        os._exit(9)  # as a worker killed for its memory would
    return check_path(path, options)


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_a_worker_that_dies_costs_one_error_row_not_the_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = []
    for i, path in enumerate(SUBSET[:8]):
        files.append(tmp_path / (f"{i}_crash.txt" if i == 5 else f"{i}.txt"))
        files[-1].write_bytes(path.read_bytes())
    monkeypatch.setattr(engine, "check_path", _dies_on_crash)  # forked workers inherit it
    got: dict[str, list[engine.Row]] = {}
    engine.process_runner(2)([str(f) for f in files], engine.ScanOptions(), got.__setitem__)
    assert sorted(got) == sorted(str(f) for f in files)
    (row,) = got[str(files[5])]
    assert row.verdict == "error"
    assert "worker process checking it died" in row.error
    assert all(rows[0].verdict != "error" for name, rows in got.items() if name != str(files[5]))

"""Nothing lost: a scan killed with SIGKILL mid-run and resumed gives the table of a scan that
was never interrupted - the same rows, none twice - and a resumed scan checks only what changed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas
import pytest

from verordening.bulk.store import store_path
from verordening.bulk.table import read_table
from verordening.cli import main

from .conftest import ROOT

BYLAWS = sorted((ROOT / "corpus").glob("*.txt"))[:150]


def copies(root: Path, files: list[Path]) -> Path:
    root.mkdir()
    for path in files:
        (root / path.name).write_bytes(path.read_bytes())
    return root


def stored(store: Path) -> int:
    """Documents in the store, read as another process would while the scan writes."""
    if not store.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return 0
    try:
        return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # its tables not made yet
        return 0
    finally:
        db.close()


def kill_mid_run(arguments: list[str], store: Path, at: int) -> int:
    """Start a scan, SIGKILL it and its workers once ``at`` documents are stored; the count."""
    scan = subprocess.Popen(
        [sys.executable, "-m", "verordening", "scan", *arguments],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while stored(store) < at and scan.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        os.killpg(scan.pid, signal.SIGKILL)
        scan.wait()
    return stored(store)


def summary(capsys: pytest.CaptureFixture[str]) -> str:
    (line,) = capsys.readouterr().err.splitlines()
    return line


def test_a_killed_scan_resumed_gives_the_rows_of_an_uninterrupted_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copies(tmp_path / "in", BYLAWS)
    whole, cut = tmp_path / "heel.parquet", tmp_path / "onderbroken.parquet"
    assert main(["scan", str(root), "--out", str(whole), "--jobs", "2"]) == 0
    capsys.readouterr()
    arguments = [str(root), "--out", str(cut), "--jobs", "2"]
    done = kill_mid_run(arguments, store_path(cut), at=20)
    assert 20 <= done < len(BYLAWS), f"the kill came too late to prove anything ({done} stored)"
    assert not cut.exists()  # killed before it could write the table
    assert main(["scan", *arguments]) == 2  # the store is there: not thrown away by mistake
    capsys.readouterr()
    assert main(["scan", "--lang", "en", *arguments, "--resume"]) == 0
    checked = len(BYLAWS) - done
    assert f"{len(BYLAWS)} documents: {checked} checked, {done} reused, 0 errors" in summary(capsys)
    resumed, uninterrupted = read_table(cut), read_table(whole)
    assert not resumed.duplicated(["file", "element"]).any()
    pandas.testing.assert_frame_equal(resumed, uninterrupted)


def test_a_resumed_scan_checks_only_new_and_changed_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copies(tmp_path / "in", BYLAWS[:4])
    out = tmp_path / "uit.jsonl"
    assert main(["scan", str(root), "--out", str(out)]) == 0
    first = read_table(out)
    capsys.readouterr()
    assert main(["scan", "--lang", "en", str(root), "--out", str(out), "--resume"]) == 0
    assert "4 documents: 0 checked, 4 reused" in summary(capsys)
    pandas.testing.assert_frame_equal(read_table(out), first)
    changed = root / BYLAWS[0].name
    changed.write_text("Verordening op de hondenbelasting\n\nArtikel 1\nEr wordt belasting geheven.\n")
    (root / "nieuw.txt").write_bytes(BYLAWS[5].read_bytes())
    assert main(["scan", "--lang", "en", str(root), "--out", str(out), "--resume"]) == 0
    assert "5 documents: 2 checked, 3 reused" in summary(capsys)
    table = read_table(out)
    assert set(table.loc[table["file"] == str(changed), "verdict"]) == {"not_participation_bylaw"}
    assert not table.duplicated(["file", "element"]).any()
    # other options make other rows: nothing is reused
    assert (
        main(["scan", "--lang", "en", str(root), "--out", str(out), "--resume", "--as-of", "2016-01-01"]) == 0
    )
    assert "5 documents: 5 checked, 0 reused" in summary(capsys)

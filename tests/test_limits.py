"""Limits on one input: the same for files and standard input, configurable, one line when passed."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import verordening
from verordening.cli import main
from verordening.load import Limits, LoadError, budget, detect, load
from verordening.load.base import TimeLimit

from .conftest import ROOT

BYLAW = (ROOT / "corpus" / "a01_dalmeer_pw.txt").read_bytes()


def test_limits_are_set_by_name_and_refused_when_unknown_or_bad() -> None:
    assert Limits().with_setting("input_bytes=1_000").input_bytes == 1000
    assert Limits().with_setting("seconds=2.5").seconds == 2.5
    for bad, message in (
        ("nothing=1", "unknown limit"),
        ("depth=many", "needs a number"),
        ("depth=-1", "negative"),
        ("seconds=nan", "needs a number"),
        ("seconds=inf", "at most 1000000"),
        ("seconds=1e10", "at most 1000000"),
    ):
        with pytest.raises(ValueError, match=message):
            Limits().with_setting(bad)


def test_an_input_over_the_size_limit_is_refused_for_files_bytes_and_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    small = Limits(input_bytes=100)
    path = tmp_path / "bylaw.txt"
    path.write_bytes(BYLAW)
    with pytest.raises(LoadError, match=r"bylaw\.txt: file too large"):
        load(path, limits=small)
    with pytest.raises(LoadError, match="too large"):
        load(BYLAW, limits=small)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BYLAW)))
    assert main(["check", "--lang", "en", "--limit", "input_bytes=100", "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "standard input is too large" in err
    assert main(["parse", "--limit", "input_bytes=100", str(path)]) == 2
    assert main(["parse", "--lang", "en", "--limit", "no_such_limit=1", str(path)]) == 2
    assert "unknown limit" in capsys.readouterr().err


def test_the_text_a_reader_makes_is_held_to_its_limit(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="text is too long"):
        load(BYLAW, limits=Limits(text_chars=50))


def test_the_time_budget_interrupts_and_names_the_limit() -> None:
    def spin() -> int:
        turns = 0
        with budget(0.05):
            while turns >= 0:  # (never ends by itself: only the budget stops it)
                turns += 1
        return turns

    with pytest.raises(TimeLimit):
        spin()
    with budget(0.05):  # a budget that is not used up leaves nothing behind
        done = sum(range(10))
    assert done == 45
    import signal

    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_a_check_over_its_time_budget_is_one_line_and_the_next_file_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(BYLAW * 40)
    small = tmp_path / "small.txt"
    small.write_bytes(BYLAW)
    code = main(["check", "--format", "json", "--limit", "seconds=0.01", str(big)])
    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "big.txt" in err
    assert "limit seconds" in err
    assert main(["check", "--format", "json", str(big), str(small)]) in (0, 1)


def test_the_format_is_found_from_the_content_before_the_name() -> None:
    assert detect(b"PK\x03\x04...", "bylaw.txt") == "docx"
    assert detect(b"%PDF-1.7 ...", "bylaw.txt") == "pdf"
    assert detect(b"<!DOCTYPE html><html><body>x</body></html>", "bylaw.txt") == "html"
    assert detect(b'<?xml version="1.0"?><cvdr xmlns="x"/>', "a.txt") == "cvdr"
    assert detect(b"Artikel 1\n1. Tekst.", "bylaw.html") == "text"
    assert detect("Artikel 1".encode("utf-16-le"), "bylaw.txt") == "text"
    with pytest.raises(LoadError, match=r"old\.doc: is an old Word"):
        detect(b"\xd0\xcf\x11\xe0rest", "old.doc")


def test_a_string_that_names_a_file_is_not_checked_as_text(tmp_path: Path) -> None:
    path = tmp_path / "bylaw.txt"
    path.write_bytes(BYLAW)
    with pytest.raises(ValueError, match="is the name of a file"):
        verordening.check(str(path), model="builtin")
    by_path = verordening.check(path, model="builtin")
    assert verordening.check_file(str(path), model="builtin").elements == by_path.elements
    assert by_path.verdict == "participation_bylaw"


def test_the_api_holds_a_check_to_the_article_limit(tmp_path: Path) -> None:
    path = tmp_path / "bylaw.txt"
    path.write_bytes(BYLAW)
    with pytest.raises(ValueError, match="limit articles"):
        verordening.check_file(path, model="builtin", limits=Limits(articles=2))
    with pytest.raises(ValueError, match="limit articles"):
        verordening.check(BYLAW.decode("utf-8"), model="builtin", limits=Limits(articles=2))
    assert verordening.check_file(path, model="builtin", limits=Limits(articles=200)).verdict


def test_parsing_over_its_time_budget_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(BYLAW * 200)
    assert main(["parse", "--limit", "seconds=0.001", str(big)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "big.txt" in err
    assert "limit seconds" in err


def test_the_command_line_takes_what_it_loaded_out_of_the_collectors_walks(
    tmp_path: Path,
) -> None:
    """(A long document would otherwise pay for walking the pipelines and rules on every full
    collection: a step in its time, not growth with it.) The library alone freezes nothing."""
    bylaw = tmp_path / "bylaw.txt"
    bylaw.write_text("Artikel 1 Advies\n1. De adviesraad adviseert het college.\n", encoding="utf-8")
    script = (
        "import gc, sys, verordening\n"
        "from verordening.cli import main\n"
        "verordening.check_file(sys.argv[1], model='builtin')\n"
        "print(gc.get_freeze_count())\n"
        "main(['check', sys.argv[1], '--model', 'builtin'])\n"
        "print(gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(bylaw)], capture_output=True, text=True, check=False, timeout=120
    )
    counts = [int(line) for line in done.stdout.splitlines() if line.isdigit()]
    assert counts[0] == 0, done.stderr
    assert counts[-1] > 100_000, done.stderr


def test_a_time_budget_beyond_the_systems_timer_is_no_crash(tmp_path: Path) -> None:
    """(The system's timer refuses ten billion seconds: the budget holds at its most.)"""
    bylaw = tmp_path / "bylaw.txt"
    bylaw.write_bytes(BYLAW)
    for seconds in (float("inf"), 1e10):
        report = verordening.check_file(bylaw, model="builtin", limits=Limits(seconds=seconds))
        assert report.verdict == "participation_bylaw"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_nobody_writes_to_is_refused_at_once_and_one_with_a_writer_is_read(
    tmp_path: Path,
) -> None:
    import os
    import threading

    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    script = (
        "import sys, verordening\n"
        "try:\n    verordening.load(sys.argv[1])\n"
        "except verordening.LoadError as e:\n    print(e)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(pipe)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.stdout.strip() == f"{pipe}: is a named pipe that nothing writes to", done.stderr
    # a writer that holds the pipe open (as the shell's "<(...)" does) before it is read; a reader
    # of the test's own keeps what is written in the pipe should the writer be done before load()
    # opens it (the last end closed would throw it away)
    keeper = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    writer = os.open(pipe, os.O_WRONLY)
    feeding = threading.Thread(target=lambda: (os.write(writer, BYLAW), os.close(writer)))
    feeding.start()
    try:
        assert load(str(pipe)).text.startswith(BYLAW.decode("utf-8")[:40])
    finally:
        feeding.join()
        os.close(keeper)


@pytest.mark.parametrize(("name", "message"), [("", "no file name given"), ("a\x00b.txt", "NUL character")])
def test_a_name_that_no_file_can_have_is_one_line(name: str, message: str) -> None:
    with pytest.raises(LoadError, match=message) as refused:
        load(name)
    assert "\n" not in str(refused.value)

"""What the hostile-file and fuzzing tests of every reader share: the one-line refusal, the cost
of a file measured in a process of its own, and the outcomes a fuzzed input may have."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from verordening.cli import main
from verordening.load import Limits, LoadError, load
from verordening.load.base import FormatError

FORMATS = {".html": "html", ".xml": "cvdr"}  # (hostile markup is not always known by its content)

# one child process per file, forked from one that imported the readers: its time, and the peak
# of its own memory (VmHWM; ru_maxrss would keep the parent's)
MEASURE = """
import json, os, resource, sys, time
from verordening.load import LoadError, load
formats = json.loads(sys.argv[1])
for path in sys.argv[2:]:
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read)
        began = time.perf_counter()
        try:
            load(path, format=formats.get(os.path.splitext(path)[1], "auto"))
            outcome = "loaded"
        except LoadError:
            outcome = "LoadError"
        except BaseException as error:
            outcome = type(error).__name__
        seconds = time.perf_counter() - began
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) // 1024
        except OSError:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        os.write(write, json.dumps([outcome, seconds, peak]).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as result:
        answer = result.read()
    os.waitpid(child, 0)
    print(json.dumps([path, *json.loads(answer)]), flush=True)
"""


def measure(paths: list[Path], formats: dict[str, str] | None = None) -> dict[Path, tuple[str, float, int]]:
    """Per file: the outcome of :func:`load` ("loaded", "LoadError" or another exception's name),
    its seconds and the peak memory (MB) of a process that loaded only it. ``formats`` gives the
    format by suffix (".xml": "cvdr"); other files are detected."""
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, json.dumps(formats or {}), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    return {Path(path): (outcome, seconds, peak) for path, outcome, seconds, peak in rows}


def refused_in_one_line(path: Path, secret: str, capsys: pytest.CaptureFixture[str]) -> None:
    """:func:`load` refuses ``path`` within a second; ``parse`` says so on one line naming it, exit 2,
    with nothing of the local file an entity pointed at and no traceback."""
    began = time.perf_counter()
    with pytest.raises(LoadError):
        load(path)
    assert time.perf_counter() - began < 1.0
    assert main(["parse", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"verordening: {path}: ")
    assert secret not in err
    assert "Traceback" not in err


def only_load_errors(
    data: bytes, name: str, format: str = "auto", reader: Callable[[bytes, Limits], object] | None = None
) -> None:
    """The format's own ``reader`` gives text or its one-line error; :func:`load` gives a text or
    only ever a one-line LoadError naming the input."""
    messages = []
    if reader is not None:
        try:
            reader(data, Limits())
        except FormatError as error:
            messages.append(f"{name}: {error}")
    try:
        source = load(data, name=name, format=format)
    except LoadError as error:
        messages.append(str(error))
    else:
        assert isinstance(source.text, str)
    assert all("\n" not in message and message.startswith(f"{name}: ") for message in messages)

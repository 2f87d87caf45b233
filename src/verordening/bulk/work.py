"""The work of a scan on one document: read, hash, parse, check, and give its rows.

:func:`check_path` is the one function every engine runs (in this process, in worker
processes, on Dask workers): it never raises for a bad document - a file that cannot be read
or checked gives one error row - so a scan goes on whatever it meets. The checker (pipelines
and rules) is made once per process and options and kept.
"""

from __future__ import annotations

import hashlib
import re
import time
from functools import cache
from pathlib import Path

from attrs import define, field

from .. import __version__, _checker, parse_source
from ..load import Limits, LoadError, Source, budget, load
from ..load.base import TimeLimit
from ..resources import data_dir
from .rows import Row, error_row, rows_of

__all__ = ["ScanOptions", "check_path", "rules_version", "tool_version"]


@define(frozen=True)
class ScanOptions:
    """What every document of a scan is checked with. ``model``: a spaCy pipeline by name or
    folder, or ``"builtin"`` (the default: fast, and the same on every machine); ``rules``: a
    rule folder (default: the installed rules); ``as_of``: the date whose law applies (default:
    each bylaw's own date, else today)."""

    model: str = "builtin"
    rules: str | None = None
    as_of: str | None = None
    limits: Limits = field(factory=Limits)


@cache
def rules_version(rules: str | None = None) -> str:
    """A hash of the rule files' names and contents: rows checked with other rules differ."""
    return _folder_hash(Path(rules) if rules else data_dir("rules"))


@cache
def tool_version() -> str:
    """The version number with a hash of the code and grammars that check ("0.1.0+3fa2c1d94e07"):
    a scan resumed after the code changed checks its files again, though the number is the same
    (as it is between the commits of a development copy)."""
    return code_version(Path(__file__).resolve().parents[1], data_dir("grammars"))


def code_version(package: Path, grammars: Path) -> str:
    """:func:`tool_version` of the code in ``package`` (its ``.py`` files) and ``grammars``."""
    code = _folder_hash(package, "*.py") + _folder_hash(grammars)
    return f"{__version__}+{hashlib.sha256(code.encode()).hexdigest()[:12]}"


def _folder_hash(folder: Path, pattern: str = "*") -> str:
    """A hash of the names and contents of the files in ``folder`` that match ``pattern``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


_BINARY_SHARE = 0.05  # control characters (other than tabs, line and page breaks) in a text
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _not_a_text(source: Source) -> str | None:
    """Why a loaded file is no bylaw text at all, or None. A scan meets empty files and binary
    files with a name the readers take (a mislabelled image, a truncated download); read as
    text they would pass as a document without articles and hide among the real ones."""
    text = source.text
    if not text.strip():
        return "has no text (an empty file)"
    if source.info.format == "text":
        sample = text[:65536]
        if len(_CONTROLS.findall(sample)) > _BINARY_SHARE * len(sample):
            return "is not text but binary data"
    return None


def file_hash(path: str, limits: Limits) -> tuple[bytes | None, str]:
    """The file's bytes (None when unreadable or over the input limit) and their SHA-256."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(limits.input_bytes + 1)
    except OSError:
        return None, ""
    return data, hashlib.sha256(data).hexdigest()


def check_path(path: str, options: ScanOptions) -> list[Row]:
    """The rows of one file: one per element, or one error row naming what went wrong."""
    version, tool = rules_version(options.rules), tool_version()
    data, sha256 = file_hash(path, options.limits)
    if data is None:
        return [error_row(path, sha256, f"{path}: cannot read the file", tool, version)]
    try:
        checker = _checker(options.model, options.rules)
        start = time.monotonic()
        with budget(options.limits.seconds):
            source = load(data, name=path, limits=options.limits)
            problem = _not_a_text(source)
            if problem is not None:
                return [error_row(path, sha256, f"{path}: {problem}", tool, version)]
            document = parse_source(source)
            report = checker.check(document, as_of=options.as_of, limits=options.limits)
        if 0 < options.limits.seconds < time.monotonic() - start:
            raise TimeLimit  # (its timer's exception landed where Python only prints it: over is over)
    except TimeLimit:
        message = f"{path}: took longer than limit seconds ({options.limits.seconds:g} s)"
        return [error_row(path, sha256, message, tool, version)]
    except (LoadError, ValueError) as error:  # (LimitError is a ValueError)
        return [error_row(path, sha256, str(error).splitlines()[0], tool, version)]
    except Exception as error:  # a defect of ours: recorded, and the scan goes on
        message = f"{path}: could not be checked ({type(error).__name__}: {error})".splitlines()[0]
        return [error_row(path, sha256, message, tool, version)]
    return rows_of(report, path, sha256, tool, version)

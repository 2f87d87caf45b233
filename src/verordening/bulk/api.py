"""A scan as one call: files in, the table out (a pandas DataFrame, and the file ``out``).

:func:`scan` walks the paths (:mod:`.walk`), opens the store beside ``out``
(:mod:`.store`), leaves out what a resumed scan stored already, lets a runner (:mod:`.engine`)
check the rest while every document's rows are stored as they arrive, and writes the table
from the store: sorted by file, then the report's element order, so that the table is the same
whatever engine, number of workers or interruptions made it. ``verordening.scan(...)`` is
this function.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import asdict, define

from .. import _checker
from ..checker import as_date
from ..load import Limits
from ..messages import messages
from .engine import Runner, ScanError, runner_for
from .rows import COLUMNS, Row
from .store import Store, store_path
from .walk import walk
from .work import ScanOptions, file_hash, rules_version, tool_version

if TYPE_CHECKING:
    import pandas

    from .progress import Bar

__all__ = ["ScanError", "Summary", "error_count", "in_force_on", "options_key", "scan"]

_OUT_SUFFIXES = (".parquet", ".csv", ".jsonl")


@define(frozen=True, kw_only=True)
class Summary:
    """What a scan did: documents of this scan (``checked`` now, ``reused`` from the store),
    files ``skipped`` by name, error documents, rows in the table, and whether it was cut short."""

    documents: int
    checked: int
    reused: int
    skipped: int
    errors: int
    not_in_force: int
    rows: int
    seconds: float
    out: str | None
    interrupted: bool = False

    def line(self, lang: str = "en") -> str:
        """The one line the command prints at the end, in ``lang`` (English by default, as
        the Python API has always said it; the command passes the language of the run)."""
        m = messages(lang)
        parts = [
            m(
                "scan.summary",
                documents=self.documents,
                checked=self.checked,
                reused=self.reused,
                errors=error_count(self.errors, lang),
                skipped=self.skipped,
            )
        ]
        if self.not_in_force:
            parts.append(m("scan.not_in_force", count=self.not_in_force))
        seconds = f"{self.seconds:.1f}".replace(".", m("scan.decimal_mark"))
        parts.append(m("scan.rows", rows=self.rows, seconds=seconds))
        line = "; ".join(parts)
        if self.out:
            line += f" -> {self.out}"
        return m("scan.interrupted", line=line) if self.interrupted else line


def error_count(errors: int, lang: str) -> str:
    """ "1 error", "3 errors" in ``lang`` (the summary line and the progress bar)."""
    return messages(lang)("scan.errors_one" if errors == 1 else "scan.errors_many", count=errors)


def options_key(options: ScanOptions) -> str:
    """The options a document's rows depend on besides its bytes and the rule and tool
    versions: stored with each document, compared on a resume."""
    return json.dumps(
        {"model": options.model, "as_of": options.as_of, "limits": asdict(options.limits)}, sort_keys=True
    )


def in_force_on(frame: pandas.DataFrame, day: date | str) -> pandas.DataFrame:
    """The rows of the versions in force on ``day``: in force from on or before it and not
    ended before it. Error rows are kept (a file that could not be read has no dates, and
    must not vanish); rows of documents without a date of coming into force are left out."""
    iso = as_date(day, "in_force_on").isoformat()
    start, until = frame["in_force_from"], frame["in_force_until"]
    keep = (frame["verdict"] == "error") | ((start != "") & (start <= iso) & ((until == "") | (until >= iso)))
    return frame.loc[keep].reset_index(drop=True)


def _plan(files: list[str], store: Store, options: ScanOptions, resume: bool) -> list[str]:
    """The files to check: all, or on a resume those not stored with the same bytes, tool,
    rules and options (a changed file is checked again and its rows replaced)."""
    if not resume:
        return files
    records = store.records()
    wanted = (tool_version(), rules_version(options.rules), options_key(options))
    todo = []
    for path in files:
        record = records.get(path)
        if record is None or record[1:] != wanted or record[0] != file_hash(path, options.limits)[1]:
            todo.append(path)
    return todo


def _run(todo: list[str], store: Store, options: ScanOptions, runner: Runner, bar: Bar) -> tuple[int, bool]:
    """Check ``todo``, storing each document as it comes: how many were stored, and whether
    Ctrl-C cut the run short."""
    key = options_key(options)
    errors = checked = 0

    def on_rows(path: str, rows: list[Row]) -> None:
        nonlocal errors, checked
        store.put(path, rows[0].sha256 if rows else "", key, rows)
        checked += 1
        errors += any(r.verdict == "error" for r in rows)
        bar.advance(errors)

    try:
        runner(todo, options, on_rows)
    except KeyboardInterrupt:
        return checked, True
    finally:
        bar.close()
    return checked, False


def _table(store: Store, files: list[str], out: Path | None, day: str | None) -> tuple[pandas.DataFrame, int]:
    """The table of ``files`` from the store (written to ``out``), and how many documents the
    in-force date left out."""
    import pandas

    from .table import typed, write_table

    frame = typed(pandas.DataFrame.from_records(list(store.rows(files)), columns=list(COLUMNS)))
    dropped = 0
    if day is not None:
        kept = in_force_on(frame, day)
        dropped = frame["file"].nunique() - kept["file"].nunique()
        frame = kept
    if out is not None:
        write_table(frame, out)
    return frame, dropped


def _open_store(path: Path, resume: bool, restart: bool) -> Store:
    """The store at ``path``. One left by an earlier scan is used only with ``resume``, and
    deleted only with ``restart``: hours of checking are not thrown away by a forgotten flag."""
    if path.exists() and not resume:
        if not restart:
            raise ScanError(key="scan.store_exists", path=path)
        for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
    return Store(path)


def _options(
    model: str, rules: str | Path | None, as_of: date | str | None, limits: Limits | None
) -> ScanOptions:
    if rules is not None and not Path(rules).is_dir():
        raise ScanError(key="scan.no_rules", rules=rules)
    day = as_date(as_of, "--as-of").isoformat() if as_of is not None else None
    return ScanOptions(
        model=model, rules=str(Path(rules).resolve()) if rules else None, as_of=day, limits=limits or Limits()
    )


def _out(out: str | Path | None) -> Path | None:
    if out is None:
        return None
    out = Path(out)
    if out.suffix not in _OUT_SUFFIXES:
        raise ScanError(key="scan.out_suffix", out=out, suffixes=", ".join(_OUT_SUFFIXES))
    if not out.parent.is_dir():
        raise ScanError(key="scan.out_folder", folder=out.parent)
    return out


def scan_summary(
    paths: str | Path | Sequence[str | Path],
    out: str | Path | None = None,
    jobs: int = 1,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    model: str = "builtin",
    rules: str | Path | None = None,
    as_of: date | str | None = None,
    in_force_on: date | str | None = None,
    limits: Limits | None = None,
    progress: bool = False,
    restart: bool = False,
    lang: str = "en",
) -> tuple[pandas.DataFrame, Summary]:
    """:func:`scan`, and its :class:`Summary`; an interruption is in the summary. ``lang``:
    the language of the progress bar."""
    started = time.monotonic()
    found = walk([str(p) for p in ([paths] if isinstance(paths, str | Path) else paths)])
    if found.missing:
        raise ScanError(key="scan.missing", paths=", ".join(found.missing))
    target, options = _out(out), _options(model, rules, as_of, limits)
    day = as_date(in_force_on, "--in-force-on").isoformat() if in_force_on is not None else None
    if resume and target is None:
        raise ScanError(key="scan.resume_needs_out")
    runner = runner_for(engine, jobs, scheduler)
    if engine == "local":  # a wrong model or rule folder stops the scan here, before any work
        _checker(options.model, options.rules)
    folder = tempfile.mkdtemp(prefix="verordening-scan-") if target is None else None
    try:
        path = Path(folder, "scan.sqlite") if folder else store_path(target)  # type: ignore[arg-type]
        with _open_store(path, resume, restart) as store:
            todo = _plan(found.files, store, options, resume)
            reused = len(found.files) - len(todo)
            from .progress import Bar  # rich only when a scan runs

            bar = Bar(len(found.files), reused, progress, lang)
            checked, interrupted = _run(todo, store, options, runner, bar)
            frame, dropped = _table(store, found.files, target, day)
    finally:
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
    summary = Summary(
        documents=len(found.files),
        checked=checked,
        reused=reused,
        skipped=len(found.skipped),
        errors=int(frame.loc[frame["verdict"] == "error", "file"].nunique()),
        not_in_force=dropped,
        rows=len(frame),
        seconds=time.monotonic() - started,
        out=str(target) if target else None,
        interrupted=interrupted,
    )
    return frame, summary


def scan(
    paths: str | Path | Sequence[str | Path],
    out: str | Path | None = None,
    jobs: int = 1,
    resume: bool = False,
    engine: str = "local",
    scheduler: str | None = None,
    model: str = "builtin",
    rules: str | Path | None = None,
    as_of: date | str | None = None,
    in_force_on: date | str | None = None,
    limits: Limits | None = None,
    progress: bool = False,
    restart: bool = False,
) -> pandas.DataFrame:
    """Check every bylaw under ``paths`` (files, folders, globs) into one table, one row per
    document and element (or one error row), sorted by file; also written to ``out``
    (``.parquet``, ``.csv``, ``.jsonl``) with its store beside it, which ``resume`` reuses
    and ``restart`` deletes. ``jobs`` worker processes, or ``engine="dask"`` on the cluster at
    ``scheduler``; ``in_force_on`` keeps the versions in force on that date. The summary is in
    ``frame.attrs["summary"]``. Ctrl-C writes the table of what was checked, then raises
    :class:`KeyboardInterrupt`; a usage error raises :class:`ScanError`."""
    frame, summary = scan_summary(
        paths,
        out,
        jobs,
        resume,
        engine,
        scheduler,
        model,
        rules,
        as_of,
        in_force_on,
        limits,
        progress,
        restart,
    )
    if summary.interrupted:
        raise KeyboardInterrupt
    frame.attrs["summary"] = asdict(summary)
    return frame

"""Running a scan: the runners that check documents, and the loop that stores what they give.

A *runner* checks every path of a list with :func:`~verordening.bulk.work.check_path` and
hands each document's rows to ``on_rows`` in this process as they arrive, in any order; the
scan stores them (:class:`~verordening.bulk.store.Store`), so the runner needs to know nothing
of files, resumes or order. Three kinds: in this process (``jobs=1``), in worker processes
(``jobs>1``: each makes its checker once, documents go to them in chunks so that small bylaws
do not wait on messages), and on Dask (``verordening.bulk.dask_engine``, imported only when
asked for).
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import cast

from .. import _checker
from ..checker import settle
from ..errors import LocalisedError
from .rows import Row, error_row
from .work import ScanOptions, check_path, file_hash, rules_version, tool_version

__all__ = ["OnRows", "Runner", "ScanError", "process_runner", "run_inline", "runner_for"]

OnRows = Callable[[str, list[Row]], None]
Runner = Callable[[list[str], ScanOptions, OnRows], None]
ENGINES = ("local", "dask")


class ScanError(LocalisedError, ValueError):
    """A scan that cannot start as asked (a usage error): one line, in the language of the run
    (``errors.scan.*``); ``str(error)`` is the English."""


def run_inline(todo: list[str], options: ScanOptions, on_rows: OnRows) -> None:
    """Check the documents one after another in this process."""
    for path in todo:
        on_rows(path, check_path(path, options))


def _watch_parent(parent: int) -> None:
    """End this worker when the scan that started it is gone (``kill -9`` of the main process
    alone): it would otherwise wait for work forever."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _start_worker(options: ScanOptions) -> None:
    """In each worker: Ctrl-C is the main process's to handle (it stops the workers), the
    worker ends with the scan, and the checker is made once, before the first document (a
    forked worker inherits it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # (the command turns it into Ctrl-C for itself)
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    _checker(options.model, options.rules)
    settle()


def _check_chunk(paths: list[str], options: ScanOptions) -> list[tuple[str, list[Row]]]:
    return [(path, check_path(path, options)) for path in paths]


def _chunk_size(count: int, jobs: int) -> int:
    """Chunks small enough to keep every worker busy to the end, big enough that the messages
    cost little next to the checks (a small bylaw takes about 15 ms)."""
    return max(1, min(32, count // (jobs * 8)))


def _context() -> multiprocessing.context.BaseContext:
    """Forked workers start at once with the checker the main process made; where there is no
    fork, spawned ones make their own."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _stop(executor: ProcessPoolExecutor, abort: bool) -> None:
    """Shut the workers down; on an interruption without waiting for the chunks they hold."""
    if abort:
        processes = getattr(executor, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
    executor.shutdown(wait=True, cancel_futures=True)


def _pool_pass(todo: list[str], options: ScanOptions, on_rows: OnRows, jobs: int, size: int) -> list[str]:
    """Check ``todo`` in a pool of ``jobs`` workers; the paths left unchecked if a worker died."""
    executor = ProcessPoolExecutor(
        jobs, mp_context=_context(), initializer=_start_worker, initargs=(options,)
    )
    done: set[str] = set()
    broken = False
    abort = True
    try:
        pending: set[Future[list[tuple[str, list[Row]]]]] = {
            executor.submit(_check_chunk, todo[i : i + size], options) for i in range(0, len(todo), size)
        }
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                try:
                    results = future.result()
                except BrokenProcessPool:
                    broken = True
                    continue
                for path, rows in results:
                    on_rows(path, rows)
                    done.add(path)
        abort = broken
    finally:
        _stop(executor, abort)
    return [path for path in todo if path not in done] if broken else []


def _died(path: str, options: ScanOptions) -> list[Row]:
    _, sha256 = file_hash(path, options.limits)
    message = f"{path}: the worker process checking it died (out of memory, or a crash in a library)"
    return [error_row(path, sha256, message, tool_version(), rules_version(options.rules))]


def _run_pool(todo: list[str], options: ScanOptions, on_rows: OnRows, jobs: int) -> None:
    """Check in worker processes. A worker that dies (killed for its memory, a crash in a
    compiled library) takes its chunk with it: the unchecked paths are then checked one at a
    time in one worker until the one that kills it is found; it becomes an error row, and the
    rest go back to the pool."""
    left = _pool_pass(todo, options, on_rows, jobs, _chunk_size(len(todo), jobs))
    while left:
        left = _pool_pass(left, options, on_rows, 1, 1)
        if left:  # one worker, one path at a time, in order: the first left is the culprit
            on_rows(left[0], _died(left[0], options))
            left = _pool_pass(left[1:], options, on_rows, jobs, _chunk_size(len(left) - 1, jobs))


def process_runner(jobs: int) -> Runner:
    """A runner with ``jobs`` worker processes."""

    def run(todo: list[str], options: ScanOptions, on_rows: OnRows) -> None:
        if todo:
            _run_pool(todo, options, on_rows, jobs)

    return run


def runner_for(engine: str, jobs: int, scheduler: str | None = None) -> Runner:
    """The runner of an engine: ``local`` (in this process, or ``jobs`` worker processes) or
    ``dask`` (a Dask cluster at ``scheduler``, or a local one of ``jobs`` workers)."""
    if jobs < 1:
        raise ScanError(key="scan.jobs", jobs=jobs)
    if engine == "local":
        if scheduler is not None:
            raise ScanError(key="scan.scheduler")
        return run_inline if jobs == 1 else process_runner(jobs)
    if engine == "dask":
        try:
            module = importlib.import_module(f"{__package__}.dask_engine")
        except ImportError as error:
            raise ScanError(key="scan.no_dask", error=error) from None
        return cast(Runner, module.dask_runner(jobs, scheduler))
    raise ScanError(key="scan.unknown_engine", engine=engine, engines=", ".join(ENGINES))


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    """``items`` in lists of ``size`` (for runners that send work in batches)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]

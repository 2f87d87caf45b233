"""The scan on a Dask distributed cluster: the same per-document function, other machines.

:func:`dask_runner` gives a runner with the engine's interface - ``run(todo, options, on_rows)``
checks every path and hands each document's rows to ``on_rows`` in this process as they
arrive - that sends :func:`~verordening.bulk.work.check_path` to Dask workers. What makes it
fit a scan of tens of thousands of small bylaws:

- the paths travel in **batches** (one task checks a few dozen documents), so the scheduler's
  cost per task is spread over many documents, while there are still enough batches for every
  worker to stay busy and for results to stream back steadily;
- a worker makes its checker (pipelines, rules) once, on its first document, and keeps it:
  ``check_path`` caches it per process, and a Dask worker is a long-lived process;
- a document's **time limit** holds on a worker too: Dask runs tasks in threads, where the
  alarm signal that bounds a document in a process of its own cannot be used, so a watchdog
  thread raises the same :class:`~verordening.load.base.TimeLimit` in the worker's thread instead;
- a worker that **dies** (killed, out of memory, a crash in native code) loses its batch: the
  documents of that batch are sent again one by one, and one whose task fails twice on its
  own becomes an error row (twice: a task that merely waited on the dying worker fails too);
  when no worker is left for a while, the documents still waiting become error rows - the
  scan ends, never hangs.

Without a scheduler address the runner starts a local cluster of worker processes (no
dashboard, nothing downloaded) and closes it at the end; with one it connects to that
cluster and leaves it running. ``docs/scanning-cluster.md`` says how to run a real one.
"""

from __future__ import annotations

import ctypes
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import dask
from distributed import Client, Future, LocalCluster, as_completed
from distributed.scheduler import KilledWorker

from ..errors import Phrase
from ..load.base import TimeLimit
from .engine import OnRows, Runner, ScanError
from .rows import Row, error_row
from .work import ScanOptions, check_path, file_hash, rules_version, tool_version

__all__ = ["DaskError", "Runner", "dask_runner"]

Task = Callable[[list[str], ScanOptions], list[tuple[str, list[Row]]]]

MAX_BATCH = 32  # documents per task at most: ~0.3 s of work on the built-in pipeline
BATCHES_PER_THREAD = 8  # at least this many batches per worker thread, for balance
CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler
NO_WORKER_GRACE = 120.0  # seconds without any worker before the waiting documents are given up
TRIES_ALONE = 2  # tasks of one document that may fail before it becomes an error row
POLL = 0.02  # seconds between looks for finished batches
WATCH = 0.1  # seconds between looks at the deadlines of documents in worker threads


class DaskError(ScanError):
    """The cluster cannot be reached or cannot see the files: a one-line message (a
    :class:`~verordening.bulk.engine.ScanError`, so the command reports it as a usage error)."""


class _Watchdog:
    """One thread per process that raises :class:`TimeLimit` in a thread whose deadline has
    passed (a timer thread per document would cost more than many a check). It raises again
    at every look until the thread leaves its budget: an exception that lands where Python
    only prints it (a weakref callback, a ``__del__``) is not the end of the limit.

    A deadline is kept with its thread, and dropped once that thread has ended: a thread can
    end without leaving its budget (the exception landing in :meth:`release` itself), and its
    identifier is soon given to a new thread - the watchdog's own among them, which would then
    raise in itself and stop watching everyone else."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.deadlines: dict[int, tuple[float, threading.Thread]] = {}
        self.fired: set[int] = set()
        self.thread: threading.Thread | None = None

    def watch(self, seconds: float) -> int:
        ident = threading.get_ident()
        with self.lock:
            self.deadlines[ident] = (time.monotonic() + seconds, threading.current_thread())
            if self.thread is None or not self.thread.is_alive():  # (one per process, also after a fork)
                self.thread = threading.Thread(target=self.run, name="verordening-deadlines", daemon=True)
                self.thread.start()
        return ident

    def release(self, ident: int) -> None:
        with self.lock:
            self.deadlines.pop(ident, None)
            if ident in self.fired:  # one raised but not yet delivered must not hit the next document
                self.fired.discard(ident)
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)

    def run(self) -> None:
        while True:
            time.sleep(WATCH)
            now = time.monotonic()
            with self.lock:
                for ident, (_, thread) in list(self.deadlines.items()):
                    if not thread.is_alive():  # (its identifier may be another thread's now)
                        del self.deadlines[ident]
                        self.fired.discard(ident)
                for ident, (deadline, _) in self.deadlines.items():
                    if deadline <= now:
                        self.fired.add(ident)
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(
                            ctypes.c_ulong(ident), ctypes.py_object(TimeLimit)
                        )


_WATCHDOG = _Watchdog()


@contextmanager
def thread_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` in this thread once ``seconds`` have passed (like
    :func:`~verordening.load.base.budget`, which only works in a main thread). The exception
    arrives, as a signal's would, at the next Python instruction the thread runs; the deadline
    is looked at every :data:`WATCH` seconds."""
    if seconds <= 0:
        yield
        return
    ident = _WATCHDOG.watch(seconds)
    try:
        yield
    finally:
        _WATCHDOG.release(ident)


def _timed_out(path: str, options: ScanOptions) -> list[Row]:
    _, sha256 = file_hash(path, options.limits)
    message = f"{path}: took longer than limit seconds ({options.limits.seconds:g} s)"
    return [error_row(path, sha256, message, tool_version(), rules_version(options.rules))]


def check_batch(paths: list[str], options: ScanOptions) -> list[tuple[str, list[Row]]]:
    """The task a worker runs: :func:`check_path` over a batch, each document within its time
    limit. Never raises for a document."""
    found: list[tuple[str, list[Row]]] = []
    for path in paths:
        try:
            with thread_budget(options.limits.seconds):
                rows = check_path(path, options)
        except TimeLimit:  # the timer fired just outside check_path's own handler
            rows = _timed_out(path, options)
        found.append((path, rows))
    return found


def _lost(path: str, options: ScanOptions, why: str) -> list[Row]:
    """The error row of a document whose worker was lost (the file is hashed here, so the row
    still names the content that could not be checked)."""
    _, sha256 = file_hash(path, options.limits)
    return [error_row(path, sha256, f"{path}: {why}", tool_version(), rules_version(options.rules))]


def _why(future: Future[Any]) -> str:
    """Why a document's task failed, in one line (the worker's dying is the usual cause)."""
    if future.status == "error":
        error = future.exception()
        if not isinstance(error, KilledWorker):
            return f"could not be checked on Dask ({type(error).__name__})"
    return "its Dask worker died while checking it"


def batches(todo: list[str], threads: int) -> list[list[str]]:
    """``todo`` cut into batches: enough for every thread to get several, none over
    :data:`MAX_BATCH`; the order of ``todo`` kept."""
    if not todo:
        return []
    size = max(1, min(MAX_BATCH, math.ceil(len(todo) / (max(1, threads) * BATCHES_PER_THREAD))))
    return [todo[start : start + size] for start in range(0, len(todo), size)]


class _Scan:
    """One run over a cluster: submits the batches, streams results to ``on_rows``, resends
    the documents of a lost batch one by one and gives up on documents nobody can check."""

    def __init__(
        self, client: Client, options: ScanOptions, on_rows: OnRows, grace: float, task: Task
    ) -> None:
        self.client = client
        self.task = task
        self.options = options
        self.on_rows = on_rows
        self.grace = grace
        self.pending: dict[Future[Any], list[str]] = {}
        self.done: set[str] = set()
        self.failures: dict[str, int] = {}  # failed tasks of a document sent alone
        self.flow = as_completed(loop=client.loop, with_results=True, raise_errors=False)

    def submit(self, paths: list[str]) -> None:
        future = self.client.submit(self.task, paths, self.options, pure=False)
        self.pending[future] = paths
        self.flow.add(future)

    def give(self, path: str, rows: list[Row]) -> None:
        if path not in self.done:  # a document is reported once, whatever is resent
            self.done.add(path)
            self.on_rows(path, rows)

    def finished(self, future: Future[Any], result: Any) -> None:
        paths = self.pending.pop(future)
        if future.status == "finished" and isinstance(result, list):
            for path, rows in result:
                self.give(path, rows)
        elif len(paths) > 1:  # the worker died (or the task failed): each document on its own
            for path in paths:
                self.submit([path])
        else:  # a document alone: once more (it may only have waited on a worker that died)
            (path,) = paths
            self.failures[path] = self.failures.get(path, 0) + 1
            if self.failures[path] < TRIES_ALONE:
                self.submit(paths)
            else:
                self.give(path, _lost(path, self.options, _why(future)))
        future.release()

    def abandon(self) -> None:
        """No worker has been seen for the grace period: the waiting documents become error
        rows and their tasks are cancelled."""
        for future, paths in list(self.pending.items()):
            future.cancel()
            for path in paths:
                self.give(path, _lost(path, self.options, "no Dask worker was left to check it"))
        self.pending.clear()

    def workers(self) -> int:
        """Worker threads the scheduler knows of now (none while it cannot be reached)."""
        try:
            return sum(self.client.nthreads().values())
        except (OSError, TimeoutError):
            return 0

    def run(self, todo: list[str]) -> None:
        threads = self.workers() or 1
        for batch in batches(todo, threads):
            self.submit(batch)
        last_worker = time.monotonic()
        last_look = 0.0
        while self.pending:
            if self.flow.has_ready():
                for future, result in self.flow.next_batch(block=False):
                    if future in self.pending:
                        self.finished(future, result)
                continue
            time.sleep(POLL)
            now = time.monotonic()
            if now - last_look >= 1.0:
                last_look = now
                if self.workers():
                    last_worker = now
                elif now - last_worker > self.grace:
                    self.abandon()


def _local_cluster(workers: int) -> LocalCluster:
    """A cluster of worker processes on this machine, one thread each, no dashboard. A task
    whose worker dies is not given to another worker by the scheduler (the runner resends
    the documents itself, one by one, so one bad file cannot kill worker after worker), and a
    worker holds only the task it runs (saturation 1), so that a worker's death is blamed on
    that task alone, not on one that waited behind it."""
    settings = {"distributed.scheduler.allowed-failures": 0, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(settings):
        return LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            # (the scheduler's small HTTP server of health checks: on a free local port, not 8787)
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        )


@contextmanager
def connected(jobs: int, scheduler: str | None, timeout: float = CONNECT_TIMEOUT) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``jobs`` workers
    (2 when ``jobs`` is under 1) that is closed again at the end."""
    cluster: LocalCluster | None = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=timeout, set_as_default=False)
        else:
            cluster = _local_cluster(jobs if jobs >= 1 else 2)
            client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError) as error:
        where = scheduler or Phrase("scan.local_cluster")
        raise DaskError(key="scan.unreachable", where=where, error=type(error).__name__) from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def visible(client: Client, path: str) -> None:
    """Stop with one line when a worker of a cluster cannot open ``path`` (workers open the
    files themselves, by the path the scan found: they need the same file system, and a
    relative path the same working folder)."""
    seen = client.run(os.path.isfile, path)
    blind = sorted(worker for worker, found in seen.items() if not found)
    if blind:
        if len(blind) > 1:
            raise DaskError(key="scan.blind_more", path=path, worker=blind[0], more=len(blind) - 1)
        raise DaskError(key="scan.blind", path=path, worker=blind[0])


def dask_runner(
    jobs: int, scheduler: str | None, *, grace: float = NO_WORKER_GRACE, task: Task = check_batch
) -> Runner:
    """The runner that checks documents on Dask: on the cluster at ``scheduler``
    (``tcp://host:8786``), else on a local cluster of ``jobs`` worker processes (2 when
    ``jobs`` < 1). ``grace``: seconds without any worker before the waiting documents become
    error rows; ``task``: what a worker runs on a batch (:func:`check_batch`; tests put a
    task there that kills its worker)."""

    def run(todo: list[str], options: ScanOptions, on_rows: OnRows) -> None:
        if not todo:
            return
        with connected(jobs, scheduler) as client:
            if scheduler:
                visible(client, todo[0])
            _Scan(client, options, on_rows, grace, task).run(list(todo))

    return run

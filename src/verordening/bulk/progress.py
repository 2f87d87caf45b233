"""The scan's progress bar on standard error: documents done, documents per second, time left,
errors. Drawn only when asked (the command asks when stderr is a terminal), and redrawn from the
scan's own loop, never from a thread: worker processes are forked from this process, and a
drawing thread could hold a lock at that moment."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
from rich.text import Text

__all__ = ["Bar"]

_EVERY = 0.1  # seconds between redraws


class _Rate(ProgressColumn):
    """Documents per second, over rich's recent window."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} doc/s")


class _Errors(ProgressColumn):
    def render(self, task: Task) -> Text:
        errors = int(task.fields.get("errors", 0))
        return Text(f"{errors} error{'' if errors == 1 else 's'}", style="red" if errors else "")


class Bar:
    """A progress bar over ``total`` documents of which ``done`` are done already (reused)."""

    def __init__(self, total: int, done: int, show: bool) -> None:
        self._progress: Progress | None = None
        self._drawn = 0.0
        if not show:
            return
        self._progress = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
            TimeRemainingColumn(),
            _Errors(),
            console=Console(stderr=True),
            auto_refresh=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task("scan", total=total, completed=done, errors=0)
        self._progress.start()

    def advance(self, errors: int) -> None:
        """One more document done; ``errors``: the error documents so far."""
        if self._progress is None:
            return
        self._progress.update(self._task, advance=1, errors=errors)
        now = time.monotonic()
        if now - self._drawn >= _EVERY:
            self._drawn = now
            self._progress.refresh()

    def close(self) -> None:
        if self._progress is not None:
            self._progress.refresh()
            self._progress.stop()
            self._progress = None

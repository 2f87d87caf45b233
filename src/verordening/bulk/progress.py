"""The scan's progress bar on standard error: documents done, documents per second, time left,
errors. Drawn only when asked (the command asks when stderr is a terminal), and redrawn from the
scan's own loop, never from a thread: worker processes are forked from this process, and a
drawing thread could hold a lock at that moment."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TimeRemainingColumn
from rich.text import Text

from ..messages import messages
from .api import error_count

__all__ = ["Bar"]

_EVERY = 0.1  # seconds between redraws


class _Rate(ProgressColumn):
    """Documents per second, over rich's recent window, in the language of the run."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def render(self, task: Task) -> Text:
        m = messages(self.lang)
        rate = f"{task.speed or 0:.1f}".replace(".", m("scan.decimal_mark"))
        return Text(m("scan.rate", rate=rate))


class _Errors(ProgressColumn):
    """The error documents so far, in the language of the run."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def render(self, task: Task) -> Text:
        errors = int(task.fields.get("errors", 0))
        return Text(error_count(errors, self.lang), style="red" if errors else "")


class Bar:
    """A progress bar over ``total`` documents of which ``done`` are done already (reused),
    its words in ``lang``."""

    def __init__(self, total: int, done: int, show: bool, lang: str = "en") -> None:
        self._progress: Progress | None = None
        self._drawn = 0.0
        if not show:
            return
        self._progress = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(lang),
            TimeRemainingColumn(),
            _Errors(lang),
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

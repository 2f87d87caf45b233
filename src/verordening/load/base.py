"""What every format's reader shares: the limits on what one input may cost, the time
budget that enforces the last of them, the error a reader raises and what it returns.

Every number here has a default a real bylaw never comes near and a hostile file always
does; all can be set (``Limits(input_bytes=...)``, or ``--limit NAME=VALUE`` on the command
line). Files and standard input are held to the same limits.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from attrs import define, fields

from ..diagnostics import Diagnostic
from ..errors import BadValue, LocalisedError
from ..model import SourceInfo

__all__ = ["FormatError", "Limits", "Loaded", "TimeLimit", "budget"]

MIB = 1024 * 1024


MAX_SECONDS = 1_000_000  # a time budget of about eleven days: more is no budget at all


@define(frozen=True)
class Limits:
    """What one document may cost. ``seconds`` of 0 switches the time budget off."""

    input_bytes: int = 50 * MIB  # the file or standard input as given
    unpacked_bytes: int = 100 * MIB  # decompressed parts of a .docx or streams of a PDF, together
    text_chars: int = 20_000_000  # the text a loader produces
    number: int = 100_000  # a value of automatic numbering (Word's start, a CVDR label)
    levels: int = 9  # levels of a numbered list (Word has 0-8)
    depth: int = 200  # nesting of elements in XML and HTML
    articles: int = 20_000  # articles in one regulation
    provision_chars: int = 500_000  # characters in one provision, for the language stage
    seconds: float = 60.0  # reading, parsing and checking one document

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def with_setting(self, setting: str) -> Limits:
        """A copy with one ``NAME=VALUE`` changed; :class:`BadValue` (a ValueError) with a one-line
        message if bad."""
        name, _, value = setting.partition("=")
        name = name.strip().replace("-", "_")
        if name not in self.names():
            raise BadValue(key="limits.unknown", name=name, names=", ".join(self.names()))
        try:
            number = float(value) if name == "seconds" else int(value.strip().replace("_", ""))
        except ValueError:
            raise BadValue(key="limits.not_number", name=name, value=value.strip()) from None
        if number != number:  # ("nan")
            raise BadValue(key="limits.not_number", name=name, value=value.strip())
        if number < 0:
            raise BadValue(key="limits.negative", name=name)
        if name == "seconds" and number > MAX_SECONDS:  # (the system's timer takes no more)
            raise BadValue(key="limits.too_large", name=name, max=MAX_SECONDS)
        return Limits(**{**{n: getattr(self, n) for n in self.names()}, name: number})


class FormatError(LocalisedError):
    """A reader cannot read its input; the message is one line and never quotes the input
    (raised with a key of ``errors.`` in messages.yaml, so it is said in either language)."""


@define(frozen=True)
class Loaded:
    """What a format's reader gives back: the text, what the source says about itself, notes."""

    text: str
    info: SourceInfo
    diagnostics: tuple[Diagnostic, ...] = ()


class TimeLimit(BaseException):
    """The time budget of a document ran out. A BaseException, like KeyboardInterrupt, so that
    no ``except Exception`` on the way swallows it and lets the work run on."""


def _expired(signum: int, frame: object) -> None:
    raise TimeLimit


@contextmanager
def budget(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimit` in the block once ``seconds`` have passed. Only where a timer
    can interrupt: in the main thread, and when no outer budget runs already (that one
    keeps counting); elsewhere the block runs unbounded."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return
    before = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, MAX_SECONDS))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, before)

"""Errors that can say what is wrong in the language of the run.

An error of the readers, the limits or the checker carries a message key (under ``errors.``
in ``messages.yaml``) and the values of its placeholders instead of a finished sentence, so
the command line shows it in Dutch or English. ``str(error)`` stays the English text, which
the Python API and its callers read. An error raised with a plain string still works: it
says that string in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from attrs import define

from .messages import messages

__all__ = ["BadValue", "LocalisedError", "Phrase", "localised"]


@define(frozen=True)
class Phrase:
    """A fixed phrase inside an error message, such as what a format is called, said in the
    language of the message around it."""

    key: str

    def text(self, lang: str) -> str:
        return messages(lang)(f"errors.{self.key}")


class LocalisedError(Exception):
    """An error whose message is ``errors.<key>`` of ``messages.yaml`` filled with ``values``.

    A value that is itself such an error, or a :class:`Phrase`, is said in the same language,
    so that a wrapper (``NAME: <the reader's error>``) never mixes two languages."""

    def __init__(self, message: str = "", /, *, key: str | None = None, **values: object) -> None:
        self.key = key
        self.values: Mapping[str, object] = values
        super().__init__(message if key is None else self.text("en"))

    def text(self, lang: str) -> str:
        """The message in ``lang`` (``nl`` or ``en``)."""
        if self.key is None:
            return str(self.args[0]) if self.args else ""
        said = {name: localised(value, lang) for name, value in self.values.items()}
        return messages(lang)(f"errors.{self.key}", **said)

    def __reduce__(self) -> tuple[Any, ...]:
        # worker processes send errors back pickled; the key must survive the trip
        return (_remake, (type(self), str(self), self.key, dict(self.values)))


def _remake(
    kind: type[LocalisedError], message: str, key: str | None, values: dict[str, object]
) -> LocalisedError:
    return kind(message, key=key, **values)


class BadValue(LocalisedError, ValueError):
    """A value given by the user that cannot be used: a limit, a date (a ValueError, as before)."""


def localised(value: object, lang: str) -> str:
    """``value`` as text in ``lang``: an error or phrase of ours in that language, anything
    else (an error of Python or a library, a name, a number) as it is."""
    if isinstance(value, LocalisedError | Phrase):
        return value.text(lang)
    return str(value)

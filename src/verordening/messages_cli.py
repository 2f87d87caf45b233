"""The command line in Dutch or English: help texts, argparse's own words, its errors.

The commands declare their options in ``cli.py`` (and the modules of their own commands);
afterwards :func:`localise` walks the finished parser tree and gives each option the help
text ``messages.yaml`` holds for it under ``help.<command>.<dest>``. The language must be
known before ``--help`` is printed, so :func:`language_of` reads it from the arguments
first; argparse itself is not asked.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from .errors import localised
from .escape import visible
from .load.base import Limits
from .messages import LANGUAGES, Messages, choose_language, keys, messages

__all__ = [
    "add_language",
    "add_limits",
    "argparse_error",
    "help_key",
    "language_of",
    "limits_of",
    "localise",
    "say",
]

OPTION = "--lang"


def language_of(argv: Sequence[str]) -> str:
    """The language the arguments ask for (``--lang en`` or ``--lang=en`` anywhere before
    a lone ``--``), else ``$VERORDENING_LANG``, else Dutch; an unknown value is left for
    argparse to refuse."""
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        value = None
        if arg == OPTION and n + 1 < len(argv):
            value = argv[n + 1]
        elif arg.startswith(OPTION + "="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return choose_language()


def say(message: object, lang: str) -> None:
    """One line on standard error, an error of ours in ``lang``, every control and bidi
    character in it escaped (every command reports a usage error this way)."""
    sys.stderr.write(f"verordening: {visible(localised(message, lang), one_line=True)}\n")


def add_limits(parser: argparse.ArgumentParser) -> None:
    """``--limit NAME=VALUE`` (repeatable) on a command that reads inputs; see :func:`limits_of`."""
    parser.add_argument(
        "--limit",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"change a limit on one input ({', '.join(Limits.names())}); repeatable",
    )


def limits_of(args: argparse.Namespace) -> Limits:
    """The limits the ``--limit`` options ask for; :class:`~verordening.errors.BadValue` if one is bad."""
    limits = Limits()
    for setting in args.limit:
        limits = limits.with_setting(setting)
    return limits


def add_language(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--lang nl|en`` on ``parser``. Below the top the default is suppressed, so that
    ``verordening --lang en check`` and ``verordening check --lang en`` both count."""
    parser.add_argument(
        OPTION,
        choices=LANGUAGES,
        default=None if top else argparse.SUPPRESS,
        help="language of the output and the help",
    )


def help_key(command: str, dest: str) -> str:
    """The message key of an option's help: ``help.check.format``; ``_`` is the top level."""
    return f"help.{command}.{dest}"


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter with the word before the usage line in the chosen language."""

    prefix = "usage: "

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, self.prefix if prefix is None else prefix)


def localise(parser: argparse.ArgumentParser, lang: str, **values: object) -> None:
    """Put the help texts and argparse's words of ``lang`` on ``parser`` and its commands;
    ``values`` fill placeholders in the help texts (``{names}`` of the limits)."""
    m = messages(lang)
    known = set(keys())
    _localise(parser, "_", m, known, values)


def _text(m: Messages, key: str, known: set[str], values: dict[str, object]) -> str | None:
    return m(key).format(**values) if key in known else None


def _localise(
    parser: argparse.ArgumentParser,
    command: str,
    m: Messages,
    known: set[str],
    values: dict[str, object],
) -> None:
    # the command's own formatter (a raw description, say) with the usage word of the language
    own = parser.formatter_class
    bases: tuple[type, ...] = (_Formatter,)
    if isinstance(own, type):
        bases = (own,) if issubclass(own, _Formatter) else (_Formatter, own)
    formatter: Any = type("_Formatter", bases, {"prefix": m("argparse.usage")})
    parser.formatter_class = formatter
    parser._positionals.title = m("argparse.positionals")
    parser._optionals.title = m("argparse.options")
    setattr(parser, "messages", m)  # noqa: B010 - argparse has no field for it; _Parser.error reads it
    description = _text(m, help_key(command, "_description"), known, values)
    if description is not None:
        parser.description = description
    for action in parser._actions:
        general = _text(m, help_key("_", action.dest), known, values)
        specific = _text(m, help_key(command, action.dest), known, values)
        if specific is not None or general is not None:
            action.help = specific if specific is not None else general
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                text = _text(m, help_key(choice.dest, "_help"), known, values)
                if text is not None:
                    choice.help = text
            for name, sub in action.choices.items():
                _localise(sub, name, m, known, values)


def _replace_fixed(message: str, section: str, m: Messages) -> str:
    """``message`` with the English fragments of ``section`` in ``m``'s language."""
    if m.lang == "en":
        return message
    english = messages("en")
    for key in keys():
        if key.startswith(section + "."):
            message = message.replace(english(key), m(key))
    return message


def argparse_error(message: str, m: Messages) -> str:
    """argparse's English error in ``m``'s language, by its fixed parts (the names of
    options and the values given stay as they were), with the pointer to ``--help``."""
    return m("argparse.see_help", message=_replace_fixed(message, "argparse_errors", m))

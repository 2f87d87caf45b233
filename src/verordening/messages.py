"""The fixed words people read, in Dutch or English, from ``messages.yaml``.

Reports, outlines and the command line's help ask here for their words by key, so the
wording of both languages lives in one data file and the code only chooses a language.
Dutch is the default: the tool is for Dutch municipalities. ``VERORDENING_LANG`` or
``--lang`` switch to English.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["LANGUAGES", "Messages", "choose_language", "keys", "messages", "texts"]

LANGUAGES = ("nl", "en")
"""The languages every message exists in; the first is the default."""

ENV = "VERORDENING_LANG"


@cache
def _table() -> dict[str, dict[str, str]]:
    """Every message as ``{"report.title": {"nl": ..., "en": ...}}``, read once."""
    text = (resources.files("verordening") / "messages.yaml").read_text(encoding="utf-8")
    flat: dict[str, dict[str, str]] = {}

    def walk(prefix: str, node: dict[str, Any]) -> None:
        for key, value in node.items():
            name = f"{prefix}{key}"
            if isinstance(value, dict) and set(value) == set(LANGUAGES):
                flat[name] = {lang: str(value[lang]) for lang in LANGUAGES}
            elif isinstance(value, dict):
                walk(name + ".", value)
            else:
                raise ValueError(f"messages.yaml: {name} needs a text for each of {', '.join(LANGUAGES)}")

    walk("", yaml.safe_load(text))
    return flat


def choose_language(choice: str | None = None) -> str:
    """The language asked for: ``choice``, else ``$VERORDENING_LANG``, else Dutch.

    An unknown language in the environment falls back to Dutch rather than failing every
    command; an unknown ``choice`` is refused (argparse already limits it)."""
    if choice:
        if choice not in LANGUAGES:
            raise ValueError(f"unknown language {choice!r}; choose from {', '.join(LANGUAGES)}")
        return choice
    env = os.environ.get(ENV, "").strip().lower()
    return env if env in LANGUAGES else LANGUAGES[0]


class Messages:
    """The messages of one language: ``m("report.title")``, ``m.table("status")``."""

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        template = _table()[key][self.lang]
        return template.format(**values) if values else template

    def element(self, key: str, own: str, *, short: bool = False) -> str:
        """An element's name (``short``: its word in one-line summaries): in Dutch ``own``, the
        rule's own name; in another language this file's, else ``own``."""
        if self.lang == LANGUAGES[0]:
            return own
        return self.table("element_short" if short else "element").get(key, own)

    def table(self, section: str) -> dict[str, str]:
        """The messages under ``section`` by their last key: ``{"present": "aanwezig", ...}``."""
        prefix = section + "."
        return {
            key[len(prefix) :]: texts[self.lang]
            for key, texts in _table().items()
            if key.startswith(prefix) and "." not in key[len(prefix) :]
        }


@cache
def messages(lang: str = "nl") -> Messages:
    """The messages of ``lang`` (one object per language)."""
    return Messages(lang)


def keys() -> tuple[str, ...]:
    """Every message key (for tests and the docs)."""
    return tuple(_table())


def texts(key: str) -> dict[str, str]:
    """The message ``key`` in every language."""
    return dict(_table()[key])

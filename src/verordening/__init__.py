"""verordening: read a Dutch municipal bylaw and check its client-participation rules.

The flow, one module per stage::

    load -> structure -> language -> rules -> findings -> output

>>> import verordening
>>> doc = verordening.parse("Artikel 1\\n1. De raad stelt een adviesraad in.")
>>> doc.articles[0].children[0].citation
'artikel 1, eerste lid'
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from .checker import Checker
from .datafile import RuleError
from .diagnostics import Diagnostic
from .findings import Report
from .language import ModelError, chosen_model
from .load import LoadError, read
from .model import Document, Field, Node
from .structure import normalise, parse_text

__all__ = [
    "Checker",
    "Diagnostic",
    "Document",
    "Field",
    "LoadError",
    "ModelError",
    "Node",
    "Report",
    "RuleError",
    "__version__",
    "check",
    "normalise",
    "parse",
    "parse_file",
]

__version__ = "0.1.0"


def parse(text: str | bytes) -> Document:
    """Parse the text of a bylaw into its structure. Never raises on any text."""
    if isinstance(text, bytes):
        from .load import decode

        decoded, encoding, notes = decode(text)
        return parse_text(decoded, encoding=encoding, diagnostics=notes)
    return parse_text(text)


def parse_file(path: str | Path) -> Document:
    """Read and parse a file (``-`` for standard input); :class:`LoadError` if unreadable."""
    source = read(path)
    return parse_text(source.text, path=source.path, encoding=source.encoding, diagnostics=source.diagnostics)


@lru_cache(maxsize=8)
def _checker(model: str | None, rules: str | None, stamp: tuple[tuple[str, int, int], ...] = ()) -> Checker:
    return Checker(model=model or "builtin", rules=rules)


def _stamp(rules: str | Path | None) -> tuple[tuple[str, int, int], ...]:
    """What tells an edited rule folder from the one a kept checker read: names, times, sizes."""
    if rules is None or not Path(rules).is_dir():
        return ()
    stats = ((p, p.stat()) for p in Path(rules).rglob("*") if p.is_file())
    return tuple(sorted((str(p), stat.st_mtime_ns, stat.st_size) for p, stat in stats))


def _document(source: str | Path | Document) -> Document:
    if isinstance(source, Document):
        return source
    if isinstance(source, Path):
        return parse_file(source)
    return parse(source)


def check(
    source: str | Path | Document,
    frameworks: list[str] | tuple[str, ...] | None = None,
    as_of: date | str | None = None,
    model: str | Path | None = None,
    rules: str | Path | None = None,
) -> Report:
    """Check a bylaw - its text, a path or a parsed :class:`Document` - against the law.

    ``frameworks`` overrides the frameworks read from the legal basis (``participatiewet``,
    ``wmo2015``, ``wwb``, ``wmo2007``, ``jeugdwet``); ``as_of`` (default: today) chooses
    the law in force. ``model`` is a spaCy pipeline, by package name or folder; without
    it ``$VERORDENING_SPACY_MODEL``, an installed ``nl_core_news_lg/md/sm`` or the
    built-in pipeline reads the text (the report says which). ``rules`` is a rule folder
    (default: the installed rules). One :class:`Checker` per model and rule folder is
    made and kept; make your own to control that.
    """
    folder = str(rules) if rules is not None else None
    checker = _checker(chosen_model(model), folder, _stamp(rules))
    return checker.check(_document(source), frameworks=frameworks, as_of=as_of)

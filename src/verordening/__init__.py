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
from .load import Limits, LoadError, Source, load
from .model import Document, Field, Node, SourceInfo
from .structure import normalise, parse_text

__all__ = [
    "Checker",
    "Diagnostic",
    "Document",
    "Field",
    "Limits",
    "LoadError",
    "ModelError",
    "Node",
    "Report",
    "RuleError",
    "Source",
    "SourceInfo",
    "__version__",
    "check",
    "check_file",
    "diff",
    "load",
    "normalise",
    "parse",
    "parse_file",
    "scan",
]

__version__ = "0.1.0"


def parse(text: str | bytes) -> Document:
    """Parse the text of a bylaw into its structure. Never raises on any text."""
    if isinstance(text, bytes):
        from .load import decode

        decoded, encoding, notes = decode(text)
        return parse_text(decoded, encoding=encoding, diagnostics=notes)
    return parse_text(text)


def parse_file(path: str | Path, limits: Limits | None = None) -> Document:
    """Read and parse a file in any format :func:`load` reads (``-`` for standard input);
    :class:`LoadError` if it cannot be read."""
    return parse_source(load(path, limits=limits))


def parse_source(source: Source) -> Document:
    """Parse what :func:`load` read."""
    return parse_text(
        source.text,
        path=source.path,
        encoding=source.encoding,
        diagnostics=source.diagnostics,
        info=source.info,
    )


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
    if _names_a_file(source):
        raise ValueError(
            f"{source!r} is the name of a file, not the text of a bylaw: "
            "use verordening.check_file(...) or pass a pathlib.Path"
        )
    return parse(source)


def _names_a_file(text: str) -> bool:
    """Whether ``text`` is a single line that names an existing file."""
    if not text or len(text) > 4096 or "\n" in text or "\0" in text:
        return False
    try:
        return Path(text).is_file()
    except OSError:  # a name the system refuses: not a file
        return False


def check(
    source: str | Path | Document,
    frameworks: list[str] | tuple[str, ...] | None = None,
    as_of: date | str | None = None,
    model: str | Path | None = None,
    rules: str | Path | None = None,
    limits: Limits | None = None,
) -> Report:
    """Check a bylaw - its text, a path or a parsed :class:`Document` - against the law.

    ``frameworks`` overrides the frameworks read from the legal basis (``participatiewet``,
    ``wmo2015``, ``wwb``, ``wmo2007``, ``jeugdwet``); ``as_of`` (default: today) chooses
    the law in force. ``model`` is a spaCy pipeline, by package name or folder; without
    it ``$VERORDENING_SPACY_MODEL``, an installed ``nl_core_news_lg/md/sm`` or the
    built-in pipeline reads the text (the report says which). ``rules`` is a rule folder
    (default: the installed rules); ``limits`` what one document may cost (:class:`Limits`).
    One :class:`Checker` per model and rule folder is made and kept; make your own to
    control that.
    """
    folder = str(rules) if rules is not None else None
    checker = _checker(chosen_model(model), folder, _stamp(rules))
    document = parse_file(source, limits) if isinstance(source, Path) else _document(source)
    return checker.check(document, frameworks=frameworks, as_of=as_of, limits=limits)


def check_file(
    path: str | Path,
    frameworks: list[str] | tuple[str, ...] | None = None,
    as_of: date | str | None = None,
    model: str | Path | None = None,
    rules: str | Path | None = None,
    limits: Limits | None = None,
) -> Report:
    """Check a file in any format :func:`load` reads; see :func:`check` for the rest."""
    document = parse_file(path, limits)
    return check(document, frameworks=frameworks, as_of=as_of, model=model, rules=rules, limits=limits)


# ``verordening.scan(paths, ...)`` scans many bylaws into a table (bulk/api.py). Imported last:
# the bulk modules import what is defined above.
from .bulk.api import scan  # noqa: E402
from .compare import diff  # noqa: E402  (two versions compared; compare.py)

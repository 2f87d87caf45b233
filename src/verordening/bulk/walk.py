"""Which files a scan checks: folders walked, globs expanded, other files skipped and counted.

A scan of a researcher's folder meets more than bylaws: gold files, READMEs, manifests, the
scan's own table and store, editor back-ups. The choice is made from the name alone, never from
the content, so that walking 300,000 files costs no reads and the same tree always gives the
same list: a file is checked when its suffix is one the readers take (:data:`SUFFIXES`) and its
name is none of :data:`SKIPPED_NAMES`; hidden files and folders (a name starting with ``.``)
are skipped. The same rule holds for a file named on the command line, because the shell has
already expanded the user's glob into names by then. Folder symlinks are not followed (no
loops); file symlinks are read.
"""

from __future__ import annotations

import glob
import os
from fnmatch import fnmatch
from pathlib import PurePath

from attrs import define, field

__all__ = ["SKIPPED_NAMES", "SUFFIXES", "Walk", "checked", "walk"]

# what the readers of verordening.load take: text and Markdown, Word, HTML, CVDR XML, PDF
SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".xhtml", ".xml", ".pdf")
# names that are no bylaw even with such a suffix (case-insensitive shell patterns)
SKIPPED_NAMES = ("*.gold.json", "readme*", "*manifest*", "license*", "changelog*")

_GLOB_CHARS = frozenset("*?[")


@define
class Walk:
    """The files to check (sorted, each once), the files skipped, the arguments that named nothing."""

    files: list[str] = field(factory=list)
    skipped: list[str] = field(factory=list)
    missing: list[str] = field(factory=list)


def checked(path: str) -> bool:
    """Whether a file of this name is checked (see the module's docstring)."""
    name = PurePath(path).name.lower()
    if name.startswith("."):
        return False
    if any(fnmatch(name, pattern) for pattern in SKIPPED_NAMES):
        return False
    return PurePath(name).suffix in SUFFIXES


def _folder(root: str) -> list[str]:
    """Every file under ``root``, hidden folders left out, in sorted order."""
    found: list[str] = []
    for top, folders, files in os.walk(root):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found.extend(os.path.join(top, name) for name in sorted(files))
    return found


def _expand(argument: str) -> list[str] | None:
    """The files one argument names: a file, a folder's files, a glob's; None for nothing."""
    if os.path.isdir(argument):
        return _folder(argument)
    if os.path.isfile(argument):
        return [argument]
    if not _GLOB_CHARS & set(argument):
        return None
    matches = sorted(glob.glob(argument, recursive=True))
    if not matches:
        return None
    found: list[str] = []
    for match in matches:
        found.extend(_folder(match) if os.path.isdir(match) else [match] if os.path.isfile(match) else [])
    return found


def walk(arguments: list[str] | tuple[str, ...]) -> Walk:
    """The files of a scan of ``arguments`` (files, folders, globs; folders walked recursively)."""
    result = Walk()
    seen: set[str] = set()
    files: list[str] = []
    for argument in arguments:
        found = _expand(argument)
        if found is None:
            result.missing.append(argument)
            continue
        for path in (os.path.normpath(p) for p in found):
            if path in seen:
                continue
            seen.add(path)
            (files if checked(path) else result.skipped).append(path)
    result.files = sorted(files)
    return result

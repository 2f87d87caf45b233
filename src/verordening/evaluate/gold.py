"""Gold files: what a text should be judged, read from ``NAME.gold.json``."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import define

from ..errors import LocalisedError, Phrase
from ..findings import ELEMENTS, STATUSES
from ..vocabulary import Verdict

__all__ = ["EvalError", "GoldCase", "GoldElement", "load_gold", "one_line"]

PARTICIPATION: str = Verdict.PARTICIPATION_BYLAW.value


class EvalError(LocalisedError):
    """A problem with the evaluation input (folders, gold files); the message is one line, in
    either language (``str(error)`` is the English)."""


@define(frozen=True)
class GoldElement:
    """The expected status of one element and the provisions that carry it."""

    status: str
    citations: tuple[str, ...] = ()


@define(frozen=True)
class GoldCase:
    """One gold file and the text it describes.

    ``elements`` holds all six elements for a participation bylaw (those the gold file
    leaves out are ``not_applicable``) and nothing for any other verdict.
    ``frameworks`` is the expected output (``None`` when the gold does not say);
    ``override`` the frameworks to pass to the checker (from ``"framework"``).
    """

    gold_path: Path
    text_path: Path
    verdict: str
    frameworks: tuple[str, ...] | None
    override: tuple[str, ...] | None
    as_of: str | None
    elements: dict[str, GoldElement]


def load_gold(dirs: Iterable[Path | str]) -> list[GoldCase]:
    """Every ``*.gold.json`` in the given folders (not recursive), sorted by name per folder.

    A path to a single gold file is accepted too. Raises :class:`EvalError` for a
    missing folder, no gold files at all, a gold file that is not valid JSON or not a
    gold object, and a missing text file.
    """
    files: list[Path] = []
    for entry in dirs:
        path = Path(entry)
        if path.is_file() and path.name.endswith(".gold.json"):
            files.append(path)
        elif path.is_dir():
            files.extend(sorted(p for p in path.glob("*.gold.json") if p.is_file()))
        elif path.exists():
            raise EvalError(key="eval.not_a_folder", path=path)
        else:
            raise EvalError(key="eval.no_folder", path=path)
    seen: set[Path] = set()
    unique: list[Path] = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    if not unique:
        shown: object = ", ".join(str(d) for d in dirs) or Phrase("eval.no_folders")
        raise EvalError(key="eval.no_gold", shown=shown)
    return [_read_gold(file) for file in unique]


def _read_gold(path: Path) -> GoldCase:
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise EvalError(key="eval.unreadable", path=path, error=one_line(error)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise EvalError(key="eval.not_json", path=path, line=error.lineno, error=error.msg) from None
    if not isinstance(data, dict):
        raise EvalError(key="eval.not_object", path=path)
    text = data.get("text")
    if not isinstance(text, str) or not text:
        raise EvalError(key="eval.no_text", path=path)
    text_path = path.parent / text
    if not text_path.is_file():
        raise EvalError(key="eval.text_missing", path=path, text=text_path)
    verdict = data.get("verdict", PARTICIPATION)
    if not isinstance(verdict, str):
        raise EvalError(key="eval.verdict_type", path=path)
    as_of = data.get("as_of")
    if as_of is not None and not isinstance(as_of, str):
        raise EvalError(key="eval.as_of_type", path=path)
    frameworks = _strings(path, data, "frameworks")
    override = _strings(path, data, "framework")
    elements = _gold_elements(path, data.get("elements", {}), verdict)
    return GoldCase(
        gold_path=path,
        text_path=text_path,
        verdict=verdict,
        frameworks=frameworks,
        override=override,
        as_of=as_of,
        elements=elements,
    )


def _strings(path: Path, data: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise EvalError(key="eval.strings", path=path, key_name=key)


def _gold_elements(path: Path, raw: object, verdict: str) -> dict[str, GoldElement]:
    if not isinstance(raw, dict):
        raise EvalError(key="eval.elements_type", path=path)
    if verdict != PARTICIPATION:
        return {}
    elements: dict[str, GoldElement] = {}
    for key in ELEMENTS:
        entry = raw.get(key)
        if entry is None:
            elements[key] = GoldElement("not_applicable")
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("status"), str):
            raise EvalError(key="eval.element_type", path=path, element=key)
        status: str = entry["status"]
        if status not in STATUSES:
            raise EvalError(key="eval.element_status", path=path, element=key, status=repr(status))
        cites = entry.get("citations", [])
        if not isinstance(cites, list) or not all(isinstance(c, str) for c in cites):
            raise EvalError(key="eval.citations_type", path=path, element=key)
        elements[key] = GoldElement(status, tuple(cites))
    return elements


def one_line(error: BaseException) -> str:
    """An error's message on one line (its type's name when it has none)."""
    return " ".join(str(error).split()) or type(error).__name__

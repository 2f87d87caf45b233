"""Patterns and compounds as the rule and knowledge files write them, read for spaCy's matchers.

A role in a pattern (``{_: {role: body}}``) is kept in a token's NORM ("@body"), an attribute
the matchers test natively, so patterns over roles cost no more than patterns over words.
"""

from __future__ import annotations

from typing import Any

from attrs import define

from .datafile import DataFile

__all__ = ["ROLES", "ROLE_MARK", "Compound", "Pattern", "read_compounds", "read_patterns", "value_at"]

ROLES = ("council", "college", "body", "both")  # when a name has two roles, the first wins
ROLE_MARK = "@"


@define(frozen=True)
class Pattern:
    """A spaCy Matcher (or DependencyMatcher) pattern, and where it was written."""

    tokens: tuple[dict[str, Any], ...]
    origin: str  # "file:line"


def _native(token: dict[str, Any]) -> dict[str, Any]:
    """``{_: {role: body}}`` in a data file becomes ``{NORM: "@body"}`` for the matcher, and
    ``{_: {role: {IN: [college, body]}}}`` becomes ``{NORM: {IN: ["@college", "@body"]}}``."""
    extension = token.get("_")
    if not isinstance(extension, dict) or set(extension) != {"role"}:
        return token
    converted = {k: v for k, v in token.items() if k != "_"}
    role = extension["role"]
    if isinstance(role, dict):
        converted["NORM"] = {op: [ROLE_MARK + str(r) for r in roles] for op, roles in role.items()}
    else:
        converted["NORM"] = ROLE_MARK + str(role)
    return converted


def value_at(file: DataFile, place: list[str | int]) -> Any:
    """The value at ``place`` of a data file (keys and list indices); None when absent."""
    raw: Any = file.data
    for step in place:
        if isinstance(raw, dict):
            raw = raw.get(step)
        elif isinstance(raw, list) and isinstance(step, int) and step < len(raw):
            raw = raw[step]
        else:
            return None
    return raw


def read_patterns(file: DataFile, place: list[str | int], dependency: bool = False) -> tuple[Pattern, ...]:
    """The patterns listed at ``place`` of a data file (none when it is absent)."""
    found = []
    for index, tokens in enumerate(value_at(file, place) or ()):
        if dependency:
            native = tuple({**node, "RIGHT_ATTRS": _native(node["RIGHT_ATTRS"])} for node in tokens)
        else:
            native = tuple(_native(token) for token in tokens)
        for token in native:
            norm = token.get("RIGHT_ATTRS", token).get("NORM")
            named = norm.get("IN", []) if isinstance(norm, dict) else [norm] if norm else []
            unknown = [n for n in named if n.startswith(ROLE_MARK) and n[1:] not in ROLES]
            if unknown:
                raise file.error([*place, index], f"unknown role {unknown[0][1:]!r}")
        found.append(Pattern(native, f"{file.path}:{file.line_of([*place, index])}"))
    return tuple(found)


@define(frozen=True)
class Compound:
    """Dutch compounds read through their parts: one of the modifiers, an optional linking
    s, e or en, and one of the heads ("agendering" + "s" + "recht")."""

    modifiers: tuple[str, ...]
    heads: tuple[str, ...]


def read_compounds(file: DataFile, place: list[str | int]) -> tuple[Compound, ...]:
    """The compounds listed at ``place`` of a data file (none when it is absent)."""
    return tuple(Compound(tuple(c["modifiers"]), tuple(c["heads"])) for c in value_at(file, place) or ())

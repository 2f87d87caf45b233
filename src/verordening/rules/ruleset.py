"""Rule files: YAML in ``rules/``, validated by ``rules/rule.schema.json`` at load.

One file per statutory element, with a section per framework. A malformed file gives
a :class:`RuleError` naming the file, the line and the reason.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import yaml
from attrs import define

from ..findings import ELEMENTS
from ..language import ROLE_MARK
from ..resources import data_dir

__all__ = ["Cues", "FrameworkRule", "Qualifier", "Rule", "RuleError", "load_rules"]

Pattern = list[dict[str, Any]]


class RuleError(Exception):
    """A rule file that cannot be used: ``file:line: reason`` on one line."""


@define(frozen=True)
class FrameworkRule:
    framework: str
    rule_id: str
    statute: str
    juriconnect: str
    severity: str
    interpretation: bool


@define(frozen=True)
class Qualifier:
    key: str
    basis: str  # "statute" or "interpretation"
    patterns: tuple[Pattern, ...]
    default: bool  # satisfied unless denied
    denied_by: tuple[Pattern, ...]
    negation: str  # "deny": a negated match denies the qualifier; "ignore": it just does not count
    scope: str  # "evidence" (provisions about the element) or "article" (their whole articles)
    overridable: bool  # a denied_by limit gives way to an outright grant elsewhere
    missing: str  # reason code when not satisfied
    denied: str  # reason code when denied


@define(frozen=True)
class Note:
    patterns: tuple[Pattern, ...]
    reason: str


@define(frozen=True)
class Rule:
    element: str
    name: str
    description: str
    frameworks: dict[str, FrameworkRule]
    anchor_roles: tuple[str, ...]
    anchor_all_roles: bool
    anchor_patterns: tuple[Pattern, ...]
    anchor_not_after: frozenset[str]
    anchor_window: int
    exclude: tuple[Pattern, ...]
    references: tuple[Pattern, ...]
    weak: tuple[Pattern, ...]
    weak_reason: str
    unit_exclude: tuple[Pattern, ...]
    negated_anchor: str  # "restrict": a right excluded in part makes the element partial
    soft_any: bool  # partial when any grant is left to the college, not only when all are
    dependency_exclude: tuple[Pattern, ...]
    topics: tuple[str, ...]
    qualifiers: tuple[Qualifier, ...]
    notes: tuple[Note, ...]
    reasons: dict[str, str]
    messages: dict[str, str]
    suggestion: str
    examples: tuple[dict[str, Any], ...]
    path: str


@define(frozen=True)
class Cues:
    """Words and patterns shared by all rules: negation, conditions, discretion."""

    negation: frozenset[str]
    negation_exceptions: tuple[tuple[str, ...], ...]
    harmless_scope: tuple[str, ...]
    condition: tuple[Pattern, ...]
    unit_condition: tuple[Pattern, ...]
    discretion_markers: frozenset[str]
    harmless_condition: tuple[str, ...]
    budget_condition: tuple[str, ...]
    modals: frozenset[str]
    prepositions: frozenset[str]


def _line_of(node: yaml.Node, path: list[str | int]) -> int:
    """The line (from 1) of the YAML node at ``path``, as deep as it exists."""
    current = node
    for step in path:
        if isinstance(current, yaml.MappingNode):
            found = next((v for k, v in current.value if k.value == step), None)
        elif isinstance(current, yaml.SequenceNode) and isinstance(step, int) and step < len(current.value):
            found = current.value[step]
        else:
            found = None
        if found is None:
            break
        current = found
    return current.start_mark.line + 1


def _load_yaml(path: Path, schema: dict[str, Any]) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise RuleError(f"{path}:{line}: {problem}") from None
    if node is None or not isinstance(data, dict):
        raise RuleError(f"{path}:1: a rule file must be a mapping")
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        line = _line_of(node, list(first.absolute_path))
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise RuleError(f"{path}:{line}: {where}: {first.message}")
    return data


def _native(token: dict[str, Any]) -> dict[str, Any]:
    """``{_: {role: body}}`` in a rule file becomes ``{NORM: "@body"}`` for the matcher."""
    extension = token.get("_")
    if not isinstance(extension, dict) or set(extension) != {"role"}:
        return token
    converted = {k: v for k, v in token.items() if k != "_"}
    converted["NORM"] = ROLE_MARK + str(extension["role"])
    return converted


def _patterns(raw: list[Any] | None) -> tuple[Pattern, ...]:
    return tuple([_native(t) for t in pattern] for pattern in raw or ())


def _dependency(raw: list[Any] | None) -> tuple[Pattern, ...]:
    return tuple(
        [{**node, "RIGHT_ATTRS": _native(node["RIGHT_ATTRS"])} for node in pattern] for pattern in raw or ()
    )


def _rule(data: dict[str, Any], path: Path) -> Rule:
    element = data["element"]
    frameworks = {
        key: FrameworkRule(
            framework=key,
            rule_id=value["id"],
            statute=value["statute"],
            juriconnect=value["juriconnect"],
            severity=value["severity"],
            interpretation=bool(value.get("interpretation", False)),
        )
        for key, value in data["frameworks"].items()
    }
    qualifiers = tuple(
        Qualifier(
            key=q["key"],
            basis=q["basis"],
            patterns=_patterns(q.get("patterns")),
            default=bool(q.get("default", False)),
            denied_by=_patterns(q.get("denied_by")),
            negation=q.get("negation", "deny"),
            scope=q.get("scope", "evidence"),
            overridable=bool(q.get("overridable", False)),
            missing=q["missing"],
            denied=q.get("denied", q["missing"]),
        )
        for q in data.get("qualifiers", [])
    )
    anchor = data["anchor"]
    return Rule(
        element=element,
        name=data["name"],
        description=data["description"],
        frameworks=frameworks,
        anchor_roles=tuple(anchor.get("roles", [])),
        anchor_all_roles=bool(anchor.get("all_roles", False)),
        anchor_patterns=_patterns(anchor["patterns"]),
        anchor_not_after=frozenset(anchor.get("not_after", [])),
        anchor_window=int(anchor.get("not_after_window", 3)),
        exclude=_patterns(anchor.get("exclude")),
        references=_patterns(anchor.get("references")),
        weak=_patterns(anchor.get("weak")),
        weak_reason=anchor.get("weak_reason", f"{element}_weak"),
        unit_exclude=_patterns(anchor.get("unit_exclude")),
        negated_anchor=anchor.get("negated", "restrict"),
        soft_any=anchor.get("soft", "all") == "any",
        dependency_exclude=_dependency(anchor.get("dependency_exclude")),
        topics=tuple(data.get("topics", [])),
        qualifiers=qualifiers,
        notes=tuple(Note(_patterns(n["patterns"]), n["reason"]) for n in data.get("notes", [])),
        reasons=dict(data["reasons"]),
        messages=dict(data["messages"]),
        suggestion=data["suggestion"],
        examples=tuple(data.get("examples", [])),
        path=str(path),
    )


def _check_reasons(rule: Rule) -> None:
    """Every reason code a rule can give must be explained in its ``reasons``."""
    codes = {q.missing for q in rule.qualifiers} | {q.denied for q in rule.qualifiers}
    codes |= {n.reason for n in rule.notes}
    codes |= {f"{rule.element}_{suffix}" for suffix in ("denied", "conditional", "discretionary")}
    if rule.negated_anchor == "restrict":
        codes.add(f"{rule.element}_restricted")
    if rule.weak:
        codes.add(rule.weak_reason)
    codes |= {"only_in_toelichting", "only_in_definitions"}
    missing = sorted(c for c in codes if c not in rule.reasons)
    if missing:
        raise RuleError(f"{rule.path}:1: reasons: no explanation for {', '.join(missing)}")


@lru_cache(maxsize=4)
def load_rules(folder: str | None = None) -> tuple[tuple[Rule, ...], Cues]:
    """All rules of a folder (default: the installed ``rules/``), validated, in element order."""
    base = Path(folder) if folder else data_dir("rules")
    schema = json.loads((base / "rule.schema.json").read_text(encoding="utf-8"))
    rules: list[Rule] = []
    for path in sorted(base.glob("*.yaml")):
        if path.name == "cues.yaml":
            continue
        rule = _rule(_load_yaml(path, schema), path)
        _check_reasons(rule)
        rules.append(rule)
    seen = [r.element for r in rules]
    if sorted(seen) != sorted(ELEMENTS):
        raise RuleError(f"{base}: expected one rule file per element ({', '.join(ELEMENTS)}), found {seen}")
    cues_schema = json.loads((base / "cues.schema.json").read_text(encoding="utf-8"))
    raw = _load_yaml(base / "cues.yaml", cues_schema)
    cues = Cues(
        negation=frozenset(raw["negation"]),
        negation_exceptions=tuple(tuple(p.split()) for p in raw["negation_exceptions"]),
        harmless_scope=tuple(raw["harmless_scope"]),
        condition=_patterns(raw["condition"]),
        unit_condition=_patterns(raw["unit_condition"]),
        discretion_markers=frozenset(raw["discretion_markers"]),
        harmless_condition=tuple(raw["harmless_condition"]),
        budget_condition=tuple(raw["budget_condition"]),
        modals=frozenset(raw["modals"]),
        prepositions=frozenset(raw["prepositions"]),
    )
    return tuple(sorted(rules, key=lambda r: ELEMENTS.index(r.element))), cues

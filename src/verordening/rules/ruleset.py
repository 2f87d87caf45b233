"""A rule set: one rule file per statutory element, and the knowledge files beside them.

A rule folder (default: the installed ``rules/``; ``--rules DIR`` for an edited copy)
holds ``advice.yaml`` ... ``information.yaml``, the knowledge files (``laws``, ``roles``,
``verdict``, ``cues``) and their schemas in ``schema/``. Every mistake stops the tool
with one line naming the file and the line: see :mod:`verordening.datafile`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from attrs import define, field

from ..datafile import DataFile, RuleError, check_data, read_schema
from ..knowledge import (
    KNOWLEDGE_FILES,
    Compound,
    Knowledge,
    Pattern,
    load_knowledge,
    read_compounds,
    read_patterns,
)
from ..resources import data_dir
from ..vocabulary import Element, Severity

__all__ = [
    "FrameworkRule",
    "Note",
    "Qualifier",
    "Rule",
    "RuleError",
    "RuleSet",
    "RuleTexts",
    "Value",
    "load_rules",
]


@define(frozen=True)
class FrameworkRule:
    """The section of a rule for one framework: its id, statute and weight."""

    framework: str
    rule_id: str
    statute: str
    juriconnect: str
    severity: Severity = field(converter=Severity)
    interpretation: bool


@define(frozen=True)
class Value:
    """A value read from a qualifier's matches: its name in the report, its kind, its label."""

    name: str
    kind: str  # "per_year" or "weeks"
    label: str  # Dutch, with {value}
    minimum: float | None = None  # a match that reads less does not qualify


@define(frozen=True)
class Qualifier:
    """What makes an element complete ("vroegtijdig", "ongevraagd", a frequency)."""

    key: str
    basis: str  # "statute" or "interpretation"
    patterns: tuple[Pattern, ...]
    compounds: tuple[Compound, ...]
    default: bool  # satisfied unless denied
    denied_by: tuple[Pattern, ...]
    doubted_by: tuple[Pattern, ...]  # in a grant, these take the default away: "kan onderwerpen voorstellen"
    negation: str  # "deny": a negated match denies the qualifier; "ignore": it just does not count
    scope: str  # "evidence" (provisions about the element) or "article" (their whole articles)
    overridable: bool  # a denied_by limit gives way to an outright grant elsewhere
    not_with: tuple[str, ...]  # words in the match's clause that show it belongs to something else
    not_inside: tuple[str, ...]  # notes (by reason) whose matches a match of this must not lie in
    with_anchor: bool  # a match counts only in a sentence with an anchor of the element ...
    with_roles: tuple[str, ...]  # ... or one that names one of these roles
    not_by: tuple[str, ...]  # not in a sentence without an anchor that opens with one of these roles
    value: Value | None
    missing: str  # reason code when not satisfied
    denied: str  # reason code when denied
    doubted: str  # reason code when a grant takes the default away


@define(frozen=True)
class Note:
    """A remark added to a partial element when one of the patterns is in its evidence."""

    patterns: tuple[Pattern, ...]
    reason: str


@define(frozen=True)
class RuleTexts:
    """What the report says about a rule in one language: the rule's description, its message
    per status, the meaning of each reason code and the label of each value ("{value} keer per
    jaar"). The example wording has no translation: it is text for the bylaw itself."""

    description: str
    messages: dict[str, str]
    reasons: dict[str, str]
    values: dict[str, str]


@define(frozen=True)
class Rule:
    """One statutory element: how it is found, what completes it, what the report says."""

    element: Element = field(converter=Element)
    name: str
    short_name: str
    description: str
    frameworks: dict[str, FrameworkRule]
    anchor_roles: tuple[str, ...]
    anchor_all_roles: bool
    anchor_patterns: tuple[Pattern, ...]
    anchor_compounds: tuple[Compound, ...]
    anchor_not_after: frozenset[str]
    anchor_window: int
    exclude: tuple[Pattern, ...]
    kept: tuple[Pattern, ...]  # the body's say in what an exclude names: its sentence is no look-alike
    references: tuple[Pattern, ...]
    weak: tuple[Pattern, ...]
    weak_reason: str
    unit_exclude: tuple[Pattern, ...]
    negated_anchor: str  # "restrict": a right excluded in part makes the element partial
    soft_any: bool  # partial when any grant is left to the college, not only when all are
    left_open_by: tuple[str, ...]  # notes (by reason) that leave a grant in their clause to later
    substantial: tuple[str, ...]  # words a firm grant must name to keep a soft one whole (support)
    dependency_exclude: tuple[Pattern, ...]
    topics: tuple[str, ...]
    qualifiers: tuple[Qualifier, ...]
    notes: tuple[Note, ...]
    reasons: dict[str, str]
    messages: dict[str, str]
    suggestion: str
    examples: tuple[dict[str, Any], ...]
    path: str
    translations: dict[str, RuleTexts] = field(factory=dict)  # by language; Dutch is the rule itself

    def texts(self, lang: str = "nl") -> RuleTexts:
        """The rule's texts in ``lang``: its translation when it has one, else its Dutch."""
        found = self.translations.get(lang)
        if found is not None:
            return found
        labels = {q.value.name: q.value.label for q in self.qualifiers if q.value is not None}
        return RuleTexts(self.description, self.messages, self.reasons, labels)


@define(frozen=True)
class RuleSet:
    """Everything a check knows: the rules in element order and the knowledge files."""

    rules: tuple[Rule, ...]
    knowledge: Knowledge
    folder: Path

    def find(self, wanted: str) -> Rule | None:
        """The rule with this element name or framework rule id (any case), if any."""
        wanted = wanted.strip()
        return next(
            (
                rule
                for rule in self.rules
                if wanted.lower() == rule.element
                or any(wanted.upper() == f.rule_id for f in rule.frameworks.values())
            ),
            None,
        )


def _frameworks(file: DataFile) -> dict[str, FrameworkRule]:
    return {
        key: FrameworkRule(
            framework=key,
            rule_id=value["id"],
            statute=value["statute"],
            juriconnect=value["juriconnect"],
            severity=value["severity"],
            interpretation=bool(value.get("interpretation", False)),
        )
        for key, value in file.data["frameworks"].items()
    }


def _qualifiers(file: DataFile) -> tuple[Qualifier, ...]:
    return tuple(
        Qualifier(
            key=q["key"],
            basis=q["basis"],
            patterns=read_patterns(file, ["qualifiers", index, "patterns"]),
            compounds=read_compounds(file, ["qualifiers", index, "compounds"]),
            default=bool(q.get("default", False)),
            denied_by=read_patterns(file, ["qualifiers", index, "denied_by"]),
            doubted_by=read_patterns(file, ["qualifiers", index, "doubted_by"]),
            negation=q.get("negation", "deny"),
            scope=q.get("scope", "evidence"),
            overridable=bool(q.get("overridable", False)),
            not_with=tuple(q.get("not_with", [])),
            not_inside=tuple(q.get("not_inside", [])),
            with_anchor=bool(q.get("belongs_with", {}).get("anchor", False)),
            with_roles=tuple(q.get("belongs_with", {}).get("roles", [])),
            not_by=tuple(q.get("not_by", [])),
            value=Value(**q["value"]) if "value" in q else None,
            missing=q["missing"],
            denied=q.get("denied", q["missing"]),
            doubted=q.get("doubted", q["missing"]),
        )
        for index, q in enumerate(file.data.get("qualifiers", []))
    )


def _rule(file: DataFile) -> Rule:
    data, element = file.data, file.data["element"]
    anchor = data["anchor"]

    def patterns(key: str) -> tuple[Pattern, ...]:
        return read_patterns(file, ["anchor", key])

    return Rule(
        element=element,
        name=data["name"],
        short_name=data["short_name"],
        description=data["description"],
        frameworks=_frameworks(file),
        anchor_roles=tuple(anchor.get("roles", [])),
        anchor_all_roles=bool(anchor.get("all_roles", False)),
        anchor_patterns=patterns("patterns"),
        anchor_compounds=read_compounds(file, ["anchor", "compounds"]),
        anchor_not_after=frozenset(anchor.get("not_after", [])),
        anchor_window=int(anchor.get("not_after_window", 3)),
        exclude=patterns("exclude"),
        kept=patterns("kept"),
        references=patterns("references"),
        weak=patterns("weak"),
        weak_reason=anchor.get("weak_reason", f"{element}_weak"),
        unit_exclude=patterns("unit_exclude"),
        negated_anchor=anchor.get("negated", "restrict"),
        soft_any=anchor.get("soft", "all") == "any",
        left_open_by=tuple(anchor.get("left_open_by", [])),
        substantial=tuple(anchor.get("substantial", [])),
        dependency_exclude=read_patterns(file, ["anchor", "dependency_exclude"], dependency=True),
        topics=tuple(data.get("topics", [])),
        qualifiers=_qualifiers(file),
        notes=tuple(
            Note(read_patterns(file, ["notes", i, "patterns"]), n["reason"])
            for i, n in enumerate(data.get("notes", []))
        ),
        reasons=dict(data["reasons"]),
        messages=dict(data["messages"]),
        suggestion=data["suggestion"],
        examples=tuple(data.get("examples", [])),
        path=str(file.path),
        translations={
            lang: RuleTexts(
                texts["description"], texts["messages"], texts["reasons"], texts.get("values", {})
            )
            for lang, texts in data.get("translations", {}).items()
        },
    )


def _check_translations(rule: Rule, file: DataFile) -> None:
    """A translation says everything the Dutch says: each reason, each value's label."""
    dutch = rule.texts()
    for lang, texts in rule.translations.items():
        for part, theirs, ours in (
            ("reasons", texts.reasons, dutch.reasons),
            ("values", texts.values, dutch.values),
        ):
            absent = [key for key in ours if key not in theirs]
            if absent:
                raise file.error(["translations", lang, part], f"no {lang} text for {', '.join(absent)}")
            unknown = [key for key in theirs if key not in ours]
            if unknown:
                raise file.error(
                    ["translations", lang, part, unknown[0]], f"not in the Dutch {part}: {unknown[0]}"
                )


def _reason_codes(rule: Rule, file: DataFile) -> dict[str, list[str | int]]:
    """Every reason code the rule can give, and the place in its file that gives it."""
    data = file.data
    codes: dict[str, list[str | int]] = {}
    for index, q in enumerate(data.get("qualifiers", [])):
        codes.setdefault(q["missing"], ["qualifiers", index, "missing"])
        codes.setdefault(q.get("denied", q["missing"]), ["qualifiers", index, "denied"])
        codes.setdefault(q.get("doubted", q["missing"]), ["qualifiers", index, "doubted"])
    for index, note in enumerate(data.get("notes", [])):
        codes.setdefault(note["reason"], ["notes", index, "reason"])
    # (a provision elsewhere can take any grant back in part: "restricted" whatever ``negated`` says)
    suffixes = ("denied", "restricted", "conditional", "discretionary", "lapsed")
    implied = [f"{rule.element}_{suffix}" for suffix in suffixes]
    implied += [rule.weak_reason] if rule.weak else []
    for code in [*implied, "only_in_toelichting", "only_in_definitions", "only_in_own_rules", "not_in_force"]:
        codes.setdefault(code, ["reasons"])
    return codes


def _check_reasons(rule: Rule, file: DataFile) -> None:
    """Every reason code a rule can give must be explained in its ``reasons``; a qualifier's
    ``not_inside`` and the anchor's ``left_open_by`` name notes of the rule."""
    for code, place in _reason_codes(rule, file).items():
        if code not in rule.reasons:
            raise file.error(place, f"reasons: no explanation for {code}")
    notes = {note.reason for note in rule.notes}
    for inside, reason in enumerate(rule.left_open_by):
        if reason not in notes:
            raise file.error(["anchor", "left_open_by", inside], f"no note with reason {reason}")
    for index, q in enumerate(rule.qualifiers):
        for inside, reason in enumerate(q.not_inside):
            if reason not in notes:
                raise file.error(["qualifiers", index, "not_inside", inside], f"no note with reason {reason}")


def _rule_schema(folder: Path, frameworks: list[str]) -> dict[str, Any]:
    """The rule schema with the vocabularies filled in: the elements, and the frameworks of laws.yaml."""
    schema = copy.deepcopy(read_schema(folder / "schema" / "rule.schema.json"))
    properties = schema["properties"]
    properties["element"]["enum"] = [e.value for e in Element]
    properties["frameworks"]["propertyNames"] = {"enum": frameworks}
    properties["examples"]["items"]["properties"]["framework"] = {"enum": frameworks}
    return schema


def load_rules(folder: str | Path | None = None) -> RuleSet:
    """The rule set of a folder (default: the installed ``rules/``), checked, in element order."""
    base = Path(folder) if folder else data_dir("rules")
    if not base.is_dir():
        raise RuleError(f"{base}: no such folder of rules")
    knowledge = load_knowledge(base, tuple(e.value for e in Element))
    schema = _rule_schema(base, list(knowledge.laws.frameworks))
    rules: dict[str, Rule] = {}
    ids: dict[str, str] = {}
    for path in sorted(base.glob("*.yaml")):
        if path.stem in KNOWLEDGE_FILES:
            continue
        file = check_data(path, schema, base / "schema")
        rule = _rule(file)
        _check_reasons(rule, file)
        _check_translations(rule, file)
        if rule.element in rules:
            raise file.error(
                ["element"], f"a second rule for {rule.element} (the first: {rules[rule.element].path})"
            )
        for key, fr in rule.frameworks.items():
            if fr.rule_id in ids:
                raise file.error(
                    ["frameworks", key, "id"],
                    f"the rule id {fr.rule_id} is used twice (also: {ids[fr.rule_id]})",
                )
            ids[fr.rule_id] = f"{path}:{file.line_of(['frameworks', key, 'id'])}"
        rules[rule.element] = rule
    absent = [e.value for e in Element if e not in rules]
    if absent:
        raise RuleError(f"{base}: expected one rule file per element; none for {', '.join(absent)}")
    return RuleSet(tuple(rules[e] for e in Element), knowledge, base)

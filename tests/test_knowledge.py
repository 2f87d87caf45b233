"""The knowledge files beside the rules: every example in them runs here.

``rules/laws.yaml``, ``roles.yaml``, ``verdict.yaml`` and ``cues.yaml`` each carry
examples of what they mean; a change to the data that breaks one fails here. A cue's
example must also depend on its cue: without the cue's words the status differs.
"""

from __future__ import annotations

from typing import Any

import pytest
from attrs import evolve

import verordening
from verordening.checker import Checker
from verordening.knowledge import ROLE_MARK, Pattern, fold
from verordening.language import find_roles, read_units, units_of
from verordening.rules import load_rules
from verordening.rules.basis import named_frameworks
from verordening.rules.clauses import Clauses
from verordening.rules.compile import compile_rules
from verordening.rules.verdict import title_names

RULES = load_rules()
KNOWLEDGE = RULES.knowledge
CHECKER = Checker(model="builtin")


@pytest.mark.parametrize("example", KNOWLEDGE.laws.examples, ids=lambda e: e["text"][:50])
def test_law_example(example: dict[str, Any]) -> None:
    found = named_frameworks(KNOWLEDGE.laws, example["text"], example.get("year", 2020))
    assert found == tuple(sorted(example["frameworks"]))


def test_every_framework_is_known_to_the_rules_and_dated() -> None:
    laws = KNOWLEDGE.laws
    assert laws.default in laws.frameworks
    for framework in laws.frameworks.values():
        assert framework.identifier.startswith("BWBR")
        if framework.successor:
            assert laws.frameworks[framework.successor].in_force > framework.in_force
    assert {k for rule in RULES.rules for k in rule.frameworks} == set(laws.frameworks)


def _marked(text: str, name: str) -> str:
    """The role the first words ``name`` in the text were marked with ('none': no role)."""
    document = verordening.parse(f"Artikel 1\n{text}\n")
    units = units_of(document)
    roles = find_roles(document, units, KNOWLEDGE.roles)
    reading = read_units(CHECKER.builtin, CHECKER.markers["builtin"], units, roles)
    wanted = fold(name).split()
    for doc in reading.docs:
        words = [fold(t.text) for t in doc]
        for i in range(len(words)):
            if words[i : i + len(wanted)] == wanted:
                norm = doc[i].norm_
                return norm[len(ROLE_MARK) :] if norm.startswith(ROLE_MARK) else "none"
    raise AssertionError(f"{name!r} is not in the example text")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [(e["text"], name, role) for e in KNOWLEDGE.roles.examples for name, role in e["roles"].items()],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_role_example(text: str, name: str, role: str) -> None:
    assert _marked(text, name) == role


@pytest.mark.parametrize("example", KNOWLEDGE.verdict.examples, ids=lambda e: e["title"])
def test_verdict_example(example: dict[str, Any]) -> None:
    named, other = title_names(KNOWLEDGE.verdict, example["title"])
    words = KNOWLEDGE.verdict
    otherwise = "neither"
    if words.weak_other.found_in(example["title"]):
        otherwise = "weak_other"
    elif words.body.found_in(example["title"]):
        otherwise = "body"
    found = {(True, False): "participation", (False, True): "other", (True, True): "both"}.get(
        (named, other), otherwise
    )
    assert found == example["names"]


def _check(checker: Checker, example: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    text = f"Verordening cliëntenparticipatie\n\nArtikel 1 Bepaling\n{example['text']}\n"
    # policy proposals are asked by the Wmo 2015, the other elements by both laws
    framework = "wmo2015" if example["element"] == "policy_proposals" else "participatiewet"
    report = checker.check(verordening.parse(text), frameworks=[framework])
    result = report.elements[example["element"]]
    return result.status, result.reasons


def _without(cue: str) -> Checker:
    """A checker whose cue words (or cue patterns) of one kind are empty."""
    cues = KNOWLEDGE.cues
    empty: Any = () if isinstance(getattr(cues, cue), tuple) else frozenset()
    changed = evolve(cues, **{cue: empty})
    checker = Checker.__new__(Checker)
    checker.__dict__.update(CHECKER.__dict__)
    checker.clauses = Clauses(changed)
    value = getattr(cues, cue)
    if value and all(isinstance(p, Pattern) for p in value):  # patterns: compiled again without them
        checker.matchers = compile_rules(CHECKER.builtin, RULES.rules, changed)
    return checker


@pytest.mark.parametrize("example", KNOWLEDGE.cues.examples, ids=lambda e: e["cue"])
def test_cue_example(example: dict[str, Any]) -> None:
    status, reasons = _check(CHECKER, example)
    assert status == example["status"], reasons
    assert set(example.get("reasons", [])) <= set(reasons)
    assert _check(_without(example["cue"]), example) != (status, reasons), "the example does not need its cue"


def test_every_cue_of_words_has_an_example() -> None:
    shown = {e["cue"] for e in KNOWLEDGE.cues.examples}
    words = {
        "negation",
        "negation_exceptions",
        "harmless_scope",
        "modals",
        "subordinate",
        "copula",
        "passive",
    }
    assert words <= shown

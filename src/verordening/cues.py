"""The cue words and patterns all rules share (``rules/cues.yaml``): negation, conditions,
discretion, clauses, and the words that read values."""

from __future__ import annotations

from typing import Any

from attrs import define

from .datafile import DataFile
from .patterns import Pattern, read_patterns

__all__ = ["Cues", "ValueWords", "read_cues"]


@define(frozen=True)
class ValueWords:
    """Number words and what periods and units are worth (see :mod:`verordening.rules.values`)."""

    numbers: dict[str, float]
    per_year: dict[str, float]
    frequency: dict[str, float]
    weeks: dict[str, float]
    months: tuple[str, ...] = ()


@define(frozen=True)
class Cues:
    """Words and patterns shared by all rules: negation, conditions, discretion, clauses."""

    negation: frozenset[str]
    negation_exceptions: tuple[tuple[str, ...], ...]
    harmless_scope: tuple[str, ...]
    condition: tuple[Pattern, ...]
    unit_condition: tuple[Pattern, ...]
    hedge: tuple[Pattern, ...]
    joint: tuple[Pattern, ...]
    amount_hedge: tuple[Pattern, ...]
    until: tuple[Pattern, ...]
    deviation: tuple[Pattern, ...]
    deviation_harmless: tuple[str, ...]
    discretion_markers: frozenset[str]
    pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    modal_negation: frozenset[str]
    deciding: frozenset[str]
    selection: frozenset[str]
    harmless_condition: tuple[str, ...]
    budget_condition: tuple[str, ...]
    modals: frozenset[str]
    prepositions: frozenset[str]
    subordinate: frozenset[str]
    contrast: frozenset[str]
    copula: frozenset[str]
    passive: frozenset[str]
    submitted: frozenset[str]
    double_negation: frozenset[str]
    repeated: tuple[str, ...]
    elaborating: frozenset[str]
    mutual: frozenset[str]
    body_parts: frozenset[str]
    explanatory: frozenset[str]
    caps: frozenset[str]
    capped: frozenset[str]
    capped_per: frozenset[str]
    capped_times: frozenset[str]
    occasions: frozenset[str]
    occasion_plans: frozenset[str]
    confining: frozenset[str]
    programmes: frozenset[str]
    joint_matters: frozenset[str]
    single_persons: tuple[str, ...]
    as_far_as: frozenset[str]
    settling: frozenset[str]
    at_will: tuple[str, ...]
    listing: frozenset[str]
    determiners: frozenset[str]
    bearing: frozenset[str]
    broad_matters: tuple[str, ...]
    unless: frozenset[str]
    preconditions: frozenset[str]
    members: frozenset[str]
    urgency: tuple[str, ...]
    lapsing: tuple[str, ...]
    unasked: tuple[str, ...]
    judged: tuple[str, ...]
    judged_secret: tuple[str, ...]
    secrecy: tuple[str, ...]
    weighty: tuple[str, ...]
    notice: frozenset[str]
    narrowing: frozenset[str]
    pointing_back: frozenset[str]
    pointed_numbers: frozenset[str]
    repealed: frozenset[str]
    amended_away: frozenset[str]
    pointing_adverbs: frozenset[str]
    restriction: frozenset[str]
    judgement: frozenset[str]
    extension: frozenset[str]
    told: tuple[str, ...]
    ordinary_budget: tuple[str, ...]
    no_duty: tuple[str, ...]
    following: tuple[str, ...]
    consulting: frozenset[str]
    not_bound: tuple[str, ...]
    applied_anew: tuple[str, ...]
    law_as_basis: tuple[str, ...]
    purpose: tuple[str, ...]
    periods: frozenset[str]
    constituency: frozenset[str]
    exception: tuple[str, ...]
    others: tuple[str, ...]
    values: ValueWords
    examples: tuple[dict[str, Any], ...]


def read_cues(file: DataFile, elements: tuple[str, ...]) -> Cues:
    raw = file.data
    for index, example in enumerate(raw.get("examples", [])):
        if example["cue"] not in raw or example["cue"] == "examples":
            raise file.error(["examples", index, "cue"], f"no cue {example['cue']!r} in this file")
        if example["element"] not in elements:
            raise file.error(["examples", index, "element"], f"unknown element {example['element']!r}")
    kinds: dict[str, Any] = {key: read_patterns(file, [key]) for key in _PATTERNS}
    kinds |= {key: tuple(raw[key]) for key in _PHRASES}
    kinds |= {key: frozenset(raw[key]) for key in _WORD_SETS}
    return Cues(
        negation_exceptions=tuple(tuple(p.split()) for p in raw["negation_exceptions"]),
        values=ValueWords(
            **{key: dict(table) for key, table in raw["values"].items() if key != "months"},
            months=tuple(raw["values"].get("months", ())),
        ),
        examples=tuple(raw.get("examples", [])),
        **kinds,
    )


# the cues by how they are read: matcher patterns, phrases and word lists (words separated by
# one space, a trailing * a prefix), and sets of words
_PATTERNS = ("condition", "unit_condition", "hedge", "joint", "amount_hedge", "until", "deviation")
_PHRASES = (
    "harmless_scope",
    "deviation_harmless",
    "single_persons",
    "broad_matters",
    "harmless_condition",
    "at_will",
    "budget_condition",
    "no_duty",
    "following",
    "not_bound",
    "applied_anew",
    "law_as_basis",
    "purpose",
    "exception",
    "urgency",
    "lapsing",
    "told",
    "ordinary_budget",
    "unasked",
    "repeated",
    "judged",
    "judged_secret",
    "secrecy",
    "weighty",
    "others",
)
_WORD_SETS = (
    "negation",
    "unless",
    "preconditions",
    "pronouns",
    "subject_pronouns",
    "modal_negation",
    "deciding",
    "selection",
    "discretion_markers",
    "modals",
    "prepositions",
    "subordinate",
    "contrast",
    "copula",
    "passive",
    "submitted",
    "double_negation",
    "mutual",
    "elaborating",
    "body_parts",
    "explanatory",
    "caps",
    "capped",
    "capped_per",
    "capped_times",
    "occasions",
    "occasion_plans",
    "confining",
    "programmes",
    "joint_matters",
    "as_far_as",
    "settling",
    "listing",
    "determiners",
    "bearing",
    "members",
    "notice",
    "narrowing",
    "pointing_back",
    "pointed_numbers",
    "consulting",
    "repealed",
    "amended_away",
    "pointing_adverbs",
    "restriction",
    "judgement",
    "extension",
    "periods",
    "constituency",
)

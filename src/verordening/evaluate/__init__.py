"""Evaluation against gold files: the figures behind ``verordening eval DIR...``.

A gold file ``NAME.gold.json`` names its text (``"text"``, a file next to it) and the
expected verdict, frameworks and element statuses with citations. :func:`evaluate`
runs the checker on every case, compares each element's status and citations with the
gold, and runs a plain keyword baseline over the same cases so the margin of the rule
engine is visible.

Figures (per element and pooled over all elements, documents whose gold verdict is
``participation_bylaw`` only):

- ``confusion``: gold status -> predicted status -> count, all four statuses;
- ``macro_f1``: mean F1 over the labels present, partial and missing; a label with no
  gold and no predicted instance is left out, and when all are left out the F1 is 1.0;
- ``balanced_accuracy``: mean recall over the labels present, partial and missing that
  the gold has, so that every status weighs the same however rare (1.0 when none);
- ``false_present_rate``: of the pairs whose gold is missing or partial, the share
  predicted present (0.0 when there are none);
- ``citation_accuracy``: over the elements that gold and prediction both find present
  or partial, the share of predicted citations whose node equals, contains or lies
  inside a node of a gold citation (``None`` when there is no such citation).

Overall figures add ``verdict_accuracy`` (all documents) and ``framework_accuracy``
(documents whose gold lists ``frameworks``).

The parts: ``gold`` reads the gold files, ``metrics`` computes the figures,
``baseline`` is the keyword baseline, ``run`` evaluates and ``result`` holds what it
finds (as JSON and as text).
"""

from __future__ import annotations

from .baseline import BASELINE_KEYWORDS, keyword_baseline
from .gold import EvalError, GoldCase, GoldElement, load_gold
from .metrics import (
    DISPLAY_STATUSES,
    F1_LABELS,
    Figures,
    Pair,
    balanced_accuracy,
    citation_accuracy,
    confusion,
    false_present_rate,
    figures,
    macro_f1,
    match_citations,
    spans_match,
)
from .result import DocumentResult, EvalResult, Mismatch, Overall, RunFigures
from .run import CheckFunction, evaluate

__all__ = [
    "BASELINE_KEYWORDS",
    "DISPLAY_STATUSES",
    "F1_LABELS",
    "CheckFunction",
    "DocumentResult",
    "EvalError",
    "EvalResult",
    "Figures",
    "GoldCase",
    "GoldElement",
    "Mismatch",
    "Overall",
    "Pair",
    "RunFigures",
    "balanced_accuracy",
    "citation_accuracy",
    "confusion",
    "evaluate",
    "false_present_rate",
    "figures",
    "keyword_baseline",
    "load_gold",
    "macro_f1",
    "match_citations",
    "spans_match",
]

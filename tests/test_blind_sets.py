"""The blind sets kept apart from the corpus (``corpus/blind/``) do not fall back.

Each set was measured before any rule was changed for it (the figures are in its manifest);
``corpus/blind/floors.json`` holds its figures after the general fixes. A change that lowers
a set's macro-F1 or raises its false-present rate fails here.
"""

from __future__ import annotations

import json

import pytest

from verordening.evaluate import evaluate

from .conftest import ROOT

BLIND = ROOT / "corpus" / "blind"
FLOORS = json.loads((BLIND / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_blind_set_does_not_fall_back(name: str) -> None:
    folder = BLIND / name
    assert len(list(folder.glob("*.gold.json"))) >= 12
    overall = evaluate([folder], model="builtin").overall
    assert overall.macro_f1 >= FLOORS[name]["macro_f1"] - 0.0005
    assert overall.false_present_rate <= FLOORS[name]["false_present_rate"] + 0.0005


def test_every_blind_set_has_a_floor() -> None:
    folders = {p.name for p in BLIND.iterdir() if p.is_dir()}
    assert folders == set(FLOORS)

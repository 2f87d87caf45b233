"""Every real publication excerpt gets the verdict and frameworks of its index.

The excerpts in ``../shared/real/pages`` and ``pages2`` stop after about 2,000 bytes, most
before the articles that grant rights: the verdict then rests on the title, the aanhef
and the legal basis (skipped when ``../shared`` is absent).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import verordening

from .conftest import REAL


def _entries() -> list[tuple[str, dict[str, Any]]]:
    if not REAL.is_dir():
        return []
    found = []
    for folder in ("pages", "pages2"):
        for line in (REAL / folder / "index.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                found.append((f"{folder}/{entry['file']}", entry))
    return found


ENTRIES = _entries()


@pytest.mark.parametrize(("name", "entry"), ENTRIES, ids=[name for name, _ in ENTRIES])
def test_verdict_and_frameworks_of_the_index(real: Path, name: str, entry: dict[str, Any]) -> None:
    report = verordening.check(real / name, model="builtin", as_of="2026-12-01")
    if entry["is_participation_bylaw"]:
        assert report.verdict == "participation_bylaw"
        if entry["frameworks"] is not None:  # null: the excerpt does not show its legal basis
            assert sorted(report.frameworks) == sorted(entry["frameworks"])
    else:
        assert report.verdict == "not_participation_bylaw"
        assert report.frameworks == ()


def test_there_are_excerpts_of_both_kinds(real: Path) -> None:
    assert len(ENTRIES) == 32
    assert {e["is_participation_bylaw"] for _, e in ENTRIES} == {True, False}

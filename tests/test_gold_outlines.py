"""Every fixture in tests/fixtures/structure parses to exactly its hand-made outline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import verordening
from verordening.model import Node

from .conftest import FIXTURES

CASES = sorted((FIXTURES / "structure").glob("*.outline.json"))


def outline(nodes: tuple[Node, ...], depth: int = 1) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for node in nodes:
        rows.append(
            {
                "kind": node.kind,
                "number": node.number,
                "title": node.title,
                "id": node.id,
                "citation": node.citation,
                "depth": depth,
            }
        )
        rows.extend(outline(node.children, depth + 1))
    return rows


def test_there_are_enough_gold_fixtures() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("gold_path", CASES, ids=lambda p: p.name.removesuffix(".outline.json"))
def test_parse_equals_gold_outline(gold_path: Path) -> None:
    text_path = gold_path.with_name(gold_path.name.replace(".outline.json", ".txt"))
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    document = verordening.parse_file(text_path)
    got = outline(document.children)
    # compare row by row first, so a failure names the first node that differs
    for want, have in zip(gold, got, strict=False):
        assert have == want
    assert len(got) == len(gold)

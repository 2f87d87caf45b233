"""The layout stays readable: no module in src/ over 500 lines, no function over 60."""

from __future__ import annotations

import ast

from .conftest import ROOT

SOURCE = ROOT / "src" / "verordening"


def test_no_module_over_500_lines() -> None:
    long = {
        str(p.relative_to(SOURCE)): n
        for p in SOURCE.rglob("*.py")
        if (n := len(p.read_text().splitlines())) > 500
    }
    assert not long


def test_no_function_over_60_lines() -> None:
    long = []
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                size = node.end_lineno - node.lineno + 1
                if size > 60:
                    long.append(f"{path.relative_to(SOURCE)}:{node.lineno} {node.name} ({size} lines)")
    assert not long

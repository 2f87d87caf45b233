"""Shared fixtures: paths to our own fixtures and to the real texts in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
REAL = SHARED / "real"
MODEL = SHARED / "models" / "nl_ud_sm"


@pytest.fixture
def real() -> Path:
    """The real published texts; the test is skipped when ../shared is absent."""
    if not REAL.is_dir():
        pytest.skip("../shared/real is not present")
    return REAL


@pytest.fixture
def model() -> str:
    """The stand-in Dutch model; the test is skipped when ../shared is absent."""
    if not (MODEL / "meta.json").exists():
        pytest.skip("../shared/models/nl_ud_sm is not present")
    return str(MODEL)

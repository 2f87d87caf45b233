"""Fuzzing the text reader as every other reader is: any bytes give a text the structure stage
parses, or the documented one-line load error - nothing else."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verordening.load import LoadError, load
from verordening.structure import parse_text

from .conftest import ROOT

SEED = (ROOT / "corpus" / "a01_dalmeer_pw.txt").read_bytes()[:1500]

# a valid bylaw with a few bytes replaced, inserted or cut out; or bytes of any kind
mutated = st.lists(
    st.tuples(st.integers(0, len(SEED)), st.integers(0, 8), st.binary(max_size=8)), min_size=1, max_size=6
).map(lambda edits: _apply(SEED, edits))
inputs = st.one_of(
    mutated, st.binary(max_size=600), st.text(max_size=300).map(lambda t: t.encode("utf-16-le"))
)


def _apply(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    for at, cut, new in edits:
        data = data[:at] + new + data[at + cut :]
    return data


def _read(data: bytes) -> None:
    try:
        source = load(data, name="fuzz.txt")
    except LoadError as error:
        message = str(error)
    else:
        parse_text(source.text)
        return
    assert "\n" not in message
    assert message.startswith("fuzz.txt: ")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_any_bytes_give_a_text_or_the_load_error(data: bytes) -> None:
    _read(data)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_any_bytes_give_a_text_or_the_load_error_many(data: bytes) -> None:
    _read(data)

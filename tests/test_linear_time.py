"""No text can hang the tool: every stage takes time linear in the text.

Each hostile shape of ``bench/hostile.py`` (which prints their times at n, 2n and 4n) was once
quadratic or worse somewhere - a regular expression that backtracks, a loop that reads all
provisions for every provision, spaCy's tokenizer on runs of brackets. A test builds the text
at size n and 2n and checks that the check (built-in pipeline) takes less than three times as
long on the second: the best of several runs of each, taken in turns so that a busy machine
slows both alike (n is chosen so that a run takes a tenth of a second or so). Never an
absolute time: CI machines are busy.
"""

from __future__ import annotations

import gc
import importlib.util
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.checker import LimitError
from verordening.language.tokens import LONGEST_WORD, pieces, read_text, windowed_suffixes
from verordening.load import Limits

# the hostile shapes, kept with the script that times them at n, 2n and 4n
_SPEC = importlib.util.spec_from_file_location(
    "hostile", Path(__file__).resolve().parents[1] / "bench" / "hostile.py"
)
assert _SPEC is not None
assert _SPEC.loader is not None
hostile = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(hostile)
HOSTILE, HEAD, SENTENCE = hostile.HOSTILE, hostile.HEAD, hostile.SENTENCE


def seconds(text: str) -> float:
    """One check of ``text`` with the built-in pipeline (without the garbage collector, whose
    runs come when they come: what is timed is the tool's own work)."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        verordening.check(text, model="builtin")
        return time.perf_counter() - start
    finally:
        gc.enable()


def assert_linear(build: Callable[[int], str], n: int, runs: int = 5, times: int = 2) -> None:
    """The best of up to ``runs`` timings of each size, in turns (a machine busy for a while slows
    both alike), stopping after two when the ratio is already well below the bound: noise only
    adds time, so a text that grows with the square of n (a ratio near 4) does not get there by it.
    (A run shorter than 20 ms is timed as 20 ms: below that, noise decides the ratio.)"""
    texts = build(n), build(times * n)
    seconds(texts[0])  # (the checker made and warmed up before timing)
    once, twice = float("inf"), float("inf")
    for run in range(runs):
        once, twice = min(once, seconds(texts[0])), min(twice, seconds(texts[1]))
        if run >= 1 and twice / max(once, 0.02) < times + 0.5:
            return
    assert twice / max(once, 0.02) < times + 1, f"n={n}: {once:.3f} s, {times}n: {twice:.3f} s"


@pytest.mark.timing
@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_text_twice_as_long_takes_at_most_about_twice_as_long(name: str) -> None:
    build, n = HOSTILE[name]
    assert_linear(build, n)


@pytest.mark.timing
@pytest.mark.parametrize("name", ["one long provision", "two bodies and one long provision"])
def test_a_provision_four_times_as_long_takes_about_four_times_as_long(name: str) -> None:
    """(A term that grows with the square of the provision shows only from a few thousand
    sentences on: it once added a quarter to the time at twice the size of the test above.)"""
    build, n = HOSTILE[name]
    assert_linear(build, 2 * n, runs=3, times=4)


@pytest.mark.timing
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([*"[]()<>*~_#&'\"….,;:!?-", "](", "[a", "a)", "°C", "km", "''"]))
def test_a_run_of_any_punctuation_takes_time_linear_in_its_length(unit: str) -> None:
    assert_linear(lambda n: hostile.in_lid(unit * n), 20_000 // len(unit))


@pytest.mark.timing
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["raad van ", "Raad van ", "raad van de ", "burgerparticipatie ", "hierna: ", "(AB) "])
)
def test_a_phrase_repeated_in_a_definition_takes_time_linear_in_its_repeats(phrase: str) -> None:
    assert_linear(lambda n: hostile.definition(phrase * n), 150_000 // len(phrase))


@pytest.mark.parametrize(
    "text",
    ["zie lid {n}", "de leden 1 en {n}", "de artikelen 1 tot en met {n}", "artikel {n}, eerste lid"],
)
def test_a_number_of_thousands_of_digits_is_read_as_no_article_or_lid(text: str) -> None:
    """(Python refuses to read a number of more than 4300 digits: the check must not stop there.)"""
    bylaw = (
        hostile.HEAD + "Artikel 1 Advies\n1. De cliëntenraad adviseert, " + text.format(n="9" * 5000) + ".\n"
    )
    assert verordening.check(bylaw, model="builtin").verdict == "participation_bylaw"


def test_articles_numbered_10000_and_more_are_headings() -> None:
    document = verordening.parse(HOSTILE["articles numbered from 10000"][0](3))
    assert [a.number for a in document.articles] == ["10000", "10001", "10002"]
    assert document.articles[2].children[0].citation == "artikel 10002, eerste lid"


def test_more_articles_than_the_limit_are_refused_with_one_line_naming_it() -> None:
    document = verordening.parse(HOSTILE["articles"][0](5))
    checker = _checker()
    with pytest.raises(LimitError, match="limit articles") as refused:
        checker.check(document, limits=Limits(articles=4))
    assert isinstance(refused.value, ValueError)  # (the command line reports those in one line)
    assert "\n" not in str(refused.value)
    assert checker.check(document, limits=Limits(articles=5)).verdict == "participation_bylaw"


def test_a_provision_longer_than_the_limit_is_read_in_pieces_as_it_reads_at_once() -> None:
    text = HEAD + "Artikel 1 Advies\n1. " + SENTENCE * 2_000 + "\n"
    checker = _checker()
    whole = checker.check(verordening.parse(text))
    pieced = checker.check(verordening.parse(text), limits=Limits(provision_chars=5_000))
    assert pieced.to_json() == whole.to_json()


def test_a_model_leaves_a_provision_longer_than_the_limit_to_the_cheap_reading(model: str) -> None:
    text = HEAD + "Artikel 1 Advies\n1. " + "De cliëntenraad kan het college niet adviseren. " * 300 + "\n"
    checker = verordening.Checker(model=model)
    whole = checker.check(verordening.parse(text))
    limited = checker.check(verordening.parse(text), limits=Limits(provision_chars=5_000))
    assert limited.verdict == whole.verdict == "participation_bylaw"


def test_no_provision_is_refused_by_spacy_for_its_length() -> None:
    """spaCy refuses a text over ``max_length`` (E088); a provision of any length is read."""
    nlp = _checker().builtin
    text = "advies " * 180_000  # 1.26 million characters
    assert len(text) > nlp.max_length
    doc = read_text(nlp, text, 500_000)
    assert len(doc) == 180_000
    assert doc.text == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*" .)]'\"…-a1%°C", "km", "''", "..."]), max_size=40).map("".join))
def test_the_guarded_tokenizer_gives_the_tokens_of_spacys_own(text: str) -> None:
    plain = _PLAIN.make_doc(text)
    guarded = _checker().builtin.make_doc(text)
    assert [t.text for t in guarded] == [t.text for t in plain]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list(" .)]'\"…-a1%°CkmA"), min_size=20, max_size=200))
def test_the_suffix_found_at_the_end_is_the_one_spacy_finds(text: str) -> None:
    search = _PLAIN.tokenizer.suffix_search
    found, windowed = search(text), windowed_suffixes(search)(text)
    assert (found and found.end() - found.start()) == (windowed and windowed.end() - windowed.start())


def test_the_window_holds_every_suffix_of_spacy() -> None:
    """The suffix window is exact only while spaCy's suffixes are short or runs of one character."""
    from re import _parser  # type: ignore[attr-defined]

    from verordening.language import tokens

    pattern = _PLAIN.tokenizer.suffix_search.__self__
    branches = _parser.parse(pattern.pattern, pattern.flags)[0][1][1]
    widths = [_parser.SubPattern(_parser.State(), branch).getwidth()[1] for branch in branches]
    bounded = [w for w in widths if w < _parser.MAXWIDTH]
    # (a suffix found in the window lies within its last characters; its look-behind, of one or
    # two characters, never reaches before the margin)
    assert max(bounded) <= tokens._MARGIN <= tokens._WINDOW - max(bounded)
    assert len(widths) - len(bounded) == 1  # the run of dots


def test_a_word_longer_than_any_is_one_token_and_pieces_cut_at_spaces() -> None:
    nlp = _checker().builtin
    word = "[" * (LONGEST_WORD + 1)
    assert [t.text for t in nlp.make_doc(f"a {word} b")] == ["a", word, "b"]
    text = "een twee drie vier " * 10
    cut = pieces(text, 30)
    assert "".join(cut) == text
    assert all(len(p) <= 30 and p.endswith(" ") for p in cut[:-1])


_PLAIN = spacy.blank("nl")


@cache
def _checker() -> verordening.Checker:
    return verordening.Checker(model="builtin")

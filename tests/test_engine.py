"""The checker's shortcuts never lose a match.

Token patterns run only in provisions that have all their required words, and only in
windows around the rarest of them; the legal basis skips text without a quick hint of a
law. Each is held here to what the plain, slow way finds.
"""

from __future__ import annotations

import os

import pytest
import spacy.tokens
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher

import verordening
from verordening.checker import Checker
from verordening.language import find_roles, read_units, units_of
from verordening.rules.compile import counted, expressions, longest
from verordening.rules.match import _texts, token_matches

from .conftest import ROOT

CHECKER = Checker(model="builtin")
NLP = CHECKER.builtin
MARKER = CHECKER.markers["builtin"]
ROLE_NAMES = CHECKER.ruleset.knowledge.roles
MATCHERS = CHECKER.matchers
# the words the patterns look for, and words around them
VOCABULARY = sorted(
    {word for index in MATCHERS.index.values() for word in index}
    | {"de", "het", "college", "adviesraad", "niet", "geen", "en", "3", ",", ".", "binnen", "weken", "wordt"}
)


@settings(
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=70), min_size=1, max_size=3))
def test_token_matches_are_those_of_the_plain_matcher(provisions: list[list[str]]) -> None:
    text = "Artikel 1 Proef\n" + "\n".join(f"{n}. {' '.join(words)}" for n, words in enumerate(provisions, 1))
    document = verordening.parse(text)
    units = units_of(document)
    reading = read_units(NLP, MARKER, units, find_roles(document, units, ROLE_NAMES))
    texts, _ = _texts(CHECKER.strings, reading)
    for read in texts:
        plain = sorted(
            (key, unit, begin, stop)
            for start, end, unit in read.units
            for matcher in MATCHERS.groups.values()
            for key, begin, stop in matcher(read.doc[start:end])
        )
        assert sorted(token_matches(MATCHERS, read)) == plain


def test_longest_match_of_a_pattern() -> None:
    assert longest([{"LOWER": "a"}, {"OP": "{0,4}"}, {"LOWER": "b"}]) == 6
    assert longest([{"LOWER": "a"}, {"OP": "?"}, {"LOWER": "b", "OP": "{2}"}]) == 4
    assert longest([{"LOWER": "a"}, {"OP": "*"}]) is None
    assert longest([{"LOWER": "a", "OP": "+"}]) is None
    assert longest([{"LOWER": "a", "OP": "{1,}"}]) is None


def test_expressions_of_the_required_tokens() -> None:
    pattern = [{"LOWER": {"REGEX": "^beleid"}}, {"LEMMA": {"REGEX": "x", "NOT_IN": ["y"]}}, {"LOWER": "b"}]
    assert expressions(pattern) == {("LOWER", "^beleid"), ("LEMMA", "x")}
    assert expressions([{"LOWER": {"REGEX": "^beleid"}, "OP": "?"}]) == frozenset()


_REPEATS = [
    [{"LOWER": "a"}, {"OP": "{0,4}", "IS_PUNCT": False}, {"LOWER": "b"}],
    [{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"OP": "{1,3}", "LOWER": {"NOT_IN": ["c"]}}, {"LOWER": "b"}],
    [
        {"LOWER": "a"},
        {"OP": "{0,2}"},
        {"LOWER": "b"},
        {"OP": "{,3}", "IS_PUNCT": False},
        {"LOWER": {"IN": ["a", "c"]}},
    ],
    [{"LOWER": "a", "OP": "{2}"}, {"OP": "*"}, {"LOWER": "c"}, {"LOWER": "b", "OP": "{0,2}"}],
]


def test_a_pattern_without_bounded_repeats_is_left_as_it_is() -> None:
    plain = [{"LOWER": "a"}, {"OP": "*"}, {"LOWER": "b", "OP": "{1,}"}]
    assert counted(plain) == [plain]
    assert len(counted(_REPEATS[2])) == 3 * 4
    assert counted([{"LOWER": "a"}, {"OP": "{0,300}"}, {"LOWER": "b"}])[0][1] == {"OP": "{0,300}"}


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", ","]), min_size=1, max_size=30))
def test_bounded_repeats_as_counts_match_what_spacy_matches(words: list[str]) -> None:
    doc = spacy.tokens.Doc(NLP.vocab, words=words)
    for pattern in _REPEATS:
        written, counts = Matcher(NLP.vocab), Matcher(NLP.vocab)
        written.add("k", [pattern])
        counts.add("k", counted(pattern))
        assert sorted(set(counts(doc))) == sorted(set(written(doc)))


_LAW_WORDS = [
    "Wet", "WMO", "Wmo 2015", "Wmo-2015", "Wet maatschappelijke ondersteuning", "2015", "PW", "Pw", "WWB",
    "Wwb", "WIJ", "Wet investeren in jongeren", "IOAW", "IOAZ", "SUWI", "Jeugdwet", "participatiewet",
    "gewezen zelfstandigen", "oudere en gedeeltelijk arbeidsongeschikte werknemers", "Wet werk en bijstand",
    "Wet sociale werkvoorziening", "Wsw", "Omgevingswet", "GEMEENTEWET", "werk", "en", "artikel", "47",
    ";", ",", "gelet op", "de", "İ", "ß",
]  # fmt: skip


@settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "150")), deadline=None)
@given(st.lists(st.sampled_from(_LAW_WORDS), max_size=30).map(" ".join))
def test_the_quick_law_tests_pass_every_name_of_a_law(text: str) -> None:
    laws = CHECKER.ruleset.knowledge.laws
    lower = text.lower()
    for law in laws.laws:
        if law.pattern.search(text):
            assert laws.hint.search(lower)
            assert any(hint in lower for hint in law.hints), law.pattern.pattern


def test_a_bylaw_read_in_parts_gives_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    from verordening.language import pipeline

    text = (ROOT / "corpus" / "a01_dalmeer_pw.txt").read_text(encoding="utf-8")
    whole = verordening.check(text, model="builtin").to_dict()
    monkeypatch.setattr(pipeline, "_PART", 300)  # many parts of a few provisions each
    document = verordening.parse(text)
    units = units_of(document)
    reading = read_units(NLP, MARKER, units, find_roles(document, units, ROLE_NAMES))
    assert len(reading.docs) > 5
    for unit, (_, start, end) in zip(units, reading.places, strict=True):
        assert reading.words_of(unit.index).text == unit.text.strip()
        assert end >= start
    parts = verordening.check(text, model="builtin").to_dict()
    assert parts == whole

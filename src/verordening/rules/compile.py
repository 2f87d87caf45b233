"""Compiling patterns: the rule set's patterns -> spaCy matchers, made once per checker.

Patterns of plain words go to a PhraseMatcher (a hash lookup per token); patterns with
operators, wildcards or roles go to token Matchers, grouped by the words their required
tokens need, so that a provision runs only the groups whose words it has. A bounded
repeat (``{OP: "{0,12}"}``) goes to the Matcher as one pattern per count: spaCy makes it
twelve optional tokens and does not merge the partial matches that pass over them, whose
number grows exponentially; the same matches, as fixed patterns, cost a state per count.
Dependency patterns go to a DependencyMatcher that runs on parsed text only. Every match
is keyed ``element|kind`` (``advice|anchor``, ``advice|q|early``, ``cue|condition``).

A pattern spaCy refuses stops the tool with the file and line it was written on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from attrs import define
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc

from ..datafile import RuleError
from ..knowledge import ROLE_MARK, Compound, Cues, Pattern
from .ruleset import Rule

__all__ = ["Compounds", "Group", "Matchers", "Run", "compile_rules", "counted", "expressions", "longest"]

PHRASE_ATTRS = ("LOWER", "LEMMA")
_MAX_PHRASES = 400
_MAX_COUNTS = 200  # more fixed patterns than this for one pattern: it goes to spaCy as written
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")
_TAGS = frozenset(["POS", "TAG", "MORPH"])

Requirement = tuple[str, frozenset[str]]  # (attribute, one of these words)
Group = tuple[Requirement, ...]  # what every pattern of a token-matcher group needs
Expression = tuple[str, re.Pattern[str]]  # (attribute, a regular expression a word meets)


@define(frozen=True, eq=False)
class Run:
    """A token-matcher group as matching runs it: the requirement it is found by (its most
    selective; None: it needs no word), its other requirements, the regular expressions
    words of every match meet (``"^beleid"``), its matcher, and how many tokens a match may
    have before and after the word that meets ``first`` (None: unbounded). Told apart by
    identity, a quick key."""

    first: Requirement | None
    rest: Group
    expressions: tuple[Expression, ...]
    matcher: Matcher
    reach: tuple[int, int] | None


@define(frozen=True)
class Matchers:
    """The compiled rule set.

    ``groups`` holds the token matchers by what their patterns need; ``index`` finds them,
    as runs, by the words of their most selective requirement (``always``: the runs of
    groups that need no word)."""

    phrases: dict[str, PhraseMatcher]
    groups: dict[Group, Matcher]
    index: dict[str, dict[str, tuple[Run, ...]]]
    always: tuple[Run, ...]
    first_words: frozenset[str]  # every word of ``index``, whatever its column
    dependency: DependencyMatcher
    reads_tags: bool  # a pattern reads tags or morphology: a statistical pipeline runs its taggers
    compounds: Compounds
    amended_away: frozenset[str]  # words an amendment drops quoted words with (cues.yaml)


class Compounds:
    """The compounds of the rules as one pattern per key, and which keys each word seen so
    far is a compound of: a cache over the words of all bylaws, not a value."""

    def __init__(self, found: dict[str, tuple[Compound, ...]]) -> None:
        self.patterns = [(key, _compound_pattern(compounds)) for key, compounds in found.items() if compounds]
        self.starts = frozenset(m[:3] for compounds in found.values() for c in compounds for m in c.modifiers)
        self.known: dict[str, tuple[str, ...]] = {}
        self.compounds: set[str] = set()  # the words of ``known`` that are a compound of a key

    def keys_of(self, word: str) -> tuple[str, ...]:
        """The keys whose compounds ``word`` is one of ('advice|anchor', ...)."""
        keys = self.known.get(word)
        if keys is None:
            keys = self.known[word] = (
                tuple(key for key, pattern in self.patterns if pattern.fullmatch(word))
                if len(word) > 6 and word[:3] in self.starts
                else ()
            )
            if keys:
                self.compounds.add(word)
        return keys

    def keys_in(self, words: set[str]) -> dict[str, tuple[str, ...]]:
        """The keys of each of ``words`` that is a compound of one: the words not seen before
        are looked at, the others found by set operations."""
        for word in words.difference(self.known):
            self.keys_of(word)
        return {word: self.known[word] for word in words & self.compounds}


def _compound_pattern(compounds: tuple[Compound, ...]) -> re.Pattern[str]:
    alternatives = [
        f"(?:{'|'.join(map(re.escape, c.modifiers))})(?:s|e|en)?(?:{'|'.join(map(re.escape, c.heads))})"
        for c in compounds
    ]
    return re.compile("|".join(alternatives))


def phrases_of(tokens: Iterable[dict[str, Any]]) -> tuple[str, list[list[str]]] | None:
    """A pattern of plain words (one attribute, no operators) as the word sequences it
    matches, for spaCy's PhraseMatcher; None when it needs the token Matcher."""
    tokens = list(tokens)
    attrs = {key for token in tokens for key in token}
    if len(attrs) != 1 or (attr := next(iter(attrs))) not in PHRASE_ATTRS:
        return None
    choices: list[list[str]] = []
    for token in tokens:
        value = token[attr]
        if isinstance(value, str):
            choices.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            choices.append([str(v) for v in value["IN"]])
        else:
            return None
    sequences: list[list[str]] = [[]]
    for options in choices:
        sequences = [[*seq, option] for seq in sequences for option in options]
        if len(sequences) > _MAX_PHRASES:
            return None
    return attr, sequences


def longest(tokens: Iterable[dict[str, Any]]) -> int | None:
    """The most tokens the pattern can match; None when it has no bound."""
    total = 0
    for token in tokens:
        op = token.get("OP")
        if op in (None, "1", "?", "!"):
            total += 1
            continue
        repeat = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", str(op))
        if repeat is None or (repeat[2] and not repeat[3]):  # "*", "+", "{n,}"
            return None
        total += int(repeat[3] or repeat[1])
    return total


def around(tokens: tuple[dict[str, Any], ...], requirement: Requirement) -> tuple[int, int] | None:
    """The most tokens a match can have before and after the token that meets ``requirement``
    (one of the pattern's required tokens; the first such token when there are more); None
    when either has no bound."""
    attr = requirement[0]
    for k, token in enumerate(tokens):
        if token.get("OP") in (None, "1") and _requirement(token.get(attr), attr) == requirement:
            before, after = longest(tokens[:k]), longest(tokens[k + 1 :])
            return None if before is None or after is None else (before, after)
    return None


def counted(tokens: Iterable[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The pattern as patterns without bounded repeats: ``{X, OP: "{n,m}"}`` becomes ``X``
    written k times, one pattern per k from n to m (and all their combinations when there
    are more such tokens). They match what the pattern matches; the pattern itself when it
    has no bounded repeat or would make too many."""
    tokens = list(tokens)
    variants: list[list[dict[str, Any]]] = [[]]
    for token in tokens:
        repeat = _REPEAT.fullmatch(str(token.get("OP", "")))
        if repeat is None or (repeat[2] and not repeat[3]) or not (repeat[1] or repeat[3]):
            variants = [[*variant, token] for variant in variants]  # not bounded: "*", "{n,}"
            continue
        low = int(repeat[1] or 0)
        high = int(repeat[3]) if repeat[2] else low
        if low > high or len(variants) * (high - low + 1) > _MAX_COUNTS:
            return [tokens]
        bare = {key: value for key, value in token.items() if key != "OP"}
        variants = [[*variant, *[bare] * count] for variant in variants for count in range(low, high + 1)]
    return [variant for variant in variants if variant] or [tokens]


def required(tokens: Iterable[dict[str, Any]]) -> Group:
    """The words the pattern's required tokens must have: (attribute, one of these words)
    per token. A provision lacking any of them cannot match; the matcher is not run there."""
    found: set[Requirement] = set()
    for token in tokens:
        if token.get("OP") not in (None, "+", "1"):
            continue
        for attr in ("LOWER", "LEMMA", "NORM"):
            requirement = _requirement(token.get(attr), attr)
            if requirement is not None:
                found.add(requirement)
    # the most selective first: no common word, then the fewest words
    return tuple(sorted(found, key=lambda r: (_commonness(r[1]), len(r[1]), r[0], sorted(r[1]))))


def _commonness(words: frozenset[str]) -> int:
    """How common the most common of ``words`` is: 2 for a role's mark, which every mention
    of the college or the body bears, or a punctuation mark; 1 for a function word ("in",
    "het"); 0 for none of these."""
    if any(word.startswith(ROLE_MARK) or not any(c.isalnum() for c in word) for word in words):
        return 2
    return 1 if not STOP_WORDS.isdisjoint(words) else 0


def expressions(tokens: Iterable[dict[str, Any]]) -> frozenset[tuple[str, str]]:
    """The regular expressions the words of the pattern's required tokens meet: (attribute,
    expression) per token. A stretch without such a word cannot match."""
    return frozenset(
        (attr, value["REGEX"])
        for token in tokens
        if token.get("OP") in (None, "+", "1")
        for attr in ("LOWER", "LEMMA", "NORM")
        if isinstance(value := token.get(attr), dict) and "REGEX" in value
    )


def _requirement(value: Any, attr: str) -> Requirement | None:
    """What a token's value of ``attr`` requires: one word, or one of a list (None: neither)."""
    if isinstance(value, str):
        return attr, frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return attr, frozenset(str(v) for v in value["IN"])
    return None


def _reads_tags(tokens: Iterable[dict[str, Any]]) -> bool:
    return any(not _TAGS.isdisjoint(token) for token in tokens)


def _refused(pattern: Pattern, add: Callable[..., object], *args: Any) -> None:
    """Add a pattern (``add(*args)``); one spaCy refuses is a RuleError at its place in the rule file."""
    try:
        add(*args)
    except (ValueError, KeyError, TypeError) as error:
        raise RuleError(f"{pattern.origin}: spaCy refuses the pattern: {_first_line(error)}") from None


class _Builder:
    """Collects the patterns of a rule set into matchers; :meth:`done` makes the value."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.compounds: dict[str, tuple[Compound, ...]] = {}
        self.phrases = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in PHRASE_ATTRS}
        self.groups: dict[Group, Matcher] = {}
        self.reach: dict[Group, tuple[int, int] | None] = {}
        self.expressions: dict[Group, frozenset[tuple[str, str]]] = {}  # those of all its patterns
        self.dependency = DependencyMatcher(nlp.vocab, validate=True)
        self.reads_tags = False
        # patterns with bounded repeats are added here as written, to be checked; never run
        self.written = Matcher(nlp.vocab, validate=True)

    def add(self, key: str, patterns: tuple[Pattern, ...]) -> None:
        for pattern in patterns:
            _refused(pattern, self._add, key, pattern.tokens)

    def _add(self, key: str, tokens: tuple[dict[str, Any], ...]) -> None:
        self.reads_tags |= _reads_tags(tokens)
        plain = phrases_of(tokens)
        if plain is None:
            group = required(tokens)
            meets = expressions(tokens)
            if group not in self.groups:
                self.groups[group] = Matcher(self.nlp.vocab, validate=True)
                self.reach[group] = (0, 0)
                self.expressions[group] = meets
            self.expressions[group] &= meets
            variants = counted(tokens)
            if len(variants) > 1 or variants[0] != list(tokens):
                self.written.add(key, [list(tokens)])  # what spaCy refuses, as written
            self.groups[group].add(key, variants)
            most = around(tokens, group[0]) if group else None
            reach = self.reach[group]
            self.reach[group] = (
                None if most is None or reach is None else (max(reach[0], most[0]), max(reach[1], most[1]))
            )
            return
        attr, sequences = plain
        docs = [Doc(self.nlp.vocab, words=seq) for seq in sequences]
        if attr == "LEMMA":
            for doc in docs:
                for token in doc:
                    token.lemma_ = token.text
        self.phrases[attr].add(key, docs)

    def add_dependency(self, key: str, patterns: tuple[Pattern, ...]) -> None:
        for pattern in patterns:
            _refused(pattern, self.dependency.add, key, [list(pattern.tokens)])
            self.reads_tags |= _reads_tags(node.get("RIGHT_ATTRS", {}) for node in pattern.tokens)

    def done(self, amended_away: frozenset[str]) -> Matchers:
        index: dict[str, dict[str, list[Run]]] = {
            attr: defaultdict(list) for attr in ("LOWER", "LEMMA", "NORM")
        }
        always = []
        for group, matcher in self.groups.items():
            patterns = tuple((attr, re.compile(e)) for attr, e in sorted(self.expressions[group]))
            run = Run(group[0] if group else None, group[1:], patterns, matcher, self.reach[group])
            if not group:
                always.append(run)
                continue
            attr, words = group[0]
            for word in words:
                index[attr][word].append(run)
        return Matchers(
            phrases=self.phrases,
            groups=self.groups,
            index={attr: {word: tuple(g) for word, g in found.items()} for attr, found in index.items()},
            always=tuple(always),
            first_words=frozenset(word for found in index.values() for word in found),
            dependency=self.dependency,
            reads_tags=self.reads_tags,
            compounds=Compounds(self.compounds),
            amended_away=amended_away,
        )


_PROBLEM = re.compile(r"^- \[pattern -> (\d+) -> (.*?)\] (.*)$", re.MULTILINE)


def _first_line(error: BaseException) -> str:
    """spaCy's complaint on one line: the token (from 1), where in it, and what is wrong."""
    problem = _PROBLEM.search(str(error))
    if problem:
        where = re.sub(r" -> (?:TokenPattern\w*|str-enum\[\w+\]|constrained-str|str)(?=$| )", "", problem[2])
        return f"token {int(problem[1]) + 1}, {where}: {problem[3]}"
    text = " ".join(str(error).split("\n\n")[0].split())
    return text[:300] or type(error).__name__


def compile_rules(nlp: Language, rules: tuple[Rule, ...], cues: Cues) -> Matchers:
    """Every pattern of the rules and the cue words, compiled for ``nlp``'s vocabulary."""
    builder = _Builder(nlp)
    for rule in rules:
        el = rule.element
        builder.add(f"{el}|anchor", rule.anchor_patterns)
        builder.compounds[f"{el}|anchor"] = rule.anchor_compounds
        builder.add(f"{el}|exclude", rule.exclude)
        builder.add(f"{el}|kept", rule.kept)
        builder.add(f"{el}|reference", rule.references)
        builder.add(f"{el}|weak", rule.weak)
        builder.add(f"{el}|unit_exclude", rule.unit_exclude)
        builder.add_dependency(f"{el}|exclude", rule.dependency_exclude)
        for q in rule.qualifiers:
            builder.add(f"{el}|q|{q.key}", q.patterns)
            builder.compounds[f"{el}|q|{q.key}"] = q.compounds
            builder.add(f"{el}|deny|{q.key}", q.denied_by)
            builder.add(f"{el}|doubt|{q.key}", q.doubted_by)
        for index, note in enumerate(rule.notes):
            builder.add(f"{el}|note|{index}", note.patterns)
    builder.add("cue|condition", cues.condition)
    builder.add("cue|unit_condition", cues.unit_condition)
    builder.add("cue|hedge", cues.hedge)
    builder.add("cue|joint", cues.joint)
    builder.add("cue|amount_hedge", cues.amount_hedge)
    builder.add("cue|until", cues.until)
    builder.add("cue|deviation", cues.deviation)
    return builder.done(cues.amended_away)

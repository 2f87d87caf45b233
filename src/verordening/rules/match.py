"""Matching: run the compiled matchers over a bylaw as the language stage read it.

The result, :class:`Matches`, holds every provision's words as plain lists (the element
logic reads these, not spaCy tokens) and every match by its key, at its provision and
its place in that provision. A match that runs from one provision into the next is
dropped; at each place only the longest match of a key is kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

import numpy
from attrs import define, field
from spacy.attrs import LEMMA, LOWER, NORM
from spacy.strings import StringStore
from spacy.tokens import Doc

from ..knowledge import ROLE_MARK, ROLES, Cues
from ..language import Reading, Unit
from .compile import Group, Matchers
from .ruleset import Rule

__all__ = ["Hit", "Matches", "Strings", "Words", "candidates", "match"]

_ROLE_OF_NORM = {ROLE_MARK + role: role for role in ROLES}  # "@body" -> "body"


@define(frozen=True)
class Hit:
    """A match: its provision, and its first and end token within that provision."""

    unit: int
    start: int
    end: int


@define(frozen=True)
class Words:
    """A provision's words as plain lists. ``role`` holds the role each word names, or
    ``""``. The words stand in ``doc`` from token ``offset`` on; ``doc`` is only read when
    it has a parse. ``stops`` keeps, per set of stop words, where they stand (a cache)."""

    lower: list[str]
    lemma: list[str]
    role: list[str]
    doc: Doc
    offset: int
    parsed: bool
    stops: dict[frozenset[str], list[int]] = field(factory=dict, init=False, eq=False, repr=False)

    def around(self, start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
        """The stretch around ``start:end`` up to the nearest of ``stops`` on either side."""
        places = self.stops.get(stops)
        if places is None:
            places = self.stops[stops] = [i for i, word in enumerate(self.lower) if word in stops]
        before = bisect_left(places, start)
        left = places[before - 1] + 1 if before else 0
        if end >= len(self.lower):
            return left, end
        after = bisect_left(places, end)
        return left, places[after] if after < len(places) else len(self.lower)


@define(frozen=True)
class _Text:
    """One text the pipeline read, with its words as plain lists and the provisions in it
    as (first token, end token, provision), in order."""

    doc: Doc
    lower: list[str]
    lemma: list[str]
    norm: list[str]
    role: list[str]
    parsed: bool
    units: tuple[tuple[int, int, int], ...]


@define(frozen=True)
class Matches:
    """Every provision's words, and every match by key (``advice|anchor``, ``cue|condition``)."""

    words: tuple[Words, ...]
    hits: dict[str, tuple[Hit, ...]]

    def of(self, key: str) -> tuple[Hit, ...]:
        return self.hits.get(key, ())


class Strings:
    """The strings behind spaCy's hashes, looked up once per process: a cache, not a value."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.known: dict[int, str] = {}

    def columns(self, doc: Doc) -> tuple[list[str], list[str], list[str], list[str]]:
        """The lower forms, lemmas, norms and roles (``""``: none) of a text's tokens, as plain
        strings. Most lemmas and nearly all norms are the lower form itself: only the others
        are looked up; a role is named only where a norm is a role's mark."""
        table = doc.to_array([LOWER, LEMMA, NORM])
        lower = self._strings(doc, table[:, 0].tolist())
        lemma, norm = lower.copy(), lower.copy()
        for column, attr in ((lemma, 1), (norm, 2)):
            differ = numpy.flatnonzero(table[:, attr] != table[:, 0])
            words = self._strings(doc, table[differ, attr].tolist())
            for k, word in zip(differ.tolist(), words, strict=True):
                column[k] = word
        role = [""] * len(lower)
        for k in numpy.flatnonzero(numpy.isin(table[:, 2], self.marks(doc))).tolist():
            role[k] = _ROLE_OF_NORM[norm[k]]
        return lower, lemma, norm, role

    def _strings(self, doc: Doc, keys: list[int]) -> list[str]:
        known = self.known
        try:
            return list(map(known.__getitem__, keys))
        except KeyError:
            strings = doc.vocab.strings
            return [known.setdefault(key, strings[key]) for key in keys]

    def marks(self, doc: Doc) -> numpy.ndarray:
        """The keys of the roles' marks ("@body") in the text's string store."""
        strings = doc.vocab.strings
        return numpy.array([strings[mark] for mark in _ROLE_OF_NORM], dtype=numpy.uint64)


def _texts(strings: Strings, reading: Reading) -> tuple[list[_Text], list[Words]]:
    placed: list[list[tuple[int, int, int]]] = [[] for _ in reading.docs]
    for unit, (which, start, end) in enumerate(reading.places):
        placed[which].append((start, end, unit))
    texts = []
    for doc, units in zip(reading.docs, placed, strict=True):
        lower, lemma, norm, role = strings.columns(doc)
        texts.append(_Text(doc, lower, lemma, norm, role, doc.has_annotation("DEP"), tuple(sorted(units))))
    words = []
    for which, start, end in reading.places:
        text = texts[which]
        words.append(
            Words(
                text.lower[start:end],
                text.lemma[start:end],
                text.role[start:end],
                text.doc,
                start,
                text.parsed,
            )
        )
    return texts, words


def _groups_in(matchers: Matchers, present: dict[str, set[str]]) -> list[Group]:
    """The token-matcher groups whose required words a provision all has."""
    groups = set(matchers.always)
    for attr, index in matchers.index.items():
        for word in present[attr] & index.keys():
            groups.update(index[word])
    found = []
    for group in groups:
        for attr, words in group[1:]:
            if words.isdisjoint(present[attr]):
                break
        else:
            found.append(group)
    return found


def _windows(
    column: list[str], words: frozenset[str], start: int, end: int, reach: tuple[int, int]
) -> list[list[int]]:
    """The stretches from ``reach[0]`` tokens before a place of one of ``words`` to ``reach[1]``
    tokens after it, merged where they overlap."""
    before, after = reach
    windows: list[list[int]] = []
    for k in range(start, end):
        if column[k] in words:
            first, last = max(start, k - before), min(end, k + after + 1)
            if windows and first <= windows[-1][1]:
                windows[-1][1] = last
            else:
                windows.append([first, last])
    return windows


def token_matches(matchers: Matchers, text: _Text, start: int, end: int) -> list[tuple[int, int, int]]:
    """Token-pattern matches in one provision, relative to its start.

    Only the groups whose words the provision has are run, and only around the places of
    their rarest word: every match holds such a word, so it lies within as many tokens
    before and after one of them as the group's patterns allow; and it holds a word of each
    of the group's other requirements, so a stretch that lacks one is not run either."""
    columns = {"LOWER": text.lower, "LEMMA": text.lemma, "NORM": text.norm}
    present = {attr: set(column[start:end]) for attr, column in columns.items()}
    found: list[tuple[int, int, int]] = []
    for group in _groups_in(matchers, present):
        matcher, reach = matchers.groups[group], matchers.reach[group]
        if not group or reach is None or reach[0] + reach[1] >= end - start:
            found.extend(matcher(text.doc[start:end]))
            continue
        (attr, words), *rest = group
        for first, last in _windows(columns[attr], words, start, end, reach):
            if rest and any(need.isdisjoint(columns[a][first:last]) for a, need in rest):
                continue
            shift = first - start
            found.extend(
                (key, begin + shift, stop + shift) for key, begin, stop in matcher(text.doc[first:last])
            )
    return found


def _whole_text_matches(matchers: Matchers, text: _Text) -> list[tuple[int, int, int]]:
    """Phrase matches over the whole text, and dependency matches where it is parsed."""
    found: list[tuple[int, int, int]] = []
    for phrases in matchers.phrases.values():
        if len(phrases):
            found.extend(phrases(text.doc))
    if len(matchers.dependency) and text.parsed:
        for key, tokens in matchers.dependency(text.doc):
            # a parse that gives the first node (the verb) two subjects is not trusted
            if sum(1 for child in text.doc[tokens[0]].children if child.dep_.startswith("nsubj")) > 1:
                continue
            found.append((key, min(tokens), max(tokens) + 1))
    return found


def match(matchers: Matchers, strings: Strings, reading: Reading) -> Matches:
    """Every match of every pattern in the provisions of ``reading``."""
    texts, words = _texts(strings, reading)
    found: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # by key: (provision, start, end)
    names = strings.strings
    for text in texts:
        keyed: dict[int, list[tuple[int, int, int]]] = defaultdict(list)  # by the matchers' keys
        for first, last, unit in text.units:
            for key, start, end in token_matches(matchers, text, first, last):
                keyed[key].append((unit, start, end))
        starts = [start for start, _, _ in text.units]
        for key, start, end in _whole_text_matches(matchers, text):
            # the provision the match starts in; a match that runs on into the next is dropped
            k = bisect_right(starts, start) - 1
            if k < 0:
                continue
            first, last, unit = text.units[k]
            if end <= last:
                keyed[key].append((unit, start - first, end - first))
        for key, places in keyed.items():
            found[names[key]] += places
        for name, start in _compound_matches(matchers, text):
            k = bisect_right(starts, start) - 1
            if k >= 0 and start < text.units[k][1]:  # a unit read again by a model is not here
                first, _, unit = text.units[k]
                found[name].append((unit, start - first, start - first + 1))
    return Matches(tuple(words), {key: _longest_per_place(places) for key, places in found.items()})


def _compound_matches(matchers: Matchers, text: _Text) -> list[tuple[str, int]]:
    """Words that are compounds of a rule's parts ("agenderingsrecht"): (key, token)."""
    compounds = matchers.compounds
    if not compounds.patterns:
        return []
    keyed = {word: keys for word in set(text.lower) if (keys := compounds.keys_of(word))}
    if not keyed:
        return []
    return [(key, k) for k, word in enumerate(text.lower) if word in keyed for key in keyed[word]]


def _longest_per_place(found: list[tuple[int, int, int]]) -> tuple[Hit, ...]:
    """The longest match at each place (provision, first token), in order."""
    longest: dict[tuple[int, int], int] = {}
    for unit, start, end in found:
        if end > longest.get((unit, start), -1):
            longest[unit, start] = end
    return tuple(Hit(unit, start, end) for (unit, start), end in sorted(longest.items()))


def candidates(matches: Matches, units: list[Unit], rules: tuple[Rule, ...], cues: Cues) -> list[int]:
    """Provisions where a parse can change the verdict: binding, about an element, and
    with a negation, a modal verb or a condition in them (and the opening words above
    them). The toelichting and the definitions grant nothing, parsed or not."""
    about = {
        h.unit
        for key, found in matches.hits.items()
        if not key.startswith("cue|")
        for h in found
        if units[h.unit].binding and not units[h.unit].definition
    }
    cued = {h.unit for h in matches.of("cue|condition")}
    # provisions about an element whose rule reads the parse
    cued |= {
        h.unit for rule in rules if rule.dependency_exclude for h in matches.of(f"{rule.element}|anchor")
    }
    words = cues.negation | cues.modals
    chosen = {index for index in about if index in cued or not words.isdisjoint(matches.words[index].lower)}
    chosen |= {p for u in chosen for p in units[u].parents}
    return sorted(chosen)

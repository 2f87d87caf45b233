"""Matching: run the compiled matchers over a bylaw as the language stage read it.

The result, :class:`Matches`, holds every provision's words as plain lists (the element
logic reads these, not spaCy tokens) and every match by its key, at its provision and
its place in that provision. A match that runs from one provision into the next is
dropped; at each place only the longest match of a key is kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property

import numpy
from attrs import define, field
from spacy.attrs import LEMMA, LOWER, NORM
from spacy.strings import StringStore
from spacy.tokens import Doc, Span

from ..knowledge import ROLE_MARK, ROLES, Cues
from ..language import Reading, Unit
from .compile import Matchers, Run
from .hits import Hit, between, in_span, in_unit, inside
from .ruleset import Rule

__all__ = [
    "Hit",
    "Matches",
    "Strings",
    "Words",
    "between",
    "candidates",
    "in_span",
    "in_unit",
    "inside",
    "joined",
    "match",
]

_ROLE_OF_NORM = {ROLE_MARK + role: role for role in ROLES}  # "@body" -> "body"


@define(frozen=True)
class _Text:
    """One text the pipeline read, with its words as plain lists and the provisions in it
    as (first token, end token, provision), in order. ``columns`` holds the lower forms,
    lemmas and norms by the matchers' names for them (see :meth:`Strings.columns`)."""

    doc: Doc
    lower: list[str]
    lemma: list[str]
    norm: list[str]
    role: list[str]
    changed: dict[str, list[int]]  # where the lemmas ("LEMMA") and norms ("NORM") are not the lower form
    marked: list[int]  # where a word names a role
    parsed: bool
    units: tuple[tuple[int, int, int], ...]
    columns: dict[str, list[str]] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "columns", {"LOWER": self.lower, "LEMMA": self.lemma, "NORM": self.norm})


@define(frozen=True)
class Words:
    """A provision's words as plain lists, cut from its text's when first read: ``role``
    holds the role each word names, or ``""``. The words stand in ``doc`` from token
    ``offset`` on; ``doc`` is only read when it has a parse. ``stops`` keeps, per set of
    stop words, where they stand, ``bounds`` where the stretches between them end, and
    ``spans`` the stretches :meth:`around` found; ``memo`` what the rules found about a
    stretch (caches: the rules ask for the sentence of the same match again and again)."""

    text: _Text = field(repr=False)
    offset: int
    end: int
    stops: dict[frozenset[str], list[int]] = field(factory=dict, init=False, eq=False, repr=False)
    bounds: dict[frozenset[str], list[int]] = field(factory=dict, init=False, eq=False, repr=False)
    spans: dict[tuple[int, int, frozenset[str]], tuple[int, int]] = field(
        factory=dict, init=False, eq=False, repr=False
    )
    memo: dict[tuple[object, ...], object] = field(factory=dict, init=False, eq=False, repr=False)

    @cached_property
    def lower(self) -> list[str]:
        return self.text.lower[self.offset : self.end]

    @cached_property
    def lemma(self) -> list[str]:
        return self.text.lemma[self.offset : self.end]

    @cached_property
    def role(self) -> list[str]:
        return self.text.role[self.offset : self.end]

    @property
    def doc(self) -> Doc:
        return self.text.doc

    @property
    def parsed(self) -> bool:
        return self.text.parsed

    def places(self, stops: frozenset[str]) -> list[int]:
        """Where the words of ``stops`` stand, in order (kept: not to be changed)."""
        places = self.stops.get(stops)
        if places is None:
            places = self.stops[stops] = [i for i, word in enumerate(self.lower) if word in stops]
        return places

    def holds(self, words: frozenset[str], start: int = 0, end: int | None = None) -> bool:
        """Whether one of ``words`` stands in the words ``start:end`` (told by :meth:`places`, not
        by reading them: a long provision is asked about from many places)."""
        places = self.places(words)
        k = bisect_left(places, max(start, 0))
        return k < len(places) and (end is None or places[k] < end)

    def around(self, start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
        """The stretch around ``start:end`` up to the nearest of ``stops`` on either side."""
        found = self.spans.get((start, end, stops))
        if found is None:
            found = self.spans[start, end, stops] = self._around(start, end, stops)
        return found

    def _around(self, start: int, end: int, stops: frozenset[str]) -> tuple[int, int]:
        places = self.bounds.get(stops)
        if places is None:
            places = self.bounds[stops] = _bounded(self.places(stops), len(self.lower))
        before = bisect_left(places, start)
        left = places[before - 1] + 1 if before else 0
        if end >= len(self.lower):
            return left, end
        after = bisect_left(places, end)
        return left, places[after] if after < len(places) else len(self.lower)


# a stretch without stops longer than this many words is no sentence or clause of a bylaw (the
# longest sentence in the corpus has 111): it is read in pieces of at most this many, so that the
# rules, which read the sentence of each match, read none longer (a word between two is left out)
LONGEST_STRETCH = 200


def _bounded(places: list[int], size: int) -> list[int]:
    """``places`` with a place added in every stretch between them longer than LONGEST_STRETCH."""
    if size + 1 <= LONGEST_STRETCH or all(
        b - a <= LONGEST_STRETCH for a, b in zip([-1, *places], [*places, size], strict=True)
    ):
        return places
    bounded: list[int] = []
    last = -1
    for place in [*places, size]:
        bounded.extend(range(last + 1 + LONGEST_STRETCH, place, LONGEST_STRETCH + 1))
        bounded.append(place)
        last = place
    return bounded[:-1]


@define(frozen=True)
class Matches:
    """Every provision's words, and every match by key (``advice|anchor``, ``cue|condition``)."""

    words: tuple[Words, ...]
    hits: dict[str, tuple[Hit, ...]]
    roles: tuple[frozenset[str], ...]  # the roles each provision names

    def of(self, key: str) -> tuple[Hit, ...]:
        return self.hits.get(key, ())

    def phrases(self, besides: str) -> tuple[Hit, ...]:
        """The matches of the anchors of elements other than ``besides`` that are phrases of three
        words or more ("verzoeken een onderwerp in het overleg te bespreken")."""
        anchors = (
            hits for key, hits in self.hits.items() if key.endswith("|anchor") and key != f"{besides}|anchor"
        )
        return tuple(h for hits in anchors for h in hits if h.end - h.start > 2)


class Strings:
    """The strings behind spaCy's hashes, looked up once per process: a cache, not a value."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.known: dict[int, str] = {}

    def columns(
        self, doc: Doc
    ) -> tuple[list[str], list[str], list[str], list[str], dict[str, list[int]], list[int]]:
        """The lower forms, lemmas, norms and roles (``""``: none) of a text's tokens, as plain
        strings; where the lemmas and norms are not the lower form, and where a role is named.
        Most lemmas and nearly all norms are the lower form itself: only the others are looked
        up; a role is named only where a norm is a role's mark."""
        table = doc.to_array([LOWER, LEMMA, NORM])
        lower = self._strings(doc, table[:, 0].tolist())
        lemma, norm = lower.copy(), lower.copy()
        changed = {}
        for name, column, attr in (("LEMMA", lemma, 1), ("NORM", norm, 2)):
            differ = numpy.flatnonzero(table[:, attr] != table[:, 0]).tolist()
            words = self._strings(doc, table[differ, attr].tolist())
            for k, word in zip(differ, words, strict=True):
                column[k] = word
            changed[name] = differ
        role = [""] * len(lower)
        norms = table[:, 2]
        marks = self.marks(doc)
        # (a few marks: compared one by one, quicker than numpy.isin)
        named = norms == marks[0]
        for mark in marks[1:]:
            named |= norms == mark
        marked = numpy.flatnonzero(named).tolist()
        for k in marked:
            role[k] = _ROLE_OF_NORM[norm[k]]
        return lower, lemma, norm, role, changed, marked

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
    texts = [
        _Text(doc, *strings.columns(doc), doc.has_annotation("DEP"), tuple(sorted(units)))
        for doc, units in zip(reading.docs, placed, strict=True)
    ]
    words = [Words(texts[which], start, end) for which, start, end in reading.places]
    return texts, words


def _roles(texts: list[_Text], reading: Reading) -> tuple[frozenset[str], ...]:
    """The roles each provision names, found from the few words in each text that name one."""
    naming = [text.marked for text in texts]
    found = []
    for which, start, end in reading.places:
        places, role = naming[which], texts[which].role
        found.append(
            frozenset(role[k] for k in places[bisect_left(places, start) : bisect_left(places, end)])
        )
    return tuple(found)


def _runs_at(matchers: Matchers, text: _Text) -> dict[int, dict[Run, list[int]]]:
    """Per provision (its place in ``text.units``), the runs whose first requirement one of
    its words meets, with the places of those words, in order: one pass over each column.
    The runs that need no word are there for every provision."""
    units = text.units
    found: dict[int, dict[Run, list[int]]] = defaultdict(dict)
    for at in range(len(units)) if matchers.always else ():
        found[at] = {run: [] for run in matchers.always}
    ends = [end for _, end, _ in units]
    for attr, places in _first_places(matchers, text):
        column, index = text.columns[attr], matchers.index[attr]
        at = 0
        for k in places:
            at = bisect_right(ends, k, at)  # the first provision that ends after k
            if at == len(ends):
                break
            if k >= units[at][0]:  # (not a token of a provision read again by a model)
                by = found[at]
                for run in index[column[k]]:
                    by.setdefault(run, []).append(k)
    return found


def _first_places(matchers: Matchers, text: _Text) -> Iterator[tuple[str, list[int]]]:
    """Per column of the index, the places of its words, in order. The lower forms are read
    once for the words of every column: a lemma or a norm is its lower form but where the
    text says it ``changed`` (a role's mark, "@college", is such a norm)."""
    lower = text.lower
    first_words = matchers.first_words
    found = [k for k, word in enumerate(lower) if word in first_words]
    for attr, index in matchers.index.items():
        if attr == "LOWER":
            yield attr, [k for k in found if lower[k] in index]
            continue
        column, changed = text.columns[attr], text.changed[attr]
        same = [k for k in found if lower[k] in index and column[k] == lower[k]]
        yield attr, sorted(same + [k for k in changed if column[k] in index])


def _windows(places: list[int], start: int, end: int, reach: tuple[int, int]) -> list[list[int]]:
    """The stretches from ``reach[0]`` tokens before each of ``places`` to ``reach[1]`` tokens
    after it, within ``start:end`` and merged where they overlap."""
    before, after = reach
    windows: list[list[int]] = []
    for k in places:
        first, last = max(start, k - before), min(end, k + after + 1)
        if windows and first <= windows[-1][1]:
            windows[-1][1] = last
        else:
            windows.append([first, last])
    return windows


def _run(run: Run, text: _Text, start: int, end: int, places: list[int]) -> list[tuple[int, int, int]]:
    """The matches of one run in the provision ``start:end``, relative to its start: only
    around ``places`` (its words of the run's first requirement) when a match cannot reach
    further, and only where the run's other words, and words that meet its expressions, are
    too. The matcher runs once, from the first such stretch to the last: a match found
    between them is one in a stretch."""
    reach = run.reach
    if run.first is None or reach is None or reach[0] + reach[1] >= end - start:
        stretches = [[start, end]]
    else:
        stretches = _windows(places, start, end, reach)
    kept = [(first, last) for first, last in stretches if _may_match(run, text, first, last)]
    if not kept:
        return []
    first, last = kept[0][0], kept[-1][1]
    shift = first - start
    return [
        (key, begin + shift, stop + shift) for key, begin, stop in run.matcher(Span(text.doc, first, last))
    ]


def _may_match(run: Run, text: _Text, first: int, last: int) -> bool:
    """Whether the words ``first:last`` hold one of each of the run's other requirements and
    one that meets each of its expressions."""
    columns = text.columns
    return not any(need.isdisjoint(columns[a][first:last]) for a, need in run.rest) and all(
        any(map(expression.search, columns[a][first:last])) for a, expression in run.expressions
    )


def token_matches(matchers: Matchers, text: _Text) -> list[tuple[int, int, int, int]]:
    """Token-pattern matches in the provisions of one text: (key, provision, first token,
    end token), relative to the provision's start.

    Only the groups whose words a provision has are run there, and only around the places
    of their rarest word: every match holds such a word, so it lies within as many tokens
    before and after one of them as the group's patterns allow; and it holds a word of each
    of the group's other requirements, so a stretch that lacks one is not run either."""
    found: list[tuple[int, int, int, int]] = []
    units, columns = text.units, text.columns
    for at, runs in _runs_at(matchers, text).items():
        start, end, unit = units[at]
        present: dict[str, set[str]] = {}  # the provision's words by column, as they are asked for
        for run, places in runs.items():
            for attr, words in run.rest:  # (written out: run for every provision and group)
                seen = present.get(attr)
                if seen is None:
                    seen = present[attr] = set(columns[attr][start:end])
                if words.isdisjoint(seen):
                    break
            else:
                found.extend(
                    (key, unit, begin, stop) for key, begin, stop in _run(run, text, start, end, places)
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
        for key, unit, start, end in token_matches(matchers, text):
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
    replaced = _replaced(words, matchers.amended_away)
    if replaced:  # (an amending regulation: the words it replaces are no text of the bylaw)
        found = {key: [p for p in places if not _inside_any(replaced, p)] for key, places in found.items()}
    hits = {key: _longest_per_place(places) for key, places in found.items()}
    for text in texts:  # what the rules read of a text without a parse is in its lists: its
        if not text.parsed:  # tokens, some hundred bytes each, need not be kept while they judge
            object.__setattr__(text, "doc", Doc(text.doc.vocab))
    return Matches(tuple(words), hits, _roles(texts, reading))


_QUOTES = frozenset("\"“”„'‘’")


def _replaced(words: list[Words], gone: frozenset[str]) -> dict[int, list[tuple[int, int]]]:
    """Per provision, the quoted words an amendment replaces or strikes ('wordt "spontaan en op
    verzoek" vervangen door: op verzoek', 'vervalt "en ongevraagd"'): (first, end) token places,
    relative to the provision's start."""
    found: dict[int, list[tuple[int, int]]] = {}
    for unit, w in enumerate(words):
        lower = w.lower
        if gone.isdisjoint(lower):
            continue
        quotes = [k for k, word in enumerate(lower) if word in _QUOTES]
        for first, last in zip(quotes[::2], quotes[1::2], strict=False):  # opening and closing
            after = lower[last + 1 : last + 2]
            before = lower[max(0, first - 1) : first]
            if not gone.isdisjoint(after) or not gone.isdisjoint(before):
                found.setdefault(unit, []).append((first, last + 1))
    return found


def _inside_any(spans: dict[int, list[tuple[int, int]]], place: tuple[int, int, int]) -> bool:
    unit, start, end = place
    return any(first <= start and end <= last for first, last in spans.get(unit, ()))


def joined(parts: list[Matches]) -> Matches:
    """The matches of consecutive groups of provisions, each matched on its own (so that the
    pipeline's reading of one group is let go before the next is read), as one."""
    if len(parts) == 1:
        return parts[0]
    words: list[Words] = []
    roles: list[frozenset[str]] = []
    hits: dict[str, list[Hit]] = defaultdict(list)
    for part in parts:
        first = len(words)
        for key, found in part.hits.items():
            hits[key].extend(Hit(h.unit + first, h.start, h.end) for h in found)
        words.extend(part.words)
        roles.extend(part.roles)
    return Matches(tuple(words), {key: tuple(found) for key, found in hits.items()}, tuple(roles))


def _compound_matches(matchers: Matchers, text: _Text) -> list[tuple[str, int]]:
    """Words that are compounds of a rule's parts ("agenderingsrecht"): (key, token)."""
    compounds = matchers.compounds
    if not compounds.patterns:
        return []
    keyed = compounds.keys_in(set(text.lower))
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

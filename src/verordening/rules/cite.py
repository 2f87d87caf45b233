"""Choosing citations: which provisions a finding cites for its element.

A finding cites, per qualifier that holds, the one provision that carries most of the
element; the provisions that show each shortfall; and, when none of those is a grant
to the body, the grant itself. The main text goes before an annex, an article named
after the element (its ``topics``) before others, a grant to the body before the rest,
and a list item before the opening words above it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Set

from ..language import Unit
from .clauses import split_choices

__all__ = ["choose", "headings_index", "topical"]

_WORD = re.compile(r"\w+")


def headings_index(units: list[Unit]) -> dict[tuple[str, ...], list[int]]:
    """Provisions by the words of the headings they stand under: the article title and
    short opening words ("Ondersteuning:")."""
    found: dict[tuple[str, ...], list[int]] = defaultdict(list)
    titles: dict[str, tuple[str, ...]] = {}
    openings: dict[int, tuple[str, ...]] = {}  # the words of short opening words, by provision
    for unit in units:
        title = (unit.article.title or "") if unit.article is not None else ""
        if title not in titles:
            titles[title] = tuple(_WORD.findall(title.lower()))
        words = titles[title]
        for parent in unit.parents:
            if parent not in openings:
                opening = units[parent].text
                short = len(opening.split(maxsplit=4)) <= 4
                openings[parent] = tuple(_WORD.findall(opening.lower())) if short else ()
            words += openings[parent]
        found[words].append(unit.index)
    return dict(found)


def topical(topics: tuple[str, ...], headings: dict[tuple[str, ...], list[int]]) -> frozenset[int]:
    """The provisions in an article (or under a short heading) named after the element."""
    if not topics:
        return frozenset()
    # each word of the headings tested once (as :func:`.clauses.any_word` tests it), not once per heading
    exact, prefixes, _ = split_choices(topics)
    named = {word for words in headings for word in words if word in exact or word.startswith(prefixes)}
    return frozenset(
        index for words, indices in headings.items() if not named.isdisjoint(words) for index in indices
    )


def _best(
    found: Iterable[int], units: list[Unit], topics: Set[int], primary: Set[int], weight: dict[int, int]
) -> int:
    """The one provision to cite for a qualifier: in the main text rather than an annex, the
    provision that establishes most qualifiers, in an article named after the element, a
    grant to the body, the first."""
    return min(
        found,
        key=lambda u: (
            not units[u].node.id.startswith("art"),
            -weight.get(u, 0),
            u not in topics,
            u not in primary,
            u,
        ),
    )


def _preferred(found: Set[int], units: list[Unit], topics: Set[int], primary: Set[int]) -> set[int]:
    """The provisions to cite for one piece of evidence: the main text before an annex, an
    article named after the element before others, a grant to the body before the rest."""
    main = {u for u in found if units[u].node.id.startswith("art")}
    pool = main or set(found)
    for tier in (pool & topics & primary, pool & topics, pool & primary):
        if tier:
            return set(tier)
    return pool


def choose(
    units: list[Unit],
    primary: Set[int],
    topics: Set[int],
    evidence: Set[int],
    established: tuple[frozenset[int], ...],
    shown: Set[int],
) -> tuple[int, ...]:
    """The provisions to cite: ``shown`` (those that show a shortfall), the best of each
    qualifier's ``established`` provisions, and a grant when none of them is one."""
    weight = {u: sum(u in used for used in established) for u in evidence}
    cited = set(shown)
    for used in established:
        if used:
            cited.add(_best(used, units, topics, primary, weight))
    if not cited:
        cited |= _preferred(primary, units, topics, primary)
    elif not cited & primary:
        # the provision that grants the element, beside those that complete it
        cited.add(_best(primary, units, topics, primary, weight))
    # cite the list item rather than the opening words above it
    above = {p for c in cited for p in units[c].parents}
    cited = {u for u in cited if u not in above}
    return tuple(sorted(u for u in cited if units[u].binding and not units[u].definition))

"""Matches and where they stand, asked about in time that does not grow with the bylaw.

The element logic asks, for one match after another, whether some other match stands in
the same provision, in its sentence, or around it. Read by going over all those matches,
a bylaw with a thousand articles costs a million steps per question; here a tuple of
matches is indexed by provision once (and kept while it lives, found by its identity), and
each question costs a binary search in that provision's matches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import NamedTuple

__all__ = ["Hit", "between", "forget", "in_span", "in_unit", "inside"]


class Hit(NamedTuple):
    """A match: its provision, and its first and end token within that provision (a named
    tuple: the element logic makes, hashes and compares many)."""

    unit: int
    start: int
    end: int


class _ByUnit:
    """One tuple of matches by provision, each provision's in order of their starts, with the
    starts and, for every prefix of them, the farthest end."""

    def __init__(self, hits: tuple[Hit, ...]) -> None:
        grouped: dict[int, list[Hit]] = {}
        for hit in hits:
            grouped.setdefault(hit.unit, []).append(hit)
        self.hits = {unit: sorted(found, key=lambda h: h.start) for unit, found in grouped.items()}
        self.starts = {unit: [h.start for h in found] for unit, found in self.hits.items()}
        self.reach = {unit: list(accumulate((h.end for h in hs), max)) for unit, hs in self.hits.items()}


# tuples with fewer matches are read as they are; the indexes of the latest tuples asked about
# are kept, each with its tuple (so that no other object takes its identity while it is kept)
_SMALL = 8
_KEPT = 1024
_indexes: dict[int, tuple[tuple[Hit, ...], _ByUnit]] = {}


def _index(hits: Iterable[Hit]) -> _ByUnit | None:
    """The index of a tuple of matches, made when first asked; None for a small tuple or for
    anything else (read as it is)."""
    if not isinstance(hits, tuple) or len(hits) < _SMALL:
        return None
    kept = _indexes.get(id(hits))
    if kept is not None and kept[0] is hits:
        return kept[1]
    if len(_indexes) >= _KEPT:
        _indexes.clear()
    index = _ByUnit(hits)
    _indexes[id(hits)] = (hits, index)
    return index


def forget() -> None:
    """Let go of the indexes kept (a checker does when a bylaw is judged: the tuples they keep
    alive may be large)."""
    _indexes.clear()


def in_span(hits: Iterable[Hit], unit: int, left: int, right: int) -> bool:
    """Whether one of ``hits`` starts in the words ``left:right`` of provision ``unit``."""
    index = _index(hits)
    if index is None:
        return any(h.unit == unit and left <= h.start < right for h in hits)
    starts = index.starts.get(unit, ())
    k = bisect_left(starts, left)
    return k < len(starts) and starts[k] < right


def inside(hit: Hit, spans: Iterable[Hit]) -> bool:
    """Whether ``hit`` starts inside one of ``spans``."""
    index = _index(spans)
    if index is None:
        return any(s.unit == hit.unit and s.start <= hit.start < s.end for s in spans)
    k = bisect_right(index.starts.get(hit.unit, ()), hit.start)  # the spans starting at or before it
    return k > 0 and index.reach[hit.unit][k - 1] > hit.start


def in_unit(hits: Iterable[Hit], unit: int) -> Sequence[Hit]:
    """The matches of ``hits`` in provision ``unit`` (in order of their starts when indexed)."""
    index = _index(hits)
    if index is None:
        return [h for h in hits if h.unit == unit]
    return index.hits.get(unit, ())


def between(hits: Iterable[Hit], unit: int, left: int, right: int) -> Sequence[Hit]:
    """The matches of ``hits`` that start in the words ``left:right`` of provision ``unit``."""
    index = _index(hits)
    if index is None:
        return [h for h in hits if h.unit == unit and left <= h.start < right]
    starts = index.starts.get(unit, ())
    return index.hits.get(unit, ())[bisect_left(starts, left) : bisect_left(starts, right)]

"""What is in force on the date of judgement: provisions another provision of the bylaw puts in
force after it or ends before it (``language/references.py``), and sentences that grant something
only for a period that ended before it."""

from __future__ import annotations

import re
from datetime import date

from attrs import evolve

from ..language import Unit, not_in_force
from .clauses import Clauses
from .match import Matches

__all__ = ["in_force", "lapsed"]


def in_force(units: list[Unit], as_of: date | None) -> tuple[list[Unit], frozenset[int]]:
    """The provisions with those not in force on ``as_of`` made non-binding, and those."""
    later = not_in_force(units, as_of) if as_of is not None else frozenset()
    return [evolve(u, binding=False) if u.index in later else u for u in units], later


_YEAR = re.compile(r"(?:19|20)\d\d")


def lapsed(matches: Matches, clauses: Clauses, as_of: date | None) -> frozenset[tuple[int, int]]:
    """The sentences limited to a period that ended before ``as_of``: every year within eight
    words after a cue of ``until`` ("voor de jaren 2017, 2018 en 2019") lies before its year."""
    if as_of is None:
        return frozenset()
    found = set()
    for cue in matches.of("cue|until"):
        w = matches.words[cue.unit]
        left, right = clauses.sentence(w, cue)
        years = [int(t) for t in w.lower[cue.start : min(cue.end + 8, right)] if _YEAR.fullmatch(t)]
        if years and max(years) < as_of.year:
            found.add((cue.unit, left))
    return frozenset(found)

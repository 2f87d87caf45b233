"""Bodies: the participation bodies a bylaw sets up side by side, each with the names it goes by.

A bylaw may define two bodies, each with rights of its own: a Wmo-raad and a cliëntenraad werk en
inkomen, an adviesraad and a platform. The rules judge an element for each of them
(``rules/shares.py``); this module says which bodies there are and how each is named: the term
its definition defines, the name the definition gives, "hierna: ..." names and abbreviations in
it, the singular of a plural. A body defined through another ("kamer: een kamer van de
adviesraad", "de raden: de Wmo-raad en de cliëntenraad samen") is none of its own, and a name two
bodies share names neither. (A body is defined through another when its definition names the
other by any of its names: "kamer: de Kamer Zorg van de AZW".)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from attrs import define

from ..knowledge import RoleNames, fold
from .forms import singulars
from .roles import body_names, term_and_value
from .units import Unit

__all__ = ["Body", "distinct_bodies", "name_key"]


@define(frozen=True)
class Body:
    """One body the bylaw defines: its term, its names as written (in lower case) and their keys
    (:func:`name_key`), a name it shares with another body left out, and its definition."""

    term: str
    written: tuple[str, ...]
    names: frozenset[str]
    definition: int = -1  # the index of the provision that defines it


def name_key(words: Iterable[str]) -> str:
    """A name as compared: folded, without spaces or an article ("de Wmo-raad" -> "wmo-raad")."""
    text = " ".join(words).lower()
    text = re.sub(r"^(?:de|het)\s+", "", text)
    return re.sub(r"\s+", "", fold(text))


# A bylaw sets up a handful of bodies side by side; one that defines more names the places, regions
# or panels of one body, which are not judged one by one (and comparing each with each grows with
# the square of their number).
MOST_BODIES = 12


def distinct_bodies(units: Iterable[Unit], names: RoleNames) -> tuple[Body, ...]:
    """The bodies the definitions set up, when there are two or more (and at most
    :data:`MOST_BODIES` defined); else none."""
    defined: list[tuple[str, str, list[str], list[str], int]] = []
    for unit in units:
        found = term_and_value(unit)
        if found is None:
            continue
        term, value = found
        written = body_names(term, value, names)
        if written:
            if len(defined) == MOST_BODIES:
                return ()
            defined.append((term, value.lower(), written + singulars(term), written, unit.index))
    apart = [
        (term, own, index)
        for term, value, own, _, index in defined
        if not any(
            other != term and any(re.search(rf"\b{re.escape(name)}\b", value) for name in written)
            for other, _, _, written, _ in defined
        )
    ]
    if len(apart) < 2:
        return ()
    keys = [frozenset(name_key([n]) for n in own) for _, own, _ in apart]
    shared = {key for key, count in Counter(k for group in keys for k in group).items() if count > 1}
    return tuple(
        Body(term, tuple(dict.fromkeys(own)), group - shared, index)
        for (term, own, index), group in zip(apart, keys, strict=True)
    )

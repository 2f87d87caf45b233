"""Terms a bylaw defines, read where a provision uses them, as a lawyer reads them.

"c. overleg: het overleg tussen de adviesraad en de wethouder, dat ten minste vier keer per jaar
plaatsvindt" and, in a binding article, "Het college draagt er zorg voor dat het overleg
plaatsvindt": the provision grants the consultation to the parties the definition names. A
provision that uses a defined term takes the roles of the definition, for the elements the
definition is about (it holds an anchor of that element); the definition's other words grant
nothing by themselves (``judge._has_roles``).

The term is read as :func:`definition_exceptions` in ``shortfalls.py`` reads it (``TERM``), not with
``language.roles.term_and_value``, which strips an article and reads more openings: the same
statuses, but a citation elsewhere would move.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language import Unit
from .match import Words

__all__ = ["LONGEST_TERM", "TERM", "terms_used"]

# the term a definition defines: "c. overleg: ...", "In deze verordening wordt verstaan onder overleg: ..."
TERM = re.compile(
    r"^(?:[a-z0-9]{1,3}[.)°]\s*)?(?:in\s+deze\s+\w+\s+(?:wordt\s+)?verstaan\s+onder\s+)?"
    r"(?P<term>[^:;]{3,40}?)\s*:"
)
LONGEST_TERM = 4  # words: a longer term is a description, not a name the text repeats


def terms_used(units: Sequence[Unit], words: Sequence[Words]) -> dict[int, frozenset[int]]:
    """Per binding provision that is no definition, the definitions whose term it uses (as
    whole words), in one pass over its words for every length of term."""
    defining: dict[tuple[str, ...], int] = {}
    for unit in units:
        match = TERM.match(unit.lower.strip()) if unit.definition and unit.binding else None
        term = tuple(match["term"].split()) if match else ()
        if 0 < len(term) <= LONGEST_TERM and term[0] not in ("de", "het", "een"):
            defining.setdefault(term, unit.index)
    if not defining:
        return {}
    lengths = sorted({len(term) for term in defining})
    found: dict[int, frozenset[int]] = {}
    for unit in units:
        if not unit.binding or unit.definition:
            continue
        lower = words[unit.index].lower
        used = {
            defining[key]
            for k in range(len(lower))
            for n in lengths
            if (key := tuple(lower[k : k + n])) in defining
        }
        if used:
            found[unit.index] = frozenset(used)
    return found

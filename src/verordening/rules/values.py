"""Values in the text: how often the consultation takes place, how many weeks before the
decision advice is asked.

A qualifier with a ``value`` in its rule file ("kind: per_year" or "kind: weeks") reads
the words of its matches: "ten minste vier keer per jaar" is 4 per year, "elk kwartaal"
4, "maandelijks" 12, "zes weken voordat" 6 weeks, "twee maanden voor" 8.7 weeks. The
number words and units are data (``cues.yaml``, ``values``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..knowledge import ValueWords
from .match import Hit, Words

if TYPE_CHECKING:
    from .clauses import Clauses

__all__ = ["measure", "read_value"]

_TIMES = re.compile(r"^(?P<number>\w+?)(?:maal|x)$")


def _number(word: str, words: ValueWords) -> float | None:
    """A number written as digits or as a word ("vier", "viermaal", "4x", "eens"); digits only
    as ``int`` reads them (not "²"), and no more than six (no bylaw meets a billion times)."""
    if word.isdecimal():
        return float(word) if len(word) <= 6 else None
    if word in words.numbers:
        return float(words.numbers[word])
    times = _TIMES.match(word)
    if times:
        return _number(times["number"], words)
    return None


_EACH = ("elk", "elke", "ieder", "iedere")  # before an interval ("iedere zes weken") or a period


def _per_year(tokens: list[str], words: ValueWords) -> float | None:
    months = {word for word in tokens if word in words.months}
    if len(months) >= 2:  # "in de maanden februari, april, juni, september en november"
        return float(len(months))
    for word in tokens:
        if word in words.frequency:
            return words.frequency[word]
    for k in range(2, len(tokens)):  # "om de twee maanden", "eens in de zes weken", "iedere zes weken"
        every = _number(tokens[k - 1], words)
        if (tokens[k - 2] == "de" or tokens[k - 2] in _EACH) and every and tokens[k] in words.per_year:
            return round(words.per_year[tokens[k]] / every, 1)
    # the number of times ("vijf keer"), else the first number ("in een kalenderjaar ... vijf keer")
    times = (
        _number(tokens[k - 1], words) for k in range(1, len(tokens)) if tokens[k] in ("keer", "maal", "x")
    )
    count = next((n for n in times if n is not None), None)
    if count is None:
        count = next((n for word in tokens if (n := _number(word, words)) is not None), None)
    for k, word in enumerate(tokens):
        # a period in two words: "half jaar", "even maand"
        period = two if (two := "".join(tokens[k : k + 2])) in words.per_year else word
        if (
            period in words.per_year
            and k > 0
            and (tokens[k - 1] in _EACH or tokens[k - 1] in ("per", "half", "een"))
        ):
            if count is None and tokens[k - 1] == "per":
                return None  # "per kalenderjaar worden ten minste vijf ...": the number is elsewhere
            return (count if count is not None else 1.0) * words.per_year[period]
    return None


def _weeks(tokens: list[str], words: ValueWords) -> float | None:
    for k, word in enumerate(tokens[:-1]):
        count = _number(word, words)
        unit = tokens[k + 1]
        if count is not None and unit in words.weeks:
            return round(count * words.weeks[unit], 1)
    return None


def measure(kind: str, tokens: list[str], words: ValueWords) -> float | None:
    """The value the words of a match give, of the kind ``per_year`` or ``weeks``; None when
    they give none."""
    if kind == "per_year":
        return _per_year(tokens, words)
    if kind == "weeks":
        return _weeks(tokens, words)
    return None


def read_value(
    kind: str,
    hits: list[Hit],
    words: Sequence[Words],
    clauses: Clauses,
    items: Mapping[int, Iterable[int]] | None = None,
) -> float | None:
    """The smallest value the matches of a qualifier give ("ten minste vier keer per jaar": 4),
    each read with the words around it ("vier keer" before a match of "per jaar"), or with its
    whole sentence for a list of months; a month in a list item with the months of the other
    items of its list (``items``: the provisions of the list a provision is an item of)."""
    months = clauses.cues.values.months

    def around_match(h: Hit) -> list[str]:
        lower = words[h.unit].lower
        if any(t in months for t in lower[h.start : h.end]):
            if items and h.unit in items:
                return [t for u in sorted(items[h.unit]) for t in words[u].lower]
            left, right = clauses.sentence(words[h.unit], h)
            return lower[left:right]
        return lower[max(0, h.start - 2) : h.end + 2]

    read = [around_match(h) for h in _outermost(hits)]
    found = [measure(kind, tokens, clauses.cues.values) for tokens in read]
    # the months of several matches together: one month to each item of a list
    named = {t for tokens in read for t in tokens if t in months}
    if kind == "per_year" and len(named) >= 2:
        found.append(float(len(named)))
    return min((v for v in found if v is not None), default=None)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """The matches not inside a longer one of the same qualifier, which reads more of the words
    ("elk jaar" inside "in elk jaar ... vijfmaal")."""
    kept: list[Hit] = []
    reach: dict[int, int] = {}  # per provision, the furthest end of a match kept so far
    for h in sorted(set(hits), key=lambda h: (h.unit, h.start, -h.end)):
        if reach.get(h.unit, -1) < h.end:
            kept.append(h)
            reach[h.unit] = h.end
    return kept

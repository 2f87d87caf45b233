"""Plain word tests over a provision's word lists: one of some words, one of some phrases,
and the words that end a sentence or a clause."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat

from ..knowledge import padded

__all__ = ["CLAUSE", "CLAUSE_END", "FULL_STOP", "any_word", "says", "split_choices"]

# the end of a sentence, of a sentence part and of a clause (also a cell of a table: "|")
FULL_STOP = frozenset(["."])
CLAUSE = frozenset([",", ";", ":", ".", "|"])
CLAUSE_END = frozenset([",", ";", "."])
CLAUSE_STOPS = frozenset([",", ";", ":", "."])  # (the punctuation a clause of words ends at)


@lru_cache(maxsize=64)
def split_choices(
    choices: tuple[str, ...] | frozenset[str],
) -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """Word choices as exact words, prefixes ("advi*") and parts anywhere in a word ("*programma*")."""
    return (
        frozenset(c for c in choices if not c.endswith("*")),
        tuple(c[:-1] for c in choices if c.endswith("*") and not c.startswith("*")),
        tuple(c[1:-1] for c in choices if c.endswith("*") and c.startswith("*")),
    )


def any_word(words: Iterable[str], choices: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether one of the words is one of the choices; a choice ending in '*' is a prefix, one
    that also starts with '*' a part anywhere in a word ("*programma*": "participatieprogramma")."""
    exact, prefixes, parts = split_choices(choices)
    words = words if isinstance(words, (list, tuple)) else list(words)
    return (
        not exact.isdisjoint(words)
        or (bool(prefixes) and any(map(str.startswith, words, repeat(prefixes))))
        or any(part in word for part in parts for word in words)
    )


def says(words: list[str], phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` (words separated by one space) stands in ``words``; in a phrase
    with gaps ("zonder ... te vragen") its parts stand in that order, with anything between."""
    text = f" {' '.join(words)} "
    return any(_in_order(text, phrase) for phrase in padded(phrases))


def _in_order(text: str, phrase: str) -> bool:
    if " ... " not in phrase:
        return phrase in text
    at = 0
    for part in phrase.split(" ... "):
        at = text.find(f" {part.strip()} ", at)
        if at < 0:
            return False
        at += len(part.strip()) + 1
    return True

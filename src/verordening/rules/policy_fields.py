"""Grants confined to the fields of policy of some of the laws a bylaw is judged under (a step of
judging an element): "advies over beleidsvoorstellen op het terrein van de Wmo 2015 en de
Jeugdwet" in a bylaw that also rests on the Participatiewet grants nothing for work and income,
unless another grant of the element names that field or no field at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import define, field

from .clauses import Clauses, any_word
from .match import Words
from .ruleset import Rule

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw

__all__ = ["Fields", "confined_fields", "confined_to_fields", "fields_named", "unnamed"]

# how far after an opener ("op het terrein van") or before a closer ("betreft") its fields reach
_REACH = 12
_STOPS = frozenset([",", ";", ".", ":"])


@define(frozen=True)
class Fields:
    """The fields of policy of the frameworks a bylaw is judged under, and the words that confine
    a grant to them (``rules/laws.yaml``)."""

    words: dict[str, tuple[str, ...]] = field(factory=dict)  # framework -> words naming its field
    openers: tuple[str, ...] = ()
    closers: tuple[str, ...] = ()


def confined_to_fields(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> frozenset[int]:
    """The grants' provisions when every grant confines itself to the fields of some of the
    frameworks the rule judges the bylaw under, and together they leave one out; else nothing."""
    fields = bylaw.fields
    wanted = {key: words for key, words in fields.words.items() if key in rule.frameworks and words}
    if len(wanted) < 2:
        return frozenset()
    named: set[str] = set()
    for hit in anchors.positive:
        w = bylaw.matches.words[hit.unit]
        left, right = clauses.sentence(w, hit)
        found = confined_fields(unnamed(w)[left:right], wanted, fields)
        if not found:
            return frozenset()  # a grant for every field
        named |= found
    # ... and the fields of a provision applying a grant elsewhere ("Artikel 6 is van
    # overeenkomstige toepassing op het overleg ... over het beleid op grond van de Jeugdwet")
    applying = {other for h in anchors.positive for other in bylaw.pointers.get(h.unit, ())}
    for other in sorted(applying):
        named |= confined_fields(unnamed(bylaw.matches.words[other]), wanted, fields)
    return frozenset() if named >= set(wanted) else frozenset(h.unit for h in anchors.positive)


def confined_fields(said: list[str], wanted: dict[str, tuple[str, ...]], fields: Fields) -> set[str]:
    """The frameworks whose fields a sentence confines itself to: those named in the stretch after
    an opener ("op het terrein van de Participatiewet en de Wmo 2015") or before a closer ("voor
    zover dat beleid de maatschappelijke ondersteuning betreft"), up to a punctuation mark."""
    found: set[str] = set()
    openers = [phrase.split() for phrase in fields.openers]
    for i, word in enumerate(said):
        for opener in openers:
            if word == opener[0] and said[i : i + len(opener)] == opener:
                end = i + len(opener)
                found |= fields_named(_upto_stop(said[end : end + _REACH]), wanted)
        if word in fields.closers:
            found |= fields_named(_upto_stop(said[max(0, i - _REACH) : i][::-1])[::-1], wanted)
    return found


def unnamed(w: Words) -> list[str]:
    """A provision's words, those of a role blanked: the body's name is no field ("De Wmo-raad")."""
    return [word if not role else "" for word, role in zip(w.lower, w.role, strict=True)]


def _upto_stop(words: list[str]) -> list[str]:
    return next((words[:k] for k, w in enumerate(words) if w in _STOPS), words)


def fields_named(said: list[str], wanted: dict[str, tuple[str, ...]]) -> set[str]:
    """The frameworks whose field one of the words names: a phrase, a word or a prefix ("wmo*")."""
    text = f" {' '.join(said)} "
    return {
        key
        for key, words in wanted.items()
        if any_word(said, tuple(f for f in words if " " not in f))
        or any(f" {f} " in text for f in words if " " in f)
    }

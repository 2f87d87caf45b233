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
from .wording import CLAUSE_STOPS

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw

__all__ = ["Fields", "confined_fields", "confined_to_fields", "fields_named", "unnamed"]

# how far after an opener ("op het terrein van") or before a closer ("betreft") its fields reach
_REACH = 12


@define(frozen=True)
class Fields:
    """The fields of policy of the frameworks a bylaw is judged under, and the words that confine
    a grant to them (``rules/laws.yaml``)."""

    words: dict[str, tuple[str, ...]] = field(factory=dict)  # framework -> words naming its field
    openers: tuple[str, ...] = ()
    closers: tuple[str, ...] = ()


def confined_to_fields(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> frozenset[int]:
    """The grants' provisions when every grant confines itself to the fields of some of the
    frameworks the bylaw is judged under, and together they leave out one the rule judges it under
    (proposals "voor het beleid op het terrein van de Participatiewet" in a bylaw that also rests
    on the Wmo 2015 give none under the Wmo); else nothing."""
    fields = bylaw.fields
    wanted = {key: words for key, words in fields.words.items() if words}
    judged = set(wanted) & set(rule.frameworks)
    if len(wanted) < 2 or not judged:
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
    return frozenset() if named >= judged else frozenset(h.unit for h in anchors.positive)


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
                found |= fields_named(_upto_stop(said[end : end + _REACH], wanted), wanted)
        if word in fields.closers:
            found |= fields_named(_upto_stop(said[max(0, i - _REACH) : i], wanted, backwards=True), wanted)
    return found


def unnamed(w: Words) -> list[str]:
    """A provision's words, those of a role blanked: the body's name is no field ("De Wmo-raad")."""
    return [word if not role else "" for word, role in zip(w.lower, w.role, strict=True)]


def _upto_stop(words: list[str], wanted: dict[str, tuple[str, ...]], backwards: bool = False) -> list[str]:
    """The words up to a punctuation mark (from the end when ``backwards``), and on past a comma
    while the words after it go on naming fields ("op het terrein van werk en inkomen,
    maatschappelijke ondersteuning en jeugdhulp")."""
    parts: list[list[str]] = [[]]
    for word in words[::-1] if backwards else words:
        if word in CLAUSE_STOPS:
            if word != "," or not parts[-1]:
                break
            parts.append([])
        else:
            parts[-1].append(word)
    taken = parts[0]
    for part in parts[1:]:
        said = part[::-1] if backwards else part
        if not fields_named(said, wanted):
            break
        taken += part
    return taken[::-1] if backwards else taken


def fields_named(said: list[str], wanted: dict[str, tuple[str, ...]]) -> set[str]:
    """The frameworks whose field one of the words names: a phrase, a word or a prefix ("wmo*")."""
    text = f" {' '.join(said)} "
    return {
        key
        for key, words in wanted.items()
        if any_word(said, tuple(f for f in words if " " not in f))
        or any(f" {f} " in text for f in words if " " in f)
    }

"""Where a grant may be taken back from (step 4 of judging an element, see :mod:`.shortfalls`):
the provisions about the element that name the college, those that point at a grant, the
other provisions of a grant's article, the rest of a grant's own provision and the grants."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from attrs import define, field

from .clauses import Clauses, any_word
from .discretion import SENTENCE
from .match import Hit, Words, inside
from .ruleset import Rule

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw, Scope

__all__ = ["Places", "places", "sentence_ends"]


@define(frozen=True)
class Places:
    """Where a grant may be taken back from: provisions about the element naming the college
    (``about``), sentences of provisions pointing at a grant (``pointing``; ``pointed`` are
    those about nothing else), sentences of the other provisions of a grant's article about
    nothing else (``beside``), the other sentences of a grant's provision (``rest``) and the
    grants themselves (``granted``); ``near``: the provisions of the grants' articles."""

    about: tuple[Hit, ...]
    pointing: tuple[Hit, ...]
    pointed: frozenset[int]
    beside: tuple[Hit, ...]
    rest: tuple[Hit, ...]
    granted: tuple[Hit, ...]
    near: frozenset[int]
    # each kind of place as a set: asked of one place after another
    kinds: dict[str, frozenset[Hit]] = field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        kinds = ("about", "pointing", "beside", "rest", "granted")
        object.__setattr__(self, "kinds", {kind: frozenset(getattr(self, kind)) for kind in kinds})

    def holds(self, kind: str, hit: Hit) -> bool:
        """Whether ``hit`` is one of the places of ``kind`` ("about", "pointing", ...)."""
        return hit in self.kinds[kind]


def places(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors, scope: Scope) -> Places:
    units, words = bylaw.units, bylaw.matches.words
    references = bylaw.matches.of(f"{rule.element}|reference")
    about = tuple(
        h
        for h in anchors.binding
        if h.unit not in scope.primary
        and not inside(h, references)
        and "college" in bylaw.matches.roles[h.unit]
    )
    # (also a provision anywhere that points at a grant's qualifier: "Het college kan een kortere
    # termijn dan die van artikel 4, tweede lid, hanteren als ...")
    qualifying = scope.evidence - scope.primary
    elsewhere = {
        u
        for u, to in enumerate(bylaw.references)
        if to & qualifying and units[u].binding and u not in scope.evidence
    }
    granting = scope.primary | qualifying
    pointing = tuple(
        hit
        for u in sorted((scope.provisions | elsewhere) - scope.primary)
        if bylaw.references[u] & granting
        and not units[u].definition
        # (not one about explanatory text: "De kolom 'Toelichting' in de tabel ... bevat geen verplichtingen")
        and clauses.cues.explanatory.isdisjoint(words[u].lower[:6])
        for hit in sentence_ends(u, words[u])
    )
    pointed = frozenset(
        h.unit for h in pointing if not bylaw.elements_of.get(h.unit, frozenset()) - {rule.element}
    )
    near = frozenset(i for u in scope.primary for i in bylaw.in_article.get(units[u].article_id, ()))
    beside = tuple(
        hit
        for u in sorted(near - scope.primary - {h.unit for h in pointing})
        if not units[u].definition
        and not units[u].parents
        and _about(rule, bylaw, clauses, u)
        # (not one about another provision: "Het tweede lid geldt niet voor ..."; but one that names
        # another as what the element is confined to)
        and (
            not (bylaw.references[u] and not bylaw.references[u] & scope.primary)
            or _others_restrict_it(rule, bylaw, clauses, u)
        )
        for hit in sentence_ends(u, words[u])
    )
    topics = bylaw.softness.conditions.topics
    rest = tuple(_rest(clauses, words, sorted(scope.primary), anchors.found, rule.element, topics))
    granted = tuple(h for h in anchors.binding if h.unit in scope.primary and not inside(h, references))
    return Places(about, pointing, pointed, beside, rest, granted, near)


def _about(rule: Rule, bylaw: Bylaw, clauses: Clauses, unit: int) -> bool:
    """A provision about the element and nothing else: with a match or a word of its topics ("De
    voorstellen hebben betrekking op ..."), or opening with a word that points back ("Dit aantal
    geldt ...", "Dergelijke voorstellen ..."); not one repealed ("2. [Vervallen per 1 januari 2022]")."""
    about = bylaw.elements_of.get(unit, frozenset())
    first = next((word for word in bylaw.matches.words[unit].lower if word.isalpha()), None)
    if first is None or first in clauses.cues.repealed:
        return False
    w = bylaw.matches.words[unit]
    named = rule.element in about or any_word(w.lower, rule.topics)
    # (or one that frees the counterpart from consulting the body: "Het college is niet verplicht de
    # cliëntenraad te horen over ...", in the grant's article: about the grant)
    named = named or clauses.frees_from_consulting(w, 0, len(w.lower))
    back = first in clauses.cues.pointing_back or _points_at_number(clauses, w.lower)
    return (named or back) and (not about - {rule.element} or _others_restrict_it(rule, bylaw, clauses, unit))


def _others_restrict_it(rule: Rule, bylaw: Bylaw, clauses: Clauses, unit: int) -> bool:
    """A provision that opens with the element as its subject and names others only after a restricting word,
    as what the element is confined to ("Ongevraagd advies kan uitsluitend betrekking hebben op
    onderwerpen die in het periodiek overleg aan de orde zijn geweest")."""
    topics = bylaw.softness.conditions.topics.get(unit, ())
    if not topics or topics[0][1] != rule.element or topics[0][0] > 2:  # (its subject, at the start)
        return False
    at = clauses.first_restricting(bylaw.matches.words[unit].lower)
    other = next((start for start, about in topics if about != rule.element), -1)
    return 0 <= at < other


def _points_at_number(clauses: Clauses, lower: list[str]) -> bool:
    """Whether a provision names the number of a grant it stands beside by pointing back at it:
    "De portefeuillehouder kan dit aantal in enig jaar verminderen"."""
    numbers = clauses.cues.pointed_numbers
    return any(a in clauses.cues.pointing_back and b in numbers for a, b in pairwise(lower))


def _rest(
    clauses: Clauses,
    words: tuple[Words, ...],
    grants: list[int],
    found: tuple[Hit, ...],
    element: str,
    topics: dict[int, tuple[tuple[int, str], ...]],
) -> Iterator[Hit]:
    """The ends of the sentences of the grants' provisions that hold no match about the
    element (of ``found``), nor one about another element only (``topics``: in a table of rights
    or unnumbered paragraphs, "Het college stelt bij nadere regeling vast op welke wijze de
    cliëntenraad wordt ondersteund" beside a grant of advice concerns support)."""
    at: dict[int, list[int]] = {u: [] for u in grants}
    for h in found:
        if h.unit in at:
            at[h.unit].append(h.start)
    for u in grants:
        starts = sorted(at[u])
        others = [start for start, about in topics.get(u, ()) if about != element]  # (in order)
        for end in sentence_ends(u, words[u]):
            left, right = clauses.sentence(words[u], end)
            k = bisect_left(starts, left)  # (a match starting in the sentence, its end included)
            o = bisect_left(others, left)
            if not (k < len(starts) and starts[k] <= right) and not (o < len(others) and others[o] <= right):
                yield end


def sentence_ends(unit: int, w: Words) -> list[Hit]:
    """A place at the end of each sentence of a provision, where what the sentence says about
    a grant it points at is judged."""
    ends = w.places(SENTENCE)
    if not ends or ends[-1] < len(w.lower) - 1:
        ends = [*ends, len(w.lower) - 1]
    return [Hit(unit, i, i) for i in ends if i >= 0]

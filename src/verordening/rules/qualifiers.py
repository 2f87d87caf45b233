"""Step 3 of judging an element: whether each qualifier (early, unrequested, a frequency ...)
holds where the element's evidence lies, and if not, why; and which matches only look like
the element (a clause the rule excludes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import define

from .clauses import CLAUSE, Clauses
from .discretion import SENTENCE
from .match import Hit, Words, between, in_span, in_unit, inside
from .ruleset import Qualifier, Rule
from .values import read_value
from .wording import any_word

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw, Scope

__all__ = ["Qualified", "judge_qualifier", "judge_qualifiers", "look_alike"]


def look_alike(rule: Rule, bylaw: Bylaw, hit: Hit, excluded: tuple[Hit, ...]) -> bool:
    """'reageert op een advies', a match in a clause the rule excludes; or one word of another
    element's phrase ("verzoeken een onderwerp in het overleg te bespreken")."""
    w = bylaw.matches.words[hit.unit]
    if hit.end - hit.start == 1:
        phrases = bylaw.cache.get(key := f"phrases|{rule.element}")
        if not isinstance(phrases, tuple):
            phrases = bylaw.cache[key] = bylaw.matches.phrases(rule.element)
        if inside(hit, phrases):
            return True
    before = w.lower[max(0, hit.start - rule.anchor_window) : hit.start]
    if rule.anchor_not_after and any(word in rule.anchor_not_after for word in before):
        return True
    if not excluded:
        return False
    end = hit.end - 1 if hit.end > hit.start + 1 and w.lower[hit.end - 1] in CLAUSE else hit.end
    kept = in_unit(bylaw.matches.of(f"{rule.element}|kept"), hit.unit)
    if kept:  # the body's say in it: "stelt de agenda vast, na overleg met de voorzitter van de adviesraad"
        first, last = w.around(hit.start, end, SENTENCE)
        if any(first <= k.start < last for k in kept):
            return False
    left, right = w.around(hit.start, end, CLAUSE)  # a match may end on its full stop
    # an excluded match in its clause, or one holding it ("een budget voor scholing en bijeenkomsten")
    return any(left <= e.start < right or e.start <= hit.start < e.end for e in in_unit(excluded, hit.unit))


@define(frozen=True)
class Qualified:
    """One qualifier judged: whether it holds, the provisions that show it, and else why not."""

    key: str
    holds: bool
    established: bool  # holds, and in the evidence itself (not only elsewhere in its articles)
    units: frozenset[int]
    reason: str
    value: float | None = None  # what its matches say, when the rule reads a value


def _inside_note(rule: Rule, q: Qualifier, bylaw: Bylaw, hit: Hit, clauses: Clauses) -> bool:
    """'Het college regelt de vergoedingen nader': a match in the sentence of a note the
    qualifier names in ``not_inside``."""
    if not q.not_inside:
        return False
    left, right = clauses.sentence(bylaw.matches.words[hit.unit], hit)
    return any(in_span(found, hit.unit, left, right) for found in bylaw.note_matches(rule, q.not_inside))


def _said(
    rule: Rule, q: Qualifier, bylaw: Bylaw, clauses: Clauses, kind: str, where: frozenset[int]
) -> list[Hit]:
    """The qualifier's ``denied_by`` (``kind`` "deny") or ``doubted_by`` ("doubt") matches in ``where``:
    not for a period that has ended ("Tot 1 januari 2020 adviseert de raad uitsluitend op verzoek"),
    nor in an addition ("Daarnaast verstrekt het college op verzoek de gevraagde informatie")."""
    words = bylaw.matches.words
    return [
        h
        for h in bylaw.matches.of(f"{rule.element}|{kind}|{q.key}")
        if h.unit in where and not bylaw.lapsed_at(clauses, h) and clauses.not_extension(words[h.unit], h)
    ]


def _lists(bylaw: Bylaw, hits: list[Hit]) -> dict[int, frozenset[int]]:
    """For each match in a list item, the provisions of its list (all under the same opening words)."""
    units, under = bylaw.units, bylaw.under
    listed = [h.unit for h in hits if units[h.unit].parents]
    return {u: frozenset(under.get(units[u].parents[-1], ())) for u in listed}


def judge_qualifier(
    rule: Rule,
    q: Qualifier,
    bylaw: Bylaw,
    clauses: Clauses,
    where: frozenset[int],
    evidence: frozenset[int],
    grants: frozenset[int],
) -> Qualified:
    """Whether a qualifier holds in the provisions ``where``; a negated match denies it only
    in the ``evidence`` (the provisions about the element), not elsewhere in their articles."""
    units, matches, soft = bylaw.units, bylaw.matches, bylaw.softness
    found = _qualifier_matches(rule, q, bylaw, clauses, where)
    lapsed = set(stale := [h for h in found if bylaw.lapsed_at(clauses, h)])
    found = [h for h in found if h not in lapsed]
    unsaid = [
        h
        for h in found
        if clauses.negated(
            matches.words[h.unit], h.start, h.end, window=3, units_parent=bool(units[h.unit].parents)
        )
    ]
    negated = [h for h in unsaid if h.unit in evidence]
    limits = _said(rule, q, bylaw, clauses, "deny", where)
    denied = set(unsaid)
    good = [h for h in found if h not in denied]
    firm = [h for h in good if not soft(h)]
    # "Het college kan de raad om advies vragen" in the grant, and only a procedure elsewhere
    # ("de termijn van de adviesaanvraag"): what the grant leaves open stays open
    open_grants = [h for h in good if h.unit in grants and soft(h) == "discretionary"]
    if open_grants and not any(h.unit in grants for h in firm):
        left_open = set(open_grants)
        firm, good = [], open_grants + [h for h in good if soft(h) and h not in left_open]

    def result(holds: bool, hits: list[Hit], reason: str) -> Qualified:
        established = holds and q.scope == "evidence"
        value = (
            read_value(q.value.kind, good, bylaw.matches.words, clauses, _lists(bylaw, good))
            if holds and q.value
            else None
        )  # what the text says, firm or not
        return Qualified(q.key, holds, established, frozenset(h.unit for h in hits), reason, value)

    # a negated qualifier restricts the element ("geen ongevraagd advies over de begroting");
    # a limiting phrase ("op verzoek") does so unless another provision grants it outright
    if q.negation == "deny" and negated:
        return result(False, negated, q.denied)
    if limits and not (firm and q.overridable):
        return result(False, limits, q.denied)
    if firm:
        return result(True, firm, "")
    if good:  # only under a condition or at the college's discretion
        return result(False, good, f"{rule.element}_{soft(good[0])}")
    if stale:  # only for a period that has ended
        return result(False, stale, f"{rule.element}_lapsed")
    # every grant takes the default away: "De adviesraad kan onderwerpen voor het overleg voorstellen"
    doubts = _said(rule, q, bylaw, clauses, "doubt", grants) if q.default and grants else []
    if doubts and {h.unit for h in doubts} == grants:
        return result(False, doubts, q.doubted)
    return result(q.default, [], q.missing)


def _qualifier_matches(
    rule: Rule, q: Qualifier, bylaw: Bylaw, clauses: Clauses, where: frozenset[int]
) -> list[Hit]:
    """The matches of a qualifier in ``where`` that stand with what they qualify."""
    matches = bylaw.matches
    # "de termijn voor een gevraagd advies": a reference presupposes the grant, it gives none
    references = matches.of(f"{rule.element}|reference")
    return [
        h
        for h in matches.of(f"{rule.element}|q|{q.key}")
        if h.unit in where
        and not inside(h, references)
        and not _elsewhere(rule, q, bylaw, clauses, h)
        and _belongs_with(rule, q, bylaw, clauses, h)
        and not _inside_note(rule, q, bylaw, h, clauses)
        and not _below(q, bylaw, clauses, h)
    ]


def _elsewhere(rule: Rule, q: Qualifier, bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A match whose clause names something else it belongs to (``not_with``), unless a verb phrase
    of the element opens after that, nearer the match: "..., informeert hem volledig en overlegt
    twee keer per jaar met hem"."""
    w = bylaw.matches.words[hit.unit]
    if not clauses.belongs_elsewhere(w, hit, q.not_with):
        return False
    left, right = w.around(hit.start, hit.end, CLAUSE)
    # (the element's word opening a verb phrase of its own, after "en")
    anchors = in_unit(bylaw.matches.of(f"{rule.element}|anchor"), hit.unit)
    opening = [a.start for a in anchors if left < a.start < hit.start and w.lower[a.start - 1] == "en"]
    return any_word(w.lower[max(opening, default=left) : right], q.not_with)


def _below(q: Qualifier, bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A match whose value is below the qualifier's minimum: "uiterlijk twee weken voor het besluit"
    is no early advice where the rule asks for three weeks at least."""
    if q.value is None or q.value.minimum is None:
        return False
    value = read_value(q.value.kind, [hit], bylaw.matches.words, clauses, _lists(bylaw, [hit]))
    return value is not None and value < q.value.minimum


def _belongs_with(rule: Rule, q: Qualifier, bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """Whether a qualifier's match stands with what it qualifies: in a sentence with an anchor
    of the element or naming a role the rule asks for (when it asks); and not in a sentence
    without an anchor about the own act of a role in ``not_by``."""
    if not q.with_anchor and not q.with_roles and not q.not_by:
        return True
    w = bylaw.matches.words[hit.unit]
    left, right = clauses.sentence(w, hit)
    excluded = bylaw.matches.of(f"{rule.element}|exclude")
    anchors = [
        h
        for h in between(bylaw.matches.of(f"{rule.element}|anchor"), hit.unit, left, right)
        if not look_alike(rule, bylaw, h, excluded)
    ]
    if q.not_by and not anchors and _opens_with(w, left, right, q.not_by):
        return False
    if not q.with_anchor and not q.with_roles:
        return True
    if q.with_roles and not set(q.with_roles).isdisjoint(w.role[left:right]):
        return True
    # not an anchor in a phrase that only names the element: "de onderwerpen die in het overleg
    # zijn besproken" (but "Dit overleg vindt viermaal per jaar plaats" is about it)
    prepositions = clauses.cues.prepositions
    if q.with_anchor and any(not (h.start >= 2 and w.lower[h.start - 2] in prepositions) for h in anchors):
        return True
    # an item of a list: with the opening words it completes ("De wethouder voert overleg met de
    # cliëntenraad: 1° ten minste tweemaal per jaar ...")
    parents = bylaw.units[hit.unit].parents
    if parents and left == 0 and not any(w.role[left:right]):
        opening = bylaw.matches.words[parents[-1]]
        end = Hit(parents[-1], len(opening.lower) - 1, len(opening.lower) - 1)
        return _belongs_with(rule, q, bylaw, clauses, end)
    return False


# how far into its sentence a role still opens it: "De WAE brengt", "2. De adviesraad meldt"
_OPENING = 4


def _opens_with(w: Words, left: int, right: int, roles: tuple[str, ...]) -> bool:
    """Whether the first role the sentence ``left:right`` names, within its first words, is
    one of ``roles``: the sentence is about that role's own act ("De adviesraad brengt ...")."""
    for role in w.role[left : min(right, left + _OPENING)]:
        if role:
            return role in roles
    return False


def judge_qualifiers(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, scope: Scope, anchors: Anchors
) -> tuple[Qualified, ...]:
    # a provision that can never carry the element cannot complete it either
    weak_only = {h.unit for h in anchors.found if (h.unit, h.start) in anchors.weak} - {
        h.unit for h in anchors.found if (h.unit, h.start) not in anchors.weak
    }
    judged = []
    for q in rule.qualifiers:
        where = (scope.evidence if q.scope == "evidence" else scope.articles | scope.evidence) - weak_only
        judged.append(judge_qualifier(rule, q, bylaw, clauses, where, scope.evidence, scope.primary))
    return tuple(judged)

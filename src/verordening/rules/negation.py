"""Whether a match about an element is a grant (a step of judging an element): negated,
harmless ("adviseert niet over individuele aanvragen": grants nothing and denies nothing), or left
to the counterpart's wish ("kan desgewenst om advies vragen": grants the body nothing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .clauses import Clauses, says
from .match import Hit, Words

if TYPE_CHECKING:
    from .judge import Bylaw

__all__ = ["at_will", "negated"]


def at_will(bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A grant the counterpart may make at its own wish ("Het college kan de cliëntenraad
    desgewenst om advies vragen"): a discretion whose sentence says so (``at_will``); not the
    body's wish ("Het college verstrekt desgewenst informatie" is on request)."""
    if bylaw.softness(hit) != "discretionary":
        return False
    w = bylaw.matches.words[hit.unit]
    left, right = clauses.sentence(w, hit)
    return says(w.lower[left:right], clauses.cues.at_will)


def negated(bylaw: Bylaw, clauses: Clauses, hit: Hit, qualifiers: tuple[Hit, ...]) -> str:
    """'negated', 'harmless' (a denial of individual matters, the body's own choice, harmless
    cases pointed back at or listed) or '' for a match about an element."""
    item = bool(bylaw.units[hit.unit].parents)
    w = bylaw.matches.words[hit.unit]
    found = clauses.anchor_negation(w, hit, qualifiers, item)
    # "De adviesraad kan besluiten geen advies uit te brengen": the body's own choice; "...
    # individuele situaties; daarover adviseert de adviesraad niet": harmless cases pointed back at
    harmless = found == "negated" and (
        clauses.own_choice(w, hit)
        or _back_at_harmless(clauses, w, hit)
        or _listed_harmless(bylaw, clauses, hit)
    )
    return "harmless" if harmless else found


def _listed_harmless(bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A denial whose cases are the items of the list it opens, all harmless: "Het panel adviseert
    niet over: a) besluiten die op één cliënt betrekking hebben; b) personeelsaangelegenheden"."""
    w = bylaw.matches.words[hit.unit]
    items = sorted(bylaw.under.get(hit.unit, ()))
    _, right = clauses.sentence(w, hit)
    if not items or w.lower[right - 1 : right] != [":"]:
        return False
    return all(clauses.about_others(bylaw.matches.words[i].lower, w.lower) for i in items)


def _back_at_harmless(clauses: Clauses, w: Words, hit: Hit) -> bool:
    """A denial of the matter the clause before it names ("daarover", "hierover"), when that matter
    is harmless (individual cases, the law, privacy, others)."""
    left, _ = clauses.sentence(w, hit)
    back = [i for i in range(left, hit.start) if w.lower[i] in clauses.cues.pointing_adverbs]
    if not back:
        return False
    before = w.lower[left : back[0]]
    return ";" in before and clauses.about_others(before, w.lower)

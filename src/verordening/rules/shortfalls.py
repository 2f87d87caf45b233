"""Step 4 of judging an element: what keeps its grants short of the law.

Restrictions (a right excluded in part), weak grants, grants left to the college or to a
later decision, and provisions elsewhere that take a grant back: a later lid, an exception
article, a sentence beside the grant. Each comes back as a :class:`Shortfall`, a reason
with the provisions that show it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import define

from ..knowledge import padded
from ..language import Unit
from .clauses import Clauses, any_word, says
from .defined import TERM
from .discretion import SENTENCE
from .match import Hit, Words, between, in_unit, inside
from .places import Places, places, sentence_ends
from .ruleset import Rule

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw, Scope

__all__ = ["Shortfall", "definition_exceptions", "grant_shortfalls", "notes"]


@define(frozen=True)
class Shortfall:
    """A reason the element is partial, and the provisions that show it."""

    reason: str
    units: frozenset[int] = frozenset()


def grant_shortfalls(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors, scope: Scope
) -> tuple[Shortfall, ...]:
    """Restrictions, weak grants, and grants left to the college."""
    el, found = rule.element, []
    # a right excluded in part ("advies over de begroting wordt niet uitgebracht")
    positive = set(anchors.positive)
    restricted = [h for h in anchors.primary if h not in positive]
    # ... also beside a grant without naming the body: "Adviezen over de begroting worden niet gevraagd"
    restricted += _denied_beside(rule, bylaw, clauses, anchors, scope)
    # (where a denial is harmless, the college's discretion to deny is not: "het college kan
    # besluiten in enig jaar geen budget toe te kennen")
    if rule.negated_anchor != "restrict":
        restricted = [h for h in restricted if bylaw.softness(h) == "discretionary"]
    if restricted:
        found.append(Shortfall(f"{el}_restricted", frozenset(h.unit for h in restricted)))
    # provisions that can never carry the element on their own, unless another provision
    # about the element takes them up ("onderwerpen als bedoeld in artikel 5 worden geagendeerd")
    if all((h.unit, h.start) in anchors.weak for h in anchors.binding if h.unit in scope.anchored):
        found.append(Shortfall(rule.weak_reason))
    found.extend(_left_to_college(rule, bylaw, clauses, anchors))
    found.extend(_narrowed(rule, bylaw, scope))
    if anchors.positive:
        found.extend(_deviating(rule, bylaw, clauses))
    return (*found, *_taken_back(rule, bylaw, clauses, anchors, scope))


def definition_exceptions(
    units: list[Unit], words: tuple[Words, ...], clauses: Clauses
) -> tuple[tuple[str, int], ...]:
    """The definitions that except cases from their term: (term, provision). "beleidsvoorstel:
    een voorstel ..., niet zijnde een voorstel tot vaststelling van een verordening"; or that
    leave it to the counterpart: "beleidsvoorstel: een voorstel dat het college ter advisering
    voorlegt", "werkbudget: het bedrag dat het college naar eigen inzicht vaststelt"."""
    found = []
    for unit in units:
        match = TERM.match(unit.lower.strip()) if unit.definition else None
        if match is None:
            continue
        w = words[unit.index]
        if _left_to_counterpart(clauses, w):
            found.append((match["term"], unit.index))
            continue
        joined = f" {' '.join(w.lower)} "
        for phrase in padded(clauses.cues.exception):
            at = joined.find(phrase)
            if at >= 0 and not clauses.about_others(joined[at:].split()):
                found.append((match["term"], unit.index))
                break
    return tuple(found)


def _left_to_counterpart(clauses: Clauses, w: Words) -> bool:
    """A definition whose meaning (after its colon) the counterpart settles: a college role with
    one of the ``narrowing`` words after it."""
    colon = w.lower.index(":") if ":" in w.lower else len(w.lower)
    roles = w.role[colon:]
    # (not a term for a person: "portefeuillehouder: de wethouder die het college daartoe aanwijst")
    if any(w.role[:colon]) or "college" not in roles:
        return False
    return any_word(w.lower[colon + roles.index("college") :], clauses.cues.narrowing)


def _narrowed(rule: Rule, bylaw: Bylaw, scope: Scope) -> list[Shortfall]:
    """A definition that narrows a term the grant uses (see :func:`definition_exceptions`)."""
    if not bylaw.definition_exceptions:
        return []
    words = bylaw.matches.words
    granted = " ".join(" ".join(words[u].lower) for u in scope.primary)
    return [
        Shortfall(f"{rule.element}_restricted", frozenset([unit]))
        for term, unit in bylaw.definition_exceptions
        if re.search(rf"\b{re.escape(term)}", granted)
    ]


def _denied_beside(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors, scope: Scope) -> list[Hit]:
    """Matches about the element in a grant's article that name no role but the council, whose
    passive verb is negated ("Adviezen over de begroting worden niet gevraagd")."""
    primary = set(anchors.primary)
    references = bylaw.matches.of(f"{rule.element}|reference")
    articles = {bylaw.units[u].article_id for u in scope.primary}
    return [
        h
        for h in anchors.binding
        if h not in primary
        and bylaw.units[h.unit].article_id in articles
        and bylaw.matches.roles[h.unit] <= {"council"}
        and not inside(h, references)
        and clauses.passive_denial(bylaw.matches.words[h.unit], h)
    ]


def _deviating(rule: Rule, bylaw: Bylaw, clauses: Clauses) -> list[Shortfall]:
    """A binding provision that lets the counterpart depart from the whole bylaw ("Het college kan
    in bijzondere gevallen van deze verordening afwijken"), not only in the body's favour."""
    w, harmless = bylaw.matches.words, clauses.cues.deviation_harmless
    hits = [h for h in bylaw.matches.of("cue|deviation") if bylaw.units[h.unit].binding]
    found = {
        h.unit for h in hits if not says(w[h.unit].lower[slice(*clauses.sentence(w[h.unit], h))], harmless)
    }
    return [Shortfall(f"{rule.element}_discretionary", frozenset([u])) for u in sorted(found)]


def _left_to_college(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> list[Shortfall]:
    """Grants only left to the college (all of them, or any when the rule says so), each
    with its reason; else the soft grants that take the firm ones back."""
    grants = [h for h in anchors.positive if (h.unit, h.start) not in anchors.weak] or list(anchors.positive)
    softness = [(h, bylaw.softness(h)) for h in grants]
    open_by = _left_open(rule, bylaw, grants) | _lapsed(rule, bylaw, clauses, grants)
    flags, words = [bool(s) or h in open_by for h, s in softness], bylaw.matches.words
    if rule.soft_any and not all(s for _, s in softness):  # (the counterpart's own case is no limit)
        flags = [
            f and not clauses.adds_alongside(words[h.unit], h) for h, f in zip(grants, flags, strict=True)
        ]
    firm = {h.unit for h, f in zip(grants, flags, strict=True) if not f}  # (a room alone: ``substantial``)
    minor = bool(rule.substantial) and not any(any_word(words[u].lower, rule.substantial) for u in firm)
    if any(flags) if rule.soft_any or minor else all(flags):
        return [
            *(Shortfall(f"{rule.element}_{s}", frozenset([h.unit])) for h, s in softness if s),
            *(Shortfall(reason, frozenset([h.unit])) for h, reason in open_by.items()),
        ]
    # a grant elsewhere that takes the others back: "alleen als het college dat wenselijk acht",
    # that leaves the college to depart from a grant it points at ("kan besluiten minder
    # overleggen te houden dan in het eerste lid is bepaald"), or that the college decides on
    # as a whole ("Het college stelt vast over welke onderwerpen de adviesraad voorstellen kan doen")
    firm_units = {h.unit for h, s in softness if not s}
    selection = clauses.cues.selection
    decided = {
        c.unit
        for c in bylaw.softness.conditions.unit
        if not selection.isdisjoint(words[c.unit].lower[c.start : c.end])
    }
    # (weak grants too: "Het college bepaalt de thema's waarover het voorstellen in behandeling neemt")
    every = [(h, bylaw.softness(h)) for h in anchors.positive]
    return [
        Shortfall(f"{rule.element}_{s}", frozenset([h.unit]))
        for h, s in every
        if s
        and (
            clauses.takes_back(words[h.unit], h, s)
            or (
                (bylaw.references[h.unit] & firm_units or h.unit in decided)
                and clauses.not_extension(words[h.unit], h, settling=True)
            )
        )
        and not clauses.for_others(words[h.unit], h, bylaw.softness.conditions)
    ]


def _lapsed(rule: Rule, bylaw: Bylaw, clauses: Clauses, grants: list[Hit]) -> dict[Hit, str]:
    """Grants for a period that ended before the date of judgement ("voor de jaren 2017 tot en
    met 2019 een werkbudget")."""
    return {h: f"{rule.element}_lapsed" for h in grants if bylaw.lapsed_at(clauses, h)}


def _left_open(rule: Rule, bylaw: Bylaw, grants: list[Hit]) -> dict[Hit, str]:
    """Grants in a sentence that leaves them to a later decision ("Vergoedingen worden bij
    afzonderlijk collegebesluit geregeld"): the notes the rule names in ``left_open_by``."""
    found: dict[Hit, str] = {}
    by_start = tuple(grants)
    for reason, n in bylaw.notes(rule, rule.left_open_by):
        words = bylaw.matches.words[n.unit]
        left, right = words.around(n.start, n.end, SENTENCE)
        for h in between(by_start, n.unit, left, right):
            found.setdefault(h, reason)
        # ... also in the items of opening words whose last sentence it is ("Het reglement regelt
        # in ieder geval: a. de wijze waarop de raden onderwerpen voor de agenda kunnen aanmelden")
        if right >= len(words.lower) - 1:
            for h in grants:
                if n.unit in bylaw.units[h.unit].parents:
                    found.setdefault(h, reason)
    return found


def _taken_back(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors, scope: Scope
) -> tuple[Shortfall, ...]:
    """Provisions other than the grants that take them back: about the element and the
    college ("Het college vraagt advies alleen als het dat wenselijk acht", "Het college is
    niet verplicht advies te vragen"), pointing at a grant ("Het eerste lid is slechts van
    toepassing voor zover de begroting daarvoor middelen bevat"), or a sentence beside it
    ("Het college kan hiervan afwijken als het dat nodig acht")."""
    where = places(rule, bylaw, clauses, anchors, scope)
    found = []
    for hit in [*where.about, *where.pointing, *where.beside, *where.rest, *where.granted]:
        reason = _takes_back(rule, bylaw, clauses, scope, where, hit)
        if reason:
            found.append(Shortfall(reason, frozenset([hit.unit])))
    limited = _applied_limits(rule, bylaw, clauses, scope, where.near)
    return (*found, *(Shortfall(f"{rule.element}_restricted", pair) for pair in limited))


def _applied_limits(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, scope: Scope, near: frozenset[int]
) -> list[frozenset[int]]:
    """A provision of a grant's article (``near``) that applies a limit elsewhere to it ("2. Artikel
    4, derde lid, is van overeenkomstige toepassing", where that lid lets the college decide whether
    it deals with advice): the two provisions, when the one applied limits what it stands beside."""
    words, units = bylaw.matches.words, bylaw.units
    found = []
    for u in sorted(near - scope.primary):
        if not _applied_here(clauses, words[u]):
            continue
        for r in sorted(bylaw.references[u] - near):
            if not units[r].definition and any(
                _beside(rule, bylaw, clauses, end) for end in sentence_ends(r, words[r])
            ):
                found.append(frozenset([u, r]))
    return found


def _takes_back(rule: Rule, bylaw: Bylaw, clauses: Clauses, scope: Scope, places: Places, hit: Hit) -> str:
    """The reason ``hit`` takes a grant back, or ''."""
    words = bylaw.matches.words
    w = words[hit.unit]
    # "de informatie die het college voor het overleg, bedoeld in artikel 4, nodig acht": a
    # provision about another element that names the grant only as its purpose
    if (
        places.holds("pointing", hit)
        and hit.unit not in places.pointed
        and _only_named(rule, bylaw, hit.unit)
    ):
        return ""
    # "Het tweede lid is van overeenkomstige toepassing op de regionale cliëntenraden, voor zover
    # ...": what a provision applying a grant to another body or case limits is the copy
    if places.holds("pointing", hit) and _applied_anew(clauses, w) and not _applied_here(clauses, w):
        return ""
    restricted = f"{rule.element}_restricted"
    items = [words[i].lower for i in sorted(bylaw.under.get(hit.unit, ()))]
    # an exception to a grant it points at or about the element, whatever condition a harmless
    # case of it carries ("... op besluiten die naar het oordeel van het college vertrouwelijk zijn
    # of waarbij ..."), or the counterpart declining it for some cases ("vraagt geen advies over")
    if (
        (places.holds("pointing", hit) or places.holds("about", hit)) and clauses.excepted(w, hit, items)
    ) or (places.holds("about", hit) and _denied_for_some(bylaw, clauses, hit, items)):
        return restricted
    # a cap in the grant itself ("kan per overleg één onderwerp aanmelden"), or cases it excepts, not all
    # harmless ("met uitzondering van besluiten over tarieven en over individuele contracten")
    if places.holds("granted", hit) and (
        _capped_grant(clauses, w, hit) or clauses.confined(w, hit, True) or clauses.excepted(w, hit, items)
    ):
        return restricted
    if clauses.for_others(w, hit, bylaw.softness.conditions):
        return ""
    if places.holds("beside", hit):  # a later lid of the grant's article: "2. Dit aantal geldt voor zover
        # de capaciteit dat toelaat", "2. Voorstellen kunnen uitsluitend in mei worden ingediend"
        return _beside(rule, bylaw, clauses, hit)
    if places.holds("granted", hit):
        if says(w.lower[hit.end : clauses.sentence(w, hit)[1]], clauses.cues.not_bound):
            return f"{rule.element}_discretionary"  # "..., maar is daaraan niet gebonden"
        if clauses.later_clause_restricts(w, hit, clauses.sentence(w, hit)[1]):
            return f"{rule.element}_discretionary"
        return restricted if _grant_limits(bylaw, clauses, scope, hit) else ""
    # a sentence beside a grant limits it only by its words, or by excepting cases from a grant
    # it points at ("Artikel 4, eerste lid, geldt niet voor ...")
    if places.holds("rest", hit):
        # ... or by confining it to a programme of the counterpart ("De adviesraad kan voorstellen
        # doen. Een voorstel heeft betrekking op een onderwerp uit het werkprogramma")
        pointed = bylaw.references[hit.unit] & scope.primary and clauses.excepted(w, hit, items)
        if pointed or clauses.confined(w, hit):
            return restricted
    elif clauses.no_duty(w, hit) or clauses.excepted(w, hit, items):
        return restricted
    # "Tot en met 2031 vraagt het college slechts advies over ontwerpverordeningen", unless the
    # period has ended
    if places.holds("about", hit) and clauses.limits_before(w, hit) and not bylaw.lapsed_at(clauses, hit):
        return restricted
    return _discretion_there(rule, bylaw, clauses, scope, places, hit)


def _capped_grant(clauses: Clauses, w: Words, hit: Hit) -> bool:
    """A cap on the body's acts in the grant's sentence, or a ration of them when the body is its
    subject ("De ASD kan eenmaal per jaar ... voorstellen indienen")."""
    left, right = clauses.sentence(w, hit)
    return clauses.capped(w.lower[left:right], next((r for r in w.role[left:right] if r), "") == "body")


def _discretion_there(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, scope: Scope, places: Places, hit: Hit
) -> str:
    """The reason a discretion or condition at ``hit`` (not a grant, nor beside one) takes a grant
    back, or a restricting word in a provision about nothing else pointing at it; or ''."""
    w = bylaw.matches.words[hit.unit]
    restricted = f"{rule.element}_restricted"
    soft = bylaw.softness(hit)
    if not soft and places.holds("about", hit):  # a discretion after the match: "Een overleg kan door de
        # wethouder worden afgezegd"
        _, right = clauses.sentence(w, hit)
        soft = bylaw.softness(Hit(hit.unit, max(hit.start, right - 1), max(hit.start, right - 1)))
    # "Het eerste lid geldt uitsluitend voor onderwerpen uit het werkprogramma"
    limited = hit.unit in places.pointed and clauses.limits(w, hit)
    if not soft:
        return restricted if limited else ""
    # a provision that points at a grant and is about nothing else: any discretion it leaves the
    # college over the grant takes it back ("kan besluiten het aantal overleggen, bedoeld in het
    # eerste lid, te wijzigen"), unless it adds to it ("ook"); beside the grant or in its
    # article, a condition that leaves it to the college ("Aan dat verzoek wordt gevolg
    # gegeven, tenzij naar het oordeel van de burgemeester ...")
    nearby = places.holds("rest", hit) or (places.holds("about", hit) and hit.unit in scope.articles)
    # "Ongevraagde adviezen worden in behandeling genomen indien ...": a sentence about the
    # element itself, wherever it stands
    nearby = nearby or (places.holds("about", hit) and hit.start - clauses.sentence(w, hit)[0] <= 1)
    # ... or the counterpart choosing among what the body puts forward, wherever it stands: "De
    # wethouder beslist of het voorstel in behandeling wordt genomen"
    chosen = places.holds("about", hit) and _chosen(bylaw, clauses, hit)
    if (
        clauses.takes_back(w, hit, soft)
        or ((hit.unit in places.pointed or chosen) and clauses.not_extension(w, hit, settling=True))
        or (nearby and _conditioned(bylaw, clauses, hit) and clauses.not_extension(w, hit))
    ):
        return f"{rule.element}_{soft}"
    return restricted if limited else ""


def _denied_for_some(bylaw: Bylaw, clauses: Clauses, hit: Hit, items: list[list[str]]) -> bool:
    """The match itself denied by the counterpart ("Het college vraagt geen advies over verordeningen
    die uit regionale afspraken voortvloeien"), for cases not all harmless ("... die voortvloeien uit
    wettelijke verplichtingen of uit regionale afspraken"); the cases may be the ``items`` of the
    list the sentence opens ("Het panel adviseert niet over: a) ...; b) ...")."""
    w = bylaw.matches.words[hit.unit]
    left, right = clauses.sentence(w, hit)
    # ("geen advies", "legt voorstellen niet voor advies voor"); the cases after the match
    lower, at = w.lower, hit.start
    cases = lower[hit.end : right]
    if not any(clauses.is_negation(lower, i) for i in range(max(left, at - 2), at)):
        # "plaatst onderwerpen die het gevoelig acht niet op de agenda": the cases before "niet"
        phrase = at - 3 >= left and lower[at - 2] in clauses.cues.prepositions
        if not (phrase and lower[at - 1] in ("de", "het") and clauses.is_negation(lower, at - 3)):
            return False
        cases = lower[left : at - 3]
    if "body" in clauses.subject_roles(w, left, hit.start) or clauses.own_choice(w, hit):
        return False  # the body's own choice: "De cliëntenraad kan besluiten geen advies uit te brengen"
        # (or a part of it denied: "Een werkgroep brengt zelf geen advies uit")
    if items and cases[-1:] == [":"]:
        return any(not clauses.about_others(item, lower) for item in items)
    return any(not clauses.about_others(case, lower) for case in clauses.cases(cases))


def _chosen(bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A sentence in which the counterpart decides whether or which ("beslist of", "bepaalt welke"):
    a condition on the whole provision with one of the ``selection`` words."""
    w = bylaw.matches.words[hit.unit]
    left, right = clauses.sentence(w, hit)
    selection = clauses.cues.selection
    return any(
        not selection.isdisjoint(w.lower[c.start : c.end])
        for c in between(bylaw.softness.conditions.unit, hit.unit, left, right)
    )


def _grant_limits(bylaw: Bylaw, clauses: Clauses, scope: Scope, hit: Hit) -> bool:
    """A grant that is itself no duty ("... is niet verplicht advies te vragen"), that excepts cases
    ("Verordeningen vallen buiten de adviestaak"), or that limits another grant it points at ("Het
    eerste lid is slechts van toepassing nadat de raad erom heeft verzocht"), unless it applies that
    grant to another body or only for a period that has ended."""
    w = bylaw.matches.words[hit.unit]
    if clauses.no_duty(w, hit, before=True) or clauses.excepted(w, hit, []) or clauses.confined(w, hit):
        return True
    other = (bylaw.references[hit.unit] & scope.primary) - {hit.unit}
    # ... or a later lid of the article of another grant ("1. De adviesraad kan ... voorstellen
    # doen. 2. De adviesraad doet ten hoogste twee voorstellen per jaar")
    article = bylaw.units[hit.unit].article_id
    if not other and scope.first_grant.get(article, hit.unit) < hit.unit:
        left, right = clauses.sentence(w, hit)
        other = scope.primary if not _in_favour(clauses, w, left, right) else other
    return (
        bool(other)
        and clauses.limits(w, hit)
        and not _applied_anew(clauses, w)
        and not bylaw.lapsed_at(clauses, hit)
    )


def _beside(rule: Rule, bylaw: Bylaw, clauses: Clauses, hit: Hit) -> str:
    """What a sentence in another provision of a grant's article, about nothing else, takes
    back: a restricting word ("Voorstellen kunnen uitsluitend in mei worden ingediend"), the
    college freed from consulting the body ("Het college is niet verplicht de cliëntenraad te
    horen over ...") or a condition that leaves it to the college or the budget ("Dit aantal geldt
    voor zover de capaciteit dat toelaat"); not a discretion by itself ("De wethouder kan zich
    laten bijstaan")."""
    w = bylaw.matches.words[hit.unit]
    left, right = clauses.sentence(w, hit)
    # (not a limit in the body's favour: "De secretaris werkt uitsluitend in opdracht van de raad",
    # "Een overleg kan alleen in onderling goedvinden worden geannuleerd")
    if (
        (clauses.limits(w, hit) and not _in_favour(clauses, w, left, right))
        or clauses.confined(w, hit)
        or clauses.frees_from_consulting(w, left, right)
    ):
        return f"{rule.element}_restricted"
    # (a condition, not a hedge, which beside a grant may concern something else: "Het overleg
    # vindt zo mogelijk in het gemeentehuis plaats")
    if not clauses.conditional(w, bylaw.softness.unhedged, hit):
        return ""
    return f"{rule.element}_conditional" if clauses.not_extension(w, hit) else ""


def _in_favour(clauses: Clauses, w: Words, left: int, right: int) -> bool:
    """A limit in the body's favour: a decision taken together ("Een overleg kan alleen in
    onderling goedvinden worden geannuleerd"), a sentence that adds ("Daarnaast ..."), or the
    body named only after the restricting word, with no counterpart there ("De secretaris werkt
    uitsluitend in opdracht van de raad"); not the body's own act limited ("De adviesraad doet ten
    hoogste twee voorstellen per jaar") or a limit to what the counterpart chooses ("uitsluitend ...
    die het college heeft voorgelegd")."""
    if not clauses.cues.mutual.isdisjoint(w.lower[left:right]) or w.lower[left] in clauses.cues.extension:
        return True  # (or an addition: "Daarnaast kan de adviesraad met een afzonderlijk college overleggen")
    first = clauses.first_restricting(w.lower[left:right])
    at = left + first if first >= 0 else right
    after = w.role[at:right]
    # (the subject of the relative clause the word stands in: "... een secretaris, die ... uitsluitend
    # aanwijzingen ontvangt van de voorzitter van de adviesraad")
    lower = w.lower
    opens = [j for j in range(left, at - 1) if lower[j] == "," and lower[j + 1] in clauses.cues.subordinate]
    start = opens[-1] + 1 if opens else left
    return "body" in after and "body" not in clauses.subject_roles(w, start, at) and "college" not in after


def _applied_anew(clauses: Clauses, w: Words) -> bool:
    """'De artikelen 4 en 6 zijn van overeenkomstige toepassing op de regioraad, ...': what such a
    provision limits is the copy, not the grant (found once a provision: asked from each of its
    sentences)."""
    if ("applied anew",) not in w.memo:
        w.memo["applied anew",] = says(w.lower, clauses.cues.applied_anew)
    return bool(w.memo["applied anew",])


def _applied_here(clauses: Clauses, w: Words) -> bool:
    """'Artikel 4, derde lid, is van overeenkomstige toepassing.': applied where it stands, not to
    another body or case ("... op de regioraad")."""
    if ("applied here",) not in w.memo:
        said = f"{' '.join(w.lower)} "
        phrases = clauses.cues.applied_anew
        w.memo["applied here",] = any(
            f"{phrase} . " in said or said.endswith(f"{phrase} ") for phrase in phrases
        )
    return bool(w.memo["applied here",])


def _only_named(rule: Rule, bylaw: Bylaw, unit: int) -> bool:
    """A provision (about another element too) that names this one only by a reference ("voor
    het overleg, bedoeld in artikel 4")."""
    references = bylaw.matches.of(f"{rule.element}|reference")
    return all(inside(h, references) for h in in_unit(bylaw.matches.of(f"{rule.element}|anchor"), unit))


def _conditioned(bylaw: Bylaw, clauses: Clauses, hit: Hit) -> bool:
    """A condition that leaves the sentence of ``hit`` to the college ("Aan dat verzoek wordt
    gevolg gegeven, tenzij ... naar het oordeel van de burgemeester ..."); not a hedge or a
    decision taken together, which in a sentence beside the grant concern something else
    (a hedge on honouring the body's request is read by the rule itself: the agenda's
    ``placed``)."""
    w = bylaw.matches.words[hit.unit]
    return clauses.names_college(w, hit) and clauses.conditional(w, bylaw.softness.unhedged, hit)


def notes(rule: Rule, bylaw: Bylaw, scope: Scope) -> tuple[Shortfall, ...]:
    """The notes whose patterns stand in the evidence of a partial element or elsewhere in
    the articles of its grants."""
    where = scope.provisions | scope.articles
    reasons = dict.fromkeys(reason for reason, h in bylaw.notes(rule) if h.unit in where)
    return tuple(Shortfall(reason) for reason in reasons)

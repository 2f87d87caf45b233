"""Judging one element, in the steps ``docs/rules.md`` describes.

1. :func:`find_anchors`: the provisions about the element, and which of them grant it
   to the body (not negated, not a mere reference);
2. :func:`evidence_scope`: where the element's qualifiers may be found - the grants,
   other provisions about it in their articles or pointing at them, their lists;
3. :func:`.qualifiers.judge_qualifier`: whether each qualifier (early, unrequested, a frequency ...)
   holds there, and if not, why;
4. :func:`.shortfalls.grant_shortfalls`: restrictions, weak grants, conditions and discretion;
5. citations (:mod:`.cite`), and the status: missing without a grant, present with
   every qualifier and no shortfall, partial otherwise.

Each step returns a frozen value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from attrs import define, evolve, field

from ..language import Unit, resolve_references
from ..language.bodies import Body
from ..vocabulary import Status
from .cite import choose, headings_index, topical
from .clauses import Clauses, Conditions
from .defined import terms_used
from .in_force import in_force, lapsed
from .match import Hit, Matches, Words, inside
from .negation import at_will, negated
from .policy_fields import Fields, confined_to_fields
from .qualifiers import Qualified, judge_qualifiers, look_alike
from .ruleset import Rule
from .shares import Share, each_body, each_field, only_others, unjudged
from .shortfalls import Shortfall, definition_exceptions, grant_shortfalls, notes
from .softness import Softness

__all__ = [
    "Anchors",
    "Bylaw",
    "ElementEvidence",
    "Qualified",
    "Scope",
    "Shortfall",
    "judge_element",
    "read_bylaw",
]


@define(frozen=True)
class ElementEvidence:
    """What a rule found: a status, the reasons and the provisions it rests on."""

    element: str
    status: Status = field(converter=Status)
    reasons: tuple[str, ...] = ()
    units: tuple[int, ...] = ()  # the provisions to cite
    primary: tuple[int, ...] = ()  # provisions that grant the element to the body
    values: dict[str, float] = field(factory=dict)  # values read from the text ("meetings_per_year")


@define(frozen=True)
class Bylaw:
    """One bylaw as the element rules read it: its provisions, their words and matches, and
    indexes every rule shares."""

    units: list[Unit]
    matches: Matches
    elements_of: dict[int, frozenset[str]]  # the elements each provision is about
    headings: dict[tuple[str, ...], list[int]]  # provisions by the words of their headings
    in_article: dict[str, frozenset[int]]  # binding provisions by article
    under: dict[int, frozenset[int]]  # binding provisions by the opening words they stand under
    references: tuple[frozenset[int], ...]  # the provisions each provision points at
    pointers: dict[int, frozenset[int]]  # ... and the provisions that point at each provision
    softness: Softness
    lapsed: frozenset[tuple[int, int]]  # (provision, sentence start) of periods ended before as_of
    definition_exceptions: tuple[tuple[str, int], ...]  # (term, provision): see shortfalls.py
    fields: Fields = field(factory=Fields)  # the fields of policy of the frameworks judged under
    bodies: tuple[Body, ...] = ()  # the bodies it sets up side by side (``language/bodies.py``)
    defined_in: dict[int, frozenset[int]] = field(factory=dict)  # the definitions whose terms each uses
    body_of: dict[str, int] = field(init=False, eq=False, repr=False)  # a body's index by its names
    above: dict[int, frozenset[str]] = field(factory=dict, init=False, eq=False, repr=False)  # a cache
    cache: dict[str, object] = field(factory=dict, init=False, eq=False, repr=False)  # (shares.py)

    def __attrs_post_init__(self) -> None:
        index = {name: i for i, body in enumerate(self.bodies) for name in body.names}
        object.__setattr__(self, "body_of", index)

    def roles_above(self, index: int) -> frozenset[str]:
        """The roles a provision names with its opening words ("both": body and college), made
        when first asked; without them: ``matches.roles``."""
        if index not in self.above:
            roles = self.matches.roles
            self.above[index] = _with_both(roles[index].union(*(roles[p] for p in self.units[index].parents)))
        return self.above[index]

    def lapsed_at(self, clauses: Clauses, hit: Hit) -> bool:
        """Whether ``hit`` stands in a sentence about a period that ended before ``as_of``."""
        if not self.lapsed:
            return False
        return (hit.unit, clauses.sentence(self.matches.words[hit.unit], hit)[0]) in self.lapsed

    def note_matches(self, rule: Rule, reasons: Iterable[str]) -> Iterator[tuple[Hit, ...]]:
        """The matches of each of the rule's notes with one of ``reasons``."""
        for index, note in enumerate(rule.notes):
            if note.reason in reasons:
                yield self.matches.of(f"{rule.element}|note|{index}")

    def notes(self, rule: Rule, reasons: Iterable[str] | None = None) -> Iterator[tuple[str, Hit]]:
        """The matches of the rule's notes (those with one of ``reasons``), with their reason."""
        for index, note in enumerate(rule.notes):
            if reasons is None or note.reason in reasons:
                yield from ((note.reason, h) for h in self.matches.of(f"{rule.element}|note|{index}"))


def read_bylaw(
    units: list[Unit],
    matches: Matches,
    clauses: Clauses,
    as_of: date | None = None,
    fields: Fields | None = None,
    bodies: tuple[Body, ...] = (),
) -> Bylaw:
    """The indexes of a bylaw that the element rules share, as the law stood on ``as_of``, judged
    under the frameworks of ``fields`` (the words that name each one's field of policy), with the
    ``bodies`` it sets up side by side."""
    units, later = in_force(units, as_of)
    elements_of, topics = _elements_of(matches)
    in_article: dict[str, set[int]] = defaultdict(set)
    under: dict[int, set[int]] = defaultdict(set)
    for unit in units:
        if unit.binding:
            in_article[unit.article_id].add(unit.index)
            for parent in unit.parents:
                under[parent].add(unit.index)
    # (not a hedge on how much is granted: "zo mogelijk op het niveau van het voorgaande jaar")
    amounts = matches.of("cue|amount_hedge")
    conditions = Conditions(
        matches.of("cue|condition"),
        matches.of("cue|unit_condition"),
        tuple(h for h in matches.of("cue|hedge") if not inside(h, amounts))
        + tuple(
            h
            for h in matches.of("cue|joint")
            if not _counterparts_together(matches.words[h.unit], clauses, h)
        ),
        {unit: tuple(sorted(found)) for unit, found in topics.items()},
    )
    softness = Softness(clauses, matches.words, [u.parents for u in units], conditions)
    references = resolve_references(units)
    pointers: dict[int, set[int]] = defaultdict(set)
    for index, targets in enumerate(references):
        for target in targets:
            pointers[target].add(index)
    bylaw = Bylaw(
        units,
        matches,
        {k: frozenset(v) for k, v in elements_of.items()},
        headings_index(units),
        {k: frozenset(v) for k, v in in_article.items()},
        {k: frozenset(v) for k, v in under.items()},
        references,
        {k: frozenset(v) for k, v in pointers.items()},
        softness,
        lapsed(matches, clauses, as_of),
        definition_exceptions(units, matches.words, clauses),
        fields or Fields(),
        bodies,
        terms_used(units, matches.words),
    )
    bylaw.cache["not in force"] = later
    return bylaw


def _elements_of(matches: Matches) -> tuple[dict[int, set[str]], dict[int, list[tuple[int, str]]]]:
    """The elements each provision is about, and where in it (by the anchors' matches)."""
    elements_of: dict[int, set[str]] = defaultdict(set)
    topics: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for key, found in matches.hits.items():
        if key.endswith("|anchor"):
            element = key.split("|")[0]
            for h in found:
                elements_of[h.unit].add(element)
                topics[h.unit].append((h.start, element))
    return elements_of, topics


def _counterparts_together(w: Words, clauses: Clauses, hit: Hit) -> bool:
    """A counterpart acting together with another of its side ("Het dagelijks bestuur voert samen
    met de directeur ten minste driemaal per jaar overleg met de cliëntenraad"): no decision the
    body needs the counterpart's consent for, as "De adviesraad stelt samen met de wethouder de
    agenda vast" is."""
    left, _ = clauses.sentence(w, hit)
    first = next((role for role in w.role[left : hit.start] if role), "")
    return first == "college" and w.lower[hit.start] in ("samen", "gezamenlijk")


def _has_roles(rule: Rule, bylaw: Bylaw, index: int, every: bool) -> bool:
    """Whether the provision (or the opening words above it, or the definition about the element
    of a term it uses: "Het overleg vindt elk kwartaal plaats", ``defined.py``) names the roles the
    rule asks for."""
    if not rule.anchor_roles:
        return True
    defined = [d for d in bylaw.defined_in.get(index, ()) if rule.element in bylaw.elements_of.get(d, ())]
    present = bylaw.roles_above(index).union(*(_with_both(bylaw.matches.roles[d]) for d in defined))
    wanted = set(rule.anchor_roles)
    return wanted <= present if every else bool(wanted & present)


def _with_both(roles: frozenset[str]) -> frozenset[str]:
    """The roles named, "both" ("beide partijen") standing for the body and the college."""
    return roles | {"body", "college"} if "both" in roles else roles


# -- 1. anchors --------------------------------------------------------------------------------
@define(frozen=True)
class Anchors:
    """The matches about the element, narrowed step by step to the grants."""

    found: tuple[Hit, ...]  # about the element (weak ones included), look-alikes left out
    binding: tuple[Hit, ...]  # ... in the binding articles, not in a definition
    primary: tuple[Hit, ...]  # ... naming the role the rule asks for, not a mere reference
    positive: tuple[Hit, ...]  # ... not negated: the grants
    weak: frozenset[tuple[int, int]]  # the places of weak matches
    qualifiers: tuple[Hit, ...]  # qualifier matches that are no anchors themselves
    at_will: tuple[Hit, ...] = ()  # grants left to the counterpart's wish (none positive when all are)


def find_anchors(rule: Rule, bylaw: Bylaw, clauses: Clauses) -> Anchors:
    el, units, matches = rule.element, bylaw.units, bylaw.matches
    candidates = sorted(
        matches.of(f"{el}|anchor") + matches.of(f"{el}|weak"), key=lambda h: (h.unit, h.start)
    )
    if not candidates:  # nothing about the element, and so no qualifier to tell from it
        return Anchors((), (), (), (), frozenset(), ())
    shut = {h.unit for h in matches.of(f"{el}|unit_exclude")}
    excluded = matches.of(f"{el}|exclude")
    found = tuple(h for h in candidates if h.unit not in shut and not look_alike(rule, bylaw, h, excluded))
    binding = tuple(h for h in found if units[h.unit].binding and not units[h.unit].definition)
    # "dit overleg", "de agenda van het overleg": a reference to the element, not a grant
    references = matches.of(f"{el}|reference")
    primary = tuple(
        h
        for h in binding
        if _has_roles(rule, bylaw, h.unit, rule.anchor_all_roles) and not inside(h, references)
    )
    # qualifiers that are not anchors themselves ("ongevraagd" in "geen ongevraagd advies")
    places = {(h.unit, h.start) for h in found}
    qualifiers = tuple(
        h for q in rule.qualifiers for h in matches.of(f"{el}|q|{q.key}") if (h.unit, h.start) not in places
    )
    # "adviseert niet over individuele aanvragen" grants nothing and denies nothing
    negation = {h: negated(bylaw, clauses, h, qualifiers) for h in primary}
    primary = tuple(h for h in primary if negation[h] != "harmless")
    positive = tuple(h for h in primary if not negation[h])
    # "Het college kan de adviesraad desgewenst om advies vragen": every grant left to the
    # counterpart's wish grants nothing (one beside another grant is judged with it)
    wished = tuple(h for h in positive if at_will(bylaw, clauses, h))
    positive = () if wished == positive else positive
    weak = frozenset((h.unit, h.start) for h in matches.of(f"{el}|weak"))
    return Anchors(found, binding, primary, positive, weak, qualifiers, wished)


def _missing(rule: Rule, bylaw: Bylaw, anchors: Anchors) -> ElementEvidence:
    """No grant: say why, when the element is denied or stands only where nothing binds."""
    units = bylaw.units
    if anchors.at_will and not anchors.positive:
        reasons: tuple[str, ...] = (f"{rule.element}_at_will",)
    elif anchors.primary:
        reasons = (f"{rule.element}_denied",)
    elif any(
        not units[h.unit].binding and units[h.unit].node.citation.startswith("bijlage") for h in anchors.found
    ):
        reasons = ("only_in_own_rules",)  # an annex of the body's own rules of procedure (units.py)
    elif isinstance(later := bylaw.cache.get("not in force"), frozenset) and any(
        h.unit in later for h in anchors.found
    ):
        reasons = ("not_in_force",)  # a provision another puts in force after the date, or ends before it
    elif any(not units[h.unit].binding for h in anchors.found):
        reasons = ("only_in_toelichting",)
    elif any(units[h.unit].definition for h in anchors.found):
        reasons = ("only_in_definitions",)
    else:
        reasons = ()
    return ElementEvidence(rule.element, Status.MISSING, reasons)


# -- 2. the scope of the evidence --------------------------------------------------------------
@define(frozen=True)
class Scope:
    """Where the qualifiers of an element may be found."""

    primary: frozenset[int]  # the provisions that grant the element to the body
    anchored: frozenset[int]  # ... and other provisions about it that belong with them
    provisions: frozenset[int]  # ... and role-naming provisions of their articles about nothing else
    evidence: frozenset[int]  # ... read with their opening words and the items below them
    articles: frozenset[int]  # every provision of the articles of ``provisions``
    first_grant: dict[str, int] = field(factory=dict)  # the first of ``primary`` in each article


def _belongs(
    rule: Rule, bylaw: Bylaw, hit: Hit, articles: set[str], primary: frozenset[int], named: frozenset[int]
) -> bool:
    """A provision about the element that points at a grant ("het overleg, bedoeld in het eerste
    lid"), that stands in a grant's article ("Dit overleg vindt viermaal per jaar plaats"), that
    names the roles itself and is no mere reference to the element elsewhere, or that names the
    counterpart in an article ``named`` after the element ("Artikel 3 Tijdstip van advisering: Het
    college vraagt het advies uiterlijk zes weken voordat ...")."""
    if bylaw.references[hit.unit] & primary:
        return True
    in_article = bylaw.units[hit.unit].article_id in articles
    if inside(hit, bylaw.matches.of(f"{rule.element}|reference")):
        return in_article  # "dit overleg" next to the grant it refers to
    if in_article or _has_roles(rule, bylaw, hit.unit, rule.anchor_all_roles):
        return True
    return hit.unit in named and "college" in bylaw.roles_above(hit.unit)


def _companions(rule: Rule, bylaw: Bylaw, articles: set[str], primary: frozenset[int]) -> set[int]:
    """Provisions about no other element that belong with the grants: in a grant's article
    and naming a role ("Het college stelt de adviesraad daartoe in staat, zes weken voordat
    ..."), or pointing at a grant ("Het in het eerste lid bedoelde vindt viermaal per jaar plaats")."""
    units = bylaw.units
    near = {i for article in articles for i in bylaw.in_article.get(article, ())}
    # the other items of a grant's list are other matters ("a. gevraagd en ongevraagd adviseren;
    # b. het tijdig inbrengen van ervaringen")
    near -= {i for u in primary if units[u].parents for i in bylaw.under.get(units[u].parents[-1], ())}
    pointing = {i for u in primary for i in bylaw.pointers.get(u, ()) if units[i].binding}
    found = set()
    for index in near | pointing:
        if units[index].definition or bylaw.elements_of.get(index, frozenset()) - {rule.element}:
            continue
        if index in pointing or _has_roles(rule, bylaw, index, False):
            found.add(index)
    return found


def _elsewhere(rule: Rule, bylaw: Bylaw, unit: int) -> bool:
    """A provision about other elements, not this one."""
    about = bylaw.elements_of.get(unit, frozenset())
    return bool(about) and rule.element not in about


def _named_after(rule: Rule, bylaw: Bylaw) -> frozenset[int]:
    """The provisions in an article (or under a heading) named after the element, found once."""
    key = f"topical|{rule.element}"
    found = bylaw.cache.get(key)
    if not isinstance(found, frozenset):
        found = bylaw.cache[key] = topical(rule.topics, bylaw.headings)
    return found


def evidence_scope(rule: Rule, bylaw: Bylaw, anchors: Anchors, clauses: Clauses) -> Scope:
    units = bylaw.units
    primary = frozenset(h.unit for h in anchors.positive)
    articles = {units[u].article_id for u in primary} - {""}
    granted, primary_hits = set(anchors.positive), set(anchors.primary)

    def denied(h: Hit) -> bool:  # the primary matches were judged already
        if h in primary_hits:
            return h not in granted
        return bool(negated(bylaw, clauses, h, anchors.qualifiers))

    named = _named_after(rule, bylaw)
    secondary = {
        h.unit
        for h in anchors.binding
        if _belongs(rule, bylaw, h, articles, primary, named) and not denied(h)
    }
    anchored = primary | secondary
    provisions = anchored | _companions(rule, bylaw, articles, primary)
    # a list is read with its opening words, and opening words with their list; a grant with
    # the provisions it points at ("advies over de voorstellen, bedoeld in artikel 3")
    # (a set, added to in place: "|=" on a frozenset would copy it for every opening)
    evidence = set(provisions) | {p for u in provisions for p in units[u].parents}
    for opening in anchored:
        evidence |= bylaw.under.get(opening, frozenset())
    # (not a provision about another element only: "De artikelen 5 en 6 zijn van
    # overeenkomstige toepassing" does not make the information of artikel 6 advice)
    evidence |= {
        t
        for u in primary
        for t in bylaw.references[u]
        if units[t].binding and not units[t].definition and not _elsewhere(rule, bylaw, t)
    }
    in_articles = {units[u].article_id for u in provisions} - {""}
    every = frozenset(i for article in in_articles for i in bylaw.in_article.get(article, ()))
    first: dict[str, int] = {}
    for u in sorted(primary, reverse=True):
        first[units[u].article_id] = u
    return Scope(primary, frozenset(anchored), frozenset(provisions), frozenset(evidence), every, first)


def _for_share(bylaw: Bylaw, scope: Scope, share: Share) -> Scope:
    """``scope`` without the provisions about other bodies or fields only, with those applied to
    the body that speak of the element ("Artikel 3 is van overeenkomstige toepassing op het
    jongerenpanel" lends the panel the advice of artikel 3, and its "ongevraagd" says nothing of
    the panel's information)."""
    others = share.others
    about = {h.unit for h in share.anchors.found}
    applied = {u for u in share.applied & about if bylaw.units[u].binding and not bylaw.units[u].definition}
    return Scope(
        scope.primary - others,
        scope.anchored - others,
        scope.provisions - others,
        (scope.evidence - others) | applied,
        scope.articles - others,
        {article: u for article, u in scope.first_grant.items() if u not in others},
    )


# -- the element -----------------------------------------------------------------------------
def judge_element(rule: Rule, bylaw: Bylaw, clauses: Clauses) -> ElementEvidence:
    """The status of one element in one bylaw, with reasons and the provisions to cite; present
    only when it is present for each body and field the bylaw grants it to by name (:mod:`.shares`)."""
    anchors = find_anchors(rule, bylaw, clauses)
    if not anchors.positive:
        return _missing(rule, bylaw, anchors)
    if only_others(bylaw, clauses, anchors):  # granted to a panel beside the main body only
        return ElementEvidence(rule.element, Status.MISSING, ("only_other_body",))
    found = _judged(rule, bylaw, clauses, anchors)
    if found.status is not Status.PRESENT:
        return found
    for share in [*each_body(rule, bylaw, clauses, anchors), *each_field(rule, bylaw, clauses, anchors)]:
        own = share.anchors
        alone = _judged(rule, bylaw, clauses, own, share) if own.positive else _missing(rule, bylaw, own)
        if alone.status is not Status.PRESENT:
            cited = tuple(sorted({*found.units, *alone.units}))
            reasons = (share.reason, *alone.reasons)
            return evolve(found, status=Status.PARTIAL, reasons=reasons, units=cited)
    return found


def _judged(
    rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors, share: Share | None = None
) -> ElementEvidence:
    """The status of one element from its grants ``anchors.positive``, with reasons and citations;
    for the ``share`` of one of several bodies or fields, without the provisions about the others
    only and with those applied to it (and a grant confined to the field of one law is no
    shortfall then: that is its field)."""
    scope = evidence_scope(rule, bylaw, anchors, clauses)
    if share is not None:
        scope = _for_share(bylaw, scope, share)
    qualified = judge_qualifiers(rule, bylaw, clauses, scope, anchors)
    shortfalls = tuple(Shortfall(q.reason, q.units) for q in qualified if not q.holds)
    # (a restriction about bodies that need not have every right only takes nothing from the others)
    aside = unjudged(bylaw, clauses)
    shortfalls += tuple(
        s
        for s in grant_shortfalls(rule, bylaw, clauses, anchors, scope)
        if not s.units or not s.units <= aside
    )
    confined = confined_to_fields(rule, bylaw, clauses, anchors) if share is None else frozenset()
    shortfalls += (Shortfall("confined_to_fields", confined),) if confined else ()
    if shortfalls:
        shortfalls += notes(rule, bylaw, scope)
    cited = choose(
        bylaw.units,
        scope.primary,
        _named_after(rule, bylaw),
        scope.evidence,
        tuple(q.units for q in qualified if q.established),
        {u for s in shortfalls for u in s.units},
    )
    reasons = tuple(dict.fromkeys(s.reason for s in shortfalls))
    status = Status.PARTIAL if reasons else Status.PRESENT
    values = {
        q.value.name: found.value
        for q, found in zip(rule.qualifiers, qualified, strict=True)
        if q.value is not None and found.value is not None
    }
    return ElementEvidence(rule.element, status, reasons, cited, tuple(sorted(scope.primary)), values)

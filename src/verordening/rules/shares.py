"""Shares: the grants to each of the bodies a bylaw sets up, and to each field of policy (a step of
judging an element).

When a bylaw defines two bodies side by side (``language/bodies.py``), the element is present only
when it is present for each body that must have it: the body the bylaw names most (its main
body), and a body whose name gives it the field of another law ("de Wmo-raad" beside "de
Cliëntenraad Werk en Inkomen"). A panel, a regional council or a platform beside the main body
need not have every right. Each such body is judged with the provisions that name it or no body
at all, and those a provision naming it applies to it ("Artikel 5 is van overeenkomstige
toepassing op de WAR"): "Met de Wmo-raad overlegt de wethouder zo vaak als hij dat nodig acht"
leaves the Wmo-raad without periodic consultation however often the CWI meets. A provision names
the bodies its sentence names; a sentence naming none, those its provision and opening words
name; a name the bylaw gives no one body ("de raden", "de adviesorganen") stands for all of them.
In the same way a grant confined to the field of one law ("op het terrein van de Participatiewet")
is the share of that law's field: "advies over beleid op het terrein van de Wmo 2015, gevraagd en
ongevraagd" beside "over de Participatiewet op verzoek van het college" leaves advice on work and
income without unrequested advice. This step only ever makes a present element partial.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from attrs import define, evolve

from ..language.bodies import Body, name_key
from .clauses import Clauses, says
from .match import Hit, Words
from .policy_fields import confined_fields, fields_named, unnamed
from .ruleset import Rule

if TYPE_CHECKING:
    from .judge import Anchors, Bylaw

__all__ = ["Share", "each_body", "each_field", "only_others", "unjudged"]


@define(frozen=True)
class Share:
    """One body's or field's share of an element: the matches about it that are its own, the
    provisions about other bodies or fields only, and those applied to it from elsewhere."""

    anchors: Anchors
    others: frozenset[int]
    applied: frozenset[int]
    reason: str = "not_every_body"


@define(frozen=True)
class _Index:
    naming: dict[int, frozenset[int] | None]  # provision -> the bodies its words name (None: all)
    judged: tuple[int, ...]  # the bodies that must have each element
    fields: tuple[set[str], ...]  # the frameworks whose field each body's name gives it
    applied: dict[int, frozenset[int]]  # body -> the provisions a provision naming it applies to it
    aside: frozenset[int]  # the provisions that name only bodies that need not have every right


def each_body(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> list[Share]:
    """For each body that must have the element (under a law that asks for it), its share, when
    some match about the element is about other bodies only; none when every match is about them
    all."""
    if len(bylaw.bodies) < 2 or not anchors.primary:
        return []
    index = _index(bylaw, clauses)
    named = {h: _named(bylaw, clauses, index, h) for h in anchors.found}
    found = []
    for body in index.judged:
        applied = index.applied.get(body, frozenset())

        def its(h: Hit, body: int = body, to: frozenset[int] = applied) -> bool:
            return not named[h] or body in named[h] or h.unit in to

        fields = index.fields[body]
        if fields and not fields & set(rule.frameworks):
            continue  # "voorstellen" are asked for under the Wmo only, not of a council for work and income
        own = _narrowed(anchors, its)
        if len(own.found) == len(anchors.found):
            continue
        others = frozenset(u for u, said in index.naming.items() if said and body not in said) - applied
        found.append(Share(own, others, applied))
    return found


def each_field(rule: Rule, bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> list[Share]:
    """For each field of a law the rule judges the bylaw under that a grant of the element confines
    itself to, beside a grant confined to other fields, the share of that field: the matches
    confined to it or to no field, without the provisions about other fields only. (A field with
    no grant of its own is :func:`.policy_fields.confined_to_fields`'s.)"""
    fields = bylaw.fields
    wanted = {key: words for key, words in fields.words.items() if key in rule.frameworks and words}
    if len(wanted) < 2 or not anchors.primary:
        return []
    words = bylaw.matches.words
    confined = {}
    for h in anchors.found:
        left, right = clauses.sentence(words[h.unit], h)
        confined[h] = frozenset(confined_fields(unnamed(words[h.unit])[left:right], wanted, fields))
    found = []
    for key in sorted(wanted):

        def its(h: Hit, key: str = key) -> bool:
            return not confined[h] or key in confined[h]

        kinds = {key in confined[h] for h in anchors.primary if confined[h]}
        if kinds != {True, False}:
            continue  # a grant of its own and a grant for another field, or nothing to tell apart
        own = _narrowed(anchors, its)
        mine = {h.unit for h in own.found}
        others = frozenset(h.unit for h in anchors.found if h.unit not in mine)
        found.append(Share(own, others, frozenset(), "not_every_field"))
    return found


def _narrowed(anchors: Anchors, its: Callable[[Hit], bool]) -> Anchors:
    """``anchors`` with only the matches that are ``its``."""
    return evolve(
        anchors,
        found=tuple(filter(its, anchors.found)),
        binding=tuple(filter(its, anchors.binding)),
        primary=tuple(filter(its, anchors.primary)),
        positive=tuple(filter(its, anchors.positive)),
    )


def only_others(bylaw: Bylaw, clauses: Clauses, anchors: Anchors) -> bool:
    """Whether every grant or denial of the element names only bodies that need not have every
    right: "Het jongerenpanel kan onderwerpen voor de agenda van zijn overleg aanmelden" gives the
    main body no agenda right."""
    if len(bylaw.bodies) < 2 or not anchors.primary:
        return False
    index = _index(bylaw, clauses)
    judged = set(index.judged)
    named = [_named(bylaw, clauses, index, h) for h in anchors.primary]
    return all(said and not said & judged for said in named)


def unjudged(bylaw: Bylaw, clauses: Clauses) -> frozenset[int]:
    """The provisions that name only bodies that need not have every right (a panel beside the main
    body: "Het ervaringspanel adviseert niet rechtstreeks aan het college")."""
    return _index(bylaw, clauses).aside if len(bylaw.bodies) > 1 else frozenset()


def _index(bylaw: Bylaw, clauses: Clauses) -> _Index:
    """What each provision names, and which bodies must have each element (made once a bylaw)."""
    known = bylaw.cache.get("index")
    if isinstance(known, _Index):
        return known
    words = bylaw.matches.words
    naming = {
        i: _mentioned(bylaw, w, 0, len(w.lower))
        for i, w in enumerate(words)
        if "body" in w.role and bylaw.units[i].binding and not bylaw.units[i].definition
    }
    counts = Counter(body for said in naming.values() if said for body in said)
    main = max(range(len(bylaw.bodies)), key=lambda b: (counts[b], -b))
    fields = [_fields_of(bylaw, clauses, naming, b) for b in range(len(bylaw.bodies))]
    every = set(bylaw.fields.words)
    judged = [main] + [
        b
        for b in range(len(bylaw.bodies))
        if b != main and fields[b] and fields[b] != every and not fields[b] & fields[main]
    ]
    applied: dict[int, set[int]] = {}
    articles: dict[str, frozenset[int]] = {}
    for u, w in enumerate(words):
        if bylaw.references[u] and says(w.lower, clauses.cues.applied_anew):
            for body in _applying(bylaw, naming, u, articles):
                applied.setdefault(body, set()).update(bylaw.references[u])
    aside = frozenset(u for u, said in naming.items() if said and not said & set(judged))
    index = _Index(
        naming, tuple(judged), tuple(fields), {b: frozenset(us) for b, us in applied.items()}, aside
    )
    bylaw.cache["index"] = index
    return index


def _applying(
    bylaw: Bylaw, naming: dict[int, frozenset[int] | None], unit: int, articles: dict[str, frozenset[int]]
) -> frozenset[int]:
    """The bodies a provision applying others ("Artikel 5, tweede lid, is van overeenkomstige
    toepassing") applies them to: those it names, else those the rest of its article names, when
    that is one body ("Artikel 6 Overleg met het jeugdpanel - 1. De wethouder overlegt zo nodig
    met het jeugdpanel"); ``articles`` keeps what each article names, once found."""
    said = naming.get(unit)
    if said is not None:
        return said
    units = bylaw.units
    article = units[unit].article_id
    if units[unit].definition or not units[unit].binding or not article:
        return frozenset()
    if article not in articles:
        around = [naming.get(i) for i in bylaw.in_article.get(article, ()) if i in naming]
        found = {body for said in around if said for body in said}
        articles[article] = frozenset(found) if len(found) == 1 and None not in around else frozenset()
    return articles[article]


def _fields_of(
    bylaw: Bylaw, clauses: Clauses, naming: dict[int, frozenset[int] | None], body: int
) -> set[str]:
    """The fields of the laws a body is for: those named where the bylaw says whose interests it
    looks after ("Het jongerenpanel behartigt de belangen van jeugdigen ... die gebruikmaken van
    jeugdhulp"), a provision naming it alone with one of the ``constituency`` words; else those
    its names and definition name ("Adviesraad Sociaal Domein": every field)."""
    words, wanted = bylaw.matches.words, bylaw.fields.words
    said: list[str] = []
    for unit, named in naming.items():
        if named == frozenset([body]) and not clauses.cues.constituency.isdisjoint(words[unit].lower):
            said += ["", *unnamed(words[unit])]
    found = fields_named(said, wanted) if said else set()
    return found or fields_named(_described(bylaw, bylaw.bodies[body]), wanted)


def _described(bylaw: Bylaw, body: Body) -> list[str]:
    """The words that describe a body: its names, its definition and the provisions that definition
    points at ("jeugdpanel: het Jeugdpanel, bedoeld in artikel 2, tweede lid" - "Er is een Jeugdpanel,
    bestaande uit ... ouders van jeugdigen die jeugdhulp ontvangen")."""
    said = " ".join(body.written).split()
    if body.definition < 0:
        return said
    words = bylaw.matches.words
    for unit in [body.definition, *sorted(bylaw.references[body.definition])]:
        said += ["", *unnamed(words[unit])]
    return said


def _named(bylaw: Bylaw, clauses: Clauses, index: _Index, hit: Hit) -> frozenset[int]:
    """The bodies ``hit`` is about: those its sentence names, else its provision and the opening
    words above it; none (all of them) when it names none or a name of no one body."""
    words = bylaw.matches.words
    w = words[hit.unit]
    left, right = clauses.sentence(w, hit)
    found = _mentioned(bylaw, w, left, right)
    if found == frozenset():
        found = _in_provision(bylaw, hit.unit, index)
        for parent in bylaw.units[hit.unit].parents:
            above = _in_provision(bylaw, parent, index)
            found = None if found is None or above is None else found | above
    return found or frozenset()


def _in_provision(bylaw: Bylaw, unit: int, index: _Index) -> frozenset[int] | None:
    """The bodies a whole provision names: as the index has them for a binding one (many matches
    may ask), read for the rest."""
    if unit in index.naming:
        return index.naming[unit]
    w = bylaw.matches.words[unit]
    return _mentioned(bylaw, w, 0, len(w.lower)) if "body" in w.role else frozenset()


def _mentioned(bylaw: Bylaw, w: Words, left: int, right: int) -> frozenset[int] | None:
    """The bodies the names between ``left`` and ``right`` name; None for a name of no one body."""
    found = set()
    start = None
    for i in range(left, right + 1):
        if i < right and w.role[i] == "body":
            start = i if start is None else start
            continue
        if start is not None:
            body = bylaw.body_of.get(name_key(w.lower[start:i]))
            if body is None:
                return None
            found.add(body)
            start = None
    return frozenset(found)

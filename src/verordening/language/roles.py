"""Roles: who is who in this bylaw - the participation body, the college, the council.

The names come from the bylaw itself (its definitions article, "hierna: ..." phrases,
the body that issued it) and from the names every bylaw may use (``rules/roles.yaml``).
:class:`RoleMarker` marks the words that name a role in a text the pipeline read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import define
from spacy.attrs import NORM
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..knowledge import ROLE_MARK, ROLES, RoleNames, WordParts, fold
from ..model import Document
from .forms import plurals, singulars
from .units import Unit

__all__ = ["RoleMarker", "Roles", "body_names", "find_roles", "term_and_value"]


@define(frozen=True)
class Roles:
    """The names this bylaw uses for each role (``council``, ``college``, ``body``, ``both``)."""

    names: dict[str, tuple[str, ...]]

    def role_of(self) -> dict[str, str]:
        """Each name and its role; a name with two roles takes the first of :data:`ROLES`."""
        found: dict[str, str] = {}
        for role in ROLES:
            for name in self.names[role]:
                found.setdefault(name, role)
        return found


_DEFINITION_OPENING = re.compile(
    r"^.*?\b(?:(?:verstaan|verstaat)\s+(?:wij\s+|we\s+)?onder|bedoelen\s+(?:wij|we)\s+met|bedoeld\s+met|"
    r"in\s+deze\s+\w+\s+(?:betekent|betekenen)|gebruiken\s+(?:wij|we)\s+(?:deze|de\s+volgende)\s+woorden)\s*:?\s*",
    re.IGNORECASE,
)
_DEFINITION = re.compile(r"^(?P<term>[^:;]{1,60}?)\s*:\s*(?P<value>.+)$")
# "(hierna: CWI)", "hierna te noemen: de raad", "hierna genoemd: de raad", "in deze verordening
# verder aangeduid als de ASD", "hierna ook aangeduid als WAR", "wordt in deze verordening aangeduid
# als: de CRK"
_HEREAFTER = re.compile(
    r"\(?\s*(?:hierna(?:\s+ook)?(?:\s+te\s+noemen|\s+genoemd)?(?!\s+(?:ook\s+)?aangeduid)\s*:?"
    r"|(?:in\s+deze\s+\w+\s+)?(?:verder\s+|hierna\s+)?(?:ook\s+)?"
    r"aangeduid\s+als)\s*:?\s*(?:de|het)?\s*(?P<name>[^);,.:]{2,40})\)?",
    re.I,
)
_FULL_NAME = re.compile(
    r"(?:de|het|een)?\s*(?P<name>[A-ZÀ-Ý][\w\- ]{2,60}?)(?:[,;.(]|$| van | bedoeld| als )"
)
_ARTICLE = re.compile(r"^(?:de|het)\s+")
_LEAD = re.compile(r"\s(?:van|over|tussen|aan|door|met|op|bij|waarvoor|waarover|waarin)\s", re.IGNORECASE)
_INTERNAL = "internal"  # a part of the body itself ("dagelijks bestuur" of the adviesraad)
# "De raad van ...", but not "De raad van bestuur van ...": the council issued the bylaw
_COUNCIL_ISSUER = re.compile(r"(?:de\s+)?raad\b(?!\s+van\s+bestuur)", re.IGNORECASE)
# an abbreviation in brackets after a name: "de Adviesraad Sociaal Domein (ASD)"
_ABBREVIATION = re.compile(r"\(\s*(?P<name>[A-Z][A-Z0-9&]{1,7})\s*\)")


def _issuer(document: Document) -> str:
    if document.preamble is None:
        return ""
    return next((f.value for f in document.preamble.fields if f.key == "orgaan"), "")


def _head(value: str) -> str:
    """What a definition says the term is, before any further description: 'de raad die het
    college adviseert' -> 'de raad'."""
    return re.split(r",|;|\s(?:die|dat|welke|waarvan|bedoeld|als bedoeld)\s", value, maxsplit=1)[0]


def _defined(term: str, value: str, names: RoleNames, issuer: str) -> list[tuple[str, str]]:
    """The roles one definition gives: (role, name) pairs, or none."""
    head = _head(value)
    if names.council_words.found_in(value) and not names.body_words.found_in(head.replace("raad van", "")):
        return [("council", term)]
    if any(phrase in fold(value) for phrase in names.council_members):  # a committee of councillors
        return [("council", term)]
    # people ("cliënt: ...", "inwoner: ...") and texts ("verordening: de Verordening cliëntenparticipatie")
    lead = _ARTICLE.sub("", head.lower()).split()[:1]
    if fold(term) in names.people or (lead and fold(lead[0]) in names.things):
        return []
    if names.college_words.found_in(term):  # "raad van bestuur: ...", "dagelijks bestuur: ..."
        # "dagelijks bestuur: de voorzitter, de secretaris en de penningmeester van de
        # adviesraad", "dagelijks bestuur: het dagelijks bestuur van het burgerpanel" is the body's
        # own board, no counterpart (the term itself repeated in the value names no counterpart)
        others = value.lower().replace(term, " ")
        if names.body_words.found_in(others) and not names.college_words.found_in(others):
            return [(_INTERNAL, term)]
        return [("college", term)]
    if names.body_words.found_in(term):
        return _body(term, value)
    # the members or a part of the body, named through it: "leden: de leden van de Wmo-adviesraad"
    lead = _LEAD.split(head, maxsplit=1)[0].split()
    if lead and fold(lead[-1]) in names.of_body and names.body_words.found_in(head[:80]):
        return _body(term, value)
    if _named_first(names.college_words, head):
        return [("college", term)]
    if _named_first(names.body_words, head[:80]):  # "de Regionale Cliëntenraad ISD Lindemaas"
        return _body(term, value)
    # the issuer's own organisation: "ISD: de Intergemeentelijke Sociale Dienst Lindemaas"
    # (its last two words: "dienst lindemaas", not the place name alone)
    own = " ".join(issuer.split()[-2:])
    return [("college", term)] if issuer and own in " ".join(value.lower().split()) else []


def _named_first(words: WordParts, head: str) -> bool:
    """Whether a role's word in what a definition says the term is starts before its first
    preposition: the thing defined is named there ("hoofd: het hoofd van de afdeling"), not in
    what follows ("initiatiefvoorstel: een voorstel van de participatieraad ...", "overleg: het
    overleg tussen het college en de adviesraad" name neither the body nor the college)."""
    cut = _LEAD.search(head)
    if cut is None:
        return words.found_in(head)
    folded = fold(head)  # (as long as the text: its letters are single characters)
    return any(0 <= folded.find(part) < cut.start() for part in words.parts) or any(
        (found := p.search(head)) is not None and found.start() < cut.start() for p in words.patterns
    )


def _body(term: str, value: str) -> list[tuple[str, str]]:
    full = _FULL_NAME.match(value)
    return [("body", term)] + ([("body", full["name"].strip().lower())] if full else [])


def term_and_value(unit: Unit) -> tuple[str, str] | None:
    """The term a definition defines, in lower case, and what it says the term is; or None."""
    if not unit.definition:
        return None
    match = _DEFINITION.match(unit.text.strip())
    if not match or "(" in match["term"]:  # "... (hierna: ...)": a name given in passing
        return None
    term = match["term"].strip().strip("'\"‘’“”").lower()
    term = _DEFINITION_OPENING.sub("", term)  # "In deze verordening wordt verstaan onder platform"
    return _ARTICLE.sub("", term), match["value"]


def _each_term(term: str) -> list[str]:
    """The terms a definition defines: two short ones at once, each ("Meedenkraad of jullie: ...")."""
    parts = term.split(" of ")
    return parts if len(parts) > 1 and all(0 < len(part.split()) <= 2 for part in parts) else [term]


def _from_definitions(units: Iterable[Unit], names: RoleNames, issuer: str) -> list[tuple[str, str]]:
    found = []
    definitions = [
        (t, value) for term, value in filter(None, map(term_and_value, units)) for t in _each_term(term)
    ]
    terms = {term for term, _ in definitions}
    for term, value in definitions:
        # an organisation whose board another definition makes the counterpart: "LDIA: de
        # Landelijke Dienst Inkomen en Arbeid" beside "directie: de directie van LDIA"
        organisation = _organisation(value, terms) if names.college_words.found_in(term) else ""
        if organisation and not names.body_words.found_in(organisation):  # (not the body's own board)
            found.append(("college", organisation))
        for role, name in _defined(term, value, names, issuer):
            found.append((role, name))
            # plain language: "wij: het college", "u: de adviesraad" name "ons", "uw" too; "leden: de
            # leden van de adviesraad" names "ieder lid"
            found.extend((role, form) for form in names.other_forms.get(name, ()))
            if role == "body" and name == term:
                found.extend((role, one) for one in singulars(name))
                # the first word of a longer name, as the provisions shorten it: "kamer Werk en
                # Inkomen" -> "de kamer"
                words = name.split()
                if len(words) > 1 and names.body_words.found_in(words[0]):
                    found.append((role, words[0]))
    return found


def _organisation(value: str, terms: set[str]) -> str:
    """The defined term a counterpart's definition names as its own ("de directie van LDIA"), or ''."""
    own = _ARTICLE.sub("", _head(value).lower().partition(" van ")[2].strip(" .;"))
    return own if own in terms else ""


def body_names(term: str, value: str, names: RoleNames) -> list[str]:
    """The names a definition gives the body it defines ("CWI: de Cliëntenraad Werk en Inkomen
    (hierna: de CWI)"): the term, the name it says, those given in passing; none for no body."""
    roles = _defined(term, value, names, "")
    if ("body", term) not in roles:
        return []
    passing = [_ARTICLE.sub("", m["name"].strip().lower()) for m in _HEREAFTER.finditer(value)]
    passing += [m["name"].lower() for m in _ABBREVIATION.finditer(value)]
    return [name for role, name in roles if role == "body"] + passing


# a pointer after a name: "de Centrale Cliëntenraad, bedoeld in artikel 2", "De Cliëntenraad X,
# ingesteld bij artikel 2, wordt (in deze verordening aangeduid als ...)"
_POINTER = re.compile(
    r",?\s*(?:als\s+)?(?:(?:bedoeld|genoemd)\s+in|ingesteld\s+(?:bij|krachtens))\s+[^,;()]*,?$", re.IGNORECASE
)
_VERB_AFTER = re.compile(r"\s+(?:wordt|worden)$", re.IGNORECASE)
# the name a "(hierna: ...)" follows: its last words that start with a capital
_NAME_BEFORE = re.compile(
    r"((?:[A-ZÀ-Ý][\w'’-]*\s+(?:(?:van|voor|de|het|en)\s+)*)*[A-ZÀ-Ý][\w'’-]*)\s*[,(]?\s*$"
)


class _Known:
    """The names of the roles known so far, folded, to find the last one named in a few words:
    by looking each name up when there are few, else by looking up each piece of the words as
    long as a name (a bylaw may define thousands)."""

    def __init__(self, known: dict[str, str]) -> None:
        self.roles: dict[str, list[str]] = {}
        for name, role in known.items():
            self.roles.setdefault(fold(name), []).append(role)
        self.lengths = sorted({len(name) for name in self.roles}, reverse=True)

    def last(self, words: str) -> tuple[int, str] | None:
        """Where the last name in ``words`` starts and its role (of two there, the greater)."""
        if len(self.roles) <= (len(words) + 1) * len(self.lengths):
            found = [
                (words.rfind(n), role) for n, roles in self.roles.items() if n in words for role in roles
            ]
            return max(found, default=None)
        for at in range(len(words), -1, -1):
            here = [
                role
                for size in self.lengths
                if at + size <= len(words)
                for role in self.roles.get(words[at : at + size], ())
            ]
            if here:
                return at, max(here)
        return None


def _role_before(text: str, names: RoleNames, known: _Known) -> str | None:
    """The role of the name that a "(hierna: ...)" or "(ASD)" follows: the capitalised name
    just before it when it names a body ("de Centrale Cliëntenraad LBWI (hierna: CCR)"), else
    the nearest name of a role in the words before it."""
    text = _POINTER.sub(
        "", _VERB_AFTER.sub("", text.rstrip())
    )  # "... LDI, bedoeld in artikel 2 (hierna: CCR)"
    named = _NAME_BEFORE.search(text)
    if named and names.body_words.found_in(named[1]):
        return "body"
    before = fold(" ".join(text.split()[-12:]))
    last = known.last(before)
    found = [last] if last is not None else []
    found += [(before.rfind(part), "body") for part in names.body_words.parts if part in before]
    return max(found)[1] if found else None


# how far before a "(hierna: ...)" its name is looked for: far more than a name and a pointer after
# it take ("de Centrale Cliëntenraad LBWI, bedoeld in artikel 2, (hierna: CCR)"), and few enough
# that a provision of many such phrases is not read again from its start for each
_BEFORE = 1000


def _aliases(units: list[Unit], names: RoleNames, known: dict[str, str]) -> list[tuple[str, str]]:
    """Names given in passing: "de Cliëntenraad Werk en Inkomen (hierna: CWI)", "de
    Adviesraad Sociaal Domein (ASD)": each takes the role of the name it follows."""
    found = []
    folded = _Known(known)
    for unit in units:
        text, lower = unit.text, unit.lower
        hereafter = "hierna" in lower or "aangeduid" in lower
        if not hereafter and "(" not in text:  # (most units: an abbreviation stands in brackets)
            continue
        matches = [*(_HEREAFTER.finditer(text) if hereafter else ()), *_ABBREVIATION.finditer(text)]
        if not matches:
            continue
        # in a definition the alias names the defined term: "Landelijke Cliëntenraad: de
        # cliëntenraad op het niveau van de raad van bestuur (hierna: LCR)"
        defined = _DEFINITION.match(text) if unit.definition else None
        term = _ARTICLE.sub("", defined["term"].strip().lower()) if defined else ""
        term_role = "body" if term and names.body_words.found_in(term) else known.get(term)
        for match in matches:
            alias = _ARTICLE.sub("", match["name"].strip().lower())
            if fold(alias).rsplit(" ", 1)[-1] in names.things:  # "(hierna: het periodiek overleg)"
                continue
            # an alias that itself names a body by its word parts is the body, whatever role the
            # name before it has: "Er is een cliëntenraad van de ISD (hierna: de cliëntenraad)"
            own = "body" if any(part in fold(alias) for part in names.body_words.parts) else None
            role = (
                term_role
                or own
                or _role_before(text[max(0, match.start() - _BEFORE) : match.start()], names, folded)
            )
            if role is None and names.body_words.found_in(alias):
                role = "body"
            if role is not None and alias:
                found.append((role, alias))
    return found


def _counterpart_issuer(issuer: str, names: RoleNames) -> str:
    """The body that issued the regulation when it is not the council - a college, the
    bestuur of a joint arrangement, an agency's board - in lower case; else ''."""
    text = issuer.strip(" ,;")
    if not text or names.council_words.found_in(text) or _COUNCIL_ISSUER.match(text):
        return ""
    return _ARTICLE.sub("", text.lower())


# "De adviesraad adviseert de stuurgroep ...", "... voert overleg met de directie ...": whoever
# the body advises, consults or is informed by is its counterpart
_TOWARDS = r"(?:adviseert|adviseren|overlegt\s+met|overleggen\s+met|overleg\s+met|informeert|informeren)"
_STOP = frozenset(
    [
        "over",
        "gevraagd",
        "ongevraagd",
        "en",
        "of",
        "bij",
        "op",
        "in",
        "met",
        "ten",
        "tenminste",
        "zo",
        "tijdig",
        "jaarlijks",
        "van",
        "voor",
        "die",
        "dat",
    ]
)


_TOWARDS_WHOM = re.compile(rf"\s+{_TOWARDS}\s+(?:het|de)\s+(?P<x>[a-zà-ÿ]+)")
_TOWARDS_WORDS = ("advise", "overleg", "informe")  # one of these stands in every match of _TOWARDS


def _named_before(lower: str, end: int, names: set[str]) -> bool:
    """Whether one of ``names`` ends at ``end`` as a whole word."""
    return any(
        lower.endswith(name, 0, end) and (end == len(name) or not lower[end - len(name) - 1].isalnum())
        for name in names
    )


def _counterparts(units: list[Unit], body: set[str], known: dict[str, str]) -> list[tuple[str, str]]:
    """Names the body advises, consults or is informed by that no list names yet."""
    if not body:
        return []
    found = []
    sizes = {len(name) for name in known}  # (a name the phrase starts with: looked up by its length)
    for unit in units:
        if unit.definition:
            continue
        lower = unit.lower
        if not any(map(lower.__contains__, _TOWARDS_WORDS)):
            continue
        for match in _TOWARDS_WHOM.finditer(lower):
            if not _named_before(lower, match.start(), body):
                continue
            phrase = lower[match.start("x") : match.start("x") + 60]
            head = match["x"]  # "de stuurgroep sociaal domein": the stuurgroep
            if head in _STOP or len(head) <= 3 or any(phrase[:n] in known for n in sizes if n <= len(phrase)):
                continue
            found.append(("college", head))
    return found


# "Het overleg wordt voorgezeten door de wethouder", "De overlegvergadering wordt geleid door een lid
# van de raad van bestuur", "De portefeuillehouder is voorzitter van het overleg"
_CHAIRED = re.compile(
    r"\b(?P<a>het|de)\s+(?P<m>overleg[a-zà-ÿ]*)\b[^.;]{0,80}?\bwordt\s+(?:voorgezeten|geleid)\s+door\s+"
    r"(?P<who>[^.;]{2,80})"
)
_CHAIRS = re.compile(
    r"(?:^|[.;]\s*|\d\.?\s+)(?P<who>[^.;]{2,60}?)\s+is\s+(?:de\s+)?voorzitter\s+van\s+(?P<a>het|de)\s+"
    r"(?P<m>overleg[a-zà-ÿ]*)\b"
)


def _chairs(units: list[Unit], known: dict[str, str]) -> list[tuple[str, str]]:
    """The chair of the consultation when a counterpart chairs it: "de voorzitter van het overleg"
    is then the college's side ("De voorzitter van de overlegvergadering stelt de agenda vast")."""
    found = []
    for unit in units:
        lower = unit.lower
        if unit.definition or not any(word in lower for word in ("voorzitter", "voorgezeten", "geleid")):
            continue
        for match in [*_CHAIRED.finditer(lower), *_CHAIRS.finditer(lower)]:
            who = f" {match['who']} "
            roles = {role for name, role in known.items() if f" {name} " in who}
            if "college" in roles and "body" not in roles:
                found.append(("college", f"voorzitter van {match['a']} {match['m']}"))
    return found


def find_roles(document: Document, units: list[Unit], names: RoleNames) -> Roles:
    """The bylaw's own names for the roles (definitions, "hierna: ...", abbreviations, the
    issuer) beside the names every bylaw may use; a name it does not define itself may take
    an ``otherwise`` role ("raad" is the council unless the bylaw's body is "de raad")."""
    issuer = _counterpart_issuer(_issuer(document), names)
    own = _from_definitions(units, names, issuer)
    known = {name: role for role in ROLES for name in names.names[role]} | {name: role for role, name in own}
    council = {name for role, name in own if role == "council"} | set(names.names["council"])
    own += [
        (role, alias)
        for role, alias in _aliases(units, names, known)
        if not (role == "body" and alias in council)
    ]
    own += [("college", issuer)] if issuer else []
    body = {name for role, name in own if role == "body"} | set(names.names["body"])
    every = (
        known
        | {n: role for role in ROLES for n in names.otherwise[role]}
        | {name: role for role, name in own}
    )
    own += _counterparts(units, body, every)
    own += _chairs(units, every)
    taken = {name for _, name in own}
    internal = {name for role, name in own if role == _INTERNAL}
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for role, name in own:
        if role != _INTERNAL:
            found[role].append(name)
    for role in ROLES:
        found[role].extend(n for n in names.names[role] if n not in internal)
        found[role].extend(n for n in names.otherwise[role] if n not in taken)
    return Roles({role: tuple(n for n in dict.fromkeys(found[role]) if n) for role in ROLES})


class RoleMarker:
    """Marks the tokens that name a role, in their NORM (``@body``), where the matchers see it.

    Names are matched by one matcher for the names every bylaw may use, made once, and a small
    one for the names a bylaw defines itself; which role a name stands for is the bylaw's. ``names``
    holds the name behind each matcher's key (quicker than the string store, which decodes it again)."""

    def __init__(self, nlp: Language, names: RoleNames) -> None:
        self.nlp = nlp
        self.common = frozenset(n for role in ROLES for n in (*names.names[role], *names.otherwise[role]))
        self.names: dict[int, str] = {}
        self.matcher = self._matcher(tuple(sorted(self.common)))
        self.own: dict[tuple[str, ...], PhraseMatcher] = {}
        self.marks = {role: nlp.vocab.strings.add(ROLE_MARK + role) for role in ROLES}
        self.articled = names.articled

    def _matcher(self, names: tuple[str, ...]) -> PhraseMatcher:
        """A matcher of the names and their plural forms; each match keyed by its name."""
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for name in names:
            forms = [self.nlp.make_doc(form) for form in plurals(name)]
            # ("PR." ending a sentence is one token where spaCy knows such an abbreviation)
            forms += [doc for doc in (self.nlp.make_doc(name + "."),) if len(doc) == 1]
            matcher.add(name, forms)
            self.names[self.nlp.vocab.strings[name]] = name
        return matcher

    def mark(self, roles: Roles, docs: list[Doc]) -> None:
        role_of = roles.role_of()
        matchers = [self.matcher]
        own = tuple(sorted(set(role_of) - self.common))
        if own:
            if own not in self.own:
                if len(self.own) >= 64:  # a cache of the latest bylaws' own names
                    self.own.pop(next(iter(self.own)))
                self.own[own] = self._matcher(own)
            matchers.append(self.own[own])
        names = self.names
        for doc in docs:
            found = sorted(  # the longest name first at each place
                (start, start - end, _RANK[role], end, role)
                for matcher in matchers
                for key, start, end in matcher(doc)
                if (role := role_of.get(names[key]))
                and (names[key] not in self.articled or doc[start - 1 : start].text.lower() in ("de", "het"))
            )
            if found:
                self._set(doc, found)

    def _set(self, doc: Doc, found: list[tuple[int, int, int, int, str]]) -> None:
        """Set the marks of the names ``found`` in the norms, the first of those that overlap."""
        places: list[int] = []
        marks: list[int] = []
        taken = -1
        for start, _, _, end, role in found:
            if start >= taken:
                places.extend(range(start, end))
                marks.extend([self.marks[role]] * (end - start))
                taken = end
        norms = doc.to_array(NORM)  # the norms as they read, set again with the marks in them
        norms[places] = marks
        doc.from_array([NORM], norms.reshape(-1, 1))  # type: ignore[arg-type]


_RANK = {role: rank for rank, role in enumerate(ROLES)}

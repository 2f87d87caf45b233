"""Roles: who is who in this bylaw - the participation body, the college, the council.

The names come from the bylaw itself (its definitions article, "hierna: ..." phrases,
the body that issued it) and from the names every bylaw may use (``rules/roles.yaml``).
:class:`RoleMarker` marks the words that name a role in a text the pipeline read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import define
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..knowledge import ROLE_MARK, ROLES, RoleNames, fold
from ..model import Document
from .units import Unit

__all__ = ["RoleMarker", "Roles", "find_roles"]


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


_DEFINITION_OPENING = re.compile(r"^.*?\b(?:verstaan|verstaat)\s+onder\s*", re.IGNORECASE)
_DEFINITION = re.compile(r"^(?P<term>[^:;]{1,60}?)\s*:\s*(?P<value>.+)$")
_HEREAFTER = re.compile(
    r"\(?\s*hierna(?:\s+te\s+noemen)?\s*:?\s*(?:de|het)?\s*(?P<name>[^);,.]{2,40})\)?", re.I
)
_FULL_NAME = re.compile(
    r"(?:de|het|een)?\s*(?P<name>[A-ZÀ-Ý][\w\- ]{2,60}?)(?:[,;.(]|$| van | bedoeld| als )"
)
_ARTICLE = re.compile(r"^(?:de|het)\s+")


def _issuer(document: Document) -> str:
    if document.preamble is None:
        return ""
    return next((f.value for f in document.preamble.fields if f.key == "orgaan"), "")


def _defined(term: str, value: str, names: RoleNames, issuer: str) -> list[tuple[str, str]]:
    """The roles one definition gives: (role, name) pairs, or none."""
    council_issued = bool(re.search(r"raad\b", issuer, re.IGNORECASE))
    if names.council_words.found_in(value) and not names.body_words.found_in(
        value.split(",")[0].replace("raad van", "")
    ):
        return [("council", term)]
    if names.college_words.found_in(value) or (
        issuer and not council_issued and issuer.lower().split()[-1] in value.lower()
    ):
        return [("college", term)]
    if not (names.body_words.found_in(term) or names.body_words.found_in(value[:80])):
        return []
    if fold(term) in names.people:  # "cliënt: ...", "inwoner: ..." are people, not the body
        return []
    full = _FULL_NAME.match(value)
    return [("body", term)] + ([("body", full["name"].strip().lower())] if full else [])


def _from_definitions(units: Iterable[Unit], names: RoleNames, issuer: str) -> list[tuple[str, str]]:
    found = []
    for unit in units:
        if not unit.definition:
            continue
        match = _DEFINITION.match(unit.text.strip())
        if not match:
            continue
        term = match["term"].strip().strip("'\"‘’“”").lower()
        term = _DEFINITION_OPENING.sub("", term)  # "In deze verordening wordt verstaan onder platform"
        found.extend(_defined(_ARTICLE.sub("", term), match["value"], names, issuer))
    return found


def find_roles(document: Document, units: list[Unit], names: RoleNames) -> Roles:
    """The bylaw's own names for the roles (definitions, "hierna: ...", the issuer) beside
    the names every bylaw may use; a name it does not define itself may take an
    ``otherwise`` role ("raad" is the council unless the bylaw's body is "de raad")."""
    issuer = _issuer(document)
    own = _from_definitions(units, names, issuer)
    council = {name for role, name in own if role == "council"} | set(names.names["council"])
    for unit in units:
        if "hierna" not in unit.text.lower():
            continue
        for match in _HEREAFTER.finditer(unit.text):
            alias = match["name"].strip().lower()
            if names.body_words.found_in(alias) and alias not in council:
                own.append(("body", alias))
    if issuer and not re.search(r"raad\b", issuer, re.IGNORECASE):
        own.append(("college", _ARTICLE.sub("", issuer.strip(" ,;").lower())))
    taken = {name for _, name in own}
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    for role, name in own:
        found[role].append(name)
    for role in ROLES:
        found[role].extend(names.names[role])
        found[role].extend(n for n in names.otherwise[role] if n not in taken)
    return Roles({role: tuple(n for n in dict.fromkeys(found[role]) if n) for role in ROLES})


def _variants(name: str) -> list[str]:
    forms = [name]
    if not name.endswith(("s", "en")):
        forms += [name + "en", name + "s"]
    return forms


class RoleMarker:
    """Marks the tokens that name a role, in their NORM (``@body``), where the matchers see it.

    Names are matched by one matcher for the names every bylaw may use, made once, and a
    small one for the names a bylaw defines itself; which role a name stands for is the
    bylaw's."""

    def __init__(self, nlp: Language, names: RoleNames) -> None:
        self.nlp = nlp
        self.common = frozenset(n for role in ROLES for n in (*names.names[role], *names.otherwise[role]))
        self.matcher = self._matcher(tuple(sorted(self.common)))
        self.own: dict[tuple[str, ...], PhraseMatcher] = {}

    def _matcher(self, names: tuple[str, ...]) -> PhraseMatcher:
        """A matcher of the names and their plural forms; each match keyed by its name."""
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        for name in names:
            matcher.add(name, [self.nlp.make_doc(form) for form in _variants(name)])
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
        strings = self.nlp.vocab.strings
        for doc in docs:
            found = []
            for matcher in matchers:
                for key, start, end in matcher(doc):
                    role = role_of.get(strings[key])
                    if role:
                        found.append((start, start - end, ROLES.index(role), end, role))
            taken = -1
            for start, _, _, end, label in sorted(found):  # the longest name first at each place
                if start < taken:
                    continue
                for token in doc[start:end]:
                    token.norm_ = ROLE_MARK + label
                taken = end

"""The verdict: is this text a bylaw about client participation at all?

Decided by its content: a body with participation rights, and a legal basis or a
title that says so. Citations alone decide nothing: benefits and youth-care bylaws cite
the same articles. The title words live in ``rules/verdict.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..diagnostics import Diagnostic, diagnostic
from ..knowledge import VerdictWords
from ..model import Document
from ..vocabulary import BasisSource, Verdict
from .basis import Basis
from .judge import ElementEvidence

__all__ = ["decide_verdict", "title_names"]


def title_names(words: VerdictWords, title: str) -> tuple[bool, bool]:
    """Whether the title names client participation, and whether it names another subject.
    An advisory body of another policy field ("Adviesraad Duurzaamheid") names that field:
    its "adviesraad" does not count as a participation body; a regulation made under another
    ("Nadere regels vergoedingen adviesraad") names no participation bylaw at all."""
    if words.lower.found_in(title):
        return False, True
    field_body = words.other_field.found_in(title)
    rest = words.other_field.blanked(title) if field_body else title
    return words.participation.found_in(rest), field_body or words.other.found_in(title)


# "gelet op het advies van de cliëntenraad": an advice heard, whatever the field's opening word
_HEARD = re.compile(r"(?:het|de)\s+advie(?:s|zen)\b", re.IGNORECASE)


def _preamble_names(words: VerdictWords, document: Document, said_only: bool = False) -> bool:
    """Whether the aanhef says the text is about client participation ("overwegende dat ...
    cliënten ... worden betrokken bij de uitvoering"); with ``said_only``, in so many words (the
    patterns), not by naming a body or the participation in passing."""
    if document.preamble is None:
        return False
    # not who issued it, nor whose advice it heard ("gezien het advies van de cliëntenraad":
    # any bylaw of the social domain says so), nor what follows the signature (a decision without
    # articles that adopts a policy plan printed after it)
    said = " ".join(
        f.value
        for f in document.preamble.fields
        if f.key not in ("orgaan", "gezien", "gehoord", "ondertekening") and not _HEARD.match(f.value)
    )
    if said_only:
        return any(p.search(said) for p in words.preamble.patterns)
    return words.preamble.found_in(said)


def _rests_on(words: VerdictWords, document: Document) -> bool:
    """Whether the aanhef's "gelet op" names a statute of another participation regime."""
    if document.preamble is None:
        return False
    return any(f.key == "gelet_op" and words.other_regime.found_in(f.value) for f in document.preamble.fields)


def _adopted(document: Document) -> str:
    """What the aanhef says is adopted (its "besluit" field), or ''."""
    if document.preamble is None:
        return ""
    return next((f.value for f in document.preamble.fields if f.key == "besluit"), "")


def _title(document: Document) -> str:
    """The title, else the official name the metadata gives (a page whose title stands in it)."""
    if document.title is not None and document.title.title:
        return document.title.title
    meta = document.metadata.fields if document.metadata is not None else ()
    named = next((f.value for f in meta if f.key in ("officiele_naam", "citeertitel") and f.value), "")
    return named or (document.info.title or "" if document.info is not None else "")


def decide_verdict(
    words: VerdictWords, document: Document, evidence: Mapping[str, ElementEvidence], basis: Basis
) -> tuple[Verdict, tuple[Diagnostic, ...]]:
    """The verdict, and a diagnostic when a participation bylaw holds no articles."""
    title = _title(document)
    if words.lower.found_in(title):  # (whatever body or basis it names)
        return Verdict.NOT_PARTICIPATION_BYLAW, ()
    named, other = title_names(words, title)
    if not (named or other or document.articles):
        # a bare "Raadsbesluit" without articles: what it adopts ("besluit: het Beleidsplan Wmo
        # en Jeugd 2022-2025 vast te stellen") names its subject
        named, other = title_names(words, _adopted(document))
    # (a youth or seniors' council's title needs more than its aanhef: see below; and a title that may
    # name another subject, "Verordening burgerparticipatie en buurtbudgetten", is no bare title: an
    # aanhef that mentions the adviesraad in passing does not make it one about client participation,
    # one that says clients are involved does)
    named = named or (
        not other
        and not words.body.found_in(title)
        and _preamble_names(words, document, said_only=words.weak_other.found_in(title))
    )
    rights = [el for el in words.rights if evidence[el].primary]
    other = other or (not rights and words.weak_other.found_in(title))
    stated = any(
        b.framework and b.source in (BasisSource.PREAMBLE, BasisSource.METADATA) for b in basis.legal_basis
    )
    # "Verordening Jongerenraad Jeugdhulp": a council that is a participation body when the
    # basis says so and it has rights
    named = named or bool(words.body.found_in(title) and stated and rights)
    # a general bylaw ("Verordening maatschappelijke ondersteuning") with a chapter on client
    # participation that grants rights regulates it there
    named = named or bool(rights and _chapter_names(words, document))
    # a care institution's client council under the Wmcz, resting on that law alone
    if not stated and _rests_on(words, document):
        return Verdict.NOT_PARTICIPATION_BYLAW, ()
    if other and not named:
        return Verdict.NOT_PARTICIPATION_BYLAW, ()
    if not document.articles:
        if named:  # a text cut short before its articles, or a decision without them
            return Verdict.PARTICIPATION_BYLAW, (diagnostic("C010"),)
        return Verdict.NO_ARTICLES, ()
    if (stated and (rights or named)) or (named and rights) or (named and not other):
        return Verdict.PARTICIPATION_BYLAW, ()
    return Verdict.NOT_PARTICIPATION_BYLAW, ()


def _chapter_names(words: VerdictWords, document: Document) -> bool:
    """Whether a chapter, afdeling or paragraaf has a title that names client participation
    ("Hoofdstuk 6 Cliëntenparticipatie")."""
    return any(
        node.kind in ("chapter", "afdeling", "paragraaf") and words.participation.found_in(node.title or "")
        for node in document.root.walk()
    )

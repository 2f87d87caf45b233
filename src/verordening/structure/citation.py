"""Ids and lawyer-style citations (Aanwijzingen voor de regelgeving, nr. 3.29).

See ``docs/conventions.md`` for the table this module implements.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Namer", "ordinal"]

_ORDINALS = [
    "nulde",
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
]
_UNITS = ["een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen"]
_TENS = {2: "twintigste", 3: "dertigste", 4: "veertigste", 5: "vijftigste"}
_TENS_STEM = {2: "twintig", 3: "dertig", 4: "veertig", 5: "vijftig"}


def ordinal(number: int) -> str:
    """The Dutch ordinal word: 2 -> 'tweede', 21 -> 'eenentwintigste'."""
    if 0 < number < len(_ORDINALS):
        return _ORDINALS[number]
    tens, unit = divmod(number, 10)
    if tens in _TENS:
        if unit == 0:
            return _TENS[tens]
        joint = "ën" if _UNITS[unit - 1].endswith("e") else "en"
        return f"{_UNITS[unit - 1]}{joint}{_TENS_STEM[tens]}ste"
    return f"{number}e"


_DEGREE = re.compile(r"°")


class Named(NamedTuple):
    """What naming a child needs of its parent."""

    kind: str
    id: str
    citation: str


class Namer:
    """Gives each node its id and citation, from its kind, number and parent."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}
        self.annex_count = 0
        self.annex_seen = 0
        self.unstructured = 0

    def unique(self, node_id: str) -> str:
        count = self.used.get(node_id, 0) + 1
        self.used[node_id] = count
        return node_id if count == 1 else f"{node_id}~{count}"

    def name(self, kind: str, number: str | None, parent: Named | None) -> tuple[str, str]:
        key = (number or "").lower()
        if kind in _FIXED:
            node_id, citation = _FIXED[kind]
            if kind == "toelichting" and parent is not None:
                return self.unique(f"toel/art{key}"), f"toelichting bij artikel {number}"
            return self.unique(node_id), citation
        if kind == "unstructured":
            self.unstructured += 1
            return self.unique(f"tekst{self.unstructured}"), "ongestructureerde tekst"
        if kind == "annex":
            self.annex_seen += 1
            label = key or str(self.annex_seen)
            citation = (
                "bijlage" if not number and self.annex_count == 1 else f"bijlage {number or self.annex_seen}"
            )
            return self.unique(f"bijlage{label}"), citation
        if kind == "chapter":
            return self.unique(f"hfd{key}"), f"hoofdstuk {number}"
        if kind in ("afdeling", "paragraaf"):
            word = "afd" if kind == "afdeling" else "par"
            inside = parent is not None and parent.kind in ("chapter", "afdeling")
            node_id = f"{parent.id}/{word}{key}" if inside and parent else f"{word}{key}"
            citation = f"{kind} {number}"
            if inside and parent and "." not in (number or ""):
                citation = f"{parent.citation}, {citation}"
            return self.unique(node_id), citation
        if kind == "article":
            in_annex = parent is not None and parent.kind == "annex"
            stem = "art-enig" if number is None else f"art{key}"
            words = "enig artikel" if number is None else f"artikel {number}"
            if in_annex and parent:
                return self.unique(f"{parent.id}/{stem}"), f"{parent.citation}, {words}"
            return self.unique(stem), words
        if parent is None:  # a lid without article cannot come from the grammar
            return self.unique(f"{kind}{key}"), f"{kind} {number}"
        if kind == "lid":
            words = f"{ordinal(int(key))} lid" if key.isdigit() else f"lid {number}"
            return self.unique(f"{parent.id}/lid{key}"), f"{parent.citation}, {words}"
        if kind == "onderdeel":
            return self.unique(f"{parent.id}/{key}"), f"{parent.citation}, onderdeel {number}"
        # subonderdeel
        plain = _DEGREE.sub("", key)
        shown = f"{plain}°" if plain.isdigit() else number
        return self.unique(f"{parent.id}/{plain}"), f"{parent.citation}, onder {shown}"


_FIXED = {
    "metadata": ("meta", "metadata"),
    "title": ("titel", "opschrift"),
    "preamble": ("aanhef", "aanhef"),
    "closing": ("slot", "ondertekening"),
    "toelichting": ("toel", "toelichting"),
}

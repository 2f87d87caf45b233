"""Provisions: the units the rules read, cut where the parser cut the bylaw.

Every lid, onderdeel and sub-onderdeel (and every article without leden) is one unit,
read with the opening words (aanhef) of the lists it stands in. Only the articles of
the regulation and its annexes bind; the toelichting is read, but never counts.
"""

from __future__ import annotations

import re

from attrs import define, field

from ..model import Document, Node

__all__ = ["Unit", "units_of"]


@define(frozen=True)
class Unit:
    """One provision: its own words, where it stands, and whether it binds."""

    index: int
    node: Node
    text: str
    article: Node | None
    parents: tuple[int, ...]  # units whose text opens the list this unit stands in
    binding: bool  # an article of the regulation or its annex; not the toelichting
    definition: bool  # part of a definitions article
    lower: str = field(init=False, eq=False, repr=False)  # the text in lower case, as several steps read it

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())

    @property
    def article_id(self) -> str:
        return self.article.id if self.article is not None else ""


# the labels the lexer reads (``structure.lines``), "(1)" of Word drafts included
_LABEL = re.compile(r"^(?:\(\d{1,3}\)|(?:[Ll]id\s)?\d{1,3}[a-z]?[.):°]?|[a-z]{1,2}[.)]|[ivx]{1,5}[.)])\s*")
_DEFINITIONS = re.compile(
    r"wordt\s+(?:in\s+deze\s+\w+\s+)?verstaan\s+onder|verstaat\s+onder|begripsbepaling|"
    r"begripsomschrijving|begrippen|definities?\b|"
    # plain language: "In deze verordening bedoelen wij met: a. wij: het college ..."
    r"bedoelen\s+(?:wij|we)\s+met|verstaan\s+(?:wij|we)\s+onder|wordt\s+bedoeld\s+met|"
    r"in\s+deze\s+\w+\s+(?:betekent|betekenen)\b|"  # "In deze verordening betekent: a. panel: ..."
    # "Artikel 1 Wat betekenen de woorden in deze verordening? In deze verordening gebruiken we deze woorden:"
    r"betekenen\s+de\s+woorden|gebruiken\s+(?:wij|we)\s+(?:deze|de\s+volgende)\s+woorden",
    re.IGNORECASE,
)


_OWN_RULES = re.compile(r"\b(?:reglement\s+van\s+orde|huishoudelijk\s+reglement)\b", re.IGNORECASE)
_PART_OF = re.compile(r"\b(?:maakt|maken)\s+(?:deel|onderdeel)\s+uit\b", re.IGNORECASE)


# the letters that match an ASCII letter of _DEFINITIONS when case is ignored, but do not
# lower to it (an "i" or an "s")
_ODD_LETTERS = ("\u0130", "\u0131", "\u017f")


def _defines(text: str) -> bool:
    """Whether an article's heading and opening words say it defines terms: told by its lower
    case first, quicker than by the expression that ignores case."""
    lower = text.lower()
    hinted = any(map(lower.__contains__, ("verstaa", "begrip", "definitie", "bedoel", "beteken")))
    if hinted or any(map(text.__contains__, _ODD_LETTERS)):
        return _DEFINITIONS.search(text) is not None
    return False


def _own_lines(node: Node) -> list[str]:
    """The node's own words, line by line: up to its first child, without label or heading."""
    # the children's texts end the node's text, each on lines of its own
    text = node.text
    if node.children:
        tail = "\n" + "\n".join(child.text for child in node.children)
        if text.endswith(tail):
            text = text[: -len(tail)]
        elif (cut := text.find(node.children[0].text)) >= 0:
            text = text[:cut]
    if "|" in text:
        text = _without_explanations(text)
    if node.kind in ("article", "toelichting") and node.id:
        lines = text.split("\n")[1:]
        if lines and node.title and lines[0] == node.title:
            lines = lines[1:]
        return lines
    label = _LABEL.match(text)  # (quicker than a substitution)
    return (text[label.end() :] if label else text).split("\n")


# the header of a table's column that explains the others: not what the bylaw says
_EXPLAINING = frozenset(["toelichting", "uitleg", "opmerking", "opmerkingen", "noot", "noten"])


def _without_explanations(text: str) -> str:
    """The text without the cells of a table column headed "Toelichting" (or "Uitleg",
    "Opmerkingen"): rows written "Recht | Inhoud | Toelichting", one to a line, as a table
    copied from Word or a web page is; the column runs as long as rows have as many cells."""
    lines = text.split("\n")
    column, cells = -1, 0
    for k, line in enumerate(lines):
        parts = line.split("|")
        if column < 0 or len(parts) != cells:  # not a row of the table found: perhaps a header
            table = len(parts) > 2 or (len(parts) == 2 and all(p.strip() for p in parts))
            names = [part.strip().strip("*").strip().lower() for part in parts] if table else []
            column = next((i for i, name in enumerate(names) if name in _EXPLAINING), -1)
            cells = len(parts)
        if column >= 0:
            lines[k] = "|".join(part for i, part in enumerate(parts) if i != column)
    return "\n".join(lines)


# a drafter's note left in a Word draft ("[Opmerking AvD: bedrag nog afstemmen]", "[toelichting:
# termijn nog afstemmen]") or an editor's ("[Red: ...]") is no text of the bylaw: it is left out of
# what the rules read (citations keep the full text)
_EDITORIAL = re.compile(
    r"\[\s*(?:opmerking|opm|noot|nb|n\.b\.|pm|p\.m\.|vraag|commentaar|let op|todo|check|toelichting|red"
    r"|redactie)\b[^\]]*\]",
    re.IGNORECASE,
)


def _without_notes(text: str) -> str:
    """The text without drafters' notes. (Each note ends at a "]": the expression runs only up to
    the last one, so that a text of many "[opmerking" without it is not read once for each.)"""
    last = text.rfind("]") + 1
    return _EDITORIAL.sub(" ", text[:last]) + text[last:]


# a definition on a line of its own: "wij: het college van burgemeester en wethouders;"
_ONE_DEFINITION = re.compile(r"[^:;\n]{1,60}?\s*:\s*\S")


def _definitions(lines: list[str]) -> list[str]:
    """The provisions of a definitions article without leden, from its own ``lines``: its words as
    one, but when it lists its definitions one to a line without labels (bullets a Word list or a
    web page left, and cleaning took away), each definition as one of its own, after the opening
    words."""
    if sum(1 for line in lines if _ONE_DEFINITION.match(line)) < 2:
        return [" ".join(lines)]
    found: list[list[str]] = []
    for line in lines:  # the opening words, and any line that continues a definition, stay with it
        if found and not _ONE_DEFINITION.match(line):
            found[-1].append(line)
        else:
            found.append([line])
    return [" ".join(parts) for parts in found]


def units_of(document: Document) -> list[Unit]:
    """All provisions of the document, parents before children."""
    units: list[Unit] = []

    def visit(
        node: Node, article: Node | None, parents: tuple[int, ...], binding: bool, definition: bool
    ) -> None:
        heads = node.kind == "article" or (node.kind == "toelichting" and node.number)
        provision = node.kind in ("article", "lid", "onderdeel", "subonderdeel", "toelichting")
        lines = _own_lines(node) if heads or provision else []
        own = " ".join(lines)
        if heads:
            article = node
            definition = binding and _defines(f"{node.title or ''} {own}")
        elif node.kind == "lid" and binding and not definition:
            # a lid of an article without a heading that opens definitions ("2. In deze
            # verordening wordt verstaan onder: a. ...")
            definition = _defines(own)
        if provision:
            for text in _definitions(lines) if definition and heads and not node.children else [own]:
                if "[" in text:
                    text = _without_notes(text)
                if text.strip():
                    units.append(Unit(len(units), node, text, article, parents, binding, definition))
            if node.children and units and units[-1].node is node:
                parents = (*parents, len(units) - 1)
        for child in node.children:
            visit(child, article, parents, binding, definition)

    # an annex of the body's own rules of procedure binds only when the bylaw makes it part of
    # itself ("Het reglement van orde in de bijlage maakt deel uit van deze verordening"); one the
    # body adopts itself ("Het panel stelt zelf een reglement van orde vast") binds no one else
    def declared() -> bool:
        return any(_PART_OF.search(top.text) for top in document.children if top.kind != "annex")

    for top in document.children:
        if top.kind == "annex" and _OWN_RULES.search(top.title or "") and not declared():
            visit(top, None, (), False, False)
        elif top.kind in ("chapter", "afdeling", "paragraaf", "article", "annex"):
            visit(top, None, (), True, False)
        elif top.kind == "toelichting":
            visit(top, None, (), False, False)
    return units

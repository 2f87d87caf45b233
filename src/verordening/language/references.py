"""References inside the bylaw, resolved to the provisions they point to.

"het overleg, bedoeld in artikel 6, eerste lid", "het in het tweede lid bedoelde
advies", "het vorige lid", "artikel 5 is van overeenkomstige toepassing", "lid 3",
"onderdeel b": each provision's references become the units they name, so that the
rules can read a provision together with the one it points at. A reference to another
law's article ("artikel 47 van de Participatiewet") names nothing in the bylaw.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date

from attrs import evolve

from ..load.markup import iso_date
from ..structure.citation import ordinal
from .units import Unit

__all__ = ["not_in_force", "resolve_references"]

_ORDINAL = {ordinal(n): n for n in range(1, 41)}
_NUMBER = r"\d+(?:[.:]\d+)*[a-z]?"
_LID = rf"(?:(?P<ord>{'|'.join(sorted(_ORDINAL, key=len, reverse=True))})\s+lid|lid\s+(?P<num>\d+))"
_PART = r"(?:onderdeel|sub|onder)\s+(?P<part>[a-z]{1,2}|\d+°?)\b"
_ARTICLE_REF = re.compile(
    rf"\b(?:artikel|art\.)\s*(?P<art>{_NUMBER})\b(?:,?\s*{_LID})?(?:,?\s*{_PART})?"
    r"(?!\s*,?\s*(?:van|uit)\s+(?:de|het)\s+(?!verordening|regeling|reglement)[A-Za-z])",
    re.IGNORECASE,
)
# its own article: "Dit artikel is niet van toepassing op ...", "het in het onderhavige artikel bepaalde"
_THIS_ARTICLE = re.compile(r"\b(?:dit|het\s+onderhavige|onderhavig)\s+artikel\b", re.IGNORECASE)
# "de artikelen 4:1 en 4:2", "de artikelen 3 tot en met 5"
_ARTICLE_LIST = re.compile(
    rf"\bartikelen\s+(?P<list>{_NUMBER}(?:\s*(?:,|\ben\b|\btot\s+en\s+met\b)\s*{_NUMBER})+)", re.IGNORECASE
)
_OWN_LID = re.compile(rf"(?<!artikel )\b(?:het|dit|de|in)\s+{_LID}(?:,?\s*{_PART})?", re.IGNORECASE)
# "het eerste en tweede lid", "het eerste tot en met derde lid", "de leden 1 en 2"
_ORDINAL_WORD = "|".join(sorted(_ORDINAL, key=len, reverse=True))
_LID_LIST = re.compile(
    rf"\b(?:het|de)\s+(?P<list>(?:{_ORDINAL_WORD})(?:\s*(?:,|en|tot\s+en\s+met)\s*(?:{_ORDINAL_WORD}))+)\s+lid\b"
    r"|\bde\s+leden\s+(?P<numbers>\d+(?:\s*(?:,|en|tot\s+en\s+met)\s*\d+)+)",
    re.IGNORECASE,
)

# "artikel 4, eerste en tweede lid", "artikel 4, leden 1 tot en met 3": some leden of an article
_ARTICLE_LIDS = re.compile(
    rf"\b(?:artikel|art\.)\s*(?P<art>{_NUMBER}),?\s*(?:(?:het|de)\s+)?"
    rf"(?:(?P<list>(?:{_ORDINAL_WORD})(?:\s*(?:,|en|tot\s+en\s+met)\s*(?:{_ORDINAL_WORD}))+)\s+lid\b"
    r"|leden\s+(?P<numbers>\d+(?:\s*(?:,|en|tot\s+en\s+met)\s*\d+)+))",
    re.IGNORECASE,
)


def _count(digits: str) -> int | None:
    """The number ``digits`` write; None for no number, or one longer than any a bylaw numbers
    (Python refuses to read a number of thousands of digits, and no article or lid has one)."""
    return int(digits) if digits.isdigit() and len(digits) <= 6 else None


def _articles(listed: str) -> list[str]:
    """The article numbers of a list, a range of whole numbers filled in."""
    found: list[str] = []
    for piece in re.split(r"\s*(?:,|\ben\b)\s*", listed, flags=re.IGNORECASE):
        ends = re.split(r"\s+tot\s+en\s+met\s+", piece, flags=re.IGNORECASE)
        first, last = (_count(ends[0]), _count(ends[1])) if len(ends) == 2 else (None, None)
        if first is not None and last is not None and last - first < 50:
            found += [str(n) for n in range(first, last + 1)]
        else:
            found += [e for e in ends if e]
    return found


def _listed(match: re.Match[str]) -> list[int]:
    """The lid numbers of a list, ranges ("tot en met") filled in (one of 50 or more: its ends,
    as for articles - no article has that many leden)."""
    text = re.sub(r"\s+tot\s+en\s+met\s+", " t/m ", (match["list"] or match["numbers"]).lower())
    numbers: list[int] = []
    for piece in re.split(r"\s*(?:,|\ben\b)\s*", text):  # (the "en" of "tot en met" read as a range)
        ends = [_ORDINAL.get(w, _count(w) or 0) for w in piece.split(" t/m ")]
        numbers += list(range(ends[0], ends[-1] + 1)) if len(ends) == 2 and ends[1] - ends[0] < 50 else ends
    return [n for n in numbers if n > 0]


# both are looked for only in texts that hold their words (in lower case, or with a letter
# that matches an "i" when case is ignored but does not lower to one: see _ODD_I)
_NEAR_LID = re.compile(r"\b(?:het\s+)?(?P<which>vorige|voorgaande|volgende)\s+lid\b", re.IGNORECASE)
# "Het college kan hiervan afwijken": a departure from the lid before
_DEPARTURE = re.compile(
    r"\b(?:hier|daar)van\s+(?:\w+\s+){0,3}?(?:afwijken|afwijkt|afgeweken)\b", re.IGNORECASE
)


class _Under:
    """The units that stand in a node (or are it), by the node's id, found as asked: the ids
    sorted, those under "art5" are "art5" itself and the run of ids from "art5/" on."""

    def __init__(self, units: list[Unit]) -> None:
        placed = sorted((unit.node.id, unit.index) for unit in units)
        self.ids = [node_id for node_id, _ in placed]
        self.units = [index for _, index in placed]

    def get(self, node_id: str) -> set[int]:
        ids = self.ids
        first = bisect_left(ids, node_id)
        end = bisect_right(ids, node_id, first)
        # every id that continues with a "/" sorts before the same id continued by "0"
        below = bisect_left(ids, node_id + "/", end)
        last = bisect_left(ids, node_id + "0", below)
        return {*self.units[first:end], *self.units[below:last]}


def _lid_number(match: re.Match[str]) -> int | None:
    if match["ord"]:
        return _ORDINAL.get(match["ord"].lower())
    return _count(match["num"]) if match["num"] else None


def _target(article: str, lid: int | None, part: str | None) -> str:
    target = f"art{article.lower()}"
    if lid is not None:
        target += f"/lid{lid}"
    if part:
        target += f"/{part.lower().rstrip('°')}"
    return target


def _own_lid(unit: Unit) -> int | None:
    """The number of the lid a unit stands in, if it stands in one."""
    found = re.search(r"/lid(\d+)", unit.node.id)
    return int(found[1]) if found else None


def _references(unit: Unit, under: _Under) -> set[int]:
    text, found = unit.text, set()
    lower = unit.lower
    if "art" in lower:
        some = {}  # where a reference names some leden of an article: those, not the whole article
        if "lid" in lower or "leden" in lower:
            for match in _ARTICLE_LIDS.finditer(text):
                some[match.start()] = [_target(match["art"], lid, None) for lid in _listed(match)]
        for match in _ARTICLE_REF.finditer(text):
            for target in some.get(match.start(), [_target(match["art"], _lid_number(match), match["part"])]):
                found |= under.get(target)
        for match in _ARTICLE_LIST.finditer(text):
            for article in _articles(match["list"]):
                found |= under.get(_target(article, None, None))
        if "uitzondering" in lower or "behoudens" in lower:
            found -= _excepted(text, under)
    if unit.article_id:
        found |= _in_own_article(unit, unit.article_id, under)
        if "artikel" in lower and _THIS_ARTICLE.search(text):
            found |= under.get(unit.article_id)  # "Dit artikel is niet van toepassing op ..."
    found.discard(unit.index)
    return found


# "Artikel 5 is van overeenkomstige toepassing ..., met uitzondering van het derde lid"
_EXCEPTED_LIDS = re.compile(
    rf"\b(?:met\s+uitzondering\s+van|behoudens)\s+(?:het|de)\s+(?P<list>(?:{_ORDINAL_WORD})"
    rf"(?:\s*(?:,|en|tot\s+en\s+met)\s*(?:{_ORDINAL_WORD}))*)\s+(?:lid|leden)\b",
    re.IGNORECASE,
)


def _excepted(text: str, under: _Under) -> set[int]:
    """The leden an exception after a whole article leaves out of it: "Artikel 5 is van
    overeenkomstige toepassing, met uitzondering van het derde lid" applies all of artikel 5 but
    its derde lid."""
    found: set[int] = set()
    references = list(_ARTICLE_REF.finditer(text))  # (found once: a text may hold many exceptions)
    starts = [reference.start() for reference in references]
    for match in _EXCEPTED_LIDS.finditer(text):
        at = bisect_left(starts, match.start())
        if not at or _lid_number(references[at - 1]) is not None:
            continue
        for lid in _listed(match):
            found |= under.get(_target(references[at - 1]["art"], lid, None))
    return found


def _in_own_article(unit: Unit, article: str, under: _Under) -> set[int]:
    """The leden of its own article a unit names: "het tweede lid", "de leden 1 en 2", "het vorige
    lid", "hiervan afwijken"."""
    text, found = unit.text, set()
    lower = unit.lower
    if "lid" in lower or "leden" in lower:
        for match in _OWN_LID.finditer(text):
            lid = _lid_number(match)
            if lid is not None:
                part = f"/{match['part'].lower().rstrip('°')}" if match["part"] else ""
                found |= under.get(f"{article}/lid{lid}{part}")
        for match in _LID_LIST.finditer(text):
            for lid in _listed(match):
                found |= under.get(f"{article}/lid{lid}")
    own = _own_lid(unit)
    if own is not None:
        odd = _ODD_I[0] in text or _ODD_I[1] in text
        if odd or "vorige" in lower or "voorgaande" in lower or "volgende" in lower:
            for match in _NEAR_LID.finditer(text):
                step = 1 if match["which"].lower() == "volgende" else -1
                found |= under.get(f"{article}/lid{own + step}")
        if (odd or "hiervan" in lower or "daarvan" in lower) and _DEPARTURE.search(text):
            found |= under.get(f"{article}/lid{own - 1}")
    return found


def resolve_references(units: Iterable[Unit]) -> tuple[frozenset[int], ...]:
    """Per unit, the units its references name (the unit itself never)."""
    every = list(units)
    hinted = [u for u in every if _hinted(u.text, u.lower)]
    if not hinted:
        return tuple(frozenset() for _ in every)
    under = _Under(every)
    found = {u.index: frozenset(_references(u, under)) for u in hinted}
    return tuple(found.get(u.index, frozenset()) for u in every)


_HINT = re.compile(r"artikel|art\.|\blid\b|\bleden\b|(?:hier|daar)van", re.IGNORECASE)
_LID_WORD = re.compile(r"\bl(?:id|eden)\b")
# the letters that match an "i" when case is ignored, but do not lower to one
_ODD_I = ("\u0130", "\u0131")


def _hinted(text: str, lower: str) -> bool:
    """Whether a text (``lower``: in lower case) may name an article or a lid, or depart from one
    (:data:`_HINT`): most texts are told by their lower case alone, quicker than by the expression
    that ignores case."""
    if "artikel" in lower or "art." in lower or "hiervan" in lower or "daarvan" in lower:
        return True
    if _ODD_I[0] in text or _ODD_I[1] in text:
        return _HINT.search(text) is not None
    return ("lid" in lower or "leden" in lower) and _LID_WORD.search(lower) is not None


# "In afwijking van het eerste lid treden artikel 9, tweede en derde lid, in werking met ingang van
# 1 januari 2027", "Artikel 6 vervalt met ingang van 1 januari 2017"
_STARTS = (
    re.compile(r"\b(?:treedt|treden)\b", re.IGNORECASE),
    re.compile(r"\bin\s+werking\b", re.IGNORECASE),
)
_ENDS = re.compile(r"\b(?:vervalt|vervallen|wordt\s+ingetrokken|worden\s+ingetrokken)\b", re.IGNORECASE)
_DEPARTING = re.compile(
    r"\bin\s+afwijking\s+van\s+(?:(?:het|de)\s+\w+\s+(?:lid|leden)|(?:artikel|art\.)\s*[\w.:]+)",
    re.IGNORECASE,
)


def not_in_force(units: list[Unit], as_of: date) -> frozenset[int]:
    """The provisions another provision of the bylaw puts in force after ``as_of``, or ends on or
    before it, on a date it names: what they grant is no right on ``as_of``. (Not a provision it
    departs from: "In afwijking van het eerste lid ...")."""
    found: set[int] = set()
    under: _Under | None = None
    for unit in units:
        if not unit.binding or not any(word in unit.lower for word in ("werking", "verv", "ingetrok")):
            continue
        starts = all(pattern.search(unit.text) for pattern in _STARTS)
        ends = _ENDS.search(unit.text) is not None
        day = iso_date(unit.text) if starts or ends else None
        if day is None or (date.fromisoformat(day) > as_of) != starts:
            continue
        under = under or _Under(units)
        found |= _references(evolve(unit, text=_DEPARTING.sub(" ", unit.text)), under)
    return frozenset(found)

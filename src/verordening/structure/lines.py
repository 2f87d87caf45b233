"""Recognisers of what a single line can be, without looking at its neighbours.

A heading (article, chapter, afdeling, paragraaf, annex, toelichting) and whether the
rest of the line is its title; a label (lid, number, letter, roman numeral) and how
labels count on; a date, closing formula, signature or preamble key word; a list that
publication sites flattened onto one line. What a label means in its article needs
context, which the lexer in ``blocks.py`` keeps; the names it uses have no underscore.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..diagnostics import MONTHS

__all__ = [
    "ABBREVIATION",
    "ARTICLE",
    "BARE_LETTER",
    "BEFORE_A_DATE",
    "CLOSING",
    "DATE_LINE",
    "HEADING_FIRST",
    "LABEL_FIRST",
    "LETTER_LABEL",
    "LID_WORD",
    "META_TOP",
    "NOT_AFTER_BARE_NUMBER",
    "NUMBER_LABEL",
    "PLACE_NAME",
    "PREAMBLE_KEY",
    "PREAMBLE_OPENER",
    "ROMANS",
    "SIGNATURE",
    "TITLE_WORD",
    "TOEL_ARTICLE",
    "Line",
    "annex_heading",
    "as_int",
    "heading_kind",
    "inline_lists",
    "next_letter",
    "next_roman",
    "plausible_title",
    "split_inline",
    "title_line",
    "toelichting_heading",
]


class Line(NamedTuple):
    """One line of the cleaned text, with its span (a named tuple: a text has many)."""

    start: int
    end: int
    text: str


# -- heading patterns -------------------------------------------------------------
# (up to 99999: more than a regulation may hold, see ``Limits.articles``)
_NUM = r"\d{1,5}(?:[.:]\d{1,4}){0,3}[a-zA-Z]{0,2}|[IVXLC]{1,7}(?![a-z])"
ARTICLE = re.compile(
    rf"(?:(?P<enig>[Ee]nig [Aa]rtikel|ENIG ARTIKEL)|(?:Artikel|ARTIKEL|Art\.|ART\.)\s?(?P<num>{_NUM}))"
    # (not part of a number: "Artikel 2:1, eerste lid, is niet van toepassing" is a sentence)
    r"(?![.:]\d)(?=[\s.:\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
TOEL_ARTICLE = re.compile(
    rf"(?:Artikel|ARTIKEL|Artikelen|ARTIKELEN|Art\.)\s?(?P<num>{_NUM})"
    r"(?=[\s.:,\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_CHAPTER = re.compile(
    rf"(?:Hoofdstuk|HOOFDSTUK)\s?(?P<num>{_NUM})(?=[\s.:\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_AFDELING = re.compile(
    rf"(?:Afdeling|AFDELING)\s?(?P<num>{_NUM})(?=[\s.:\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_PARAGRAAF = re.compile(
    rf"(?:§\s?|Paragraaf\s|PARAGRAAF\s)(?P<num>{_NUM})(?=[\s.:\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_ANNEX = re.compile(
    r"(?:Bijlage|BIJLAGE)(?:\s(?P<num>\d{1,3}[a-z]?|[IVXLC]{1,6}|[A-Z])(?=[\s.:\-–—]|$))?"
    r"[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_TOELICHTING = re.compile(
    r"(?:(?:Algemene|ALGEMENE|Artikelsgewijze|Artikelgewijze|ARTIKELSGEWIJZE|Memorie van)\s)?"
    r"(?:[Tt]oelichting|TOELICHTING)(?P<rest>\b.*)$"
)
# Words that show "Artikel 4 ..." at the start of a line is a reference, not a heading.
_REFERENCE_WORDS = re.compile(
    r"(?:van|lid|leden|eerste|tweede|derde|vierde|vijfde|zesde|onder|sub|en|of|tot|t/m|is|zijn|"
    r"wordt|worden|bepaalt|geldt|gelden|blijft|blijven|vervalt|komt|kan|kunnen|heeft|hebben|ziet|"
    r"strekt|treedt|luidt|juncto|jo\.?|"
    r"aanhef|onderdeel|der|de|het|dat|die)\b",
    re.IGNORECASE,
)
MONTH_NAMES = "|".join(MONTHS["nl"])
# "besluit", also spaced out ("b e s l u i t"), and the bodies that issue a bylaw
BESLUIT = r"b\s?e\s?s\s?l\s?u\s?i\s?t(?:en|\se\sn)?"
ISSUER = r"(?:gemeente)?(?:raad|college|dagelijks\sbestuur|algemeen\sbestuur|bestuur)"
# a place (at most four words: "Bergen op Zoom") and a date, as on the line of signing. (Words are
# parted by spaces only: a hyphen is part of a word, "Alphen-Chaam"; parted by either, as the
# words may hold hyphens too, a long hyphenated line could be cut into words in so many ways
# that the expression never ends)
DATE_LINE = re.compile(
    rf"(?:[A-Z'’][\w'’.-]*(?:[ ][\w'’.-]+){{0,3}},?\s)?"
    rf"(?:\d{{1,2}}\s(?:{MONTH_NAMES})\s\d{{4}}|\d{{1,2}}-\d{{1,2}}-\d{{4}})\.?$",
    re.IGNORECASE,
)
# a line ending in a word that a date completes ("met ingang van" / "1 juli 2016."): the date
# line after it ends that sentence and opens no closing
BEFORE_A_DATE = re.compile(r"\b(?:van|op|per|tot|vanaf|na|voor|sinds|uiterlijk|met|in)$", re.IGNORECASE)
CLOSING = re.compile(
    r"(?:Aldus\b|Zo vastgesteld|Vastgesteld\s(?:in|bij|door|ter)\b|Ondertekening\b|Gedaan\ste\b|"
    r"Namens\sde\sraad|Ondertekend\b)"
)
SIGNATURE = re.compile(r"(?:[Dd]e\s)?(?:raads)?(?:griffier|voorzitter|burgemeester|secretaris)\s*[,.]?$")
# a place name alone, as on the line before the date of signing
PLACE_NAME = re.compile(r"[A-Z'’][\w'’.-]*(?:[ ][A-Za-z'’][\w'’.-]*){0,3},?")

# -- preamble and metadata ---------------------------------------------------------
PREAMBLE_KEY = re.compile(
    rf"(?:gelezen|gezien|gelet|overwegende|overwegend|{BESLUIT}|"
    r"met\sinachtneming|in\saanmerking|gehoord|beschikkende|vast\ste\sstellen)\b",
    re.IGNORECASE,
)
# the body issuing the bylaw: council, college, board of a joint arrangement or an agency
PREAMBLE_OPENER = re.compile(
    rf"(?:(?:de|het)\s{ISSUER}|"
    r"burgemeester\sen\swethouders)\b",
    re.IGNORECASE,
)
META_TOP = re.compile(
    r"(?:Ziet u een fout|Geldend van|Regeling vervallen|Wetstechnische informatie|"
    r"Gegevens van de regeling|Geldig van|Dit is een historische versie)"
)
TITLE_WORD = re.compile(
    r"(?:Verordening|VERORDENING|Regeling|REGELING|Reglement|Besluit|Beleidsregels?|Nadere regels|"
    r"Instellingsbesluit|Wijzigingsverordening)\b"
)

# -- labels ------------------------------------------------------------------------
LID_WORD = re.compile(r"(?:[Ll]id|LID)\s(?P<num>\d{1,3}[a-z]?)(?:[.:]\s*|\s+|$)(?P<rest>.*)$")
# "1.", "1)", "1°" (also "1°."), "1", and "(1)" as Word drafts number leden (read as "1)")
NUMBER_LABEL = re.compile(
    r"(?P<open>\()?(?P<num>\d{1,3})(?P<delim>(?(open)\)|[.)°:]?))(?:(?<=°)\.)?(?:\s+|(?=[^\W\d_])|$)"
    r"(?P<rest>.*)$"
)
LETTER_LABEL = re.compile(r"(?P<num>[a-z]{1,2}|[ivx]{1,5})(?P<delim>[.)])\s*(?P<rest>.*)$")
BARE_LETTER = re.compile(r"(?P<num>[a-z])\s(?P<rest>\S.*)$")
ABBREVIATION = re.compile(r"[a-z]\.")
# (a unit in lower case: "3 leden" is a number of members, "3 Leden van de raad ..." a lid;
# a month in any case: "1 Januari 2020")
NOT_AFTER_BARE_NUMBER = re.compile(
    rf"(?:(?i:{MONTH_NAMES})|jaar|jaren|keer|maal|weken|week|dagen|dag|maanden|maand|uur|leden|lid|"
    r"personen|euro|procent|%|x\b)"
)
ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def next_letter(letter: str | None) -> str:
    if not letter:
        return "a"
    if letter == "z":
        return "aa"
    if len(letter) == 2 and letter[0] == letter[1] and letter[0] != "z":
        nxt = chr(ord(letter[0]) + 1)
        return nxt + nxt
    if len(letter) == 1:
        return chr(ord(letter) + 1)
    return ""


def next_roman(roman: str | None) -> str:
    if not roman:
        return "i"
    if roman in ROMANS[:-1]:
        return ROMANS[ROMANS.index(roman) + 1]
    return ""


def as_int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def plausible_title(title: str) -> bool:
    """A heading's title on the same line: not the rest of a sentence citing it."""
    if not title:
        return True
    if title[0] in ",;)":
        return False
    first = title[0]
    if first.islower() or first == "(":
        return not _REFERENCE_WORDS.match(title)
    return not _REFERENCE_WORDS.match(title) or first.isupper()


def title_line(text: str) -> bool:
    """A line that can be the title of the heading above it."""
    if not text or len(text) > 110 or len(text.split()) > 14:
        return False
    if text[-1] in ".;:," or not (text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“("):
        return False
    if NUMBER_LABEL.match(text):
        return False
    return not (heading_kind(text) or CLOSING.match(text))


# the characters a heading can start with (the patterns above): most lines are skipped on that
HEADING_FIRST = frozenset("AEeHP§BMTt")
# ... and a label (LID_WORD, NUMBER_LABEL, LETTER_LABEL, BARE_LETTER), besides any digit
LABEL_FIRST = frozenset("L(abcdefghijklmnopqrstuvwxyz")


def heading_kind(text: str) -> tuple[str, re.Match[str]] | None:
    """Chapter, afdeling, paragraaf or article heading on this line, if any."""
    if text[:1] not in HEADING_FIRST:
        return None
    for kind, pattern in (
        ("ARTICLE", ARTICLE),
        ("CHAPTER", _CHAPTER),
        ("AFDELING", _AFDELING),
        ("PARAGRAAF", _PARAGRAAF),
    ):
        match = pattern.match(text)
        if match and plausible_title(match.group("title")):
            return kind, match
    return None


def annex_heading(text: str) -> re.Match[str] | None:
    if text[:1] not in HEADING_FIRST:
        return None
    match = _ANNEX.match(text)
    if not match or len(text) > 160 or text[-1] in ";,":
        return None
    title = match.group("title")
    if (
        title
        and (title[0].islower() and _REFERENCE_WORDS.match(title))
        and not title.startswith(("bij", "behorend"))
    ):
        return None
    return match


def toelichting_heading(text: str) -> bool:
    if text[:1] not in HEADING_FIRST:
        return False
    match = _TOELICHTING.match(text)
    return bool(match) and len(text) <= 160 and not text.endswith((";", ","))


# a list written on one line, as publication sites flatten it: "... verstaan onder: a. wet:
# de Participatiewet;b. college: ..." (letters in order, each item after a semicolon)
_INLINE_OPENER = re.compile(r":\s*(?P<label>a)[.)]\s")
_INLINE_ITEM = re.compile(r";\s*(?P<label>[a-z])[.)]\s")
# the opener anywhere in a text, within a line: most texts have none
_INLINE_IN_TEXT = re.compile(r":[^\S\n]*a[.)][^\S\n]")


def inline_lists(text: str, start: int) -> bool:
    """Whether a line of ``text`` after offset ``start`` may hold a list written on it."""
    return _INLINE_IN_TEXT.search(text, start) is not None


def split_inline(line: Line) -> list[Line]:
    """The line cut before each label of a list written on it, or the line itself."""
    opener = _INLINE_OPENER.search(line.text)
    if opener is None:
        return [line]
    cuts = [opener.start("label")]
    expected = "b"
    for item in _INLINE_ITEM.finditer(line.text, opener.end()):
        if item["label"] != expected:
            break
        cuts.append(item.start("label"))
        expected = chr(ord(expected) + 1)
    if len(cuts) < 2:
        return [line]
    parts = []
    begin = 0
    for cut in cuts:
        end = len(line.text[:cut].rstrip())
        if end > begin:
            parts.append(Line(line.start + begin, line.start + end, line.text[begin:end]))
        begin = cut
    parts.append(Line(line.start + begin, line.end, line.text[begin:]))
    return parts

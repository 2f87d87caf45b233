"""Publication headers printed above a bylaw's title, one line at a time.

Official publication sites, and the copies others make of them, print a header above the
text: a banner ("GEMEENTEBLAD", "Gemeenteblad van Ede", "STAATSCOURANT", "BLAD
GEMEENSCHAPPELIJKE REGELING", "CVDR"), the publisher ("Officiële uitgave van ...",
"Officieel blad van ..."), number and date ("Nr. 3318 | 19 december 2018"), labelled lines
("Organisatie Ede", "OrganisatietypeGemeente", "Rubriek: Verordeningen") and a table whose
header and row were glued into single lines ("Datum publicatieOrganisatieJaargang en
nummerRubriek" above "EdeGemeenteblad 2020, 267064VerordeningenVerordening van ...").

This module reads such lines into fields and says how much of a line is header; where
the header ends and the title begins is decided by the lexer's front matter
(``front.py``). Spans are offsets within the line.
"""

from __future__ import annotations

import heapq
import re

from attrs import define

from .lines import MONTH_NAMES

__all__ = [
    "HeaderField",
    "header_fields",
    "header_kind",
    "header_prefix",
    "label_alone",
    "read_row",
    "table_columns",
]


@define(frozen=True)
class HeaderField:
    """One field of a header line: key, label as printed, value, span within the line."""

    key: str
    label: str
    value: str
    start: int
    end: int


# a date as publication headers print it: 19-12-2018 or 19 december 2018
_DATE_TEXT = rf"\d{{1,2}}-\d{{1,2}}-\d{{4}}|\d{{1,2}}\s(?:{MONTH_NAMES})\s\d{{4}}"
# the official sheets a regulation is published in, as named in a reference
_SHEET = r"Gemeenteblad|Staatscourant|Provinciaal\sblad|Waterschapsblad|Blad\sgemeenschappelijke\sregeling"

# -- the pieces of a banner line -----------------------------------------------------------
# a sheet with its year and number: "Gemeenteblad 2020, 267064"
_REFERENCE = re.compile(rf"(?P<value>(?:{_SHEET})\s\d{{4}},?\s*(?:nr\.\s*)?\d+)", re.IGNORECASE)
# a banner: "GEMEENTEBLAD", "GEMEENTEBLAD PEELDERWOLD", "Gemeenteblad van Ede", "1 CVDR" (with the
# page number a transcription puts before it), "BLAD GEMEENSCHAPPELIJKE REGELING"
_BANNER = re.compile(
    r"(?:\d{1,3}\s+)?(?P<value>GEMEENTEBLAD|STAATSCOURANT|PROVINCIAAL\sBLAD|WATERSCHAPSBLAD|"
    r"BLAD\sGEMEENSCHAPPELIJKE\sREGELING|CVDR|Gemeenteblad|Staatscourant|Provinciaal\sblad|"
    r"Offici(?:ële|ele)\spublicatie|"
    r"Waterschapsblad|Blad\sgemeenschappelijke\sregeling)"
    r"(?:\s+van\s+(?P<publisher>[^.|\d][^.|]*?)(?=\.?\s*(?:Nr\.|\||$))|\s+(?P<name>[A-Z][A-Z'’ -]*[A-Z]))?"
    r"\.?(?=[\s|]|$|[A-Z])"
)
# the publisher: "Officiële uitgave van gemeente Ede", "Officieel blad van ..." (to "Nr." or the end)
_PUBLISHER = re.compile(
    r"Offici(?:ële|ele)\suitgave\svan\s(?P<value>.+?)\.?(?=\s*Nr\.|$)|"
    r"Officieel\sblad\svan\s(?P<blad>.+?)\.?(?=\s*Nr\.|$)"
)
# the number, with the date after a bar: "Nr. 3318 | 19 december 2018", "Nr. CVDR472122_1."
_NUMBER = re.compile(
    rf"Nr\.?\s*(?P<value>[A-Za-z]*\d[\w-]*)\.?(?:\s*\|?\s*(?P<date>{_DATE_TEXT})\.?)?", re.IGNORECASE
)
# a date standing in the header
_DATE = re.compile(rf"(?P<value>{_DATE_TEXT})\.?")
# between bars: the year of the sheet, and the kind of text ("Gemeenteblad van Ede | 2016 |
# nr. 55120 | 29 april 2016 | Regelgeving")
_BARRED = re.compile(r"(?P<value>(?:19|20)\d\d|Regelgeving|Verordeningen|Beleidsregels)(?=\s*(?:\||$))")
_BARRED_KEYS = {"Regelgeving": "type_regelgeving", "Verordeningen": "rubriek", "Beleidsregels": "rubriek"}
# what may stand between two pieces
_GAP = re.compile(r"[\s|,]*")

# -- labelled lines and tables ---------------------------------------------------------------
_LABELS = (
    ("datum_publicatie", "Datum publicatie"),
    ("organisatietype", "Organisatietype"),
    ("organisatie", "Organisatie"),
    ("jaargang_en_nummer", "Jaargang en nummer"),
    ("rubriek", "Rubriek"),
    ("datum_besluit", "Datum besluit"),
    ("ingangsdatum", "Ingangsdatum"),
    ("type_regelgeving", "Type regelgeving"),
    ("type_regelgeving", "Type regeling"),
    ("datum_publicatie", "Publicatiedatum"),
    ("datum_ondertekening", "Datum ondertekening"),
    ("soort", "Soort"),
    ("onderwerp", "Onderwerp"),
    ("vastgesteld_door", "Vastgesteld door"),
    ("wettelijke_grondslag", "Wettelijke grondslag"),
    ("inwerkingtreding", "Inwerkingtreding"),
    ("type_regelgeving", "Type"),
    ("datum", "Datum"),
)
_LABEL_KEYS = {label.lower(): key for key, label in _LABELS}
_KEY_LABELS = {key: label for key, label in reversed(_LABELS)}


def _key(label: str) -> str:
    """The key of a label as printed ("Datum  publicatie" -> "datum_publicatie")."""
    return _LABEL_KEYS[re.sub(r"\s+", " ", label).lower()]


# the words of a label are joined by spaces, never by a tab: a tab ends the label
_LABEL = "|".join(label.replace(" ", "[ ]") for _, label in _LABELS)
# a label with its value, glued ("OrganisatieEde"), spaced ("Organisatie Ede"), after a tab or a
# wide space ("Vastgesteld door\tgemeenteraad") or after a colon
_WORDY = "|".join(
    label.replace(" ", "[ ]")
    for key, label in _LABELS
    if key in ("vastgesteld_door", "wettelijke_grondslag", "onderwerp", "rubriek")
)
_LABELLED = re.compile(
    rf"(?P<label>(?i:{_LABEL}))(?:\s*:\s*|\t\s*|\s{{2,}}|\s+(?=[A-Z0-9])|(?=[A-Z0-9]))(?P<value>\S.*)$"
    # labels whose values may start in lower case: "Vastgesteld door gemeenteraad"
    rf"|(?P<wordy>(?i:{_WORDY}))\s*:?\s*(?P<lower>[^\sA-Z]\S*(?:\s.*)?)$"
    # a row of a table copied as Markdown: "| Organisatie | Gemeente Waterlo |"
    rf"|\|\s*(?P<plabel>(?i:{_LABEL}))\s*\|\s*(?P<pvalue>[^|]*[^|\s])\s*\|?\s*$"
)
_LABEL_GROUPS = (("label", "value"), ("wordy", "lower"), ("plabel", "pvalue"))
# a label alone on its line, its value on the next
_LABEL_ALONE = re.compile(rf"(?:{_LABEL})\s*:?$", re.IGNORECASE)
# a table header: two or more labels glued or spaced into one line (see _table_header)
_ONE_LABEL = tuple(re.compile(rf"{label.replace(' ', '[ ]')}\s*", re.IGNORECASE) for _, label in _LABELS)
# ... by the first letter of the label (a letter that is not ASCII is tried with every label)
_LABELS_AT = {
    first: tuple(
        one for (_, label), one in zip(_LABELS, _ONE_LABEL, strict=True) if label[0].lower() == first
    )
    for first in {label[0].lower() for _, label in _LABELS}
}
_LETTERS = re.compile(r"(?:[^\W\d_]|\s)*+")  # (possessive: no place kept to go back to per letter)
_TABLE_LABEL = re.compile(_LABEL, re.IGNORECASE)
# the rubrics a publication files a regulation under; else a word glued to the next ("...enVerordening")
_RUBRIC = re.compile(
    r"(?P<value>Overige\sbesluiten\svan\salgemene\sstrekking|Besluiten\svan\salgemene\sstrekking|"
    r"Verordeningen|Regelingen|Beleidsregels|Andere\sbesluiten|Besluiten|Plannen|Mededelingen|"
    r"[A-Z][a-z]+(?:\s[a-z]+)*?(?=[A-Z]))"
)
# the columns of a table row that can be read on their own; the others are free text
_COLUMN = {
    "datum_publicatie": _DATE,
    "datum_besluit": _DATE,
    "ingangsdatum": _DATE,
    "jaargang_en_nummer": _REFERENCE,
    "rubriek": _RUBRIC,
}
_OPTIONAL_COLUMNS = ("datum_publicatie", "datum_besluit", "ingangsdatum")
# the fields that make a line a banner, not just a number or a date
_STRONG = ("blad", "uitgever", "jaargang_en_nummer")


def _piece(text: str, pos: int) -> tuple[list[HeaderField], int]:
    """The fields of the banner piece at ``pos`` and where it ends; ([], pos) when none."""
    match = _REFERENCE.match(text, pos)
    if match:
        return [_field("jaargang_en_nummer", "", match, "value")], match.end()
    match = _BANNER.match(text, pos)
    if match:
        found = [_field("blad", "", match, "value")]
        if match["publisher"]:
            found.append(_field("uitgever", "van", match, "publisher"))
        if match["name"]:
            found.append(_field("uitgever", "", match, "name"))
        return found, match.end()
    match = _PUBLISHER.match(text, pos)
    if match:
        group = "value" if match["value"] else "blad"
        label = "Officiële uitgave van" if group == "value" else "Officieel blad van"
        return [_field("uitgever", label, match, group)], match.end()
    match = _NUMBER.match(text, pos)
    if match:
        found = [_field("nummer", "Nr.", match, "value")]
        if match["date"]:
            found.append(_field("datum_publicatie", "", match, "date"))
        return found, match.end()
    match = _DATE.match(text, pos)
    if match:
        return [_field("datum_publicatie", "", match, "value")], match.end()
    match = _BARRED.match(text, pos) if pos and text[:pos].rstrip().endswith("|") else None
    if match:
        return [_field(_BARRED_KEYS.get(match["value"], "jaargang"), "", match, "value")], match.end()
    return [], pos


def _field(key: str, label: str, match: re.Match[str], group: str) -> HeaderField:
    return HeaderField(key, label, match[group].strip(), match.start(group), match.end(group))


def header_prefix(text: str) -> tuple[list[HeaderField], int]:
    """The banner pieces a line opens with, and where they end.

    "1 CVDR Officiële uitgave van Dinkelland. Nr. CVDR472122_1 21 december 2018 Verordening
    ..." gives the banner, publisher, number and date, and the offset of "Verordening".
    """
    fields: list[HeaderField] = []
    pos = end = 0
    while pos < len(text):
        found, piece_end = _piece(text, pos)
        if not found:
            break
        fields.extend(found)
        end = piece_end
        pos = _GAP.match(text, end).end()  # type: ignore[union-attr]
    return fields, end


def _table_header(text: str) -> bool:
    """Whether the line is two or more labels, glued or spaced, and nothing else. (The labels
    overlap - "Organisatietype" is "Organisatie" and "Type" too - so an expression that repeats
    them tries every way to cut a long line into labels before it fails; here each place in the
    line is reached once, with the number of labels before it, up to two.)"""
    if not text or not _LETTERS.fullmatch(text):
        return False
    reached: dict[int, set[int]] = {0: {0}}
    ahead = [0]
    while ahead:
        pos = heapq.heappop(ahead)
        for count in reached.pop(pos):
            if pos == len(text) and count >= 2:
                return True
            first = text[pos : pos + 1].lower()
            for label in _LABELS_AT.get(first, ()) if first.isascii() else _ONE_LABEL:
                found = label.match(text, pos)
                if found is None:
                    continue
                end = found.end()
                if end not in reached:
                    reached[end] = set()
                    heapq.heappush(ahead, end)
                reached[end].add(min(count + 1, 2))
    return False


def header_fields(text: str) -> list[HeaderField]:
    """The fields of one header line that is not a table: labelled, or banner pieces."""
    match = _LABELLED.match(text)
    if match and not _table_header(text):
        label, group = next((match[lbl], value) for lbl, value in _LABEL_GROUPS if match[lbl])
        key = _key(label)
        return [HeaderField(key, label, match[group].strip(), match.start(group), len(text))]
    fields, end = header_prefix(text)
    return fields if end == len(text) or len(fields) >= 2 else []


def header_kind(text: str) -> str | None:
    """What a line of a header is: "table" (a table header, its row on the next line), "alone"
    (a label, its value on the next line), "label" (a labelled line), "banner" (banner,
    publisher or sheet reference, maybe with number and date), "weak" (only a number or a
    date), or None for a line that is no header."""
    if _table_header(text):
        return "table"
    if _LABEL_ALONE.match(text):
        return "alone"
    if _LABELLED.match(text):
        return "label"
    fields, end = header_prefix(text)
    if not fields or (end < len(text) and len(fields) < 2):
        return None
    return "banner" if any(f.key in _STRONG for f in fields) else "weak"


def label_alone(text: str) -> str | None:
    """The key of a label standing alone on its line (its value on the next), or None."""
    if not _LABEL_ALONE.match(text):
        return None
    return _key(text.rstrip(" :"))


def table_columns(text: str) -> list[str]:
    """The keys of a glued table header ("Datum publicatieOrganisatie..."), or []."""
    if not _table_header(text):
        return []
    return [_key(m.group()) for m in _TABLE_LABEL.finditer(text)]


def read_row(columns: list[str], text: str) -> tuple[list[HeaderField], int | None]:
    """The fields of a table row under ``columns``, and where the text after the last column
    begins (the title, on a Gemeenteblad page), or None when the row ends with the columns.

    Free-text columns (organisation) end where the next readable column begins.
    """
    fields: list[HeaderField] = []
    pos = 0
    pending: str | None = None
    for key in columns:
        pattern = _COLUMN.get(key)
        if pattern is None:
            pending = key
            continue
        pos = _GAP.match(text, pos).end()  # type: ignore[union-attr]
        match = pattern.search(text, pos) if pending else pattern.match(text, pos)
        if match is None:
            if key in _OPTIONAL_COLUMNS:
                continue
            return fields, None
        if pending:
            fields.append(_free(pending, text, pos, match.start()))
            pending = None
        fields.append(_field(key, _KEY_LABELS[key], match, "value"))
        pos = match.end()
    if pending:
        fields.append(_free(pending, text, pos, len(text)))
        return fields, None
    rest = _GAP.match(text, pos).end()  # type: ignore[union-attr]
    return fields, rest if rest < len(text) and text[rest].isalnum() else None


def _free(key: str, text: str, start: int, end: int) -> HeaderField:
    value = text[start:end].strip(" ,|")
    at = text.index(value, start) if value else start
    return HeaderField(key, _KEY_LABELS[key], value, at, at + len(value))

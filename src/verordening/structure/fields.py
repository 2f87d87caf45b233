"""Label/value pairs of a metadata block and of a preamble.

Both work on the cleaned text of their block and return spans in the cleaned text;
the parser maps them back to the original.
"""

from __future__ import annotations

import re

from attrs import define

from .header import HeaderField, header_fields, header_kind, label_alone, read_row, table_columns
from .lines import BESLUIT

__all__ = ["RawField", "metadata_fields", "preamble_fields"]


@define(frozen=True)
class RawField:
    key: str
    label: str
    value: str
    start: int
    end: int


# Labels of the "Gegevens van de regeling" table, glued to their value on the page.
_INLINE_LABELS = (
    ("organisatie", "Overheidsorganisatie"),
    ("organisatietype", "Organisatietype"),
    ("organisatie", "Organisatie"),
    ("officiele_naam", "Officiële naam regeling"),
    ("citeertitel", "Citeertitel"),
    ("vastgesteld_door", "Vastgesteld door"),
    ("eigen_onderwerp", "Eigen onderwerp"),
    ("onderwerp", "Onderwerp"),
)
# Labels whose value stands on the lines below them.
_BLOCK_LABELS = (
    ("opmerkingen", "Opmerkingen met betrekking tot de regeling"),
    ("wettelijke_grondslag", "Wettelijke grondslag"),
    ("gedelegeerde_regelgeving", "Regelgeving die op deze regeling is gebaseerd"),
    ("wijzigingen", "Overzicht van in de tekst verwerkte wijzigingen"),
)
_TABLE_HEADERS = {
    "Datum inwerkingtreding": "inwerkingtreding",
    "Terugwerkende kracht tot en met": "terugwerkende_kracht",
    "Datum uitwerkingtreding": "uitwerkingtreding",
    "Betreft": "betreft",
    "Datum ondertekening": "ondertekening",
    "Bron bekendmaking": "bron_bekendmaking",
    "Kenmerk voorstel": "kenmerk_voorstel",
}
_LABEL_STARTS = tuple(label for _, label in _INLINE_LABELS + _BLOCK_LABELS)
# the headers of the table of changes when a page broke them over two lines
_TABLE_HEADER_PIECES = (
    "Terugwerkende",
    "kracht tot en met",
    "Datum inwerking-",
    "Datum uitwerking-",
    "treding",
)
_STOP = ("Tekst van de regeling", "Wetstechnische informatie", "Gegevens van de regeling")
_DATE = re.compile(r"\d{2}-\d{2}-\d{4}")
_GELDEND = re.compile(r"Geldend van (?P<from>\S+)(?: t/m (?P<to>.+))?$")
_VERVALLEN = re.compile(r"Regeling vervallen per (?P<date>\S+)$")
_ITEM_NUMBER = re.compile(r"\d{1,2}[.)]\s+")
_LINE = re.compile(r"[^\n]+")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _LINE.finditer(text, start, end)]


def metadata_fields(text: str, start: int, end: int) -> list[RawField]:
    """Pairs of an official publication page's header block."""
    reader = _MetadataReader()
    for s, e, line in _lines(text, start, end):
        reader.read(s, e, line)
    return [*reader.fields, *_table_fields(reader.changes)]


class _MetadataReader:
    """A metadata block, line by line: a label with its value on the line, a section label
    whose value stands on the lines below, the table of changes, and the lines of a
    publication header (``header.py``)."""

    def __init__(self) -> None:
        self.fields: list[RawField] = []
        self.section: str | None = None
        self.section_label = ""
        self.changes: list[tuple[int, int, str]] = []  # rows of the table of changes
        self.columns: list[str] = []  # a header table just read: its row comes next
        self.alone: str | None = None  # a header label alone: its value comes next

    def read(self, s: int, e: int, line: str) -> None:
        if (self.columns or self.alone) and self._value_of_header(s, e, line):
            return
        if line.startswith(_STOP):
            self.section = None
            return
        if self._validity(s, e, line):
            return
        block = next(((k, lbl) for k, lbl in _BLOCK_LABELS if line.startswith(lbl)), None)
        if block:
            self.section, self.section_label = block
        elif self.section is not None or not self._header(s, line):
            self._in_section(s, e, line)

    def _value_of_header(self, s: int, e: int, line: str) -> bool:
        """The row under a header table, or the value under a label alone; False when the
        line is another label (the label alone had no value)."""
        columns, key = self.columns, self.alone
        self.columns, self.alone = [], None
        if columns:
            fields, _ = read_row(columns, line)
            self.fields.extend(_raw(f, s) for f in fields)
            return True
        assert key is not None
        if header_kind(line) in ("table", "alone", "label") or line.startswith(_LABEL_STARTS + _STOP):
            self.fields.append(RawField(key, "", "", s, s))
            return False
        self.fields.append(RawField(key, "", line, s, e))
        return True

    def _validity(self, s: int, e: int, line: str) -> bool:
        """ "Geldend van ... t/m ..." and "Regeling vervallen per ..."."""
        match = _GELDEND.match(line)
        if match:
            start, end = s + match.start("from"), s + match.end("from")
            self.fields.append(RawField("geldend_van", "Geldend van", match["from"], start, end))
            if match["to"]:
                self.fields.append(RawField("geldend_tot", "t/m", match["to"], s + match.start("to"), e))
            return True
        match = _VERVALLEN.match(line)
        if match:
            label = "Regeling vervallen per"
            self.fields.append(RawField("vervallen_per", label, match["date"], s + match.start("date"), e))
            return True
        return False

    def _header(self, s: int, line: str) -> bool:
        """A line of a publication header: table header, label alone, labelled or banner line."""
        self.columns = table_columns(line)
        self.alone = None if self.columns else label_alone(line)
        if self.columns or self.alone:
            return True
        if line.startswith(_LABEL_STARTS):
            return False  # the labels of "Gegevens van de regeling" read below
        fields = header_fields(line)
        self.fields.extend(_raw(f, s) for f in fields)
        return bool(fields)

    def _in_section(self, s: int, e: int, line: str) -> None:
        section, label = self.section, self.section_label
        inline = next(((k, lbl) for k, lbl in _INLINE_LABELS if line.startswith(lbl)), None)
        if inline and section != "wijzigingen":
            key, label = inline
            value = line[len(label) :].lstrip(" :")
            self.fields.append(RawField(key, label, value.strip(), e - len(value) if value else e, e))
            self.section = None
        elif section == "wijzigingen":
            if line not in _TABLE_HEADERS and line not in _TABLE_HEADER_PIECES:
                self.changes.append((s, e, line))
        elif section == "wettelijke_grondslag":
            item = _ITEM_NUMBER.match(line)
            offset = item.end() if item else 0
            self.fields.append(RawField(section, label, line[offset:], s + offset, e))
        elif section is not None:
            self.fields.append(RawField(section, label, line, s, e))


def _raw(field: HeaderField, line_start: int) -> RawField:
    return RawField(field.key, field.label, field.value, line_start + field.start, line_start + field.end)


def _table_fields(rows: list[tuple[int, int, str]]) -> list[RawField]:
    """The flattened table of changes: a line of glued dates and 'betreft', then the rest."""
    if not rows:
        return []
    fields: list[RawField] = []
    s, e, line = rows[0]
    dates = list(_DATE.finditer(line))
    pos = 0
    leading = []
    for m in dates:
        if m.start() != pos:
            break
        leading.append(m)
        pos = m.end()
    keys = {1: ["inwerkingtreding"], 2: ["inwerkingtreding", "uitwerkingtreding"]}.get(
        len(leading), ["inwerkingtreding", "terugwerkende_kracht", "uitwerkingtreding"]
    )
    for key, m in zip(keys, leading, strict=False):
        fields.append(RawField(key, key.replace("_", " "), m.group(), s + m.start(), s + m.end()))
    rest = line[pos:].strip()
    if rest:
        fields.append(RawField("betreft", "Betreft", rest, s + line.index(rest, pos), e))
    for key, (rs, re_, value) in zip(
        ("ondertekening", "bron_bekendmaking", "kenmerk_voorstel"), rows[1:], strict=False
    ):
        fields.append(RawField(key, key.replace("_", " "), value, rs, re_))
    return fields


_PREAMBLE_KEYS = (
    ("gelet_op", re.compile(r"gelet\s+op\b[\s:]*", re.I)),
    ("gelezen", re.compile(r"gelezen\b[\s:]*", re.I)),
    ("gezien", re.compile(r"gezien\b[\s:]*", re.I)),
    ("overwegende", re.compile(r"overwegende?\b[\s:,]*", re.I)),
    ("gehoord", re.compile(r"gehoord\b[\s:]*", re.I)),
    ("met_inachtneming", re.compile(r"met\s+inachtneming\s+van\b[\s:]*", re.I)),
    ("in_aanmerking_nemende", re.compile(r"in\s+aanmerking\s+nemende\b[\s:]*", re.I)),
    ("besluit", re.compile(rf"{BESLUIT}\b\s?[:;,.]?\s*", re.I)),
    # a signature block printed between the aanhef and the first article
    ("ondertekening", re.compile(r"(?:aldus\s+(?:besloten|vastgesteld)|zo\s+vastgesteld)\b[\s:,]*", re.I)),
)
# all of them in one expression, each a group named by its key: the first that matches is the one
_PREAMBLE_KEY = re.compile("|".join(f"(?P<{key}>{pattern.pattern})" for key, pattern in _PREAMBLE_KEYS), re.I)
# an aanhef written as one paragraph: a key word after a semicolon opens the next part
# ("De raad ...; gelezen ...; gelet op ...; besluit: ..."), and "gelet op" and "besluit" after a
# comma ("..., gelezen het voorstel ..., gelet op artikel 47 ..., besluit ...") (a match opens with
# the mark, one character class that the engine skips to quickly; the cut is after it)
_INLINE_KEY = re.compile(
    r"[;.,](?:(?<=[;.])\s*(?=(?:gelezen|gezien|gelet\s+op|overwegende|gehoord|met\s+inachtneming\s+van|"
    r"in\s+aanmerking\s+nemende|besluit(?:en)?|Besluit(?:en)?|BESLUIT(?:EN)?|[Aa]ldus\s+besloten|"
    r"[Aa]ldus\s+vastgesteld)\b)|(?<=,)\s*(?=(?:Besluit|BESLUIT|besluit)(?:en|EN)?\b|gelet\s+op\s+(?:de\s+)?art))"
)
# where the issuing body ends in a one-paragraph aanhef: "De raad van de gemeente X, gelezen ..."
_ISSUER_END = re.compile(r",\s*(?=(?:gelezen|gezien|gelet\s+op|overwegende)\b)", re.I)
# a line that is only a bullet dash ("• -" on publication pages): no part of a value
_DASH_ONLY = re.compile(r"[-–—•]+")


@define
class _Part:
    key: str
    label: str
    pieces: list[str]
    start: int
    end: int


def _inline_parts(start: int, end: int, line: str, issuer: bool) -> list[tuple[int, int, str]]:
    """A line cut before every key word that follows a semicolon or comma, and, in the line
    that opens with the issuing body, where that body's name ends."""
    cuts = [(m.start() + 1, m.end()) for m in _INLINE_KEY.finditer(line)]  # (after the mark)
    named = _ISSUER_END.search(line) if issuer else None
    if named and (not cuts or named.start() + 1 < cuts[0][0]):
        cuts.insert(0, (named.start() + 1, named.end()))
    pieces, at = [], 0
    for cut, after in cuts:
        pieces.append((start + at, start + cut, line[at:cut]))
        at = after
    pieces.append((start + at, end, line[at:]))
    return pieces


def _goes_on(parts: list[_Part], key: str) -> bool:
    """Whether the last part is a ``key`` part whose words so far end in a comma."""
    return bool(parts) and parts[-1].key == key and parts[-1].pieces[-1].rstrip().endswith(",")


def preamble_fields(text: str, start: int, end: int) -> list[RawField]:
    """The parts of the aanhef; a key word opens a part, other lines continue it."""
    parts: list[_Part] = []
    for s, e, line in _lines(text, start, end):
        for ps, pe, piece in _inline_parts(s, e, line, issuer=not parts):
            match = _PREAMBLE_KEY.match(piece)
            if match is not None and match.lastgroup == "gelet_op" and _goes_on(parts, "gelet_op"):
                match = None  # "gelet op artikel 47 ..., gelet op artikel 147 ...": one part
            if match is not None:
                name = match.lastgroup or ""
                label = match.group().strip(" :,;")
                parts.append(_Part(name, label, [piece[match.end() :]], ps, pe))
            elif _DASH_ONLY.fullmatch(piece):
                continue
            elif parts:
                parts[-1].pieces.append(piece)
                parts[-1].end = pe
            else:
                parts.append(_Part("orgaan", "", [piece], ps, pe))
    return [
        RawField(
            p.key, p.label, " ".join(x for x in p.pieces if x).strip().rstrip(";,:").strip(), p.start, p.end
        )
        for p in parts
    ]

"""The front matter of a bylaw: metadata, title and aanhef, for the lexer in ``blocks.py``.

Before the first heading a text may hold a publication's metadata (a CVDR page's
"Wetstechnische informatie" up to "Tekst van de regeling", a Gemeenteblad banner and table,
labelled lines), then the title ("Intitulé" and the title), then the aanhef (the issuing
body, "gelezen", "gelet op", "besluit") and whatever cannot be placed. ``split_front`` first
cuts lines that hold several of these: a table row with the title after its last column, or
a transcription that flattened header, title, aanhef and articles into one line.
``metadata_end`` finds where the metadata ends, and ``front_parts`` cuts the rest.
"""

from __future__ import annotations

import itertools
import re

from attrs import define, evolve

from .fields import metadata_fields
from .header import header_kind, header_prefix, read_row, table_columns
from .lines import (
    BESLUIT,
    ISSUER,
    META_TOP,
    PREAMBLE_KEY,
    PREAMBLE_OPENER,
    TITLE_WORD,
    Line,
    heading_kind,
)

__all__ = ["FrontPart", "front_parts", "metadata_end", "split_front"]

INTITULE = ("Intitulé", "Intitule")
# the body that issues the bylaw, opening the aanhef inside a line: " De raad van de gemeente X, ..."
_OPENER_INSIDE = re.compile(
    rf"\s(?=(?:De|Het)\s{ISSUER}\b|"
    r"Burgemeester\sen\swethouders\b)"
)
# a key word of the aanhef after a comma or semicolon: the issuer above is an aanhef
_KEY_INSIDE = re.compile(r"[,;:]\s*(?:gelezen|gezien|gelet\s+op|overwegende)\b", re.IGNORECASE)
# "besluit" in a flattened aanhef: articles written on the same line come after it
_DECIDES = re.compile(rf"\b{BESLUIT}\b", re.IGNORECASE)
# an article heading inside a flattened line: " Artikel 1. Begripsbepalingen ..."
_ARTICLE_INSIDE = re.compile(r"\s(?:Artikel|ARTIKEL)\s(?P<num>\d{1,3})[.:]?\s+(?=[A-Z])")
# words that open a sentence: where an article's text begins after its title in a flattened line
_OPENING_WORDS = r"(?:In|De|Het|Een|Deze|Dit|Er|Onder|Bij|Voor|Op|Indien|Als|Wanneer|Tot|Aan|Ter|Met)"
_OPENING_WORD = re.compile(_OPENING_WORDS)
_TEXT_START = re.compile(rf"\s(?={_OPENING_WORDS}\s)")
# the first word after an article's label in a flattened line (its title, or its text)
_FIRST_WORD = re.compile(r"\S+")
# a header must be found in these first lines; page chrome is at most so many short lines in a row
_HEADER_LINES = 60
_CHROME_LENGTH = 80
_CHROME_LINES = 6


@define(frozen=True)
class FrontPart:
    """A block of the front matter: its kind (META, TITLE, PREAMBLE, UNPLACED), the indices
    of its first and last line, and the title of a TITLE."""

    kind: str
    first: int
    last: int
    title: str | None = None


# -- lines holding several parts ---------------------------------------------------------------
def split_front(lines: list[Line]) -> list[Line]:
    """The front lines, cut where one line holds several parts."""
    result: list[Line] = []
    columns: list[str] = []
    for line in lines:
        if columns:
            result.extend(_split_row(columns, line))
        else:
            result.extend(_split_flattened(line))
        columns = table_columns(line.text)
    return result


def _split_row(columns: list[str], line: Line) -> list[Line]:
    """A table row whose text goes on after its last column: that text is the title."""
    _, rest = read_row(columns, line.text)
    if rest is None or not line.text[rest].isupper() or len(line.text[rest:].split()) < 2:
        return [line]
    return _cut(line, [rest])


def _split_flattened(line: Line) -> list[Line]:
    """A line with an aanhef written into it: cut before the aanhef, after the header pieces
    in front of it, and before every article heading after "besluit"."""
    text = line.text
    start = _aanhef_at(text)
    if start is None:
        return [line]
    cuts = []
    if start:
        _, prefix = header_prefix(text[:start])
        if prefix:
            cuts.append(start - len(text[prefix:start].lstrip()))  # the title after the header
        cuts.append(start)
    cuts.extend(_article_cuts(text, start))
    return _cut(line, cuts)


def _aanhef_at(text: str) -> int | None:
    """Where an aanhef written into this line begins (0 at its start), or None."""
    if PREAMBLE_OPENER.match(text):
        start = 0
    else:
        match = _OPENER_INSIDE.search(text)
        if match is None:
            return None
        start = match.end()
    return start if _KEY_INSIDE.search(text, start) else None


def _article_cuts(text: str, start: int) -> list[int]:
    """Cuts before the article headings numbered 1, 2, 3 ... after "besluit", and between
    each heading's title and its text."""
    decides = _DECIDES.search(text, start)
    if decides is None:
        return []
    cuts: list[int] = []
    expected = 1
    for match in _ARTICLE_INSIDE.finditer(text, decides.end()):
        if int(match["num"]) != expected:
            continue
        cuts.append(match.start() + 1)
        word = _FIRST_WORD.match(text, match.end())
        assert word is not None  # the pattern looks ahead at a capital
        body = _TEXT_START.search(text, word.end(), word.end() + 80)
        if body and not _OPENING_WORD.fullmatch(word.group()):
            cuts.append(body.end())
        expected += 1
    return cuts


def _cut(line: Line, cuts: list[int]) -> list[Line]:
    """The line cut at these offsets; each part without the spaces around it."""
    parts: list[Line] = []
    bounds = [0, *sorted(c for c in set(cuts) if 0 < c < len(line.text)), len(line.text)]
    for begin, end in itertools.pairwise(bounds):
        piece = line.text[begin:end]
        stripped = piece.strip()
        if stripped:
            at = begin + piece.index(stripped)
            parts.append(Line(line.start + at, line.start + at + len(stripped), stripped))
    return parts


# -- where the metadata ends ---------------------------------------------------------------------
def metadata_end(lines: list[Line]) -> int:
    """The index of the first line after the metadata block; 0 when there is none."""
    for i, line in enumerate(lines[:400]):
        if line.text.startswith("Tekst van de regeling"):
            return i + 1
    intitule = next((i for i, ln in enumerate(lines[:_HEADER_LINES]) if ln.text in INTITULE), 0)
    if intitule and any(_kind(ln.text) in ("banner", "table") for ln in lines[:intitule]):
        return intitule
    return _header_run(lines)


def _kind(text: str) -> str | None:
    """What a line of a header is (see :func:`.header.header_kind`); CVDR banners are strong."""
    return "banner" if META_TOP.match(text) else header_kind(text)


def _header_run(lines: list[Line]) -> int:
    """The header at the top of the text: from the first line to the last header line before
    the title, with page chrome (a few short lines) before and between header lines; a table
    header takes its row and a label alone its value. A header needs a banner, a table or two
    labelled lines; a number or a date alone only counts right after another header line."""
    end = k = strong = labelled = chrome = 0
    limit = min(len(lines), _HEADER_LINES)
    while k < limit:
        text = lines[k].text
        kind = _kind(text)
        if kind is None or (kind == "weak" and k != end):
            chrome += 1
            if chrome > _CHROME_LINES or not _chrome(text):
                break
            k += 1
            continue
        chrome = 0
        strong += kind in ("banner", "table")
        labelled += kind in ("label", "alone")
        k += 2 if kind in ("table", "alone") and k + 1 < limit and not _stops(lines[k + 1].text, kind) else 1
        end = k
    return end if strong or labelled >= 2 else 0


def _stops(text: str, kind: str | None = None) -> bool:
    """A line that a header cannot hold: the aanhef, a heading, the Intitulé; after a label
    alone, a title ("Type Regelgeving" is a labelled line too)."""
    title = kind == "alone" and TITLE_WORD.match(text) is not None and len(text.split()) > 3
    return bool(
        title
        or PREAMBLE_KEY.match(text)
        or PREAMBLE_OPENER.match(text)
        or heading_kind(text)
        or text in INTITULE
    )


def _chrome(text: str) -> bool:
    """A short line of page chrome between header lines ("Transcriptie", "Download ...")."""
    return len(text) <= _CHROME_LENGTH and not TITLE_WORD.match(text) and not _stops(text)


# -- title and aanhef ------------------------------------------------------------------------------
class _Front:
    """The title and the aanhef between the metadata and the body."""

    def __init__(self, text: str, lines: list[Line], begin: int, end: int) -> None:
        self.text, self.lines, self.begin, self.end = text, lines, begin, end

    def parts(self, meta_end: int) -> list[FrontPart]:
        end = self.end
        parts: list[FrontPart] = []
        meta_end = min(meta_end, end)
        if meta_end > self.begin:
            parts.append(FrontPart("META", self.begin, meta_end - 1))
        i = meta_end
        pre = self.preamble_start(i)
        title_end = pre if pre is not None else end
        title = self.title(i, title_end, pre, parts[0] if parts else None)
        if title is not None:
            if title.first > i:  # lines above the title that no part holds
                parts.append(FrontPart("UNPLACED", i, title.first - 1))
            parts.append(title)
            i = title.last + 1
        if i < title_end:
            parts.append(FrontPart("UNPLACED", i, title_end - 1))
        if pre is not None:
            parts.append(FrontPart("PREAMBLE", pre, end - 1))
        return parts

    def preamble_start(self, i: int) -> int | None:
        """The first line with a preamble key word, or the issuing body before it.

        A first line like "Besluit tot intrekking van ..." is the title, not the decision.
        """
        lines, end = self.lines, self.end
        first = i + 1 if i < end and TITLE_WORD.match(lines[i].text) and len(lines[i].text.split()) > 2 else i
        pre = next(
            (k for k in range(first, end) if PREAMBLE_KEY.match(lines[k].text) or self.opener(k)), None
        )
        if pre is not None and pre > i and not self.opener(pre):
            prev = lines[pre - 1].text
            if prev.endswith((",", ";")) and not TITLE_WORD.match(prev):
                pre -= 1
        return pre

    def opener(self, k: int) -> bool:
        """The council, college or board issuing the bylaw, followed by the preamble proper."""
        text = self.lines[k].text
        if not PREAMBLE_OPENER.match(text):
            return False
        # the whole aanhef in one paragraph: "De raad ...; gelet op ...; besluit: ..."
        if _KEY_INSIDE.search(text):
            return True
        return len(text) <= 200 and any(
            PREAMBLE_KEY.match(ln.text) for ln in self.lines[k + 1 : min(self.end, k + 4)]
        )

    def title(self, i: int, title_end: int, pre: int | None, meta: FrontPart | None) -> FrontPart | None:
        """The title: a line, or "Intitulé" and the line after it. When "Intitulé" is followed
        by the aanhef or the body, the title is the official name from the metadata. A line
        repeating the title belongs to it."""
        lines = self.lines
        if i >= title_end:
            return None
        # a draft's or a page's lines above the title ("CONCEPT - versie 3", "Raadsvoorstel nr. ...")
        if not _titled(lines[i].text) and lines[i].text not in INTITULE and pre is not None:
            i = next((k for k in range(i + 1, min(title_end, i + 4)) if _titled(lines[k].text)), i)
        text = lines[i].text
        if text in INTITULE:
            if i + 1 < title_end:
                part = FrontPart("TITLE", i, i + 1, lines[i + 1].text)
            else:
                part = FrontPart("TITLE", i, i, self.official_name(meta))
        elif (pre is not None or self.end < len(lines) or TITLE_WORD.match(text)) and (
            len(text) <= 300 and not text.endswith(";")
        ):
            part = FrontPart("TITLE", i, i, text)
        else:
            return None
        after = part.last + 1
        if part.title and after < title_end and lines[after].text.casefold() == part.title.casefold():
            part = evolve(part, last=after)
        return part

    def official_name(self, meta: FrontPart | None) -> str | None:
        """The official name of the regulation in the metadata, else its short title."""
        if meta is None:
            return None
        start, end = self.lines[meta.first].start, self.lines[meta.last].end
        found = {f.key: f.value for f in reversed(metadata_fields(self.text, start, end)) if f.value}
        return found.get("officiele_naam") or found.get("citeertitel")


# a title's first word, or a compound ending in one: "Cliëntparticipatieverordening Kortenhaven"
_COMPOUND_TITLE = re.compile(r"[A-ZÀ-Ý][\w-]*(?:verordening|regeling|reglement)\b")


def _titled(text: str) -> bool:
    """A line that reads as a regulation's title."""
    return len(text) <= 300 and bool(TITLE_WORD.match(text) or _COMPOUND_TITLE.match(text))


def front_parts(text: str, lines: list[Line], begin: int, end: int, meta_end: int) -> list[FrontPart]:
    """Metadata, title, what cannot be placed, and the aanhef, in the lines ``begin:end``."""
    return _Front(text, lines, begin, end).parts(meta_end)

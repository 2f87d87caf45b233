"""What the readers of marked-up text (official HTML pages, CVDR XML) share.

Both turn a tree of elements into the plain text the structure stage reads: one provision
per line, with the numbers of leden and onderdelen written out in front ("1. ...",
"a. ..."). :class:`Lines` is that writer; it holds a label until the line it belongs to
arrives, so a number printed in an element of its own ("<p>1.</p><p>De raad ...</p>")
still opens its lid, and it stops at the text limit.

Both also read the metadata the source gives about the regulation, named by the label
words and element names of ``labels.yaml`` (:func:`labels`), and its dates as ISO dates
(:func:`iso_date`). And both meet untrusted input first with :func:`precheck`, which
refuses in one pass over the bytes what would make a parser slow or big: more tags than
a publication page ever has, or one tag with a flood of attributes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml
from attrs import define, field

from .base import FormatError

__all__ = [
    "LABEL_ONLY",
    "LABEL_START",
    "MAX_TAGS",
    "Labels",
    "Lines",
    "clean",
    "cvdr_id",
    "fold",
    "iso_date",
    "labels",
    "list_label",
    "precheck",
]

# Tags one input may have: a long regulation's page has tens of thousands; more is a flood.
MAX_TAGS = 500_000
# Spaces in one tag (what separates its attributes): more is an attribute flood.
MAX_TAG_SPACES = 10_000
# Bytes of one tag: more is an attribute no publication has (libxml2 drops one over 10 MB).
MAX_TAG_BYTES = 4 * 1024 * 1024
_LONG_TAG = re.compile(rb"<[^<]{65536,}")

# A label alone: "1.", "1", "2a.", "a.", "a)", "iv.", "1°", "•", "-" (optionally after a bullet).
# (a letter, or one letter twice as after "z." - "aa.": not a word such as "Ja." or "Op.")
_NUMBER = r"\d{1,4}[a-z]?(?:[.)]|°\.?)|(?:[a-zA-Z]|(?P<twice>[a-zA-Z])(?P=twice))[.)]|[ivxlcIVXLC]{1,6}[.)]"
LABEL_ONLY = re.compile(rf"(?:[•·▪◦]\s*)?(?:{_NUMBER}|\d{{1,3}}[a-z]?)|[•·▪◦\-–]")
# A line that starts with a label of its own, glued or not ("a.de raad", "1. De raad", "2°. ...").
LABEL_START = re.compile(rf"(?:[•·▪◦]\s*)?(?:{_NUMBER})|[•·▪◦\-–]\s")


# Characters cleaned at once: splitting a text into words makes a string per word (16 million
# for a paragraph of 48 MB, over a gigabyte); a longer text is cleaned piece by piece.
_PIECE = 1 << 18
_SPACE = re.compile(r"\s")


def clean(text: str) -> str:
    """``text`` with every run of white space (non-breaking space included) one space,
    zero-width spaces left out, trimmed."""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    if len(text) <= _PIECE:
        return " ".join(text.split())
    cleaned = (" ".join(piece.split()) for piece in _pieces(text))
    return " ".join(piece for piece in cleaned if piece)


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about :data:`_PIECE` characters, each cut before a white space
    (so that no word is cut in two)."""
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + _PIECE)
        end = space.start() if space else len(text)
        yield text[start:end]
        start = end


_BROKEN = re.compile(r"(?<=[a-z])-\s+(?=[a-z])")  # "inwerking- treding": a word broken over two lines


def fold(text: str) -> str:
    """A label as compared: lower case, without accents or soft hyphens, a word broken over
    two lines joined, spaces collapsed, no trailing colon. (Only short texts can be labels:
    a long one is just lowered, which is all it needs to be compared with itself.)"""
    if len(text) > 200:
        return text.lower()
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.replace("\u00ad", "")
    return _BROKEN.sub("", clean(text).rstrip(" :").lower())


@define(frozen=True)
class Labels:
    """What ``labels.yaml`` says, folded for comparison."""

    fields: dict[str, str]  # folded label -> SourceInfo field
    rank: dict[str, int]  # folded label -> its place within its field (lower wins)
    other: frozenset[str]
    metadata_start: frozenset[str]
    text_start: frozenset[str]
    dropped_lines: frozenset[str]
    empty_values: frozenset[str]
    in_force: re.Pattern[str]
    vervallen: re.Pattern[str]
    publisher: re.Pattern[str]
    organisation_prefix: re.Pattern[str]
    head_meta: dict[str, str]
    chrome_classes: frozenset[str]
    heading_classes: frozenset[str]
    months: dict[str, int]
    cvdr_meta: dict[str, tuple[str, ...]]
    cvdr_headings: dict[str, str]
    cvdr_implied: frozenset[str] = field(factory=frozenset)
    never_labelled: re.Pattern[str] = re.compile("(?!)")

    def field_of(self, label: str) -> str | None:
        """The field a label gives, ``""`` for a known label without a field, else None."""
        folded = fold(label)
        if folded in self.fields:
            return self.fields[folded]
        return "" if folded in self.other or folded in self.metadata_start else None

    def is_empty(self, value: str) -> bool:
        return fold(value) in self.empty_values or not value.strip()

    def organisation(self, value: str) -> str:
        """An organisation's name without "de gemeente" and the like before it."""
        return self.organisation_prefix.sub("", clean(value)).strip() or clean(value)


def _words(items: list[str]) -> str:
    return "|".join(re.escape(clean(item)).replace(r"\ ", r"\s+") for item in items)


def _labels(data: dict[str, Any]) -> Labels:
    fields: dict[str, str] = {}
    rank: dict[str, int] = {}
    for name, items in data["fields"].items():
        for place, label in enumerate(items):
            fields[fold(label)] = name
            rank[fold(label)] = place
    months = {fold(m): n for n, m in enumerate(data["months"], 1)}
    months.update({fold(m): n for n, m in enumerate(data["months_short"], 1)})
    dash = r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+\w+\.?\s+\d{4}"
    force = data["in_force_line"]
    return Labels(
        fields=fields,
        rank=rank,
        other=frozenset(fold(x) for x in data["other"]),
        metadata_start=frozenset(fold(x) for x in data["metadata_start"]),
        text_start=frozenset(fold(x) for x in data["text_start"]),
        dropped_lines=frozenset(fold(x) for x in data["dropped_lines"]),
        empty_values=frozenset(fold(x) for x in data["empty_values"]),
        in_force=re.compile(
            rf"(?:{_words(force['starts'])})\s+(?P<start>{dash})"
            rf"(?:\s+(?:{_words(force['until'])})\s+(?P<end>{dash}|\w+))?",
            re.IGNORECASE,
        ),
        vervallen=re.compile(rf"(?:{_words(data['vervallen_line'])})\s+(?P<date>{dash})", re.IGNORECASE),
        publisher=re.compile(rf"(?:{_words(data['publisher_lines'])})\s+(?P<name>.+?)\.?$", re.IGNORECASE),
        organisation_prefix=re.compile(rf"^(?:{_words(data['organisation_prefixes'])})\s+", re.IGNORECASE),
        head_meta={k.lower(): v for k, v in data["head_meta"].items()},
        chrome_classes=frozenset(c.lower() for c in data["chrome_classes"]),
        heading_classes=frozenset(c.lower() for c in data["heading_classes"]),
        months=months,
        cvdr_meta={k: tuple(v) for k, v in data["cvdr_meta"].items()},
        cvdr_headings=dict(data["cvdr_headings"]),
        cvdr_implied=frozenset(data["cvdr_implied_headings"]),
        never_labelled=re.compile(rf"(?:{_words(data['never_labelled'])})\s*[:.]?", re.IGNORECASE),
    )


@cache
def labels() -> Labels:
    """The label words of ``labels.yaml``, read once."""
    text = (resources.files("verordening.load") / "labels.yaml").read_text(encoding="utf-8")
    return _labels(yaml.safe_load(text))


_DATES = (
    re.compile(r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})(?!\d)"),
    re.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\s+(?P<month>[a-zA-Z]+)\.?\s+(?P<y>\d{4})(?!\d)"),
)


def iso_date(text: str | None) -> str | None:
    """The first date in ``text`` ("01-01-2015", "2015-01-01", "1 januari 2015") as
    ``YYYY-MM-DD``; None when it holds no valid date."""
    if not text:
        return None
    found: list[tuple[int, str]] = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = groups.get("month")
            number = labels().months.get(fold(month)) if month else int(groups["m"])
            try:
                value = date(int(groups["y"]), number or 0, int(groups["d"]))
            except ValueError:
                continue
            found.append((match.start(), value.isoformat()))
            break
    return min(found)[1] if found else None


_CVDR = re.compile(r"(?:CVDR)?(?P<work>\d{1,9})(?:[/_-](?P<version>\d{1,4}))?", re.IGNORECASE)
_CVDR_IN_TEXT = re.compile(r"CVDR(?P<work>\d{1,9})(?:[/_-](?P<version>\d{1,4}))?", re.IGNORECASE)


def cvdr_id(text: str | None, *, bare: bool = False) -> str | None:
    """A CVDR identifier as ``CVDR123456_1`` (or ``CVDR123456`` without a version), from
    "CVDR123456/1", "CVDR123456_1" or, with ``bare``, "123456_1"; None if there is none."""
    if not text:
        return None
    pattern = _CVDR if bare else _CVDR_IN_TEXT
    match = pattern.fullmatch(text.strip()) if bare else pattern.search(text)
    if match is None:
        return None
    version = match.group("version")
    return f"CVDR{match.group('work')}" + (f"_{version}" if version else "")


def list_label(number: int, kind: str) -> str:
    """The label of item ``number`` of an HTML list of ``type`` kind ("1", "a", "A", "i", "I")."""
    if kind in ("a", "A"):
        letters = ""
        while number > 0:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("a") + rest) + letters
        text = letters or "a"
    elif kind in ("i", "I"):
        text = _roman(number)
    else:
        text = str(number)
    return (text.upper() if kind in ("A", "I") else text) + "."


def _roman(number: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        out += letters * count
    return out or str(number)


def precheck(data: bytes) -> None:
    """Refuse, in one pass over the bytes, markup no publication has and that would make a
    parser slow or large: a flood of tags, a tag with a flood of attributes, a huge tag.
    Only stretches of over 64 KB without a ``<`` are looked at closely; a tag inside one
    ends at its last ``>`` at the latest (a quoted ``>`` cannot hide attributes), so that
    a paragraph of over 4 MB with a ``>`` in it counts as a huge tag too."""
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise FormatError(key="html.tags", max=MAX_TAGS)
    for match in _LONG_TAG.finditer(data):
        end = data.rfind(b">", match.start(), match.end())
        if end < 0:
            continue
        if end - match.start() > MAX_TAG_BYTES:
            size = MAX_TAG_BYTES // (1024 * 1024)
            raise FormatError(key="html.huge_tag", size=size)
        spaces = sum(data.count(space, match.start(), end) for space in (b" ", b"\t", b"\n", b"\r"))
        if spaces > MAX_TAG_SPACES:
            raise FormatError(key="html.attributes", max=MAX_TAG_SPACES)


@define
class Lines:
    """The text being written: one line per block, labels put before the line they open,
    blank lines before headings; stops at ``limit`` characters."""

    limit: int
    lines: list[str] = field(factory=list)
    size: int = 0
    pending: str = ""  # a label waiting for its line

    def add(self, text: str) -> None:
        """A line; a label alone waits for the next line (written alone if none follows)."""
        text = clean(text)
        if not text:
            return
        if LABEL_ONLY.fullmatch(text):
            self.flush()
            self.pending = text
            return
        if self.pending and not (self.pending.isdigit() and labels().never_labelled.fullmatch(text)):
            text = f"{self.pending} {text}"
            self.pending = ""
        self.flush()
        self._write(text)

    def label(self, label: str) -> None:
        """A label for the next line; an earlier label still waiting is written alone."""
        self.flush()
        self.pending = clean(label)

    def heading(self, text: str) -> None:
        """A heading on a line of its own, a blank line before it."""
        text = clean(text)
        if not text:
            return
        self.flush()
        if self.lines and self.lines[-1]:
            self._write("")
        self._write(text)

    def flush(self) -> None:
        """Write a label that still waits, alone."""
        if self.pending:
            label, self.pending = self.pending, ""
            self._write(label)

    def _write(self, text: str) -> None:
        self.size += len(text) + 1
        if self.size > self.limit:
            raise FormatError(key="read.text_longer", limit=self.limit)
        self.lines.append(text)

    def text(self) -> str:
        self.flush()
        return "\n".join(self.lines).strip("\n") + "\n" if self.lines else ""

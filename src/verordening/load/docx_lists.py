"""Word's list numbering and paragraph styles, as far as the labels of a .docx go.

Leden and onderdelen are numbered by Word's lists (``word/numbering.xml``): a paragraph
names a list and a level, itself or through its style (``word/styles.xml``, following
``w:basedOn``), and the label is the level's text with the counters of the list filled in.
Every number in these parts is untrusted: values are held to ``Limits.number``, levels to
``Limits.levels``, and a label to :data:`LABEL_CHARS`, refused before it is built.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from attrs import define

from ..errors import Phrase
from .base import FormatError, Limits

__all__ = ["LABEL_CHARS", "NUMBERING_TAGS", "DocxError", "NumPr", "Numbering", "Styles", "whole"]

LABEL_CHARS = 50  # a real label ("1.", "a.", "Artikel 12") is short; a longer one is an attack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_VAL = f"{W}val"
OFF = ("0", "false", "off")
_NUMBERING = "word/numbering.xml"
_STYLES = "word/styles.xml"
_PLACEHOLDER = re.compile(r"%([1-9])")

# The elements of styles.xml and numbering.xml that bear on numbering; the rest is not kept.
NUMBERING_TAGS = frozenset(
    W + name
    for name in (
        *("abstractNum", "lvl", "start", "numFmt", "lvlText", "lvlRestart", "pStyle", "isLgl"),
        *("styleLink", "numStyleLink", "num", "abstractNumId", "lvlOverride", "startOverride"),
        *("style", "basedOn", "pPr", "numPr", "ilvl", "numId"),
    )
)


class DocxError(FormatError):
    """The .docx cannot be read (one line for the user)."""


def whole(value: str | None, part: str, what: str, top: int, limit: str) -> int:
    """A whole number from the XML within 0..top, or a one-line refusal naming the limit;
    ``what`` is the number's name under ``errors.docx`` in messages.yaml."""
    said = Phrase(f"docx.{what}")
    try:
        number = int(value or "")
    except ValueError:
        raise DocxError(key="docx.not_whole", part=part, what=said) from None
    if not 0 <= number <= top:
        raise DocxError(key="docx.outside_range", part=part, what=said, top=top, limit=limit)
    return number


def _val(element: Element, child: str, default: str | None = None) -> str | None:
    found = element.find(W + child)
    return found.get(_VAL, default) if found is not None else default


def _on(element: Element, child: str) -> bool:
    """A toggle property such as ``<w:isLgl/>``: on when present, unless its value says off."""
    return element.find(W + child) is not None and _val(element, child, "1") not in OFF


# -- numbering --------------------------------------------------------------------------------
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
    (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _fits(size: int) -> None:
    if size > LABEL_CHARS:
        raise DocxError(key="docx.label_long", part=_NUMBERING, max=LABEL_CHARS)


def _format(number: int, kind: str) -> str:
    """``number`` in Word's number format ``kind``; a label too long to be real is refused
    before it is built."""
    if kind in ("lowerLetter", "upperLetter"):
        if number < 1:
            return ""
        _fits(1 + (number - 1) // 26)
        letters = chr(ord("a") + (number - 1) % 26) * (1 + (number - 1) // 26)
        return letters.upper() if kind == "upperLetter" else letters
    if kind in ("lowerRoman", "upperRoman"):
        _fits(number // 1000 + 4)
        out = []
        for value, letters in _ROMAN:
            count, number = divmod(number, value)
            out.append(letters * count)
        return "".join(out).upper() if kind == "upperRoman" else "".join(out)
    text = f"{number:02d}" if kind == "decimalZero" else str(number)
    _fits(len(text))
    return text


@define(frozen=True)
class _Level:
    """One level of a list: Word's number format, level text ("%1."), start value, when it
    restarts (``lvlRestart``, one-based; None: after any higher level), linked style, legal."""

    kind: str
    text: str
    start: int
    restart: int | None
    style: str | None
    legal: bool


@define(frozen=True)
class _List:
    """A ``w:num``: the levels of its abstract definition with its overrides."""

    levels: dict[int, _Level]
    starts: dict[int, int]


def _restarts(level: _Level | None, used: int) -> bool:
    """Whether a deeper level starts again after level ``used`` (0-based) was numbered."""
    if level is None or level.restart is None:
        return True
    return level.restart > used


class Numbering:
    """Word's list numbering (``word/numbering.xml``): counters per list and level, labels
    from the level text."""

    def __init__(self, root: Element | None, limits: Limits) -> None:
        self.limits = limits
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is not None:
            self._read(root)

    def _ilvl(self, value: str | None) -> int:
        return whole(value, _NUMBERING, "list_level", self.limits.levels - 1, "levels")

    def _start(self, value: str | None) -> int:
        return whole(value, _NUMBERING, "start_value", self.limits.number, "number")

    def _level(self, lvl: Element) -> _Level:
        text = _val(lvl, "lvlText", "") or ""
        if len(text) > LABEL_CHARS:
            raise DocxError(key="docx.level_text", part=_NUMBERING, max=LABEL_CHARS)
        restart = _val(lvl, "lvlRestart")
        return _Level(
            kind=_val(lvl, "numFmt", "decimal") or "decimal",
            text=text,
            start=self._start(_val(lvl, "start", "1")),
            restart=None
            if restart is None
            else whole(restart, _NUMBERING, "restart_level", self.limits.levels, "levels"),
            style=_val(lvl, "pStyle"),
            legal=_on(lvl, "isLgl"),
        )

    def _levels(self, parent: Element) -> dict[int, _Level]:
        return {self._ilvl(lvl.get(f"{W}ilvl", "0")): self._level(lvl) for lvl in parent.findall(f"{W}lvl")}

    def _read(self, root: Element) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        styled: dict[str, str] = {}  # list style -> the abstract list that defines it
        links: dict[str, str] = {}  # abstract list -> the list style it takes its levels from
        for definition in root.findall(f"{W}abstractNum"):
            key = definition.get(f"{W}abstractNumId", "")
            abstract[key] = self._levels(definition)
            if (style := _val(definition, "styleLink")) is not None:
                styled[style] = key
            if (style := _val(definition, "numStyleLink")) is not None:
                links[key] = style
        for key, style in links.items():
            if not abstract[key] and style in styled:
                abstract[key] = abstract[styled[style]]
        for num in root.findall(f"{W}num"):
            levels = abstract.get(_val(num, "abstractNumId", "") or "", {})
            starts: dict[int, int] = {}
            for override in num.findall(f"{W}lvlOverride"):
                ilvl = self._ilvl(override.get(f"{W}ilvl", "0"))
                for lvl in override.findall(f"{W}lvl"):
                    levels = {**levels, ilvl: self._level(lvl)}  # a copy: the abstract list is shared
                if (start := _val(override, "startOverride")) is not None:
                    starts[ilvl] = self._start(start)
            self.lists[num.get(f"{W}numId", "")] = _List(levels, starts)

    def label(self, num_id: str, ilvl: int | None, style: str | None) -> str:
        """The next label of list ``num_id`` at level ``ilvl`` (when not given: the level linked
        to ``style``, else 0), counting it; "" for a list or level that does not exist."""
        found = self.lists.get(num_id)
        if found is None:
            return ""
        levels, starts = found.levels, found.starts
        if ilvl is None:
            ilvl = next((i for i, level in sorted(levels.items()) if style and level.style == style), 0)
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        value = counters[ilvl] + 1 if ilvl in counters else starts.get(ilvl, level.start)
        if value > self.limits.number:
            raise DocxError(key="docx.counts_beyond", part=_NUMBERING, limit=self.limits.number)
        counters[ilvl] = value
        for deeper in [d for d in counters if d > ilvl and _restarts(levels.get(d), ilvl)]:
            del counters[deeper]
        if level.kind in ("bullet", "none"):
            return "•" if level.kind == "bullet" else ""

        def number(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            other = levels.get(shown)
            if other is None or shown > ilvl:
                return ""
            value = counters.get(shown, starts.get(shown, other.start))
            return _format(value, "decimal" if level.legal else other.kind)

        label = _PLACEHOLDER.sub(number, level.text)
        _fits(len(label))
        return label


# -- styles -----------------------------------------------------------------------------------
@define(frozen=True)
class NumPr:
    """A ``w:numPr``: the list and the level; either may be missing."""

    num_id: str | None = None
    ilvl: int | None = None


class Styles:
    """Paragraph styles (``word/styles.xml``) as far as numbering goes: a style's list and level,
    its own or inherited through ``w:basedOn``."""

    def __init__(self, root: Element | None, limits: Limits) -> None:
        self.based: dict[str, str] = {}
        self.own: dict[str, NumPr] = {}
        self.default: str | None = None
        self.cache: dict[str, NumPr] = {}  # resolved, each style once
        top = limits.levels - 1
        for style in root.findall(f"{W}style") if root is not None else ():
            if style.get(f"{W}type", "paragraph") != "paragraph":
                continue
            key = style.get(f"{W}styleId", "")
            if style.get(f"{W}default", "0") not in OFF:
                self.default = key
            if (based := _val(style, "basedOn")) is not None:
                self.based[key] = based
            if (num := style.find(f"{W}pPr/{W}numPr")) is not None:
                ilvl = _val(num, "ilvl")
                level = None if ilvl is None else whole(ilvl, _STYLES, "list_level", top, "levels")
                self.own[key] = NumPr(_val(num, "numId"), level)

    def numbering(self, style: str | None) -> NumPr:
        """The list and level style ``style`` (else the default style) gives its paragraphs."""
        key = style if style is not None else self.default
        if key is None:
            return NumPr()
        if key not in self.cache:
            self._resolve(key)
        return self.cache[key]

    def _resolve(self, key: str) -> None:
        """Resolve ``key`` and every style it is based on, nearest the root first, each from the
        one above it: a chain is walked once however many of its styles paragraphs name (one
        walk per style was quadratic in a long ``w:basedOn`` chain). The walk stops at a style
        already resolved, at the root, or at a style it met before: a cycle is cut there."""
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = key
        while current is not None and current not in self.cache and current not in seen:
            seen.add(current)
            chain.append(current)
            current = self.based.get(current)
        above = self.cache[current] if current is not None and current not in seen else NumPr()
        for name in reversed(chain):
            own = self.own.get(name, NumPr())
            num_id = own.num_id if own.num_id is not None else above.num_id
            above = NumPr(num_id, own.ilvl if own.ilvl is not None else above.ilvl)
            self.cache[name] = above

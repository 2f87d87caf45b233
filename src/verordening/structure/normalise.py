"""Normalisation of bylaw text, with a map back to the original.

Copy-paste from Word, web pages and markdown leaves bullets, stray whitespace, soft
hyphens, labels standing alone on a line and words broken over two lines. The parser
works on a cleaned text; every cleaned character remembers where it came from, so
that the nodes can report offsets into the text the user gave us.

The rules are local to a line or to the boundary between two lines, so cleaning a
slice of the original that starts and ends at line content gives the same result as
cleaning the whole text and cutting out the same part:
``normalise(original[start:end]) == node.text``.
"""

from __future__ import annotations

import re

from attrs import define, field

__all__ = ["Normalised", "normalise", "normalise_with_map", "LABEL_ALONE", "HEADING_WORD"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Characters that are removed outright, and markup we drop while keeping its content.
_NOISE = re.compile(
    r"(?P<drop>[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f])"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,200}>)"
    r"|(?P<emph>\*+)"
    r"|(?P<linkopen>\[(?=[^\]\n]*\]\([^)\n]*\)))"
    r"|(?P<linkclose>\]\([^)\n]*\))"
    r"|(?P<space>[\s\u00a0\u2000-\u200a\u202f\u205f\u3000\x1c-\x1f\x85]+)"
)
_MD_HEADING = re.compile(r"#{1,6}")
# Bullets that may open a line; dashes only when followed by a space.
_BULLET = re.compile(r"(?:[•●▪◦·‣∙○■□➢►✓][ ]*|[-–—][ ]+)")

LABEL_ALONE = re.compile(
    r"(?:\d{1,3}[.):]?|\d{1,3}°\.?|[a-z]{1,2}[.)]|[ivxlcIVXLC]{1,6}[.)]|[Ll]id \d{1,3}[a-z]?[.:]?)"
)
HEADING_WORD = re.compile(
    r"(?:Artikel|ARTIKEL|Art\.|Enig artikel|Hoofdstuk|HOOFDSTUK|Afdeling|AFDELING|"
    r"Paragraaf|PARAGRAAF|§|Bijlage|BIJLAGE|Toelichting|TOELICHTING)\b"
)
_STARTS_WITH_LABEL = re.compile(
    r"(?:\d{1,3}(?:[.):°]|\s|$)|[a-z]{1,2}[.)]|[ivxlcIVXLC]{1,6}[.)])"
)
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:en|of|tot|dan wel|en/of)\b")
_HYPHEN_END = re.compile(r"(?<![A-Za-zÀ-ÿ\-])([A-Za-zÀ-ÿ]+)-$")


@define(frozen=True)
class Normalised:
    """The cleaned text and, for every character of it, its index in the original."""

    text: str
    origin: tuple[int, ...] = field(repr=False)
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to the span of the original it came from."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else self.original_length
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


def _clean_line(raw: str, base: int) -> tuple[list[str], list[int]]:
    """Clean one line; return its characters and their original indices."""
    chars: list[str] = []
    origin: list[int] = []
    pos = 0
    heading = _MD_HEADING.match(raw)
    if heading:
        pos = heading.end()
    for match in _NOISE.finditer(raw, pos):
        for i in range(pos, match.start()):
            chars.append(raw[i])
            origin.append(base + i)
        pos = match.end()
        if match.lastgroup == "space":
            chars.append(" ")
            origin.append(base + match.start())
    for i in range(pos, len(raw)):
        chars.append(raw[i])
        origin.append(base + i)
    # Strip leading white space and bullets, then trailing white space.
    lead = 0
    while True:
        while lead < len(chars) and chars[lead] == " ":
            lead += 1
        bullet = _BULLET.match("".join(chars[lead : lead + 4]))
        if bullet and lead + bullet.end() <= len(chars) and bullet.end() > 0:
            lead += bullet.end()
            continue
        break
    trail = len(chars)
    while trail > lead and chars[trail - 1] == " ":
        trail -= 1
    return chars[lead:trail], origin[lead:trail]


def normalise_with_map(original: str) -> Normalised:
    """Clean ``original`` and keep, per character, where it came from."""
    lines: list[tuple[list[str], list[int], int]] = []
    pos = 0
    for brk in _LINE_BREAK.finditer(original):
        chars, origin = _clean_line(original[pos : brk.start()], pos)
        if chars:
            lines.append((chars, origin, brk.start()))
        pos = brk.end()
    chars, origin = _clean_line(original[pos:], pos)
    if chars:
        lines.append((chars, origin, len(original)))

    out: list[str] = []
    out_origin: list[int] = []
    for index, (chars, origin, line_end) in enumerate(lines):
        out.extend(chars)
        out_origin.extend(origin)
        if index + 1 == len(lines):
            break
        following = "".join(lines[index + 1][0][:12])
        joiner = _joiner("".join(chars[-40:]), following)
        if joiner == "-":
            # a hyphenated line break: drop the hyphen and the break
            out.pop()
            out_origin.pop()
        elif joiner == "":
            pass
        else:
            out.append(joiner)
            out_origin.append(line_end)
    return Normalised("".join(out), tuple(out_origin), len(original))


def _joiner(tail: str, following: str) -> str:
    """How two kept lines are joined: newline, space, nothing or a dropped hyphen."""
    if LABEL_ALONE.fullmatch(tail):
        if not (_STARTS_WITH_LABEL.match(following) or HEADING_WORD.match(following)):
            return " "
    hyphen = _HYPHEN_END.search(tail)
    if hyphen and following[:1].islower() and not _KEEP_HYPHEN_BEFORE.match(following):
        word = hyphen.group(1)
        return "-" if word.islower() and len(word) > 1 else ""
    return "\n"


def normalise(text: str) -> str:
    """The cleaned form of ``text`` (see the module docstring for what is cleaned)."""
    return normalise_with_map(text).text

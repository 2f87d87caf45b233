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

import bisect
import re
from collections.abc import Iterator
from itertools import accumulate

from attrs import define, field

from ..model import LINE_BREAK

__all__ = ["HEADING_WORD", "LABEL_ALONE", "Normalised", "normalise", "normalise_with_map"]


# Characters that are removed outright, markup we drop while keeping its content, and
# white space that is not a single plain space.
_WS = r"\s\u00a0\u2000-\u200a\u202f\u205f\u3000\x1c-\x1f\x85"
_NOISE = re.compile(
    r"(?P<drop>[\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f])"
    # struck-through text (Markdown, or a Word draft's deletions written so) is deleted text
    r"|(?P<struck>~~[^~\n]{1,500}~~ ?)"
    r"|(?P<tag></?[A-Za-z][^<>\n]{0,200}>)"
    r"|(?P<emph>\*+)"
    rf"|(?P<space>(?:(?! )[{_WS}])[{_WS}]*|[ ][{_WS}]+)"
)
# and Markdown links: the "[" that opens "[text](url)" and the "](url)" that closes it, found by
# _link_marks (as look-aheads here, each "[" would read on to the end of its line)
_BRACKETS = re.compile(r"\[|\]\(")
_CLOSING = re.compile(r"\]")
# A quick test for a line that may hold noise: a character _NOISE (or a link) starts with, white space
# that is not a plain space (listed: one character class is quicker than ``[^\S ]``; no
# character after U+3000 is white space, which tests/test_properties.py checks), or two spaces
_SPACES = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
_MARKUP = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f<*\\[\\]~"  # what else _NOISE starts with
_NOISE_CHAR = re.compile(f"[{_MARKUP}{re.escape(_SPACES)}]")
# A line whose noise is only white space (most noisy lines: tabs, runs of spaces) is cleaned by
# _NOISE's "space" alone, written to open with one character class: quicker to search for
_MARKUP_CHAR = re.compile(f"[{_MARKUP}]")
_SPACE_RUN = re.compile(rf"(?P<space>[{_WS}](?:(?<! )|(?=[{_WS}]))[{_WS}]*)")
# Bullets and markdown heading marks that may open a line; dashes only before a space. (The
# repeat is possessive, never given back - it need not be: a plain one keeps a place to go back
# to for every bullet, memory in the length of a line of them.)
_LEAD = re.compile(r"(?:[ ]*(?:[•●▪◦·‣∙○■□➢►✓#][ ]*|[-–—][ ]+))*+[ ]*")

LABEL_ALONE = re.compile(
    r"(?:\d{1,3}[.):]|\d{1,3}°\.?|[a-z]{1,2}[.)]|[ivxlcIVXLC]{1,6}[.)]|[Ll]id \d{1,3}[a-z]?[.:]?)"
)
HEADING_WORD = re.compile(
    r"(?:Artikel|ARTIKEL|Art\.|Enig artikel|Hoofdstuk|HOOFDSTUK|Afdeling|AFDELING|"
    r"Paragraaf|PARAGRAAF|§|Bijlage|BIJLAGE|Toelichting|TOELICHTING)\b"
)
_STARTS_WITH_LABEL = re.compile(r"(?:\d{1,3}(?:[.):°]|\s|$)|[a-z]{1,2}[.)]|[ivxlcIVXLC]{1,6}[.)])")
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:en|of|tot|dan wel|en/of)\b")
_HYPHEN_END = re.compile(r"(?<![A-Za-zÀ-ÿ\-])([A-Za-zÀ-ÿ]+)-$")

# A piece of cleaned text and the index in the original of its first character; the
# characters of a piece map to consecutive original indices.
_Piece = tuple[str, int]


@define(frozen=True)
class Normalised:
    """The cleaned text and, piece by piece, where it came from in the original."""

    text: str
    starts: tuple[int, ...] = field(repr=False)  # offset of each piece in ``text``
    origins: tuple[int, ...] = field(repr=False)  # offset of each piece in the original
    original_length: int

    def origin(self, index: int) -> int:
        """The original index of the cleaned character at ``index``."""
        if index >= len(self.text):
            return self.original_length
        k = bisect.bisect_right(self.starts, index) - 1
        return self.origins[k] + index - self.starts[k]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the cleaned text to the span of the original it came from."""
        if end <= start:
            pos = self.origin(start)
            return pos, pos
        return self.origin(start), self.origin(end - 1) + 1


def _clean_line(raw: str, base: int) -> tuple[str, list[_Piece]]:
    """Clean one line; return its text and its pieces."""
    if not raw:  # a blank line
        return "", []
    # most lines: only indentation, a bullet or trailing spaces to strip (the same result as
    # _clean_noisy, which tests/test_properties.py checks)
    indent = len(raw) - len(raw.lstrip(" \t"))
    rest = raw[indent:]
    trail = len(rest.rstrip(" "))
    if _NOISE_CHAR.search(rest, 0, trail) is not None or rest.find("  ", 0, trail) >= 0:
        return _clean_noisy(raw, base)
    lead = 0 if rest[:1].isalnum() else _LEAD.match(rest).end()  # type: ignore[union-attr]
    if lead >= trail:
        return "", []
    return rest[lead:trail], [(rest[lead:trail], base + indent + lead)]


def _clean_noisy(raw: str, base: int) -> tuple[str, list[_Piece]]:
    """Clean one line with noise in it: piece by piece."""
    pieces: list[_Piece] = []
    pos = 0
    for start, end, space in _noise(raw):
        if start > pos:
            pieces.append((raw[pos:start], base + pos))
        pos = end
        if space:
            pieces.append((" ", base + start))
    if pos < len(raw):
        pieces.append((raw[pos:], base + pos))
    line = "".join(p for p, _ in pieces)
    lead = _LEAD.match(line).end()  # type: ignore[union-attr]
    trail = len(line.rstrip(" "))
    if lead >= trail:
        return "", []
    return line[lead:trail], _cut(pieces, lead, trail)


def _noise(raw: str) -> Iterator[tuple[int, int, bool]]:
    """The noise in a line, in order: (start, end, whether it is white space, cleaned to a space)."""
    if not _MARKUP_CHAR.search(raw):
        found: Iterator[re.Match[str]] = _SPACE_RUN.finditer(raw)
    elif "](" not in raw:  # (no link: most lines with markup)
        found = _NOISE.finditer(raw)
    else:
        yield from _noise_and_links(raw)
        return
    for match in found:
        yield match.start(), match.end(), match.lastgroup == "space"


def _noise_and_links(raw: str) -> Iterator[tuple[int, int, bool]]:
    """The noise of a line with Markdown links in it: what _NOISE finds and the marks of the links,
    the first of them at each place, from where the one before ends (each kind of noise opens
    with characters of its own)."""
    marks = _link_marks(raw)
    pos = k = 0
    found = _NOISE.search(raw)
    while True:
        while k < len(marks) and marks[k][0] < pos:
            k += 1
        if found is not None and found.start() < pos:
            found = _NOISE.search(raw, pos)
        if k < len(marks) and (found is None or marks[k][0] < found.start()):
            start, opens = marks[k]
            pos = start + 1 if opens else raw.index(")", start + 2) + 1
            yield start, pos, False
        elif found is not None:
            pos = found.end()
            yield found.start(), pos, found.lastgroup == "space"
        else:
            return


def _link_marks(raw: str) -> list[tuple[int, bool]]:
    """Where the marks of Markdown links may start in a line, and whether each opens one: a "["
    whose first "]" after it is followed by "(" and, later, ")"; a "](" followed by ")" later."""
    last = raw.rfind(")")
    closing = [match.start() for match in _CLOSING.finditer(raw)]
    marks = []
    for match in _BRACKETS.finditer(raw):
        at = match.start()
        if match.group() == "](":
            if last >= at + 2:
                marks.append((at, False))
            continue
        k = bisect.bisect_right(closing, at)
        if k < len(closing) and raw.startswith("](", closing[k]) and last >= closing[k] + 2:
            marks.append((at, True))
    return marks


def _cut(pieces: list[_Piece], lead: int, trail: int) -> list[_Piece]:
    """The pieces between offsets ``lead`` and ``trail`` of their joined text."""
    kept: list[_Piece] = []
    offset = 0
    for text, origin in pieces:
        end = offset + len(text)
        lo, hi = max(lead, offset), min(trail, end)
        if lo < hi:
            kept.append((text[lo - offset : hi - offset], origin + lo - offset))
        offset = end
    return kept


def _lines(original: str) -> Iterator[tuple[str, int, int]]:
    """Each line with the offsets of its end and of the next line's start."""
    if "\r" not in original:  # the common case, without the regular expression
        pos = 0
        for raw in original.split("\n"):
            end = pos + len(raw)
            yield raw, end, end + 1
            pos = end + 1
        return
    pos = 0
    for brk in LINE_BREAK.finditer(original):
        yield original[pos : brk.start()], brk.start(), brk.end()
        pos = brk.end()
    yield original[pos:], len(original), len(original)


def normalise_with_map(original: str) -> Normalised:
    """Clean ``original`` and keep, per piece, where it came from."""
    lines: list[tuple[str, list[_Piece], int]] = []
    pos = 0
    for raw, end, after in _lines(original):
        if raw:  # (a blank line keeps nothing)
            text, pieces = _clean_line(raw, pos)
            if text:
                lines.append((text, pieces, end))
        pos = after

    out: list[_Piece] = []
    for index, (text, pieces, line_end) in enumerate(lines):
        out.extend(pieces)
        if index + 1 == len(lines):
            break
        # (most lines are too long to be a label alone, at most 9 characters, and end without a
        # hyphen: a newline)
        long = len(text) > 9 and text[-1] != "-"
        joiner = "\n" if long else _joiner(text[-40:], lines[index + 1][0][:12])
        if joiner == "-":  # a hyphenated line break: drop the hyphen and the break
            last, origin = out.pop()
            if len(last) > 1:
                out.append((last[:-1], origin))
        elif joiner:
            out.append((joiner, line_end))
    if not out:
        return Normalised("", (), (), len(original))
    texts, origins = zip(*out, strict=True)
    starts = tuple(accumulate(map(len, texts[:-1]), initial=0))
    return Normalised("".join(texts), starts, origins, len(original))


def _joiner(tail: str, following: str) -> str:
    """How two kept lines are joined: newline, space, nothing or a dropped hyphen."""
    if LABEL_ALONE.fullmatch(tail) and not (
        _STARTS_WITH_LABEL.match(following) or HEADING_WORD.match(following)
    ):
        return " "
    hyphen = _HYPHEN_END.search(tail)
    if hyphen and following[:1].islower() and not _KEEP_HYPHEN_BEFORE.match(following):
        word = hyphen.group(1)
        return "-" if word.islower() and len(word) > 1 else ""
    return "\n"


def normalise(text: str) -> str:
    """The cleaned form of ``text`` (see the module docstring for what is cleaned)."""
    return normalise_with_map(text).text

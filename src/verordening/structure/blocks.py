"""Line classifier: the lexer in front of the Lark grammar.

The cleaned text is cut into blocks - a heading with its title, a lid with its
continuation lines, a preamble - and each block becomes one token for the grammar in
``grammars/bylaw.lark``. What a single line can be is told by ``lines.py``; deciding
what a label means needs context that a regular lexer does not have: "i." is the
ninth onderdeel after "h." but a roman sub-item elsewhere; "3." after a sub-list 1, 2
inside lid 3 is the list's third item, not a second lid 3; "1 januari" at the start of
a wrapped line is no lid. That context lives here, in :class:`_ArticleState`; the
grammar then only has to nest the blocks. The front matter before the first heading
(metadata, title, aanhef) is cut by ``front.py``.
"""

from __future__ import annotations

import re

from attrs import define, field

from .front import front_parts, metadata_end, split_front
from .lines import (
    ABBREVIATION,
    ARTICLE,
    BARE_LETTER,
    BEFORE_A_DATE,
    CLOSING,
    DATE_LINE,
    HEADING_FIRST,
    LABEL_FIRST,
    LETTER_LABEL,
    LID_WORD,
    NOT_AFTER_BARE_NUMBER,
    NUMBER_LABEL,
    PLACE_NAME,
    ROMANS,
    SIGNATURE,
    TOEL_ARTICLE,
    Line,
    annex_heading,
    as_int,
    heading_kind,
    inline_lists,
    next_letter,
    next_roman,
    plausible_title,
    split_inline,
    title_line,
    toelichting_heading,
)

__all__ = ["Block", "Note", "lex"]


@define
class Block:
    """One token for the grammar: a kind, a span of the cleaned text, number and title."""

    kind: str
    start: int
    end: int
    number: str | None = None
    title: str | None = None


@define(frozen=True)
class Note:
    """Something the lexer wants reported as a diagnostic (span in the cleaned text)."""

    code: str
    start: int
    end: int
    values: dict[str, str] = field(factory=dict)


# an article numbered as an amending regulation numbers its own ("Artikel I"), and an onderdeel of
# it: a capital alone on its line ("B", "B.") or before what it changes ("B. Artikel 4 komt te luiden:")
_ROMAN = re.compile(r"[IVXL]+")
_AMENDMENT = re.compile(r"(?P<num>[A-Z]{1,2})(?:\.?$|[.)]\s+\S)")


def _lines(text: str) -> list[Line]:
    """The lines of the text that are not empty, with their spans."""
    lines = []
    start = 0
    for line in text.split("\n"):
        if line:
            lines.append(Line(start, start + len(line), line))
        start += len(line) + 1
    return lines


class _ArticleState:
    """What we know inside one article, to decide what a label means."""

    def __init__(self) -> None:
        self.lid: int | None = None  # number of the current lid
        self.lid_delim: str | None = None
        self.list_mode: str | None = None  # "letter" or "number" list directly under lid/article
        self.last_item: str | None = None
        self.item_open = False
        self.item_delim = ""  # "°" for a list numbered "1°", "2°"
        self.sub_mode: str | None = None  # "num", "roman" or "letter"
        self.last_sub: str | None = None
        self.amending = False  # an "Artikel I" of an amending regulation

    def new_lid(self, number: int, delim: str) -> None:
        self.lid, self.lid_delim = number, delim
        self.list_mode, self.last_item, self.item_open = None, None, False
        self.sub_mode, self.last_sub = None, None

    def new_item(self, mode: str, number: str, delim: str = "") -> None:
        self.list_mode, self.last_item, self.item_open, self.item_delim = mode, number, True, delim
        self.sub_mode, self.last_sub = None, None

    def new_sub(self, mode: str, number: str) -> None:
        self.sub_mode, self.last_sub = mode, number


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        front = self._first_article()
        self.lines[:front] = split_front(self.lines[:front])
        first = self._first_article()
        if first < len(self.lines) and inline_lists(text, self.lines[first].start):
            self.lines[first:] = [part for ln in self.lines[first:] for part in split_inline(ln)]
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self._line = Line(0, 0, "")
        self._at = 0  # the index of self._line
        self._meta_end: int | None = None
        # per line, the heading it opens (:func:`.lines.heading_kind`): the zones ask up to three times
        # (told by the first character for most lines, without a call)
        self.kinds = [heading_kind(ln.text) if ln.text[:1] in HEADING_FIRST else None for ln in self.lines]

    # -- helpers -----------------------------------------------------------------
    def _first_article(self) -> int:
        """The index of the first line that opens with an article heading."""
        return next(
            (i for i, ln in enumerate(self.lines) if ln.text[:1] in HEADING_FIRST and ARTICLE.match(ln.text)),
            len(self.lines),
        )

    def emit(self, kind: str, line: Line, number: str | None = None, title: str | None = None) -> Block:
        block = Block(kind, line.start, line.end, number, title)
        self.blocks.append(block)
        return block

    def extend(self, line: Line) -> None:
        self.blocks[-1].end = line.end

    def note(self, code: str, line: Line, **values: str) -> None:
        self.notes.append(Note(code, line.start, line.end, values))

    # -- zones ---------------------------------------------------------------------
    def run(self) -> list[Block]:
        lines = self.lines
        body = next((i for i, ln in enumerate(lines) if self._body_heading(i)), len(lines))
        self.front(0, body)
        if body < len(lines):
            self.body(body)
        if not any(block.kind == "ARTICLE" for block in self.blocks):
            self.notes.append(Note("S001", 0, 0))
        return self.blocks

    def _body_heading(self, index: int) -> bool:
        return self.kinds[index] is not None and not self._in_metadata(index)

    def _in_metadata(self, index: int) -> bool:
        end = self._metadata_end()
        return index < end

    def _metadata_end(self) -> int:
        if self._meta_end is None:
            self._meta_end = metadata_end(self.lines)
        return self._meta_end

    def front(self, begin: int, end: int) -> None:
        """Metadata, title, preamble and whatever we cannot place before the body."""
        for part in front_parts(self.text, self.lines, begin, end, self._metadata_end()):
            first = self.lines[part.first]
            self.emit(part.kind, first, title=part.title)
            self.extend(self.lines[part.last])
            if part.kind == "UNPLACED":
                self.note("S002", first, snippet=first.text[:60])

    def body(self, begin: int) -> None:
        """Articles under their headings, then annexes, toelichting and closing formula."""
        lines = self.lines
        headings = self._zone_headings()
        article_ahead = self._article_ahead(headings)
        zone = "body"
        state = _ArticleState()
        seen_article = False
        i = begin
        while i < len(lines):
            line = lines[i]
            text = line.text
            kind = headings[i]
            if seen_article and kind == "ANNEX":
                match = annex_heading(text)
                assert match is not None
                i = self._emit_heading(i, "ANNEX", match)
                zone, state = "annex", _ArticleState()
                continue
            if seen_article and kind == "TOEL" and zone != "toelichting":
                self.emit("TOELICHTING", line)
                zone = "toelichting"
                i += 1
                continue
            if zone == "toelichting":
                i = self._toelichting_line(i)
                continue
            if (
                zone in ("body", "annex")
                and seen_article
                and not article_ahead[i + 1]
                and kind != "ARTICLE"
                and self._closing_starts(i)
            ):
                self.emit("CLOSING", line)
                zone = "closing"
                i += 1
                continue
            if zone == "closing":
                self.extend(line)
                i += 1
                continue
            heading = self.kinds[i]
            if state.amending and heading is not None and not _ROMAN.fullmatch(heading[1]["num"] or ""):
                heading = None  # a quoted article of the bylaw an "Artikel I" amends: its text
            if heading is not None and (zone == "body" or heading[0] == "ARTICLE"):
                hkind, match = heading
                i = self._emit_heading(i, hkind, match)
                state = _ArticleState()
                state.amending = hkind == "ARTICLE" and bool(_ROMAN.fullmatch(match["num"] or ""))
                seen_article = seen_article or hkind == "ARTICLE"
                continue
            if not seen_article or self.blocks[-1].kind in ("CHAPTER", "AFDELING", "PARAGRAAF", "ANNEX"):
                self.extend(line)
                i += 1
                continue
            self._article_line(i, state)
            i += 1

    def _zone_headings(self) -> list[str]:
        """Per line, the heading that opens a zone or an article: ANNEX, TOEL, ARTICLE or ""
        (most lines are told by their first character)."""
        return [
            ""
            if ln.text[:1] not in HEADING_FIRST
            else "ANNEX"
            if annex_heading(ln.text)
            else "TOEL"
            if toelichting_heading(ln.text)
            else "ARTICLE"
            if kind is not None and kind[0] == "ARTICLE"
            else ""
            for ln, kind in zip(self.lines, self.kinds, strict=True)
        ]

    @staticmethod
    def _article_ahead(headings: list[str]) -> list[bool]:
        """Per line, whether an article heading is still to come before the next annex or
        toelichting: that rules out a closing formula there."""
        ahead = [False] * (len(headings) + 1)
        for i in range(len(headings) - 1, -1, -1):
            ahead[i] = headings[i] == "ARTICLE" or (ahead[i + 1] and not headings[i])
        return ahead

    def _emit_heading(self, i: int, kind: str, match: re.Match[str]) -> int:
        """Emit the heading on line ``i`` with its title; returns the index of the line after it.

        "Enig artikel", the only article, has no number.
        """
        number = None if kind == "ARTICLE" and match.group("enig") else match.group("num")
        title, last = self._title(i, match.group("title"), article=kind in ("ARTICLE", "TOEL_ARTICLE"))
        self.emit(kind, self.lines[i], number, title)
        self.extend(self.lines[last])
        return last + 1

    def _title(self, i: int, same_line: str, article: bool = True) -> tuple[str | None, int]:
        """The heading's title: on its own line, or on the next line; returns last line index.

        Under an article heading, a short line followed directly by the next heading is
        the article's text, not its title; under a chapter or annex it is the title.
        """
        if same_line:
            return same_line, i
        lines = self.lines
        if i + 1 < len(lines) and title_line(lines[i + 1].text):
            after = i + 2 if i + 2 < len(lines) else None
            if not article or after is None or not (self.kinds[after] or annex_heading(lines[after].text)):
                return lines[i + 1].text, i + 1
        return None, i

    def _closing_starts(self, i: int) -> bool:
        text = self.lines[i].text
        if CLOSING.match(text) or SIGNATURE.match(text):
            return True
        if DATE_LINE.match(text):  # unless it ends the sentence of the line before
            return i == 0 or not BEFORE_A_DATE.search(self.lines[i - 1].text)
        # a place name alone, followed by a date
        nxt = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        return bool(len(text) <= 40 and PLACE_NAME.fullmatch(text) and DATE_LINE.match(nxt))

    def _toelichting_line(self, i: int) -> int:
        line = self.lines[i]
        match = TOEL_ARTICLE.match(line.text)
        if match and plausible_title(match.group("title")):
            return self._emit_heading(i, "TOEL_ARTICLE", match)
        self.extend(line)
        return i + 1

    # -- inside an article -----------------------------------------------------------
    def _article_line(self, i: int, state: _ArticleState) -> None:
        line = self._line = self.lines[i]
        self._at = i
        if state.amending:  # "Artikel I": its onderdelen A, B, ... alone on a line, the rest their text
            letter = _AMENDMENT.match(line.text)
            if letter:
                state.new_item("upper", letter["num"])
                self.emit("ONDERDEEL", line, letter["num"])
            else:
                self.extend(line)
            return
        decided = self._label(line.text, state)
        if decided is None:
            self.extend(line)
            return
        kind, number = decided
        self.emit(kind, line, number)

    def _next_text(self) -> str:
        """The text of the line after the article line being read."""
        return self.lines[self._at + 1].text if self._at + 1 < len(self.lines) else ""

    def _ends_list_intro(self) -> bool:
        block = self.blocks[-1]
        return self.text[block.end - 1 : block.end] == ":"

    def _prev_item_open_ended(self) -> bool:
        block = self.blocks[-1]
        tail = self.text[max(block.start, block.end - 8) : block.end].rstrip()
        return tail.endswith((";", ",", ":")) or tail.endswith((" en", " of", "en/of"))

    def _label(self, text: str, state: _ArticleState) -> tuple[str, str] | None:
        first = text[:1]
        if first not in LABEL_FIRST and not first.isdecimal():  # most lines go on from the line before
            return None
        match = LID_WORD.match(text)
        if match:
            number = match.group("num")
            state.new_lid(as_int(number) or (state.lid or 0) + 1, "lid")
            return "LID", number
        match = NUMBER_LABEL.match(text)
        if match:
            return self._numbered(int(match.group("num")), match.group("delim"), match.group("rest"), state)
        match = LETTER_LABEL.match(text)
        if match and not ABBREVIATION.match(match.group("rest")):
            return self._lettered(match.group("num"), state, bare=False)
        match = BARE_LETTER.match(text)
        if match:
            return self._lettered(match.group("num"), state, bare=True)
        return None

    def _numbered(self, n: int, delim: str, rest: str, state: _ArticleState) -> tuple[str, str] | None:
        if delim == "." and rest[:1].isdigit():
            return None  # "1.5 miljoen"
        if delim == ":" and not rest[:1].isupper():
            return None
        bare = delim == ""
        if bare and not rest:
            rest = self._next_text()  # "• 1" on its own line, the text on the next
        if bare and (not rest[:1].isupper() or NOT_AFTER_BARE_NUMBER.match(rest)):
            return None  # "1 januari", "4 keer per jaar" on a wrapped line
        sub_n = as_int(state.last_sub) if state.sub_mode == "num" else None
        item_n = as_int(state.last_item) if state.list_mode == "number" else None
        # 1. a sub-item of a lettered onderdeel
        opens_sub = state.sub_mode is None and n == 1 and (self._ends_list_intro() or delim == "°")
        if (
            state.item_open
            and state.list_mode == "letter"
            and ((sub_n is not None and n == sub_n + 1) or opens_sub)
        ):
            state.new_sub("num", str(n))
            return "SUB", f"{n}°" if delim == "°" else str(n)
        if delim == "°" and state.item_open and state.item_delim != "°":
            state.new_sub("num", str(n))
            return "SUB", f"{n}°"
        # 2. the next item of a numbered list
        if item_n is not None and n == item_n + 1:
            next_lid = state.lid is not None and n == state.lid + 1
            if not next_lid or self._prev_item_open_ended() or delim != state.lid_delim:
                state.new_item("number", str(n), delim)
                return "ONDERDEEL", str(n)
        # 3. a lid, or the first item of a numbered list
        return self._lid_or_list(n, delim, bare, state)

    def _lid_or_list(self, n: int, delim: str, bare: bool, state: _ArticleState) -> tuple[str, str] | None:
        """A number that is neither a sub-item nor the next item of a list: the next lid,
        a lid out of sequence, or a numbered list opening inside the lid or the article."""
        if state.lid is not None:
            if n == state.lid + 1 and (not bare or state.lid_delim == ""):
                state.new_lid(n, delim)
                return "LID", str(n)
            if n == 1:
                # a numbered list inside the current lid
                state.new_item("number", "1", delim)
                return "ONDERDEEL", "1"
            if bare:
                return None
            # a lid out of sequence: a few numbers on, or labelled as the leden are
            if state.lid + 1 < n <= state.lid + 3 or delim == state.lid_delim or delim in ".)":
                self._sequence_note("lid", n, state.lid + 1)
                state.new_lid(n, delim)
                return "LID", str(n)
            return None
        # no lid yet in this article
        if self._ends_list_intro() and state.list_mode is None:
            state.new_item("number", str(n))
            return "ONDERDEEL", str(n)
        if bare and n != 1:
            return None
        if n != 1:
            self._sequence_note("lid", n, 1)
        state.new_lid(n, delim)
        return "LID", str(n)

    def _lettered(self, letter: str, state: _ArticleState, bare: bool) -> tuple[str, str] | None:
        in_number_item = state.list_mode == "number" and state.item_open
        # letters under a numbered item are its sub-items
        if in_number_item:
            expected_sub = next_letter(state.last_sub) if state.sub_mode == "letter" else "a"
            if letter == expected_sub and (not bare or state.sub_mode == "letter"):
                state.new_sub("letter", letter)
                return "SUB", letter
        expected = next_letter(state.last_item) if state.list_mode == "letter" else "a"
        roman_next = next_roman(state.last_sub) if state.sub_mode == "roman" else "i"
        roman_possible = (
            letter in ROMANS
            and state.item_open
            and state.list_mode == "letter"
            and letter == roman_next
            and (state.sub_mode == "roman" or self._ends_list_intro())
        )
        if roman_possible and (letter != expected or self._ends_list_intro() or state.sub_mode == "roman"):
            state.new_sub("roman", letter)
            return "SUB", letter
        if letter == expected:
            if bare and not (state.list_mode == "letter" or self._ends_list_intro()):
                return None
            state.new_item("letter", letter)
            return "ONDERDEEL", letter
        if bare or len(letter) > 1 or len(expected) > 1:  # (after "z." comes "aa.", never a skip)
            return None
        if (
            state.list_mode == "letter"
            and state.last_item
            and letter > expected
            and (ord(letter) - ord(expected) <= 2)
        ):
            self._sequence_note("onderdeel", letter, expected)
            state.new_item("letter", letter)
            return "ONDERDEEL", letter
        return None

    def _sequence_note(self, kind: str, number: object, expected: object) -> None:
        line = self._line
        values = {"kind": kind, "number": str(number), "expected": str(expected)}
        self.notes.append(Note("S003", line.start, line.end, values))


def lex(text: str) -> tuple[list[Block], list[Note]]:
    """Cut the cleaned text into blocks for the grammar."""
    lexer = _Lexer(text)
    blocks = lexer.run()
    return blocks, lexer.notes

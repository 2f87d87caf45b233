"""Line classifier: the lexer in front of the Lark grammar.

The cleaned text is cut into blocks - a heading with its title, a lid with its
continuation lines, a preamble - and each block becomes one token for the grammar in
``grammars/bylaw.lark``. Deciding what a label means needs context that a regular
lexer does not have: "i." is the ninth onderdeel after "h." but a roman sub-item
elsewhere; "3." after a sub-list 1, 2 inside lid 3 is the list's third item, not a
second lid 3; "1 januari" at the start of a wrapped line is no lid. That context lives
here, in :class:`_ArticleState`; the grammar then only has to nest the blocks.
"""

from __future__ import annotations

import re

from attrs import define, field

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


@define(frozen=True)
class _Line:
    start: int
    end: int
    text: str


# -- heading patterns -------------------------------------------------------------
_NUM = r"\d{1,4}(?:[.:]\d{1,4}){0,3}[a-zA-Z]{0,2}|[IVXLC]{1,7}(?![a-z])"
_ARTICLE = re.compile(
    rf"(?:(?P<enig>[Ee]nig [Aa]rtikel|ENIG ARTIKEL)|(?:Artikel|ARTIKEL|Art\.|ART\.)\s?(?P<num>{_NUM}))"
    r"(?=[\s.:\-–—]|$)[.:]?\s*(?:[-–—]\s*)?(?P<title>.*)$"
)
_TOEL_ARTICLE = re.compile(
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
    r"wordt|worden|bepaalt|geldt|gelden|blijft|blijven|vervalt|komt|kan|kunnen|juncto|jo\.?|"
    r"aanhef|onderdeel|der|de|het|dat|die)\b",
    re.IGNORECASE,
)
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE_LINE = re.compile(
    rf"(?:[A-Z'’][\w'’. -]{{1,40}},?\s)?"
    rf"(?:\d{{1,2}}\s(?:{_MONTHS})\s\d{{4}}|\d{{1,2}}-\d{{1,2}}-\d{{4}})\.?$",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:Aldus\b|Zo vastgesteld|Vastgesteld\s(?:in|bij|door|ter)\b|Ondertekening\b|Gedaan\ste\b|"
    r"Namens\sde\sraad|Ondertekend\b)"
)
_SIGNATURE = re.compile(r"(?:[Dd]e\s)?(?:raads)?(?:griffier|voorzitter|burgemeester|secretaris)\s*[,.]?$")

# -- preamble and metadata ---------------------------------------------------------
_PREAMBLE_KEY = re.compile(
    r"(?:gelezen|gezien|gelet|overwegende|overwegend|b\s?e\s?s\s?l\s?u\s?i\s?t|"
    r"met\sinachtneming|in\saanmerking|gehoord|beschikkende|vast\ste\sstellen)\b",
    re.IGNORECASE,
)
_PREAMBLE_OPENER = re.compile(
    r"(?:de|het)\s(?:gemeente)?(?:raad|college|dagelijks bestuur|algemeen bestuur)\b", re.IGNORECASE
)
_META_TOP = re.compile(
    r"(?:Ziet u een fout|Geldend van|Regeling vervallen|Wetstechnische informatie|"
    r"Gegevens van de regeling|Geldig van|Dit is een historische versie)"
)
_TITLE_WORD = re.compile(
    r"(?:Verordening|VERORDENING|Regeling|REGELING|Reglement|Besluit|Beleidsregels?|Nadere regels|"
    r"Instellingsbesluit|Wijzigingsverordening)\b"
)

# -- labels ------------------------------------------------------------------------
_LID_WORD = re.compile(r"(?:[Ll]id|LID)\s(?P<num>\d{1,3}[a-z]?)(?:[.:]\s*|\s+|$)(?P<rest>.*)$")
_NUMBER_LABEL = re.compile(r"(?P<num>\d{1,3})(?P<delim>[.)°:]?)(?:\s+|(?=[^\W\d_])|$)(?P<rest>.*)$")
_LETTER_LABEL = re.compile(r"(?P<num>[a-z]{1,2}|[ivx]{1,5})(?P<delim>[.)])\s*(?P<rest>.*)$")
_BARE_LETTER = re.compile(r"(?P<num>[a-z])\s(?P<rest>\S.*)$")
_ABBREVIATION = re.compile(r"[a-z]\.")
_NOT_AFTER_BARE_NUMBER = re.compile(
    rf"(?:{_MONTHS}|jaar|jaren|keer|maal|weken|week|dagen|dag|maanden|maand|uur|leden|lid|"
    r"personen|euro|procent|%|x\b)",
    re.IGNORECASE,
)
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")


def _next_letter(letter: str | None) -> str:
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


def _next_roman(roman: str | None) -> str:
    if not roman:
        return "i"
    if roman in _ROMANS[:-1]:
        return _ROMANS[_ROMANS.index(roman) + 1]
    return ""


def _as_int(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() else None


def _plausible_title(title: str) -> bool:
    """A heading's title on the same line: not the rest of a sentence citing it."""
    if not title:
        return True
    if title[0] in ",;)":
        return False
    first = title[0]
    if first.islower() or first == "(":
        return not _REFERENCE_WORDS.match(title)
    return not _REFERENCE_WORDS.match(title) or first.isupper()


def _title_line(text: str) -> bool:
    """A line that can be the title of the heading above it."""
    if not text or len(text) > 110 or len(text.split()) > 14:
        return False
    if text[-1] in ".;:," or not (text[0].isupper() or text[0].isdigit() or text[0] in "'\"‘“("):
        return False
    if _NUMBER_LABEL.match(text) and _as_int(_NUMBER_LABEL.match(text).group("num")) is not None:  # type: ignore[union-attr]
        return False
    return not (_heading_kind(text) or _CLOSING.match(text))


# the characters a heading can start with (the patterns above): most lines are skipped on that
_HEADING_FIRST = frozenset("AEeHP§BMTt")


def _heading_kind(text: str) -> tuple[str, re.Match[str]] | None:
    """Chapter, afdeling, paragraaf or article heading on this line, if any."""
    if text[:1] not in _HEADING_FIRST:
        return None
    for kind, pattern in (
        ("ARTICLE", _ARTICLE),
        ("CHAPTER", _CHAPTER),
        ("AFDELING", _AFDELING),
        ("PARAGRAAF", _PARAGRAAF),
    ):
        match = pattern.match(text)
        if match and _plausible_title(match.group("title")):
            return kind, match
    return None


def _annex_heading(text: str) -> re.Match[str] | None:
    if text[:1] not in _HEADING_FIRST:
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


def _toelichting_heading(text: str) -> bool:
    if text[:1] not in _HEADING_FIRST:
        return False
    match = _TOELICHTING.match(text)
    return bool(match) and len(text) <= 160 and not text.endswith((";", ","))


# a list written on one line, as publication sites flatten it: "... verstaan onder: a. wet:
# de Participatiewet;b. college: ..." (letters in order, each item after a semicolon)
_INLINE_OPENER = re.compile(r":\s*(?P<label>a)[.)]\s")
_INLINE_ITEM = re.compile(r";\s*(?P<label>[a-z])[.)]\s")


def _split_inline(line: _Line) -> list[_Line]:
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
            parts.append(_Line(line.start + begin, line.start + end, line.text[begin:end]))
        begin = cut
    parts.append(_Line(line.start + begin, line.end, line.text[begin:]))
    return parts


class _ArticleState:
    """What we know inside one article, to decide what a label means."""

    def __init__(self) -> None:
        self.lid: int | None = None  # number of the current lid
        self.lid_delim: str | None = None
        self.list_mode: str | None = None  # "letter" or "number" list directly under lid/article
        self.last_item: str | None = None
        self.item_open = False
        self.sub_mode: str | None = None  # "num", "roman" or "letter"
        self.last_sub: str | None = None

    def new_lid(self, number: int, delim: str) -> None:
        self.lid, self.lid_delim = number, delim
        self.list_mode, self.last_item, self.item_open = None, None, False
        self.sub_mode, self.last_sub = None, None

    def new_item(self, mode: str, number: str) -> None:
        self.list_mode, self.last_item, self.item_open = mode, number, True
        self.sub_mode, self.last_sub = None, None

    def new_sub(self, mode: str, number: str) -> None:
        self.sub_mode, self.last_sub = mode, number


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [_Line(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text)]
        first = next((i for i, ln in enumerate(self.lines) if _ARTICLE.match(ln.text)), len(self.lines))
        self.lines[first:] = [part for ln in self.lines[first:] for part in _split_inline(ln)]
        self.blocks: list[Block] = []
        self.notes: list[Note] = []
        self._line = _Line(0, 0, "")
        self._next_text = ""
        self._meta_end: int | None = None
        self._kinds: dict[str, tuple[str, re.Match[str]] | None] = {}

    # -- helpers -----------------------------------------------------------------
    def heading_kind(self, text: str) -> tuple[str, re.Match[str]] | None:
        """:func:`_heading_kind`, kept per line: the zones ask up to three times."""
        if text not in self._kinds:
            self._kinds[text] = _heading_kind(text)
        return self._kinds[text]

    def emit(self, kind: str, line: _Line, number: str | None = None, title: str | None = None) -> Block:
        block = Block(kind, line.start, line.end, number, title)
        self.blocks.append(block)
        return block

    def extend(self, line: _Line) -> None:
        self.blocks[-1].end = line.end

    def note(self, code: str, line: _Line, **values: str) -> None:
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
        kind = self.heading_kind(self.lines[index].text)
        return kind is not None and not self._in_metadata(index)

    def _in_metadata(self, index: int) -> bool:
        end = self._metadata_end()
        return index < end

    def _metadata_end(self) -> int:
        if self._meta_end is None:
            end = 0
            for i, ln in enumerate(self.lines[:400]):
                if ln.text.startswith("Tekst van de regeling"):
                    end = i + 1
                    break
            if not end:
                end = next(
                    (i for i, ln in enumerate(self.lines[:60]) if ln.text in ("Intitulé", "Intitule")), 0
                )
                if end and not any(_META_TOP.match(ln.text) for ln in self.lines[:end]):
                    end = 0
            if not end:
                while end < len(self.lines) and _META_TOP.match(self.lines[end].text):
                    end += 1
            self._meta_end = end
        return self._meta_end

    def front(self, begin: int, end: int) -> None:
        """Metadata, title, preamble and whatever we cannot place before the body."""
        lines = self.lines
        meta_end = min(self._metadata_end(), end)
        if meta_end > begin:
            self.emit("META", lines[begin])
            self.extend(lines[meta_end - 1])
        i = meta_end
        # preamble: the first line with a preamble key word, or the issuing body before it
        # a first line like "Besluit tot intrekking van ..." is the title, not the decision
        first = (
            i + 1 if i < end and _TITLE_WORD.match(lines[i].text) and len(lines[i].text.split()) > 2 else i
        )
        pre = next(
            (k for k in range(first, end) if _PREAMBLE_KEY.match(lines[k].text) or self._opener(k, end)),
            None,
        )
        if pre is not None and pre > i and not self._opener(pre, end):
            prev = lines[pre - 1].text
            if prev.endswith((",", ";")) and pre - 1 > i - 1 and not _TITLE_WORD.match(prev):
                pre -= 1
        title_end = pre if pre is not None else end
        if i < title_end:
            if lines[i].text in ("Intitulé", "Intitule") and i + 1 < title_end:
                self.emit("TITLE", lines[i], title=lines[i + 1].text)
                self.extend(lines[i + 1])
                i += 2
            elif (pre is not None or end < len(lines) or _TITLE_WORD.match(lines[i].text)) and (
                len(lines[i].text) <= 300 and not lines[i].text.endswith(";")
            ):
                self.emit("TITLE", lines[i], title=lines[i].text)
                i += 1
        if i < title_end:
            self.emit("UNPLACED", lines[i])
            self.extend(lines[title_end - 1])
            self.note("S002", lines[i], snippet=lines[i].text[:60])
        if pre is not None:
            self.emit("PREAMBLE", lines[pre])
            self.extend(lines[end - 1])

    def _opener(self, k: int, end: int) -> bool:
        text = self.lines[k].text
        if not _PREAMBLE_OPENER.match(text) or len(text) > 200:
            return False
        # the council or college issuing the bylaw, followed by the preamble proper
        return any(_PREAMBLE_KEY.match(ln.text) for ln in self.lines[k + 1 : min(end, k + 4)])

    def body(self, begin: int) -> None:
        lines = self.lines
        headings = [
            "ANNEX"
            if _annex_heading(ln.text)
            else "TOEL"
            if _toelichting_heading(ln.text)
            else "ARTICLE"
            if (self.heading_kind(ln.text) or ("", None))[0] == "ARTICLE"
            else ""
            for ln in lines
        ]
        # an article heading still to come (before the next annex or toelichting) rules out
        # a closing formula here
        article_ahead = [False] * (len(lines) + 1)
        for i in range(len(lines) - 1, -1, -1):
            article_ahead[i] = headings[i] == "ARTICLE" or (article_ahead[i + 1] and not headings[i])

        zone = "body"
        state = _ArticleState()
        seen_article = False
        i = begin
        while i < len(lines):
            line = lines[i]
            text = line.text
            kind = headings[i]
            if seen_article and kind == "ANNEX":
                match = _annex_heading(text)
                assert match is not None
                title, i = self._title(i, match.group("title"), article=False)
                self.emit("ANNEX", line, match.group("num"), title)
                self.extend(lines[i])
                zone, state = "annex", _ArticleState()
                i += 1
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
            heading = self.heading_kind(text)
            if heading is not None and (zone == "body" or heading[0] == "ARTICLE"):
                hkind, match = heading
                start = i
                title, i = self._title(i, match.group("title"), article=hkind == "ARTICLE")
                number = None if hkind == "ARTICLE" and match.group("enig") else match.group("num")
                self.emit(hkind, lines[start], number, title)
                self.extend(lines[i])
                state = _ArticleState()
                seen_article = seen_article or hkind == "ARTICLE"
                i += 1
                continue
            if not seen_article or self.blocks[-1].kind in ("CHAPTER", "AFDELING", "PARAGRAAF", "ANNEX"):
                self.extend(line)
                i += 1
                continue
            self._next_text = lines[i + 1].text if i + 1 < len(lines) else ""
            self._article_line(line, state)
            i += 1

    def _title(self, i: int, same_line: str, article: bool = True) -> tuple[str | None, int]:
        """The heading's title: on its own line, or on the next line; returns last line index.

        Under an article heading, a short line followed directly by the next heading is
        the article's text, not its title; under a chapter or annex it is the title.
        """
        if same_line:
            return same_line, i
        lines = self.lines
        if i + 1 < len(lines) and _title_line(lines[i + 1].text):
            after = lines[i + 2].text if i + 2 < len(lines) else None
            if not article or after is None or not (self.heading_kind(after) or _annex_heading(after)):
                return lines[i + 1].text, i + 1
        return None, i

    def _closing_starts(self, i: int) -> bool:
        text = self.lines[i].text
        if _CLOSING.match(text) or _SIGNATURE.match(text) or _DATE_LINE.match(text):
            return True
        # a place name alone, followed by a date
        nxt = self.lines[i + 1].text if i + 1 < len(self.lines) else ""
        return bool(
            len(text) <= 40
            and re.fullmatch(r"[A-Z'’][\w'’.-]*(?:[ -][A-Za-z'’][\w'’.-]*){0,3},?", text)
            and _DATE_LINE.match(nxt)
        )

    def _toelichting_line(self, i: int) -> int:
        line = self.lines[i]
        match = _TOEL_ARTICLE.match(line.text)
        if match and _plausible_title(match.group("title")):
            title, last = self._title(i, match.group("title"))
            self.emit("TOEL_ARTICLE", line, match.group("num"), title)
            self.extend(self.lines[last])
            return last + 1
        self.extend(line)
        return i + 1

    # -- inside an article -----------------------------------------------------------
    def _article_line(self, line: _Line, state: _ArticleState) -> None:
        self._line = line
        decided = self._label(line.text, state)
        if decided is None:
            self.extend(line)
            return
        kind, number = decided
        self.emit(kind, line, number)

    def _ends_list_intro(self) -> bool:
        block = self.blocks[-1]
        return self.text[block.end - 1 : block.end] == ":"

    def _prev_item_open_ended(self) -> bool:
        block = self.blocks[-1]
        tail = self.text[max(block.start, block.end - 8) : block.end].rstrip()
        return tail.endswith((";", ",", ":")) or tail.endswith((" en", " of", "en/of"))

    def _label(self, text: str, state: _ArticleState) -> tuple[str, str] | None:
        match = _LID_WORD.match(text)
        if match:
            number = match.group("num")
            state.new_lid(_as_int(number) or (state.lid or 0) + 1, "lid")
            return "LID", number
        match = _NUMBER_LABEL.match(text)
        if match:
            return self._numbered(int(match.group("num")), match.group("delim"), match.group("rest"), state)
        match = _LETTER_LABEL.match(text)
        if match and not _ABBREVIATION.match(match.group("rest")):
            return self._lettered(match.group("num"), state, bare=False)
        match = _BARE_LETTER.match(text)
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
            rest = self._next_text  # "• 1" on its own line, the text on the next
        if bare and (not rest[:1].isupper() or _NOT_AFTER_BARE_NUMBER.match(rest)):
            return None  # "1 januari", "4 keer per jaar" on a wrapped line
        sub_n = _as_int(state.last_sub) if state.sub_mode == "num" else None
        item_n = _as_int(state.last_item) if state.list_mode == "number" else None
        # 1. a sub-item of a lettered onderdeel
        opens_sub = state.sub_mode is None and n == 1 and (self._ends_list_intro() or delim == "°")
        if (
            state.item_open
            and state.list_mode == "letter"
            and ((sub_n is not None and n == sub_n + 1) or opens_sub)
        ):
            state.new_sub("num", str(n))
            return "SUB", f"{n}°" if delim == "°" else str(n)
        if delim == "°" and state.item_open:
            state.new_sub("num", str(n))
            return "SUB", f"{n}°"
        # 2. the next item of a numbered list
        if item_n is not None and n == item_n + 1:
            next_lid = state.lid is not None and n == state.lid + 1
            if not next_lid or self._prev_item_open_ended() or delim != state.lid_delim:
                state.new_item("number", str(n))
                return "ONDERDEEL", str(n)
        if state.lid is not None:
            if n == state.lid + 1 and (not bare or state.lid_delim == ""):
                state.new_lid(n, delim)
                return "LID", str(n)
            if n == 1:
                # a numbered list inside the current lid
                state.new_item("number", "1")
                return "ONDERDEEL", "1"
            if bare:
                return None
            if n > state.lid + 1 and n <= state.lid + 3:
                self._sequence_note("lid", n, state.lid + 1)
                state.new_lid(n, delim)
                return "LID", str(n)
            if delim == state.lid_delim or delim in ".)":
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
            expected_sub = _next_letter(state.last_sub) if state.sub_mode == "letter" else "a"
            if letter == expected_sub and (not bare or state.sub_mode == "letter"):
                state.new_sub("letter", letter)
                return "SUB", letter
        expected = _next_letter(state.last_item) if state.list_mode == "letter" else "a"
        roman_next = _next_roman(state.last_sub) if state.sub_mode == "roman" else "i"
        roman_possible = (
            letter in _ROMANS
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
        if bare or len(letter) > 1:
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

"""From lines in reading order to the text the structure parser reads: one paragraph a line.

A PDF wraps a paragraph over several lines; the structure parser wants a lid, an onderdeel
or a heading to start a line and its text to follow on that line. Two consecutive lines
are one paragraph unless the second one starts anew (``_breaks``):

- it starts like a heading, a lid, an onderdeel or a part of the preamble (``pdf.yaml``,
  ``starts``) - unless the first one ends in a word the number continues ("bedoeld in
  artikel" / "8.", ``refers``) - or the first one ends in ";" or ":", or in "." before a lid
  numbered without its dot ("2 De raad", ``after_sentence``), or the first one is a heading by
  its words alone ("Toelichting bij ...", ``heading_lines``);
- one of them is a row of a table (cells apart on one baseline), unless the first is a
  label set apart from its text;
- the type changes (bold against regular, another size): headings stand apart;
- the vertical gap between them is clearly wider than the leading (paragraph spacing);
- the first line stops short: the first word of the second line would have fitted at its
  end, so the writer ended the line there (a heading, a title, the last line of a paragraph);
- the second line is indented against the first (a first-line indent), unless the first
  one starts with a label (then the second is the hanging indent of its text).

A line ending in a hyphen and followed by one starting with a lower-case letter is a word
broken by the typesetter, and is joined without the hyphen ("cliënten-" + "participatie"),
except where the hyphen is a real one: before a capital or a digit ("Noord-Brabant"), after
an abbreviation with two capitals or a digit ("WWB-uitkering"), when the document writes the
word with a hyphen elsewhere and never without ("Wmo-raad"), when the part before it is a
capitalised word of its own elsewhere in the document ("Wmo-" + "raad"), or before "en"/"of"
("cliënten- en ouderenorganisaties", ``open_compound``). A soft hyphen always goes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from statistics import median

import yaml
from attrs import define

from ..diagnostics import MONTHS
from .pdf_layout import Line, Run

__all__ = ["Words", "paragraphs", "publication", "words"]

HYPHENS = "-\u00ad\u2010"
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
PARAGRAPH_GAP = 1.5  # leadings: a wider gap between two lines of a column ends a paragraph
TAIL = 200  # characters at the end of a paragraph that decide how a line joins it (a word is shorter)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")


@define(frozen=True)
class Words:
    """What ``pdf.yaml`` says, compiled."""

    publication: tuple[re.Pattern[str], ...]
    running: tuple[re.Pattern[str], ...]
    starts: re.Pattern[str]
    after_sentence: re.Pattern[str]
    heading_lines: re.Pattern[str]
    refers: re.Pattern[str]
    open_compound: tuple[str, ...]


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that matches where any of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@cache
def words() -> Words:
    """The patterns of ``pdf.yaml``, read once."""
    data = yaml.safe_load((resources.files("verordening.load") / "pdf.yaml").read_text(encoding="utf-8"))
    return Words(
        publication=tuple(re.compile(p) for p in data["publication"]),
        running=tuple(re.compile(p) for p in data["running"]),
        starts=_any(data["starts"]),
        after_sentence=_any(data["after_sentence"]),
        heading_lines=_any(data["heading_lines"]),
        refers=re.compile(r"(?:^|\s)(?:" + "|".join(data["refers"]) + r")$", re.IGNORECASE),
        open_compound=tuple(str(w) for w in data["open_compound"]),
    )


# -- the publication table of the first page --------------------------------------------------
def _iso(date: str) -> str | None:
    parts = date.split()
    months = [m.lower() for m in MONTHS["nl"]]
    if len(parts) != 3 or parts[1].lower() not in months or not (parts[0].isdigit() and parts[2].isdigit()):
        return None
    day, month, year = int(parts[0]), months.index(parts[1].lower()) + 1, int(parts[2])
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else None


def _table_line(text: str, patterns: Sequence[re.Pattern[str]]) -> tuple[dict[str, str], bool] | None:
    """The fields of a line made only of publication-table cells (longest cell first), and whether
    one of them named the sheet or the publisher; None if some part of the line is something else."""
    found: dict[str, str] = {}
    strong = False
    position = 0
    while position < len(text):
        ends = [m.start() for m in re.finditer(r" \|? ?|$", text) if m.start() > position]
        for end in sorted(set(ends), reverse=True):
            match = next((m for p in patterns if (m := p.fullmatch(text, position, end))), None)
            if match:
                found.update({k: v for k, v in match.groupdict().items() if v})
                strong = strong or match.re in patterns[:2]
                position = end
                while position < len(text) and text[position] in " |":
                    position += 1
                break
        else:
            return None
    return found, strong


def publication(page: list[Run]) -> tuple[dict[str, str], list[Run]]:
    """The publication data at the top of the first page (organisation, published date) and the
    page's runs without them. Nothing is taken unless the sheet or the publisher is named."""
    found: dict[str, str] = {}
    taken: list[Run] = []
    strong = False
    for run in sorted(page, key=lambda r: (-r.y, r.x0)):
        read = _table_line(" ".join(run.text.split()), words().publication)
        if read is None:
            break
        found.update(read[0])
        strong = strong or read[1]
        taken.append(run)
    if not strong:
        return {}, page
    fields = {}
    if organisation := found.get("organisation") or found.get("sheet_of"):
        fields["organisation"] = organisation
    if "date" in found and (iso := _iso(found["date"])):
        fields["published"] = iso
    return fields, [run for run in page if run not in taken]


# -- paragraphs ---------------------------------------------------------------------------------
def _first_word_width(line: Line) -> float:
    first = line.text.split(" ", 1)[0]
    return (line.x1 - line.x0) * (len(first) + 1) / max(len(line.text), 1)


def _breaks(a: Line, b: Line, leading: float) -> bool:
    """Whether ``b`` starts a new paragraph after ``a`` (see the module's docstring)."""
    known = words()
    starts = known.starts
    anew = starts.match(b.text) or (a.text.endswith(".") and known.after_sentence.match(b.text))
    if anew and not known.refers.search(a.text):
        return True
    if a.text.endswith((";", ":")) or known.heading_lines.fullmatch(a.text):
        return True
    if b.cells > 1 or (a.cells > 1 and not starts.match(a.text)):  # rows of a table
        return True
    if a.bold != b.bold or abs(a.size - b.size) > 0.15 * max(a.size, b.size):
        return True
    if not b.fresh and a.y - b.y > PARAGRAPH_GAP * leading:
        return True
    if a.right - a.x1 > _first_word_width(b) + 0.5 * a.size:
        return True
    return (b.x0 - b.left) > (a.x0 - a.left) + a.size and not starts.match(a.text)


def _vocabulary(lines: Sequence[Line]) -> set[str]:
    found: set[str] = set()
    for line in lines:
        text = line.text.rstrip(HYPHENS)
        found.update(word.lower() for word in _WORD.findall(text))
    return found


def _hyphen_kept(head: str, first: str, rest: str, vocabulary: set[str]) -> str | None:
    """How a line ending ``head`` + "-" joins a line starting ``rest`` (first word ``first``):
    "-" (hyphen kept, no space), "- " (hyphen and space kept), or None (a broken word)."""
    if rest.split(" ", 1)[0].lower() in words().open_compound or any(
        rest.lower().startswith(f"{w} ") for w in words().open_compound
    ):
        return "- "
    if not rest[:1].islower() or sum(c.isupper() for c in head) >= 2 or any(c.isdigit() for c in head):
        return "-"
    whole, hyphened = (head + first).lower(), f"{head}-{first}".lower()
    if whole in vocabulary:
        return None
    if hyphened in vocabulary or (head[:1].isupper() and head.lower() in vocabulary):
        return "-"
    return None


def _tail(parts: list[str]) -> str:
    """The end of a paragraph held as parts, at least ``TAIL`` characters of it (or all of it)."""
    taken, length = [], 0
    for part in reversed(parts):
        taken.append(part)
        length += len(part)
        if length >= TAIL:
            break
    return "".join(reversed(taken))


def _join(parts: list[str], rest: str, vocabulary: set[str]) -> None:
    """Add the line ``rest`` to the paragraph held as ``parts``: after a space, or in place of the
    hyphen that broke a word. Only the end of the paragraph is looked at and the parts are
    joined once, at the end: a paragraph of many lines costs time linear in its length."""
    text = _tail(parts)
    if len(text) < 2 or text[-1] not in HYPHENS or not text[-2].isalpha() or not rest:
        parts.append(f" {rest}")
        return
    parts[-1] = parts[-1][:-1]
    if text[-1] == "\u00ad":
        parts.append(rest)
        return
    head_match = re.search(r"[^\W\d_]+$", text[:-1])
    head = head_match.group(0) if head_match else ""
    first_match = re.match(r"[^\W\d_]+", rest)
    kept = _hyphen_kept(head, first_match.group(0) if first_match else "", rest, vocabulary)
    parts.append(rest if kept is None else kept + rest)


def paragraphs(lines: Sequence[Line]) -> list[str]:
    """The paragraphs of the lines, in order; an empty string stands for a wider gap."""
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return []
    steps = [a.y - b.y for a, b in pairwise(lines) if not b.fresh and a.y - b.y > 0.5]
    # the usual distance between lines; too few lines to tell: what type of that size takes
    sizes = median(line.size for line in lines)
    leading = median(steps) if len(steps) >= 5 else 1.3 * sizes
    vocabulary = _vocabulary(lines)
    out = [[lines[0].text.translate(LIGATURES)]]
    for a, b in pairwise(lines):
        text = b.text.translate(LIGATURES)
        if _breaks(a, b, leading):
            if not b.fresh and a.y - b.y > PARAGRAPH_GAP * leading:
                out.append([""])
            out.append([text])
        else:
            _join(out[-1], text, vocabulary)
    return ["".join(parts) for parts in out]

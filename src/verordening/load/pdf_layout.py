"""From pieces of text at positions to lines in reading order, page furniture left out.

Three steps, each from the positions alone (never from the order in the content stream):

- **runs**: pieces on one baseline with no more than a word gap between them, joined with a
  space where the gap is one. A wider gap (a column gutter, a table's cells) ends a run.
- **margins**: running headers and footers - a run in the top or bottom margin whose text
  (digits aside) stands at the same height on most pages, or that reads as a page number or
  a publication's running line wherever it stands in a margin (``pdf.yaml``).
- **columns**: a page is read as two columns when a vertical gutter in its middle third is
  crossed by few runs, with at least three runs on either side and the left column's lines
  mostly reaching the gutter (so a table of labels and values is not taken for columns); with
  ten or more runs on either side a third reaching it will do (a page of headings and short
  onderdelen on lines of their own), and so it will on a page that takes the gutter of the
  page before (below).
  Runs that cross the gutter (a title over both columns) and wide vertical gaps cut the page
  into bands; in each band the left column is read top to bottom, then the right one. A page
  whose column holds too few runs to show a gutter (the end of a text) takes the gutter of
  the page before, when its runs stand apart around it in the same way.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from statistics import median

from attrs import define, evolve

from .pdf_page import Piece

__all__ = ["Line", "Run", "document_lines", "runs", "strip_margins", "widened"]

RUN_GAP = 1.2  # em: a wider gap between two pieces on a baseline ends a run
SPACE_GAP = 0.12  # em: a wider gap between two pieces is a space
SAME_BASELINE = 0.4  # em: pieces closer than this in height share a baseline
MARGIN = 0.12  # of the page height: the top and bottom margins where furniture stands
REPEAT_TOLERANCE = 4.0  # points: a running line stands this close to the same height
BAND_GAP = 3.0  # leadings: a wider vertical gap between runs starts a new band
FULL_COLUMN = 10  # runs on either side of a gutter: a page of columns, its lines often short


@define(frozen=True)
class Run:
    """Text on one baseline without a wide gap: a line of a column, or a cell of a table."""

    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    text: str


@define(frozen=True)
class Line:
    """A line in reading order: its runs of one column joined, where its column starts and ends,
    whether it opens a column (the vertical distance to the line before means nothing then),
    and of how many runs it is made (more than one: a row of a table, or a label set apart)."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    left: float
    right: float
    fresh: bool
    cells: int = 1


def _joined(pieces: Sequence[Piece | Run]) -> str:
    """The text of pieces on one baseline, left to right, a space where the gap is a space."""
    out = pieces[0].text
    for before, piece in pairwise(pieces):
        gap = piece.x0 - before.x1
        if gap > SPACE_GAP * max(piece.size, before.size, 1.0) and not out.endswith(" "):
            out += " "
        out += piece.text
    return out


def _baselines(pieces: Sequence[Piece | Run]) -> list[list[Piece | Run]]:
    """The pieces grouped by baseline, top to bottom, each group left to right."""
    groups: list[list[Piece | Run]] = []
    top = math.inf
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        if groups and top - piece.y <= SAME_BASELINE * max(piece.size, 1.0):
            groups[-1].append(piece)
        else:
            groups.append([piece])
            top = piece.y
    return [sorted(group, key=lambda p: p.x0) for group in groups]


def runs(pieces: Sequence[Piece]) -> list[Run]:
    """The runs of a page, top to bottom and left to right."""
    out = []
    for group in _baselines(pieces):
        start = 0
        for i in range(1, len(group) + 1):
            wide = i < len(group) and group[i].x0 - group[i - 1].x1 > RUN_GAP * max(group[i].size, 1.0)
            if i == len(group) or wide:
                part = group[start:i]
                size = max(p.size for p in part)
                bold = sum(len(p.text) for p in part if getattr(p, "bold", False)) * 2 > sum(
                    len(p.text) for p in part
                )
                out.append(Run(part[0].x0, max(p.x1 for p in part), part[0].y, size, bold, _joined(part)))
                start = i
    return out


# -- running headers and footers ----------------------------------------------------------------
def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def strip_margins(
    pages: Sequence[tuple[float, list[Run]]], running: Sequence[re.Pattern[str]]
) -> list[list[Run]]:
    """Each page's runs without its running headers, footers and page numbers."""
    if not pages:
        return []

    def in_margin(height: float, run: Run) -> bool:
        return run.y > height * (1 - MARGIN) or run.y < height * MARGIN

    seen: dict[tuple[str, int], set[int]] = defaultdict(set)
    for number, (height, page) in enumerate(pages):
        for run in page:
            if in_margin(height, run):
                seen[(_shape(run.text), round(run.y / REPEAT_TOLERANCE))].add(number)
    needed = max(2, math.ceil(len(pages) / 2))

    def repeated(run: Run) -> bool:
        shape, level = _shape(run.text), round(run.y / REPEAT_TOLERANCE)
        found = set().union(*(seen.get((shape, level + d), set()) for d in (-1, 0, 1)))
        return len(found) >= needed

    kept = []
    for height, page in pages:
        kept.append(
            [
                run
                for run in page
                if not (
                    in_margin(height, run)
                    and (repeated(run) or any(p.fullmatch(" ".join(run.text.split())) for p in running))
                )
            ]
        )
    return kept


# -- columns ------------------------------------------------------------------------------------
@define(frozen=True)
class _Gutter:
    low: float
    high: float


def _gutter(page: Sequence[Run]) -> _Gutter | None:
    """The widest x-interval in the middle third of the text that fewest runs cross, if the page
    reads as two columns around it (see the module's docstring)."""
    if len(page) < 6:
        return None
    left, right = min(r.x0 for r in page), max(r.x1 for r in page)
    width = right - left
    events = sorted([(r.x0, 1) for r in page] + [(r.x1, -1) for r in page])
    best: tuple[int, float, float, float] | None = None  # (crossing, -width, low, high)
    depth, previous = 0, left
    for x, step in events:
        low, high = max(previous, left + width / 3), min(x, left + 2 * width / 3)
        if high - low > 0 and (best is None or (depth, -(high - low)) < best[:2]):
            best = (depth, -(high - low), low, high)
        depth += step
        previous = x
    if best is None:
        return None
    _, _, low, high = best
    if high - low < 0.8 * median(r.size for r in page):
        return None
    return _fits(page, _Gutter(low, high), 3)


def _fits(page: Sequence[Run], gutter: _Gutter, least: int, known: bool = False) -> _Gutter | None:
    """The gutter if the page reads as two columns around it: few runs cross it, ``least`` or
    more stand on either side, and the left column's lines mostly reach it (a third of them,
    when both columns are full or the page before showed this gutter)."""
    on_left = [r for r in page if r.x1 <= gutter.low + 0.5]
    on_right = [r for r in page if r.x0 >= gutter.high - 0.5]
    crossing = len(page) - len(on_left) - len(on_right)
    if crossing > 0.2 * len(page) or min(len(on_left), len(on_right)) < least:
        return None
    column = gutter.low - min(r.x0 for r in on_left)
    filled = sum(1 for r in on_left if r.x1 >= gutter.low - 0.3 * column)
    full = known or min(len(on_left), len(on_right)) >= FULL_COLUMN
    return gutter if filled * 2 >= len(on_left) or (full and filled * 3 >= len(on_left)) else None


def _leading(page: Sequence[Run]) -> float:
    steps = [a.y - b.y for a, b in pairwise(page) if a.y - b.y > 0.5]
    return median(steps) if steps else 12.0


def _bands(page: list[Run], gutter: _Gutter | None) -> list[list[Run]]:
    """The page cut into segments in reading order: per band the left column, then the right."""
    if gutter is None:
        return [page]
    limit = BAND_GAP * _leading(page)
    segments: list[list[Run]] = []
    band_left: list[Run] = []
    band_right: list[Run] = []

    def close() -> None:
        segments.extend(part for part in (band_left[:], band_right[:]) if part)
        band_left.clear()
        band_right.clear()

    last_y = math.inf
    for run in page:  # top to bottom
        if last_y - run.y > limit:
            close()
        last_y = run.y
        if run.x1 <= gutter.low + 0.5:
            band_left.append(run)
        elif run.x0 >= gutter.high - 0.5:
            band_right.append(run)
        else:
            close()
            segments.append([run])
    close()
    return segments


def _lines(segment: list[Run], left: float, right: float) -> list[Line]:
    out = []
    for n, group in enumerate(_baselines(segment)):
        first = group[0]
        out.append(
            Line(
                text=_joined(group),
                x0=first.x0,
                x1=max(r.x1 for r in group),
                y=first.y,
                size=max(r.size for r in group),
                bold=all(getattr(r, "bold", False) for r in group),
                left=left,
                right=right,
                fresh=n == 0,
                cells=len(group),
            )
        )
    return out


def _beside(page: Sequence[Run], known: _Gutter) -> _Gutter | None:
    """The gutter of a page whose right column starts where the ``known`` one did, if the page
    reads as two columns around it with a run or more on either side. Its left column may hold
    more short lines than a page that shows its gutter on its own (the last articles' headings,
    the signatures, the heading of the notes): a third of its lines reaching the gutter will do."""
    before = [r.x1 for r in page if r.x1 < known.high - 0.5]
    low = max(before, default=known.high)
    if known.high - low < 0.8 * median(r.size for r in page):
        return None
    return _fits(page, _Gutter(low, known.high), 1, known=True)


def document_lines(pages: Sequence[list[Run]]) -> list[Line]:
    """The lines of the pages (furniture removed) in reading order, each with the left and right
    edge of its segment (see :func:`widened` for segments too short to show them). A page with
    too few lines in a column to show its gutter (the last lines of a text) is read with the
    gutter of the page before, when its runs stand apart around it."""
    lines: list[Line] = []
    known: _Gutter | None = None
    for page in pages:
        if not page:
            continue
        page = sorted(page, key=lambda r: (-r.y, r.x0))
        gutter = _gutter(page) or (_beside(page, known) if known is not None else None)
        known = gutter or known
        for segment in _bands(page, gutter):
            lines.extend(_lines(segment, min(r.x0 for r in segment), max(r.x1 for r in segment)))
    return lines


def widened(lines: Sequence[Line]) -> list[Line]:
    """The lines with each segment's right edge at least as far from its left edge as a typical
    column of the document is wide: a segment of a few lines, or of short ones (the end of an
    article at the top of a column, a signature), does not show where its column ends."""
    segments: list[list[Line]] = []
    for line in lines:
        if line.fresh or not segments:
            segments.append([])
        segments[-1].append(line)
    widths = [seg[0].right - seg[0].left for seg in segments if len(seg) >= 3]
    if not widths:
        return list(lines)
    width = median(widths)
    return [evolve(line, right=max(line.right, line.left + width)) for seg in segments for line in seg]

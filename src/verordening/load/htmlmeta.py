"""Where a publication page's metadata stands, what it says, and where the text begins.

``html.py`` renders a page into :class:`Block` values; :func:`page_info` reads them:

- a table (or definition list) whose rows start with known labels ("Organisatie",
  "Officiële naam regeling") is a table of label and value; one whose first row is made of
  labels ("Datum inwerkingtreding", "Datum ondertekening", ...) has a record per row after
  it. Either is metadata and stays out of the text;
- a label standing alone ("Wettelijke grondslag(en) ...") before the text is a heading of
  metadata: what follows it up to the next heading is its value (a list gives a list);
- "Geldend van 01-01-2017 t/m heden", "Officiële uitgave van de gemeente Ede", a CVDR
  identifier in a permanent link, and at last the ``<meta>`` of the page's head.

The text begins after "Tekst van de regeling", else after the last metadata table before
the first article, else at the top; the page's title (its ``<h1>``) is kept as the first
line when the text does not repeat it. The label words are those of ``labels.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import define, field

from ..model import SourceInfo
from .markup import LABEL_START, Labels, clean, cvdr_id, fold, iso_date, labels

__all__ = ["Block", "Node", "PageInfo", "page_info"]

# Characters of the start of an element's text that tell whether it is a label, or begins
# with one (a label is at most ten or so); what the reader asks of each element in a nest.
_OPENING = 64
_LEAD = 2 * _OPENING  # (what a node keeps of its start, so that its parent can read on)
_BREAK_AFTER = frozenset(["p", "div", "li", "td", "th", "dd", "dt", "tr"])
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"(?:Artikel|Art\.|Enig\s+artikel)\s*\w", re.IGNORECASE)
_LABELLED = re.compile(r"(?P<label>[^:]{2,80}?)\s*:\s*(?P<value>\S.*)")


class Node:
    """An element of a page as the reader keeps it: its tag, a few attributes, its children."""

    __slots__ = ("attrs", "children", "lead", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.lead: tuple[str, bool] | None = None  # the start of the text, once read: see _lead

    def elements(self) -> Iterator[Node]:
        return (child for child in self.children if isinstance(child, Node))

    def rows(self) -> list[list[Node]]:
        """The cells of this table row by row (also inside its head, body and foot, not
        inside tables within it); for a definition list, each term with its descriptions."""
        if self.tag == "dl":
            pairs: list[list[Node]] = []
            for child in self.elements():
                if child.tag == "dt" or not pairs:
                    pairs.append([])
                pairs[-1].append(child)
            return pairs
        rows: list[Node] = []
        for child in self.elements():
            if child.tag == "tr":
                rows.append(child)
            elif child.tag in ("thead", "tbody", "tfoot"):
                rows.extend(row for row in child.elements() if row.tag == "tr")
        return [[cell for cell in row.elements() if cell.tag in ("td", "th")] for row in rows]

    def items(self) -> list[str]:
        """The texts of the list items inside, without their labels; else the text itself."""
        found = [_strip_label(n.text(spaced=False, items=False)) for n in self.walk() if n.tag == "li"]
        return [item for item in found if item] or [self.text(spaced=False)]

    def walk(self) -> Iterator[Node]:
        for child in self.elements():
            yield child
            yield from child.walk()

    def text(self, *, spaced: bool, keep_lines: bool = False, items: bool = True) -> str:
        """All text inside; ``spaced`` puts a space where an element begins or ends (the
        parts of a heading), ``keep_lines`` keeps line breaks (``<pre>``); without ``items``
        the list items inside are left out (each item of a nested list once, not once more
        per item around it)."""
        parts: list[str] = []
        self._collect(parts, spaced, items)
        text = "".join(parts)
        return text if keep_lines else clean(text)

    def _collect(self, parts: list[str], spaced: bool, items: bool = True) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag == "br":
                parts.append("\n")
            elif items or child.tag != "li":
                if spaced:
                    parts.append(" ")
                child._collect(parts, spaced, items)
                if spaced or child.tag in _BREAK_AFTER:
                    parts.append(" ")

    def opening(self) -> str:
        """``text(spaced=False)`` if it has at most 64 characters, else its first 64 or more:
        enough to tell a label alone ("1.") or a text that begins with one. The reader asks
        it of element after element of a nest; the whole text each time would read a deep
        nest once per level."""
        lead, whole = self._lead()
        return lead.strip() if whole else lead.lstrip()[: _OPENING + 1]

    def _lead(self) -> tuple[str, bool]:
        """The start of ``text(spaced=False)`` with white space collapsed but not trimmed, and
        whether that is all of it; read once per node, from the starts of its children."""
        if self.lead is not None:
            return self.lead
        lead, whole = "", True
        for child in self.children:
            if isinstance(child, str):
                part, whole = _squeezed(child)
            elif child.tag == "br":
                part, whole = " ", True
            else:
                part, whole = child._lead()
                part = _glued(part, " ") if whole and child.tag in _BREAK_AFTER else part
            lead = _glued(lead, part)
            if not whole or len(lead) > _LEAD:
                whole = False
                break
        self.lead = (lead[:_LEAD], whole)
        return self.lead


def _squeezed(text: str) -> tuple[str, bool]:
    """The start of ``text`` with white space collapsed and zero-width spaces left out, and
    whether that is all of it. (A longer part is read while the start is short: a text of
    white space alone is read at once, but only once.)"""
    size = _LEAD
    while True:
        part = _SPACES.sub(" ", text[:size].replace("\u200b", "").replace("\ufeff", ""))
        if size >= len(text) or len(part) > _LEAD:
            return part[: _LEAD + 1], size >= len(text) and len(part) <= _LEAD
        size *= 4


def _glued(text: str, more: str) -> str:
    """Two texts of collapsed white space as one."""
    return text + more[1:] if text.endswith(" ") and more.startswith(" ") else text + more


@define
class Block:
    """A rendered piece of a page: a heading, a line, a label before a line, or a table
    (rendered later: as metadata or as lines of the text)."""

    kind: str
    text: str
    node: Node | None = field(default=None, repr=False)


@define
class PageInfo:
    """What :func:`page_info` found: the fields the page shows (by the rank of their label),
    the records of a table of changes, what the page's head says, the blocks of the text."""

    values: dict[str, tuple[int, str]] = field(factory=dict)
    records: list[dict[str, str]] = field(factory=list)
    head: dict[str, str] = field(factory=dict)
    legal_basis: tuple[str, ...] = ()
    force: tuple[str | None, str | None] = (None, None)
    text_blocks: list[Block] = field(factory=list)

    def put(self, name: str, rank: int, value: str) -> None:
        value = clean(value)
        if not value or labels().is_empty(value):
            return
        if name not in self.values or rank < self.values[name][0]:
            self.values[name] = (rank, value)

    def info(self, encoding: str) -> SourceInfo:
        """The fields: what the page shows, then what its records of changes say (the
        first adoption and publication; the validity of the latest version), then its head."""
        shown = {name: text for name, (_, text) in self.values.items()}
        dated = [r for r in self.records if iso_date(r.get("in_force_from"))]
        latest = max(dated, key=lambda r: iso_date(r.get("in_force_from")) or "", default={})

        def text(name: str) -> str | None:
            return shown.get(name) or self.head.get(name)

        def day(name: str, record: str | None) -> str | None:
            return iso_date(shown.get(name)) or record or iso_date(self.head.get(name))

        organisation = text("organisation")
        identifier = text("cvdr_id")
        return SourceInfo(
            format="html",
            encoding=encoding,
            title=text("title"),
            organisation=labels().organisation(organisation) if organisation else None,
            cvdr_id=(cvdr_id(identifier) or cvdr_id(identifier, bare=True)) if identifier else None,
            adopted=day("adopted", self._earliest("adopted")),
            published=day("published", self._earliest("published")),
            in_force_from=self.force[0] or day("in_force_from", iso_date(latest.get("in_force_from"))),
            in_force_until=self.force[1] or day("in_force_until", iso_date(latest.get("in_force_until"))),
            legal_basis=self.legal_basis,
        )

    def _earliest(self, name: str) -> str | None:
        dates = [d for r in self.records if (d := iso_date(r.get(name)))]
        return min(dates, default=None)


def _table(node: Node, found: PageInfo, known: Labels) -> bool:
    """Read a table of metadata into ``found``; False if the table is none."""
    rows = node.rows()
    texts = [[cell.text(spaced=False) for cell in row] for row in rows]
    for place, row in enumerate(texts):
        names = [known.field_of(cell) if cell else None for cell in row]
        heads = all(n is not None or not c for n, c in zip(names, row, strict=False))
        if heads and sum(n is not None for n in names) >= 2:
            _records(texts[place], names, texts[place + 1 :], found, known)
            return True
    labelled = [
        (row, cells)
        for row, cells in zip(texts, rows, strict=False)
        if len(row) > 1 and known.field_of(row[0]) is not None
    ]
    if not labelled or 2 * len(labelled) < sum(1 for row in texts if any(row)):
        return False
    for row, cells in labelled:
        name = known.field_of(row[0])
        if name == "legal_basis":
            items = [item for cell in cells[1:] for item in cell.items()]
            found.legal_basis = found.legal_basis or tuple(i for i in items if not known.is_empty(i))
        elif name:
            found.put(name, known.rank[fold(row[0])], " ".join(row[1:]))
    return True


def _records(
    head: list[str], names: list[str | None], rows: list[list[str]], found: PageInfo, known: Labels
) -> None:
    """The rows under a row of labels ("Datum inwerkingtreding", ...): a record each; the
    dates are weighed over all records, anything else is taken as it stands."""
    dates = ("adopted", "published", "in_force_from", "in_force_until")
    for row in rows:
        record = {n: c for n, c in zip(names, row, strict=False) if n and c and not known.is_empty(c)}
        found.records.append(record)
        for column, (name, cell) in enumerate(zip(names, row, strict=False)):
            if name and name not in dates:
                found.put(name, 100 + known.rank[fold(head[column])], cell)


def _section(blocks: list[Block], start: int, end: int, known: Labels) -> list[str]:
    """The values under a metadata heading: its lines up to the next heading or label (and
    before ``end``). (Read in place: a copy of the blocks per label is quadratic in them.)"""
    values: list[str] = []
    for place in range(start, end):
        block = blocks[place]
        if block.kind in ("heading", "table") or known.field_of(block.text) is not None:
            break
        if block.kind == "line":
            values.append(clean(block.text))
    return [v for v in values if v and not known.is_empty(v)]


def _strip_label(text: str) -> str:
    label = LABEL_START.match(text)
    return clean(text[label.end() :]) if label else text


def _front(blocks: list[Block], end: int, found: PageInfo, known: Labels) -> None:
    """Read the metadata that stands in the blocks before the text (``blocks[:end]``)."""
    for place in range(end):
        block = blocks[place]
        if block.kind in ("table", "label"):
            continue
        name = known.field_of(block.text)
        if name:
            values = _section(blocks, place + 1, end, known)
            if name == "legal_basis":
                found.legal_basis = found.legal_basis or tuple(_strip_label(v) for v in values)
            elif values:
                found.put(name, known.rank[fold(block.text)], values[0])
            continue
        labelled = _LABELLED.fullmatch(block.text)
        if labelled and (name := known.field_of(labelled.group("label"))):
            found.put(name, known.rank[fold(labelled.group("label"))], labelled.group("value"))
        if publisher := known.publisher.match(block.text):
            found.put("organisation", 200, publisher.group("name"))
        if found_id := cvdr_id(block.text):
            found.put("cvdr_id", 150 - len(found_id), found_id)


def _force(blocks: list[Block], found: PageInfo, known: Labels) -> set[int]:
    """Read "Geldend van ... t/m ..." and find the lines that only say in force or lapsed."""
    dropped: set[int] = set()
    for place, block in enumerate(blocks):
        if block.kind != "line" and block.kind != "heading":
            continue
        force = known.in_force.match(block.text)
        if force and found.force == (None, None):
            found.force = (iso_date(force.group("start")), iso_date(force.group("end")))
        if force or known.vervallen.match(block.text) or fold(block.text) in known.dropped_lines:
            dropped.add(place)
    return dropped


def _first_article(blocks: list[Block]) -> int:
    return next(
        (p for p, b in enumerate(blocks) if b.kind in ("heading", "line") and _ARTICLE.match(b.text)),
        len(blocks),
    )


def _title_at(blocks: list[Block], known: Labels) -> int | None:
    """Where the page's title stands: its first ``<h1>`` before the first article, unless
    that is a banner ("Gemeenteblad van Ede") or a label."""
    for place, block in enumerate(blocks[: _first_article(blocks)]):
        if block.node is not None and block.node.tag == "h1":
            title = block.text
            banner = known.publisher.match(title) or known.field_of(title) is not None
            return None if banner or not title else place
    return None


def _start(blocks: list[Block], tables: set[int], title: int | None, known: Labels) -> int:
    """Where the text begins: after "Tekst van de regeling"; else at the title or after
    the last metadata table before the first article, whichever comes later; else at the
    top. What stands before it is banner, chrome and metadata."""
    for place, block in enumerate(blocks):
        if block.kind in ("heading", "line") and fold(block.text) in known.text_start:
            return place + 1
    first = _first_article(blocks)
    after = [p + 1 for p in tables if p < first] + ([title] if title is not None else [])
    return max(after, default=0)


def _title(blocks: list[Block], place: int | None, start: int, text: list[Block], found: PageInfo) -> None:
    """The title is a field; it is kept as the text's first line when it stands before the
    text and the text does not begin with it."""
    if place is None:
        return
    title = blocks[place].text
    found.put("title", 300, title)
    first = next((b for b in text if b.kind != "label"), None)
    if place < start and (first is None or fold(first.text) != fold(title)):
        text.insert(0, Block("line", title))


def page_info(blocks: list[Block], head: dict[str, str], titles: list[str]) -> PageInfo:
    """The metadata of a rendered page and the blocks of its text."""
    known = labels()
    found = PageInfo()
    tables = {
        place
        for place, block in enumerate(blocks)
        if block.kind == "table" and block.node is not None and _table(block.node, found, known)
    }
    dropped = _force(blocks, found, known) | tables
    title = _title_at(blocks, known)
    start = _start(blocks, tables, title, known)
    _front(blocks, start, found, known)
    text = [b for p, b in enumerate(blocks[start:], start) if p not in dropped]
    _title(blocks, title, start, text, found)
    for name, value in head.items():
        target = known.head_meta.get(name)
        if target and clean(value) and (target != "cvdr_id" or cvdr_id(value) or cvdr_id(value, bare=True)):
            found.head.setdefault(target, clean(value))
    if cvdr_id(head.get("canonical")):
        found.head.setdefault("cvdr_id", head["canonical"])
    if titles:
        found.head.setdefault("title", titles[0].split(" | ")[0])
    found.text_blocks = text
    return found

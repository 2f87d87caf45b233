"""Any bylaw of plain text rewritten in the other formats we read, for comparing the readers.

:func:`convert` takes the text of a bylaw and gives the same bylaw as Word numbered by Word
(``w:numPr`` on the paragraphs), Word numbered by paragraph styles, an official HTML page in
the metadata-block layout, CVDR XML and a two-column PDF. Which lines are article headings,
leden and onderdelen is taken from the structure of the text itself (what
:func:`verordening.parse` finds), so the converter numbers what the text reader numbered;
a run of leden or onderdelen is numbered by the format itself (Word's numbering, ``<ol>``,
``lidnr``/``li.nr``) where its numbers run 1, 2, 3 or a, b, c with one kind of label, and
typed as printed otherwise. Every other line is kept as a line (a paragraph, an ``<al>``, a
``<p>``) with its indentation taken off. :func:`differences` compares what the readers make
of two files: the ids of articles, leden and onderdelen, and the status of each element.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import verordening
from verordening.model import Document

from .pdfmaker import Block, Text, column_pages, make_pdf
from .test_docx import NUMBERING, docx, paragraph, styled, styled_docx

__all__ = ["FORMATS", "convert", "differences", "numbered", "outline", "statuses", "write_all"]

FORMATS = ("docx-numbered", "docx-style", "html", "cvdr", "pdf")
_KINDS = ("article", "lid", "onderdeel")
_LABEL = re.compile(r"[\s•·*\-–]*\(?(\d+[a-z]?|[a-z]{1,2})([.)])?[ \t]+(\S.*)")
_HEADING = re.compile(r"\s*(?:Artikel|ARTIKEL)\s+(\d+)[.:]?(?:[ \t]+[-–:]?[ \t]*(\S.*))?")


@dataclass
class Line:
    """A line of the text: what it opens (``article``, ``lid``, ``onderdeel`` or ``text``), its
    node id, number and label mark as found at its start, and the text after the label."""

    kind: str
    text: str
    node: str = ""
    number: str = ""
    mark: str = ""  # "." or ")"; "" when the label is not one the formats can number
    rest: str = ""
    native: bool = False  # numbered by the format rather than typed


@dataclass
class Bylaw:
    """A text as lines, with what the HTML and CVDR metadata take from its own metadata block."""

    lines: list[Line]
    meta: set[int] = field(default_factory=set)  # indexes of the lines of its metadata block
    titled: set[int] = field(default_factory=set)  # and of its title
    title: str = ""
    organisation: str = ""
    bases: list[str] = field(default_factory=list)
    styled: bool = False  # article headings numbered by style


def _lines(text: str) -> Bylaw:
    document = verordening.parse(text)
    starts: dict[int, tuple[str, str, str]] = {}
    for node in document.nodes():
        if node.kind in _KINDS and node.id.startswith("art"):
            row = document.line_of(node.start) - 1
            starts.setdefault(row, (node.kind, node.id, node.number or ""))
    lines = []
    for row, raw in enumerate(text.splitlines()):
        kind, node, number = starts.get(row, ("text", "", ""))
        line = Line(kind, raw.strip(), node, number)
        if kind == "article":
            match = _HEADING.fullmatch(raw)
            if match and match.group(1) == number:
                line.mark, line.rest = ".", match.group(2) or ""
        elif kind in ("lid", "onderdeel"):
            match = _LABEL.fullmatch(raw)
            if match and match.group(1) == number and match.group(2) and raw.lstrip()[:1] != "(":
                line.mark, line.rest = match.group(2), match.group(3)
        lines.append(line)
    bylaw = Bylaw(lines)
    _metadata(document, bylaw)
    _mark_native(bylaw)
    return bylaw


def _metadata(document: Document, bylaw: Bylaw) -> None:
    meta, title = document.metadata, document.title
    bylaw.title = (title.title or title.text.splitlines()[0]) if title else ""
    if title is not None:
        first = document.line_of(title.start) - 1
        bylaw.titled = set(range(first, document.line_of(max(title.start, title.end - 1))))
    if meta is None:
        return
    first, last = document.line_of(meta.start) - 1, document.line_of(max(meta.start, meta.end - 1)) - 1
    bylaw.meta = set(range(first, last + 1))
    for item in meta.fields:
        if item.key == "organisatie" and not bylaw.organisation:
            bylaw.organisation = item.value
        elif item.key == "wettelijke_grondslag":
            bylaw.bases.append(item.value)


def _runs(bylaw: Bylaw) -> list[list[Line]]:
    """The leden of each article and the onderdelen of each lid (or article), in order."""
    runs: dict[str, list[Line]] = {}
    for line in bylaw.lines:
        if line.kind in ("lid", "onderdeel"):
            runs.setdefault(line.node.rsplit("/", 1)[0] + "/" + line.kind, []).append(line)
    return list(runs.values())


def _expected(kind: str, count: int) -> list[str]:
    return [str(n) for n in range(1, count + 1)] if kind == "lid" else [chr(97 + n) for n in range(count)]


def _mark_native(bylaw: Bylaw) -> None:
    for run in _runs(bylaw):
        marks = {line.mark for line in run}
        numbered = [line.number for line in run] == _expected(run[0].kind, len(run))
        if numbered and len(marks) == 1 and "" not in marks and len(run) <= 26:
            for line in run:
                line.native = True
    headings = [line for line in bylaw.lines if line.kind == "article"]
    bylaw.styled = bool(headings) and all(
        line.mark and line.rest and line.number == str(n) for n, line in enumerate(headings, 1)
    )


# -- Word -------------------------------------------------------------------------------------
def _abstract(key: int, mark: str, letters: bool) -> str:
    fmt = "lowerLetter" if letters else "decimal"
    return (
        f'<w:abstractNum w:abstractNumId="{key}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1{mark}"/></w:lvl></w:abstractNum>'
    )


def word_numbered(bylaw: Bylaw) -> bytes:
    """Each run of leden or onderdelen a list of its own (``w:num``), numbered on the paragraph."""
    abstracts = {
        (mark, letters): _abstract(20 + n, mark, letters)
        for n, (mark, letters) in enumerate((m, lt) for m in ".)" for lt in (False, True))
    }
    nums, body, ids = [], [], {}
    for line in bylaw.lines:
        if not line.native:
            body.append(paragraph(html.escape(line.text, quote=False)))
            continue
        run = line.node.rsplit("/", 1)[0] + line.kind
        if run not in ids:
            ids[run] = 100 + len(ids)
            key = 20 + list(abstracts).index((line.mark, line.kind == "onderdeel"))
            nums.append(f'<w:num w:numId="{ids[run]}"><w:abstractNumId w:val="{key}"/></w:num>')
        body.append(paragraph(html.escape(line.rest, quote=False), num=ids[run]))
    # the abstract definitions come before the w:num elements, as the schema orders them
    first = NUMBERING.index("<w:num ")
    numbering = NUMBERING[:first] + "".join(abstracts.values()) + NUMBERING[first:]
    numbering = numbering.replace("</w:numbering>", "".join(nums) + "</w:numbering>")
    return docx(body, numbering=numbering)


def style_numbered(bylaw: Bylaw) -> bytes:
    """Article headings, leden and onderdelen numbered by the styles of ``test_docx``: the
    heading style at level 0, leden ("%2.") below it, onderdelen ("%3.") below a lid. Where
    the headings do not run 1, 2, 3 the whole text is typed; a lid or onderdeel that is not
    numbered as the style would number it stays typed."""
    body = []
    lids: set[str] = set()  # articles whose leden are styled: their onderdelen restart per lid
    for line in bylaw.lines:
        text = html.escape(line.text, quote=False)
        rest = html.escape(line.rest, quote=False)
        if bylaw.styled and line.kind == "article":
            body.append(styled(rest, "Artikelkop"))
        elif bylaw.styled and line.native and line.mark == "." and line.kind == "lid":
            lids.add(line.node.split("/")[0])
            body.append(styled(rest, "Lid"))
        elif bylaw.styled and line.native and line.mark == "." and line.kind == "onderdeel":
            under_lid = "/lid" in line.node
            if under_lid == (line.node.split("/")[0] in lids):
                body.append(styled(rest, "Lijstnummer2"))
            else:
                body.append(styled(text, "Standaard"))
        else:
            body.append(styled(text, "Standaard"))
    return styled_docx(body)


# -- HTML and CVDR ----------------------------------------------------------------------------
def _tree(bylaw: Bylaw) -> list[tuple[str, list[Line]]]:
    """The lines outside the metadata block as groups: ("text", lines) or ("article", lines)."""
    groups: list[tuple[str, list[Line]]] = []
    article = inside = ""
    for row, line in enumerate(bylaw.lines):
        if row in bylaw.meta:
            continue
        if line.kind == "article":
            article, inside = line.node, line.node + "/"
            groups.append(("article", [line]))
        elif line.kind == "text" and not line.text:
            continue
        elif article and groups[-1][0] == "article" and (line.kind == "text" or line.node.startswith(inside)):
            groups[-1][1].append(line)
        else:
            groups.append(("text", [line]))
    return groups


def _html_article(lines: list[Line]) -> str:
    """An article: leden an ``<ol>``, onderdelen an ``<ol type="a">`` inside their lid; a line
    of text stays in the item it follows."""
    out, open_ = [f'<div class="artikel"><h4>{html.escape(lines[0].text)}</h4>'], []

    def close(to: int) -> None:
        while len(open_) > to:
            open_.pop()
            out.append("</li></ol>")

    for line in lines[1:]:
        if not line.native:
            if line.kind == "lid":
                close(0)
            elif line.kind == "onderdeel":
                close(1 if open_[:1] == ["lid"] else 0)
            out.append(f"<p>{html.escape(line.text)}</p>")
            continue
        depth = 2 if line.kind == "onderdeel" and open_[:1] == ["lid"] else 1
        if len(open_) >= depth and open_[depth - 1] == line.kind and line.number not in ("1", "a"):
            close(depth)
            out.append(f"</li><li>{html.escape(line.rest)}")
            continue
        close(depth - 1)
        first = 1 if line.kind == "lid" else ord(line.number) - 96
        kind = ' type="a"' if line.kind == "onderdeel" else ""
        start = f' start="{first}"' if first != 1 else ""
        out.append(f"<ol{kind}{start}><li>{html.escape(line.rest)}")
        open_.append(line.kind)
    close(0)
    return "".join(out) + "</div>"


_BASES = "<h3>Wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd</h3>"


def official_html(bylaw: Bylaw) -> bytes:
    """The page of a consolidated regulation: the metadata block, then the text of the regulation."""
    title = html.escape(bylaw.title or "Verordening")
    bases = "".join(f"<li>{html.escape(b)}</li>" for b in bylaw.bases)
    body = "".join(
        _html_article(lines) if kind == "article" else f"<p>{html.escape(lines[0].text)}</p>"
        for kind, lines in _tree(bylaw)
    )
    return f"""<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title></head>
<body><main id="content"><h1>{title}</h1><p>Geldend van 01-01-2020 t/m heden</p>
<h2>Wetstechnische informatie</h2><h3>Gegevens van de regeling</h3><table>
<tr><th>Organisatie</th><td>{html.escape(bylaw.organisation or "Onbekend")}</td></tr>
<tr><th>Officiële naam regeling</th><td>{title}</td></tr><tr><th>CVDR-nummer</th><td>CVDR999999/1</td></tr>
</table>{_BASES + "<ol>" + bases + "</ol>" if bases else ""}
<h2>Tekst van de regeling</h2><h3>Intitulé</h3>{body}</main></body></html>
""".encode()


def _al(text: str) -> str:
    return f"<al>{html.escape(text, quote=False)}</al>"


def _cvdr_article(lines: list[Line]) -> str:
    heading = lines[0]
    if heading.mark:
        title = html.escape(heading.rest)
        kop = f"<kop><label>Artikel</label><nr>{heading.number}</nr><titel>{title}</titel></kop>"
    else:
        kop = f"<kop><titel>{html.escape(heading.text)}</titel></kop>"
    out, open_ = [f"<artikel>{kop}"], []

    def close(to: int) -> None:
        while len(open_) > to:
            out.append("</li></lijst>" if open_.pop() == "onderdeel" else "</lid>")

    for line in lines[1:]:
        if line.kind == "lid" and line.mark:
            close(0)
            number = line.number + ("" if line.mark == "." else line.mark)
            out.append(f"<lid><lidnr>{number}</lidnr>{_al(line.rest)}")
            open_.append("lid")
        elif line.kind == "onderdeel" and line.mark:
            if open_[-1:] == ["onderdeel"]:
                out.append(f"</li><li><li.nr>{line.number}{line.mark}</li.nr>{_al(line.rest)}")
            else:
                item = f"<li><li.nr>{line.number}{line.mark}</li.nr>{_al(line.rest)}"
                out.append(f'<lijst type="expliciet">{item}')
                open_.append("onderdeel")
        else:
            out.append(_al(line.text))
    close(0)
    return "".join(out) + "</artikel>"


def cvdr(bylaw: Bylaw) -> bytes:
    """CVDR XML: the metadata in ``meta``; lines before the first article in the ``aanhef``,
    the articles with their ``kop``, ``lid`` and ``lijst``, the lines after them in the
    ``regeling-sluiting``."""
    title = f"<dcterms:title>{html.escape(bylaw.title, quote=False)}</dcterms:title>" if bylaw.title else ""
    sources = "".join(f"<dcterms:source>{html.escape(b, quote=False)}</dcterms:source>" for b in bylaw.bases)
    parts, seen = [], False
    for kind, lines in _tree(bylaw):
        if kind == "article":
            if not seen:
                parts.append("</aanhef><regeling-tekst>")
            seen = True
            parts.append(_cvdr_article(lines))
        elif bylaw.titled and lines[0] is bylaw.lines[min(bylaw.titled)]:
            parts.append(f"<intitule>{html.escape(lines[0].text, quote=False)}</intitule>")
        else:
            parts.append(_al(lines[0].text))
    closing = "</regeling-tekst><regeling-sluiting>" if seen else "</aanhef><regeling-sluiting>"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><meta><owmskern><dcterms:identifier>999999_1'
        f"</dcterms:identifier>{title}</owmskern><owmsmantel>{sources}"
        f"</owmsmantel></meta><body><regeling><aanhef>{''.join(_after(parts, closing))}"
        "</regeling-sluiting></regeling></body></cvdr>\n"
    ).encode()


def _after(parts: list[str], closing: str) -> list[str]:
    """The parts with the closing tag put after the last article (or after all, without one)."""
    last = max((n for n, p in enumerate(parts) if p.startswith("<artikel>")), default=len(parts) - 1)
    return [*parts[: last + 1], closing, *parts[last + 1 :]]


# -- PDF -----------------------------------------------------------------------------------------
def gemeenteblad_pdf(bylaw: Bylaw) -> bytes:
    """The text set in two columns with a running header and footers; article headings bold,
    a blank line of the text a little space."""
    header = [] if bylaw.meta else [Text(70, 800, "GEMEENTEBLAD", 14, bold=True)]
    blocks, space = [], 0.0
    for line in bylaw.lines:
        if not line.text:
            space = 4.0
            continue
        blocks.append(Block(line.text, bold=line.kind == "article", space=space))
        space = 0.0
    pages = column_pages(blocks, header=header, running="Gemeenteblad 2020 nr. 99999")
    return make_pdf(pages)


def numbered(text: str) -> tuple[int, int, bool]:
    """How many leden and onderdelen the formats number themselves, of how many, and whether
    the article headings are numbered by style."""
    bylaw = _lines(text)
    labelled = [line for line in bylaw.lines if line.kind in ("lid", "onderdeel")]
    return sum(line.native for line in labelled), len(labelled), bylaw.styled


def convert(text: str) -> dict[str, bytes]:
    """The bylaw in each of :data:`FORMATS`."""
    bylaw = _lines(text)
    return {
        "docx-numbered": word_numbered(bylaw),
        "docx-style": style_numbered(bylaw),
        "html": official_html(bylaw),
        "cvdr": cvdr(bylaw),
        "pdf": gemeenteblad_pdf(bylaw),
    }


_SUFFIX = {"docx-numbered": ".docx", "docx-style": ".docx", "html": ".html", "cvdr": ".xml", "pdf": ".pdf"}


def write_all(text: str, folder: Path, stem: str) -> dict[str, Path]:
    """The text and its conversions written into ``folder``."""
    paths = {"txt": folder / f"{stem}.txt"}
    paths["txt"].write_text(text, encoding="utf-8")
    for name, data in convert(text).items():
        paths[name] = folder / f"{stem}-{name}{_SUFFIX[name]}"
        paths[name].write_bytes(data)
    return paths


# -- comparing -----------------------------------------------------------------------------------
def outline(document: Document) -> list[str]:
    """The ids of the articles, leden and onderdelen, in order."""
    return [node.id for node in document.nodes() if node.kind in _KINDS]


def statuses(document: Document, as_of: str) -> dict[str, str]:
    report = verordening.check(document, model="builtin", as_of=as_of)
    found = {key: element.status for key, element in report.elements.items()}
    return {"verdict": report.verdict, **found}


def differences(expected: tuple[list[str], dict[str, str]], path: Path, as_of: str) -> list[str]:
    """What the reading of ``path`` has otherwise than ``expected`` (outline and statuses)."""
    document = verordening.parse_file(path)
    found, out = outline(document), []
    if found != expected[0]:
        gone = [i for i in expected[0] if i not in found]
        extra = [i for i in found if i not in expected[0]]
        out.append(f"ids: missing {gone[:6]} extra {extra[:6]} ({len(expected[0])} -> {len(found)})")
    got = statuses(document, as_of)
    out += [f"{key}: {was} -> {got.get(key)}" for key, was in expected[1].items() if got.get(key) != was]
    return out

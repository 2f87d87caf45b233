"""One regulation in every format read: text, Word (numbered by Word, by style, typed), both
official HTML layouts, CVDR XML and a two-column Gemeenteblad PDF - the same articles, leden
and onderdelen, and the same check."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import verordening

from .conftest import ROOT
from .formats import FORMATS, differences, outline, statuses, write_all
from .pdfmaker import Block, Text, column_pages, make_pdf
from .test_docx import NUMBERING, docx, paragraph, styled, styled_docx
from .test_load_cvdr import CVDR
from .test_load_html import HTML_A, HTML_B, TXT, structure, write

_LID = re.compile(r"(\d+)\.\s+(.*)")
_ONDERDEEL = re.compile(r"([a-z])\.\s+(.*)")
_ARTICLE = re.compile(r"Artikel (\d+)\s+(.*)")


def lines() -> list[tuple[str, str]]:
    """The text's lines with what each is: article heading, lid, onderdeel or other text."""
    found = []
    for line in TXT.splitlines():
        for kind, pattern in (("article", _ARTICLE), ("lid", _LID), ("onderdeel", _ONDERDEEL)):
            match = pattern.fullmatch(line)
            if match:
                found.append((kind, match.group(2) if kind != "article" else line))
                break
        else:
            if line:
                found.append(("text", line))
    return found


def word_numbered() -> bytes:
    """Leden and onderdelen numbered by Word on the paragraph, a list per article."""
    body, nums, article = [], [], 0
    for kind, text in lines():
        if kind == "article":
            article += 1
            nums.append(
                f'<w:num w:numId="{10 + article}"><w:abstractNumId w:val="0"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        level = {"lid": 0, "onderdeel": 1}.get(kind)
        body.append(paragraph(text) if level is None else paragraph(text, num=10 + article, level=level))
    return docx(body, numbering=NUMBERING.replace("</w:numbering>", "".join(nums) + "</w:numbering>"))


def style_numbered() -> bytes:
    """Articles, leden and onderdelen numbered by their paragraph styles only."""
    styles = {"lid": "Lid", "onderdeel": "Lijstnummer2"}
    body = []
    for kind, text in lines():
        if kind == "article":
            body.append(styled(_ARTICLE.fullmatch(text).group(2), "Artikelkop"))  # type: ignore[union-attr]
        else:
            body.append(styled(text, styles.get(kind, "Standaard")))
    return styled_docx(body)


def gemeenteblad_pdf() -> bytes:
    """The text set in two columns, with the Gemeenteblad header, running header and footers."""
    header = [
        Text(70, 800, "GEMEENTEBLAD", 14, bold=True),
        Text(70, 780, "Officiële uitgave van de gemeente Zandvoorde", 8),
    ]
    blocks = [
        Block(line, bold=line.startswith("Artikel "), space=4.0 if line.startswith("Artikel ") else 0.0)
        for line in TXT.splitlines()
        if line
    ]
    pages = column_pages(blocks, header=header, running="Gemeenteblad 2015 nr. 12345", lines_per_column=14)
    assert len(pages) > 1
    return make_pdf(pages)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("formats")
    return {
        "txt": write(folder, "regeling.txt", TXT),
        "docx-numbered": write(folder, "numbered.docx", word_numbered()),
        "docx-style": write(folder, "style.docx", style_numbered()),
        "docx-typed": write(folder, "typed.docx", docx([paragraph(line) for line in TXT.splitlines()])),
        "html-metadata-block": write(folder, "regeling.html", HTML_A),
        "html-gemeenteblad": write(folder, "gmb.html", HTML_B),
        "cvdr": write(folder, "regeling.xml", CVDR),
        "pdf": write(folder, "gmb.pdf", gemeenteblad_pdf()),
    }


def test_every_format_gives_the_same_articles_leden_and_onderdelen(files: dict[str, Path]) -> None:
    expected = structure(files["txt"])
    kinds = [kind for kind, _ in expected]
    assert (kinds.count("article"), kinds.count("lid"), kinds.count("onderdeel")) == (3, 5, 6)
    for name, path in files.items():
        assert structure(path) == expected, name


def test_every_format_gives_the_same_check(files: dict[str, Path]) -> None:
    def statuses(path: Path) -> dict[str, tuple[str, tuple[str, ...]]]:
        report = verordening.check_file(path, model="builtin", as_of="2026-06-01")
        assert report.verdict == "participation_bylaw", path.name
        return {key: (e.status, tuple(c.citation for c in e.citations)) for key, e in report.elements.items()}

    expected = statuses(files["txt"])
    assert expected["advice"][0] == "present"
    for name, path in files.items():
        assert statuses(path) == expected, name


# -- texts of the corpus in every format (bench/formats.py runs all of them) ---------------------
CORPUS_TEXTS = [
    "a04_waterlo_pw_word",  # a Word draft: tabs, "a)" labels, a line wrapped inside a lid
    "b02_westerbroek_wwb2012",  # bullets before labels alone on their line, "artikel" / "2." wrapped
    "b07_emmerveld_pw2015",  # long enough for the last page's right column to hold one line
    "d03_marlo_participatieraad_pw",  # a date on the line after "met ingang van", a toelichting
    "g11_wolderdam_participatieverordening",  # a Gemeenteblad header of labelled lines
    "h05_heggewaard_wmoraad_concept",  # a concept with a drafter's notes
    "i01_westerhoeven_participatiewet",  # amended: lapsed and inserted articles and leden
    "i02_dalmerveen_wmo",  # an official page's metadata block before the text
]


@pytest.mark.parametrize("stem", CORPUS_TEXTS)
def test_corpus_texts_read_alike_in_every_format(stem: str, tmp_path: Path) -> None:
    source = ROOT / "corpus" / f"{stem}.txt"
    as_of = json.loads(source.with_name(f"{stem}.gold.json").read_text(encoding="utf-8"))["as_of"]
    paths = write_all(source.read_text(encoding="utf-8"), tmp_path, stem)
    reference = verordening.parse_file(paths["txt"])
    expected = (outline(reference), statuses(reference, as_of))
    assert len(expected[0]) > 10
    found = {name: differences(expected, paths[name], as_of) for name in FORMATS}
    assert found == {name: [] for name in FORMATS}

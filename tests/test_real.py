"""The parser on real published texts in ../shared/real (skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import verordening
from verordening import normalise

from .conftest import REAL
from .test_properties import check_invariants


@pytest.mark.parametrize("name", ["uwv2009.txt", "uwv2009.md"])
def test_uwv2009_structure(real: Path, name: str) -> None:
    document = verordening.parse_file(real / "full" / name)
    gold = json.loads((real / "full" / "uwv2009.gold.json").read_text(encoding="utf-8"))
    assert len(document.articles) == gold["articles_in_main_text"] == 18
    assert [a.number for a in document.articles] == [str(n) for n in range(1, 19)]
    (annex,) = document.annexes
    assert [a.id for a in annex.children] == [f"bijlage1/art{n}" for n in range(1, 6)]
    assert annex.children[0].citation == "bijlage, artikel 1"
    # article 4, third lid: a numbered list 1-3 inside the lid, item 2 with a-f
    lid3 = document.get("art4/lid3")
    assert [c.id for c in lid3.children] == ["art4/lid3/1", "art4/lid3/2", "art4/lid3/3"]
    assert [c.number for c in document.get("art4/lid3/2").children] == list("abcdef")
    assert document.get("art4/lid3/3").text.startswith("3. Alle adviezen")
    assert document.get("art4/lid2/b").citation == "artikel 4, tweede lid, onderdeel b"
    assert "spontaan en op verzoek" in document.get("art4/lid2/b").text
    assert [c.kind for c in document.children][-2:] == ["closing", "annex"]
    # every citation the gold file uses names a node of the parse
    citations = {node.citation for node in document.nodes()}
    for element in gold["elements"].values():
        assert set(element["citations"]) <= citations


def test_uwv2009_txt_and_md_give_the_same_outline(real: Path) -> None:
    def outline(path: Path) -> list[tuple[str, str, str | None]]:
        return [(n.kind, n.id, n.title) for n in verordening.parse_file(path).nodes()]

    assert outline(real / "full" / "uwv2009.txt") == outline(real / "full" / "uwv2009.md")


def _pages(real: Path, folder: str = "pages") -> list[dict[str, object]]:
    lines = (real / folder / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


FOLDERS = ("pages", "pages2")
PAGE_NAMES = {
    folder: sorted(p.name for p in (REAL / folder).glob("*.txt")) if REAL.is_dir() else []
    for folder in FOLDERS
}
PAGES = [(folder, name) for folder in FOLDERS for name in PAGE_NAMES[folder]]
# an article heading at the start of a line (not a law's article the aanhef lists: "Artikel 47 van ...")
_HEADING = re.compile(r"^\s*(?:Artikel|ARTIKEL)\s+(\d+(?:\.\d+)?)\b(?!,|\s+van\b)", re.MULTILINE)
# what shows that a page printed a metadata block or a publication header
_PRINTED_METADATA = re.compile(
    r"Wetstechnische informatie|Geldend van|Regeling vervallen|Gemeenteblad van|Officiële uitgave van"
)
# a line that a transcription flattened: the whole bylaw on it
_FLATTENED = 1000
# an article heading inside a flattened line, numbered as printed
_INLINE_HEADING = re.compile(r"\s(?:Artikel|ARTIKEL)\s(\d+)\.\s+[A-Z]")


def _words(text: str) -> str:
    """Text without the bullets, dashes, colons and line breaks that pages put between words."""
    return re.sub(r"[\s:•\-–]+", " ", text).strip()


def _flattened(text: str) -> list[str]:
    return [line for line in text.splitlines() if len(line) > _FLATTENED]


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_page_excerpt_front_matter_and_first_articles(real: Path, folder: str, name: str) -> None:
    text = (real / folder / name).read_text(encoding="utf-8")
    entry = next(e for e in _pages(real, folder) if e["file"] == name)
    document = verordening.parse(text)
    check_invariants(document)

    # metadata: where the page printed one
    if _PRINTED_METADATA.search(text):
        assert document.metadata is not None
        assert document.metadata.fields
    if "Gegevens van de regeling" in text:
        assert document.metadata is not None
        keys = {f.key for f in document.metadata.fields}
        assert {"organisatie", "officiele_naam", "wettelijke_grondslag"} <= keys

    # title: the index's title is the document's title
    assert document.title is not None
    assert document.title.title is not None
    assert str(entry["title"]).lower() in document.title.title.lower()

    # preamble with the issuing body and the whole "gelet op" text, located in the original
    if document.preamble is not None:
        issuer = next(f for f in document.preamble.fields if f.key == "orgaan")
        assert issuer.value
        assert _words(issuer.value) in _words(text)
    gelet = [m.end() for m in re.finditer(r"gelet op", text, re.IGNORECASE)]
    if gelet:
        assert document.preamble is not None
        fields = [f for f in document.preamble.fields if f.key == "gelet_op"]
        assert fields
        for field in fields:
            assert field.value
            assert normalise(text[field.start : field.end]).lower().startswith("gelet op")
        first = _words(normalise(text[gelet[0] :]).split(";")[0])[:40]
        assert _words(fields[0].value).startswith(first)

    # first articles: every article heading printed at the start of a line, in order (an excerpt
    # that puts its articles inside one long line is checked below)
    printed = _HEADING.findall(text)
    if not _flattened(text):
        assert [a.number for a in document.articles] == printed
    if printed:
        assert document.articles[0].children or document.articles[0].text


@pytest.mark.parametrize(("folder", "name"), PAGES)
def test_articles_inside_a_flattened_line_are_found(real: Path, folder: str, name: str) -> None:
    text = (real / folder / name).read_text(encoding="utf-8")
    long_lines = _flattened(text)
    if not long_lines:
        pytest.skip("no flattened line")
    inline: list[str] = []
    for number in (n for line in long_lines for n in _INLINE_HEADING.findall(line)):
        if int(number) == len(inline) + 1:
            inline.append(number)
    document = verordening.parse(text)
    assert [a.number for a in document.articles] == _HEADING.findall(text) + inline


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_page_in_the_index_exists(real: Path, folder: str) -> None:
    assert sorted(str(e["file"]) for e in _pages(real, folder)) == PAGE_NAMES[folder]

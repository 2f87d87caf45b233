"""The parser on real published texts in ../shared/real (skipped when absent)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import verordening
from verordening import normalise

from .conftest import REAL


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


def _pages(real: Path) -> list[dict[str, object]]:
    lines = (real / "pages" / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


PAGE_NAMES = sorted(p.name for p in (REAL / "pages").glob("*.txt")) if REAL.is_dir() else []
_HEADING = re.compile(r"^\s*(?:Artikel|ARTIKEL)\s+(\d+(?:\.\d+)?)\b", re.MULTILINE)


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_page_excerpt_front_matter_and_first_articles(real: Path, name: str) -> None:
    text = (real / "pages" / name).read_text(encoding="utf-8")
    entry = next(e for e in _pages(real) if e["file"] == name)
    document = verordening.parse(text)

    # metadata: where the page printed one
    if re.search(r"Wetstechnische informatie|Geldend van|Regeling vervallen", text):
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

    # preamble with the whole "gelet op" text, located in the original
    gelet = [m.end() for m in re.finditer(r"gelet op", text, re.IGNORECASE)]
    if gelet:
        assert document.preamble is not None
        fields = [f for f in document.preamble.fields if f.key == "gelet_op"]
        assert fields
        for field in fields:
            assert field.value
            assert normalise(text[field.start : field.end]).lower().startswith("gelet op")
        first = normalise(text[gelet[0] :]).split(";")[0].strip()[:40]
        assert fields[0].value.startswith(first)

    # first articles: every article heading printed in the excerpt, in order
    printed = _HEADING.findall(text)
    assert [a.number for a in document.articles] == printed
    if printed:
        assert document.articles[0].children or document.articles[0].text


def test_every_page_in_the_index_exists(real: Path) -> None:
    assert sorted(str(e["file"]) for e in _pages(real)) == PAGE_NAMES

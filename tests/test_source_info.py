"""What a source says about itself (official HTML, CVDR XML) is used where the text is silent."""

from __future__ import annotations

import json

import verordening
from verordening.model import SourceInfo
from verordening.structure import parse_text

ARTICLES = (
    "Artikel 1 Advies\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd over het beleid, "
    "tijdig voordat het college besluit.\n"
    "Artikel 2 Overleg\n1. Het college voert viermaal per jaar overleg met de cliëntenraad.\n"
)


def test_the_published_legal_basis_counts_when_the_text_names_none() -> None:
    info = SourceInfo(
        format="html",
        title="Verordening cliëntenraad Zandvoorde 2016",
        legal_basis=("Participatiewet, artikel 47",),
        in_force_from="2016-01-01",
    )
    silent = verordening.check(parse_text(ARTICLES), model="builtin", as_of="2026-12-01")
    assert not [b for b in silent.legal_basis if b.source == "metadata"]
    report = verordening.check(parse_text(ARTICLES, info=info), model="builtin", as_of="2026-12-01")
    assert report.verdict == "participation_bylaw"
    assert report.frameworks == ("participatiewet",)
    assert [b.source for b in report.legal_basis if b.framework] == ["metadata"]
    data = json.loads(report.to_json())
    assert data["source"]["legal_basis"] == ["Participatiewet, artikel 47"]
    assert data["source"]["title"] == "Verordening cliëntenraad Zandvoorde 2016"


def test_a_text_with_a_preamble_keeps_its_own_basis() -> None:
    text = (
        "De raad van de gemeente Zandvoorde;\ngelet op artikel 2.1.3 van de Wmo 2015;\nbesluit:\n\n"
        + ARTICLES
    )
    info = SourceInfo(format="html", legal_basis=("Participatiewet, artikel 47",))
    report = verordening.check(parse_text(text, info=info), model="builtin", as_of="2026-12-01")
    assert report.frameworks == ("wmo2015",)

"""Reading real bylaws as a lawyer does: the cases a new user found misread (issue 9).

Each case is a small bylaw of its own: who is who, references inside the bylaw,
restrictions elsewhere in it, Dutch compounds, time and frequency, the front matter.
"""

from __future__ import annotations

from typing import Any

import verordening

PW = "De raad van de gemeente Zandvoorde;\ngelet op artikel 47 van de Participatiewet;\nbesluit vast te stellen de volgende verordening.\n"


def check(text: str, **options: Any) -> verordening.Report:
    return verordening.check(text, model="builtin", as_of="2026-12-01", **options)


def cited(report: verordening.Report, element: str) -> list[str]:
    return [c.citation for c in report.elements[element].citations]


def test_a_one_paragraph_aanhef_gives_the_legal_basis() -> None:
    report = check(
        "Verordening adviesraad sociaal domein Heemsterveld 2019\n\n"
        "De raad van de gemeente Heemsterveld; gelezen het voorstel van burgemeester en wethouders van "
        "4 juni 2019; gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015 en artikel 2.10 "
        "van de Jeugdwet; besluit vast te stellen de volgende verordening:\n\n"
        "Artikel 1 Taken\n"
        "1. De adviesraad doet het college uit eigen beweging voorstellen voor beleid.\n"
        "2. De adviesraad adviseert het college gevraagd en ongevraagd, tijdig voordat het college besluit.\n"
    )
    assert report.frameworks == ("jeugdwet", "wmo2015")
    assert [b.source for b in report.legal_basis] == ["preamble", "preamble"]
    assert report.document.preamble is not None
    keys = [f.key for f in report.document.preamble.fields]
    assert keys == ["orgaan", "gelezen", "gelet_op", "besluit"]
    assert "C004" not in [d.code for d in report.diagnostics]

"""What the reading tests share: a small Participatiewet or Wmo bylaw to add provisions to."""

from __future__ import annotations

from typing import Any

import verordening

PW = (
    "De raad van de gemeente Zandvoorde;\ngelet op artikel 47 van de Participatiewet;\n"
    "besluit vast te stellen de volgende verordening.\n"
)
TITLE = "Verordening cliëntenparticipatie Participatiewet Zandvoorde 2020\n\n"
WMO = (
    "Verordening adviesraad Zandvoorde 2020\n\nDe raad van de gemeente Zandvoorde;\ngelet op artikel 2.1.3 "
    "van de Wet maatschappelijke ondersteuning 2015;\nbesluit vast te stellen de volgende verordening.\n\n"
)
CONSULTATION = "\nArtikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de cliëntenraad.\n"
ADVICE = (
    "\nArtikel 4 Advies\n"
    "1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over verordeningen en "
    "beleidsvoorstellen, tijdig voordat het college een besluit neemt.\n"
)


def check(text: str, title: str = TITLE, as_of: str = "2026-12-01", **options: Any) -> verordening.Report:
    """The built-in check of ``text`` under the title and the aanhef of a small bylaw."""
    return verordening.check(title + PW + text, model="builtin", as_of=as_of, **options)


def wmo(text: str) -> verordening.Report:
    """The built-in check of ``text`` in a small Wmo 2015 bylaw (the body is "de adviesraad")."""
    return verordening.check(WMO + text, model="builtin", as_of="2026-12-01")

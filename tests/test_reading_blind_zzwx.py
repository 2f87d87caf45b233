"""Reading as a lawyer does: what blind sets zzw and zzx taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

CARE_COUNCIL = (
    "Reglement cliëntenraad Zorggroep Eemstein 2021\n\n"
    "De raad van bestuur van Stichting Zorggroep Eemstein;\n"
    "gelet op {basis};\n"
    "besluit vast te stellen het volgende reglement.\n\n"
    "Artikel 1 Advies\nDe bestuurder stelt de cliëntenraad vroegtijdig in staat gevraagd en ongevraagd "
    "advies uit te brengen over voorgenomen besluiten die cliënten van de ondersteuning op grond van de "
    "Wet maatschappelijke ondersteuning 2015 raken.\n\n"
    "Artikel 2 Overleg\nDe bestuurder voert ten minste vier keer per jaar overleg met de cliëntenraad.\n"
)


def test_a_client_council_under_another_participation_regime_is_no_participation_bylaw() -> None:
    """A care institution's council rests on the Wmcz: the Wmo named in passing is no basis."""
    wmcz = "de Wet medezeggenschap cliënten zorginstellingen 2018"
    report = verordening.check(CARE_COUNCIL.format(basis=wmcz), model="builtin")
    assert report.verdict.value == "not_participation_bylaw"
    municipal = "artikel 2.1.3, derde lid, van de Wet maatschappelijke ondersteuning 2015"
    report = verordening.check(CARE_COUNCIL.format(basis=municipal), model="builtin")
    assert report.verdict.value == "participation_bylaw"


CONSOLIDATED = (
    "Verordening cliëntenparticipatie Eemdorp 2012\n\nWetstechnische informatie\n\nGegevens van de regeling\n"
    "OrganisatieEemdorp\nOrganisatietypeGemeente\n"
    "Officiële naam regelingVerordening cliëntenparticipatie Eemdorp 2012\n\n"
    "Wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd\n\n 1. {published}\n\n"
    "Tekst van de regeling\n\nIntitulé\n\nVerordening cliëntenparticipatie Eemdorp 2012\n\n"
    "De raad van de gemeente Eemdorp;\ngelet op artikel 47 van de Wet werk en bijstand;\n"
    "besluit vast te stellen de volgende verordening.\n\n"
    "Artikel 1 Overleg\nHet college voert ten minste vier keer per jaar overleg met de cliëntenraad.\n"
)


def test_publication_data_naming_the_successor_law_replace_the_aanhef_s_law() -> None:
    """A consolidated text amended to the Participatiewet keeps the WWB in its original aanhef."""
    amended = verordening.check(CONSOLIDATED.format(published="Participatiewet, art. 47"), model="builtin")
    assert amended.frameworks == ("participatiewet",)
    wwb = "Wet werk en bijstand, art. 47"
    original = verordening.check(CONSOLIDATED.format(published=wwb), model="builtin")
    assert original.frameworks == ("wwb",)

"""Reading as a lawyer does: what blind sets zzzq and zzzr taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

WORKS_COUNCIL = (
    "Reglement cliëntenraad Werkbedrijf Eemkant 2019\n\n"
    "Het bestuur van Werkbedrijf Eemkant B.V.;\n"
    "gelet op {basis};\n"
    "besluit vast te stellen het volgende reglement.\n\n"
    "Artikel 1 Advies\nDe directeur stelt de cliëntenraad vroegtijdig in staat gevraagd en ongevraagd "
    "advies uit te brengen over voorgenomen besluiten over roosters en werkomstandigheden.\n\n"
    "Artikel 2 Overleg\nDe directeur voert ten minste vier keer per jaar overleg met de cliëntenraad.\n"
)


def test_the_employees_council_of_a_sheltered_employment_company_is_no_participation_bylaw() -> None:
    """Its aanhef rests on the company's collective labour agreement, not on a participation statute."""
    cao = "de bepalingen over medezeggenschap in de cao voor de sociale werkvoorziening"
    report = verordening.check(WORKS_COUNCIL.format(basis=cao), model="builtin")
    assert report.verdict.value == "not_participation_bylaw"
    municipal = "artikel 47 van de Participatiewet"
    report = verordening.check(WORKS_COUNCIL.format(basis=municipal), model="builtin")
    assert report.verdict.value == "participation_bylaw"


SUPPORT = (
    "{title}\n\nDe raad van de gemeente Eemkant;\n"
    "gelet op artikel 2.1.3 en artikel 2.2.4 van de Wet maatschappelijke ondersteuning 2015;\n"
    "besluit vast te stellen de volgende verordening.\n\n"
    "Artikel 1 Cliëntondersteuning\nHet college draagt er zorg voor dat iedere cliënt kosteloos gebruik "
    "kan maken van onafhankelijke cliëntondersteuning.\n\n"
    "Artikel 2 Evaluatie\nHet college vraagt de adviesraad om advies over de evaluatie van deze "
    "verordening.\n"
)


def test_a_bylaw_on_support_of_single_clients_is_no_participation_bylaw() -> None:
    """Support of single clients with their own questions is not their say in policy, whatever the
    aanhef cites and whichever advice the bylaw asks about itself."""
    report = verordening.check(
        SUPPORT.format(title="Verordening cliëntondersteuning Eemkant 2024"), model="builtin"
    )
    assert report.verdict.value == "not_participation_bylaw"
    report = verordening.check(
        SUPPORT.format(title="Verordening cliëntenparticipatie Eemkant 2024"), model="builtin"
    )
    assert report.verdict.value == "participation_bylaw"

"""Reading as a lawyer does, continued: what blind sets k and l taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import check

CONSULTATION = (
    "\nArtikel 5 Overleg\n1. Het college voert ten minste viermaal per jaar overleg met de cliëntenraad.\n"
)


def test_a_grant_for_years_that_have_passed_has_lapsed() -> None:
    said = (
        "\nArtikel 8 Ondersteuning\nHet college stelt de cliëntenraad voor de jaren 2017, 2018 en 2019 "
        "jaarlijks een werkbudget van € 3.000 ter beschikking.\n"
    )
    support = check(said).elements["support"]
    assert support.status == "partial"
    assert support.reasons == ("support_lapsed",)
    assert check(said, as_of="2018-06-01").elements["support"].status == "present"


def test_a_condition_that_names_the_counterpart_by_a_pronoun() -> None:
    said = (
        CONSULTATION + "2. De cliëntenraad kan onderwerpen voor het overleg voordragen.\n"
        "3. De wethouder neemt een voorgedragen onderwerp op de agenda{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    unless = ", tenzij hij van oordeel is dat het onderwerp beter anders kan worden behandeld"
    agenda = check(said.format(unless)).elements["agenda"]
    assert agenda.status == "partial"
    assert agenda.reasons == ("agenda_conditional",)
    # ... but not when the body, named before, is the one who judges
    body = (
        "\nArtikel 4 Advies\nHet college vraagt de cliëntenraad vroegtijdig advies. Daarnaast adviseert de "
        "cliëntenraad het college ongevraagd wanneer hij dat nodig vindt.\n"
    )
    assert check(body).elements["advice"].status == "present"


def test_a_condition_beside_the_grant_that_leaves_it_to_the_counterpart() -> None:
    said = (
        CONSULTATION + "2. De cliëntenraad kan de wethouder verzoeken een onderwerp op de agenda van het "
        "overleg te plaatsen. Aan dat verzoek wordt gevolg gegeven{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    unless = ", tenzij het onderwerp naar het oordeel van de wethouder niet tot de taak van de raad behoort"
    assert check(said.format(unless)).elements["agenda"].status == "partial"


def test_a_condition_about_the_law_is_read_to_its_comma() -> None:
    said = (
        "\nArtikel 4 Advies\n1. Het college kan de cliëntenraad, als het college dat wenselijk acht, om "
        "advies vragen over beleidsvoorstellen op grond van de wet.\n"
        "2. De cliëntenraad kan het college ook ongevraagd adviseren, tijdig voordat het college besluit.\n"
    )
    advice = check(said).elements["advice"]
    assert advice.status == "partial"
    assert "advice_conditional" in advice.reasons or "advice_discretionary" in advice.reasons


def test_more_ways_to_ask_advice_early() -> None:
    for said in (
        "Het college legt ontwerpverordeningen uiterlijk zes weken voordat het besluit ter advisering aan de "
        "cliëntenraad voor.",
        "Ontwerpverordeningen legt het college aan de cliëntenraad voor in de voorbereidingsfase.",
        "Het college neemt geen besluit over een beleidsvoorstel, voordat de cliëntenraad in de gelegenheid "
        "is gesteld advies uit te brengen.",
    ):
        text = f"\nArtikel 4 Advies\n1. {said}\n2. De cliëntenraad kan ook ongevraagd adviseren.\n"
        assert check(text).elements["advice"].status == "present", said


def test_drafts_not_laid_before_the_body_restrict_advice() -> None:
    said = (
        "\nArtikel 4 Advies\n1. Het college vraagt de cliëntenraad gevraagd en ongevraagd advies over "
        "beleidsregels, uiterlijk vier weken voordat het college besluit.\n"
        "2. Ontwerpverordeningen worden niet aan de cliëntenraad voorgelegd.\n"
    )
    advice = check(said).elements["advice"]
    assert advice.status == "partial"
    assert advice.reasons == ("advice_restricted",)


def test_frequencies_written_as_intervals_and_months() -> None:
    for said, per_year in (
        ("Het college en de cliëntenraad overleggen om de twee maanden.", 6),
        ("Het overleg vindt plaats op de eerste dinsdag van iedere even maand.", 6),
        ("Het overleg vindt plaats in de maanden maart, juni, september en december.", 4),
    ):
        text = f"\nArtikel 5 Overleg\n1. De wethouder voert overleg met de cliëntenraad.\n2. {said}\n"
        consultation = check(text).elements["periodic_consultation"]
        assert consultation.status == "present", said
        assert consultation.values == {"meetings_per_year": per_year}, said


def test_a_youth_council_is_a_participation_body_with_a_stated_basis_and_rights() -> None:
    body = (
        "\nArtikel 1 Advies\nHet college vraagt de jongerenraad vroegtijdig om advies over het jeugdbeleid.\n"
    )
    jeugdwet = verordening.check(
        "Verordening Jongerenraad Jeugdhulp Marsdorp 2023\n\nDe raad van de gemeente Marsdorp;\n"
        "gelet op artikel 2.10 van de Jeugdwet;\nbesluit vast te stellen de volgende verordening.\n" + body,
        model="builtin",
        as_of="2026-12-01",
    )
    assert jeugdwet.verdict == "participation_bylaw"
    council = verordening.check(
        "Verordening Jongerenraad Marsdorp 2023\n\nDe raad van de gemeente Marsdorp;\n"
        "gelet op artikel 84 van de Gemeentewet;\nbesluit vast te stellen de volgende verordening.\n" + body,
        model="builtin",
        as_of="2026-12-01",
    )
    assert council.verdict == "not_participation_bylaw"


def test_an_evaluation_meeting_is_no_consultation() -> None:
    said = (
        "\nArtikel 8 Evaluatie\nHet college en de cliëntenraad evalueren jaarlijks in een gezamenlijke "
        "bijeenkomst de samenwerking.\n"
    )
    assert check(said).elements["periodic_consultation"].status == "missing"


def test_information_from_an_expert_is_not_the_counterpart_s() -> None:
    said = (
        "\nArtikel 6 Deskundigheid\nDe cliëntenraad kan zich op kosten van de gemeente laten informeren door "
        "een externe deskundige.\n"
    )
    assert check(said).elements["information"].status == "missing"


def test_a_sum_made_available_is_support() -> None:
    said = "\nArtikel 8 Budget\nHet college stelt jaarlijks een bedrag beschikbaar voor de cliëntenraad.\n"
    assert check(said).elements["support"].status == "present"

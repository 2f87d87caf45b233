"""Reading as a lawyer does, continued: what blind sets o and p taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

from typing import Any

import verordening
from verordening.language import resolve_references, units_of

from .small_bylaws import ADVICE, PW, TITLE, check

CONSULTATION = "\nArtikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de cliëntenraad.\n"


def test_a_title_below_a_label_that_reads_as_a_label_alone() -> None:
    page = "GEMEENTEBLAD\nNr.\t41873\nOrganisatie\tZandvoorde\nType\tRegelgeving\n\n{}" + TITLE
    document = verordening.parse(page.format("") + PW + CONSULTATION)
    assert document.title is not None
    assert document.title.title == TITLE.strip()


def test_a_title_below_the_lines_of_a_draft() -> None:
    draft = "CONCEPT - versie 3\nRaadsvoorstel nr. 2015-214\n\nCliëntparticipatieverordening Zandvoorde\n\n"
    document = verordening.parse(draft + PW + CONSULTATION)
    assert document.title is not None
    assert document.title.title == "Cliëntparticipatieverordening Zandvoorde"


def test_leden_numbered_in_brackets_and_items_numbered_with_a_degree_sign() -> None:
    text = (
        TITLE + PW + "\nArtikel 3 Lidmaatschap\n(1) De cliëntenraad bestaat uit zeven leden.\n"
        "(2) Het lidmaatschap eindigt:\n1° op eigen verzoek;\n2° bij verhuizing;\n3° door overlijden.\n"
    )
    ids = {node.citation for node in _nodes(verordening.parse(text).root)}
    assert "artikel 3, tweede lid" in ids
    assert "artikel 3, tweede lid, onderdeel 3" in ids
    assert not any("onder 2°" in c for c in ids)


def _nodes(node: Any) -> list[Any]:
    return [node, *(n for child in node.children for n in _nodes(child))]


def test_a_discretion_to_depart_from_the_frequency_takes_it_back() -> None:
    fewer = CONSULTATION + (
        "2. Het college kan, gehoord de cliëntenraad, besluiten in een kalenderjaar {} overleggen te houden "
        "dan in het eerste lid is bepaald.\n"
    )
    assert check(fewer.format("minder")).elements["periodic_consultation"].status == "partial"
    assert check(fewer.format("vaker")).elements["periodic_consultation"].status == "present"


def test_a_request_taken_up_with_a_hedge_is_no_binding_agenda_right() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan de wethouder verzoeken een onderwerp op de agenda van het overleg te zetten. "
        "Aan zo'n verzoek wordt {}gevolg gegeven.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    assert check(said.format("zoveel mogelijk ")).elements["agenda"].status == "partial"


def test_counterparts_who_decide_in_the_plural_or_by_their_portfolio() -> None:
    plural = CONSULTATION + (
        "2. De cliëntenraad kan voor het overleg onderwerpen aandragen. De portefeuillehouders beslissen, "
        "gehoord de voorzitter van de cliëntenraad, welke onderwerpen op de agenda worden geplaatst.\n"
    )
    assert check(plural).elements["agenda"].status == "partial"
    portfolio = CONSULTATION + (
        "2. De wethouder belast met werk en inkomen stelt de agenda van het overleg vast in overleg met de "
        "voorzitter van de cliëntenraad, die daartoe onderwerpen kan aandragen.\n"
    )
    agenda = check(portfolio).elements["agenda"]
    assert agenda.status == "partial"
    assert agenda.reasons == ("agenda_set_by_college",)


def test_a_duty_written_as_cannot_refuse() -> None:
    said = CONSULTATION + (
        "2. Het college kan {}weigeren een onderwerp dat de cliëntenraad tijdig heeft aangemeld, op de "
        "agenda van het overleg te plaatsen.\n"
    )
    assert check(said.format("niet ")).elements["agenda"].status == "present"
    assert check(said.format("")).elements["agenda"].status == "partial"


def test_unrequested_advice_written_as_advice_nobody_asked_for() -> None:
    said = (
        "\nArtikel 4 Advies\n1. Voordat het college een besluit neemt over een ontwerpverordening of een "
        "beleidsvoorstel, wordt de cliëntenraad tijdig om advies gevraagd.\n{}"
    )
    assert check(said.format("")).elements["advice"].status == "partial"
    asked = "2. Ook als het niet om advies gevraagd is, mag de cliëntenraad het college adviseren.\n"
    assert check(said.format(asked)).elements["advice"].status == "present"


def test_meetings_a_budget_pays_for_are_no_consultation() -> None:
    said = "\nArtikel 5 Overleg\nHet college voert overleg met de cliëntenraad.\n\nArtikel 7\n{}\n"
    costs = "Het college stelt jaarlijks een budget beschikbaar voor scholing, vervoer en bijeenkomsten."
    assert check(said.format(costs)).elements["periodic_consultation"].status == "partial"
    meetings = "Het college en de cliëntenraad houden jaarlijks bijeenkomsten."
    assert check(said.format(meetings)).elements["periodic_consultation"].status == "present"


def test_the_official_name_in_the_metadata_when_the_page_has_no_title_line() -> None:
    page = (
        "Gegevens van de regeling\nOrganisatie\tZandvoorde\n"
        "Officiële naam regeling\tRe-integratieverordening Participatiewet Zandvoorde 2021\n"
        "Tekst van de regeling\n\n"
    )
    body = "\nArtikel 4\nHet college vraagt de cliëntenraad tijdig om advies over het uitvoeringsprogramma.\n"
    assert check(body, title=page).verdict == "not_participation_bylaw"
    named = page.replace("Re-integratieverordening", "Verordening cliëntenparticipatie")
    assert check(body, title=named).verdict == "participation_bylaw"


def test_a_name_given_as_verder_aangeduid_als() -> None:
    said = (
        "\nArtikel 2\nEr is een Adviesraad Sociaal Domein Zandvoorde, in deze verordening verder {} de ASD.\n"
        "\nArtikel 3\nDe ASD brengt het college gevraagd en ongevraagd advies uit over verordeningen en "
        "beleidsvoorstellen, tijdig voordat het college een besluit neemt.\n"
    )
    assert check(said.format("aangeduid als")).elements["advice"].status == "present"
    assert check(said.format("bekend als")).elements["advice"].status == "missing"


def test_an_alias_in_a_definition_names_the_defined_term() -> None:
    said = (
        "\nArtikel 1\nIn deze regeling wordt verstaan onder:\na. raad van bestuur: de raad van bestuur van "
        "het instituut;\nb. {}: de cliëntenraad op het niveau van de raad van bestuur, bedoeld in artikel 3 "
        "(hierna: LCR).\n\nArtikel 6\nDe raad van bestuur voert zesmaal per jaar overleg met de LCR.\n"
    )
    assert check(said.format("Landelijke Cliëntenraad")).elements["periodic_consultation"].status == "present"


def test_a_lid_numbered_in_brackets_is_read_without_its_label() -> None:
    document = verordening.parse(TITLE + PW + "\nArtikel 5 Overleg\n(1) Het college overlegt met de raad.\n")
    texts = [u.text for u in units_of(document) if u.node.id == "art5/lid1"]
    assert texts == ["Het college overlegt met de raad."]


def test_leden_named_by_number_are_references() -> None:
    document = verordening.parse(
        TITLE + PW + "\nArtikel 5 Overleg\n1. Het college overlegt.\n2. Er is een agenda.\n"
        "3. De leden 1 en 2 gelden ook voor de wethouder.\n"
    )
    units = units_of(document)
    pointed = resolve_references(units)[next(u.index for u in units if u.node.id == "art5/lid3")]
    assert {units[i].node.id for i in pointed} == {"art5/lid1", "art5/lid2"}


def test_a_request_honoured_as_far_as_possible_is_no_binding_agenda_right() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan de wethouder verzoeken een onderwerp op de agenda van het overleg te zetten. "
        "De wethouder honoreert zo'n verzoek{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    assert check(said.format(" zo veel mogelijk")).elements["agenda"].status == "partial"


def test_more_ways_to_say_early_and_unrequested_advice() -> None:
    said = (
        "\nArtikel 3\n1. Over ontwerpverordeningen en beleidsvoorstellen wordt de cliëntenraad om advies "
        "gevraagd {}.\n2. {}, kan de cliëntenraad het college adviseren over elk onderwerp.\n"
    )
    ways = [
        ("voordat het college daarover een standpunt heeft bepaald", "Ook wanneer hem niets is gevraagd"),
        ("in de fase van voorbereiding", "Los van een verzoek daartoe"),
    ]
    for early, unasked in ways:
        assert check(said.format(early, unasked)).elements["advice"].status == "present"
        assert check(said.format("op enig moment", unasked)).elements["advice"].status == "partial"
        assert check(said.format(early, "Op verzoek")).elements["advice"].status == "partial"


def test_saying_why_asking_advice_was_not_possible_denies_nothing() -> None:
    said = (
        ADVICE + "2. Duldt een besluit geen uitstel, dan vraagt het college het advies achteraf. Het college "
        "deelt de cliëntenraad dan mee waarom vooraf advies vragen {}.\n"
    )
    assert check(said.format("niet mogelijk was")).elements["advice"].status == "present"

"""Reading as a lawyer does, continued: what blind sets m and n taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

from .small_bylaws import ADVICE, check

CONSULTATION = "\nArtikel 5 Overleg\n1. Het college voert overleg met de cliëntenraad.\n"


def test_cases_that_fall_outside_the_advice_take_it_back() -> None:
    assert check(ADVICE).elements["advice"].status == "present"
    outside = ADVICE + "2. Voorstellen over armoedebeleid vallen buiten de adviestaak van de cliëntenraad.\n"
    advice = check(outside).elements["advice"]
    assert advice.status == "partial"
    assert "advice_restricted" in advice.reasons


def test_a_provision_that_confines_a_grant_to_some_subjects_takes_it_back() -> None:
    agenda = (
        CONSULTATION.replace("overleg met", "ten minste viermaal per jaar overleg met")
        + "2. De cliëntenraad heeft het recht onderwerpen op de agenda van het overleg te plaatsen.\n"
    )
    assert check(agenda).elements["agenda"].status == "present"
    confined = agenda + "3. Het tweede lid geldt uitsluitend voor onderwerpen uit het werkprogramma.\n"
    result = check(confined).elements["agenda"]
    assert result.status == "partial"
    assert "agenda_restricted" in result.reasons


def test_support_laid_down_in_a_covenant_is_left_open() -> None:
    concrete = "\nArtikel 7\nHet college stelt de cliëntenraad een ambtelijk secretaris ter beschikking.\n"
    assert check(concrete).elements["support"].status == "present"
    covenant = (
        "\nArtikel 7 Ondersteuning\nDe ondersteuning van de cliëntenraad, waaronder een vergoeding voor de "
        "leden, wordt vastgelegd in een convenant tussen het college en de cliëntenraad.\n"
    )
    support = check(covenant).elements["support"]
    assert support.status == "partial"
    assert "support_delegated" in support.reasons


def test_a_pronoun_stands_for_the_first_party_of_its_sentence() -> None:
    said = (
        CONSULTATION.replace("overleg met", "ten minste viermaal per jaar overleg met")
        + "2. De wethouder plaatst een door de cliëntenraad voorgedragen onderwerp op de agenda van het "
        "overleg{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    agenda = check(said.format(", tenzij hij dat niet opportuun acht")).elements["agenda"]
    assert agenda.status == "partial"


def test_whoever_decides_how_often_leaves_the_frequency_open() -> None:
    said = CONSULTATION.replace("overleg met", "ten minste viermaal per jaar overleg met")
    assert check(said).elements["periodic_consultation"].status == "present"
    decided = CONSULTATION + (
        "2. Het college bepaalt jaarlijks, na de cliëntenraad te hebben gehoord, hoe vaak het overleg "
        "plaatsvindt; het vindt ten minste eenmaal per jaar plaats.\n"
    )
    assert check(decided).elements["periodic_consultation"].status == "partial"


def test_meetings_with_the_body_s_own_constituency_are_no_consultation() -> None:
    said = CONSULTATION + "\nArtikel 7\nDe cliëntenraad houdt jaarlijks bijeenkomsten met {}.\n"
    assert check(said.format("het college")).elements["periodic_consultation"].status == "present"
    assert check(said.format("de achterban")).elements["periodic_consultation"].status == "partial"
    assert check(said.format("inwoners van de kernen")).elements["periodic_consultation"].status == "partial"
    costs = CONSULTATION + (
        "\nArtikel 7 Ondersteuning\nHet college stelt jaarlijks een budget beschikbaar voor de kosten van de "
        "cliëntenraad, waaronder scholing, vervoer en bijeenkomsten.\n"
    )
    assert check(costs).elements["periodic_consultation"].status == "partial"


def test_a_frequency_for_years_that_have_passed_no_longer_counts() -> None:
    said = CONSULTATION + "2. In de jaren 2018 en 2019 vindt het overleg zesmaal per jaar plaats.\n"
    assert check(said, as_of="2019-01-01").elements["periodic_consultation"].status == "present"
    consultation = check(said).elements["periodic_consultation"]
    assert consultation.status == "partial"
    assert "periodic_consultation_lapsed" in consultation.reasons


def test_struck_through_text_is_deleted() -> None:
    said = (
        "\nArtikel 4 Advies\n1. De cliëntenraad brengt het college gevraagd {}advies uit over verordeningen "
        "en beleidsvoorstellen, tijdig voordat het college een besluit neemt.\n"
    )
    assert check(said.format("en ongevraagd ")).elements["advice"].status == "present"
    assert check(said.format("~~en ongevraagd~~ ")).elements["advice"].status == "partial"


def test_documents_sent_unasked_are_no_unrequested_advice() -> None:
    said = (
        "\nArtikel 4 Advies\n1. Het college vraagt de cliëntenraad tijdig advies over verordeningen en "
        "beleidsvoorstellen.\n2. Het college zorgt dat de cliëntenraad tijdig en ongevraagd de stukken {} "
        "die nodig zijn voor de advisering, bedoeld in het eerste lid.\n"
    )
    assert check(said.format("ontvangt")).elements["advice"].status == "partial"

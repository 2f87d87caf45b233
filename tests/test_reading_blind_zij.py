"""Reading as a lawyer does: what blind sets zi and zj taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import ADVICE, CONSULTATION, check, wmo


def test_a_sentence_opening_with_an_article_number_is_no_heading() -> None:
    text = (
        "Verordening adviesraad 2020\n\nArtikel 2:1 Advisering\n1. De adviesraad adviseert.\n\n"
        "Artikel 2:2 Uitzonderingen\nArtikel 2:1, eerste lid, is niet van toepassing op besluiten over "
        "individuele cliënten.\n"
    )
    numbers = [n.number for n in verordening.parse(text).articles]
    assert numbers == ["2:1", "2:2"]


def test_an_exception_with_a_harmless_case_and_one_that_is_not() -> None:
    said = ADVICE + (
        "\nArtikel 9 Uitzonderingen\nArtikel 4 is niet van toepassing op besluiten die naar het oordeel van "
        "het college een vertrouwelijk karakter hebben{}.\n"
    )
    assert check(said.format("")).elements["advice"].status == "present"
    other = " of waarbij het financiële belang van de gemeente zich tegen advisering verzet"
    assert check(said.format(other)).elements["advice"].reasons == ("advice_restricted",)


def test_room_on_the_agenda_is_a_condition() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan agendapunten voor het overleg voorstellen. De wethouder neemt voorgestelde "
        "agendapunten op{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    assert check(said.format(" voor zover de agenda daarvoor ruimte biedt")).elements["agenda"].status == (
        "partial"
    )


def test_consultation_with_other_organisations_is_not_with_the_counterpart() -> None:
    said = "\nArtikel 5 Overleg\nDe cliëntenraad overlegt ten minste viermaal per jaar met de {}.\n"
    assert check(said.format("wethouder")).elements["periodic_consultation"].status == "present"
    others = "cliëntenorganisaties, belangenverenigingen en ouderenbonden in de gemeente"
    assert check(said.format(others)).elements["periodic_consultation"].status == "missing"


def test_an_addition_on_request_takes_nothing_back() -> None:
    information = (
        "\nArtikel 6 Informatie\n1. Het college verstrekt de adviesraad uit eigen beweging en tijdig alle "
        "informatie die redelijkerwijs nodig is. {} verstrekt het college op verzoek van de adviesraad de "
        "gevraagde informatie.\n"
    )
    assert wmo(information.format("Daarnaast")).elements["information"].status == "present"
    consultation = (
        "\nArtikel 5 Overleg\nHet overleg met de cliëntenraad vindt elk kwartaal plaats {} wanneer de "
        "cliëntenraad of de wethouder daarom verzoekt.\n"
    )
    assert check(consultation.format("en voorts")).elements["periodic_consultation"].status == "present"


def test_advice_asked_after_the_decision_is_made_public_is_late() -> None:
    said = (
        "\nArtikel 4 Advies\n1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over "
        "verordeningen en beleidsvoorstellen.\n2. Het college stelt de cliëntenraad in de gelegenheid om "
        "binnen zes weken {} advies uit te brengen.\n"
    )
    late = check(said.format("na de bekendmaking van een besluit daarover"))
    assert late.elements["advice"].reasons == ("advice_not_early",)
    early = check(said.format("voordat het college over een voorstel besluit"))
    assert early.elements["advice"].status == "present"


def test_the_counterparts_last_word_on_the_agenda() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan onderwerpen voor de agenda van het overleg aanmelden; deze worden "
        "geagendeerd.\n3. De agenda wordt in onderling overleg vastgesteld{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    last = "; bij verschil van inzicht over de agenda beslist de wethouder"
    assert check(said.format(last)).elements["agenda"].status == "partial"
    drawn_up = CONSULTATION + (
        "2. De agenda van het overleg wordt opgesteld door de wethouder, aan wie de cliëntenraad "
        "onderwerpen kan voorstellen.\n"
    )
    assert check(drawn_up).elements["agenda"].status == "partial"


def test_a_body_named_by_aangeduid_als_in_a_definitions_article() -> None:
    text = (
        "\nArtikel 1 Begripsbepalingen\n1. In deze verordening wordt verstaan onder:\n"
        "a. college: het college van burgemeester en wethouders.\n"
        "2. De Cliëntenraad Werk ISD Kempenrand, ingesteld bij artikel 2, wordt in deze verordening "
        "aangeduid als: de CRK.\n"
        "\nArtikel 5 Overleg\nDe CRK voert ten minste vijfmaal per jaar overleg met het college.\n"
    )
    assert check(text).elements["periodic_consultation"].status == "present"

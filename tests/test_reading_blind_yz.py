"""Reading as a lawyer does, continued: what blind sets y, z, za and zb taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import ADVICE, CONSULTATION, check, wmo

MEETINGS = CONSULTATION


def status(text: str, element: str) -> str:
    return check(text).elements[element].status.value


def test_a_sentence_about_the_element_under_the_colleges_condition_far_from_the_grant() -> None:
    said = ADVICE + (
        "\nArtikel 9 Werkplan\n1. Ongevraagde adviezen worden door het college in behandeling genomen{}.\n"
    )
    assert status(said.format(""), "advice") == "present"
    plan = (
        " indien zij een onderwerp betreffen dat is opgenomen in het door het college goedgekeurde werkplan"
    )
    assert status(said.format(plan), "advice") == "partial"


def test_informing_others_of_what_the_consultation_discussed_is_not_its_frequency() -> None:
    said = (
        "\nArtikel 5 Overleg\n1. De cliëntenraad en de wethouder voeren periodiek overleg.\n"
        "2. {} ten minste eenmaal per jaar{}.\n"
    )
    held = said.format("Het overleg vindt", " plaats")
    assert status(held, "periodic_consultation") == "present"
    told = said.format(
        "De gemeenteraad wordt", " door de wethouder op de hoogte gesteld van wat in het overleg is besproken"
    )
    assert status(told, "periodic_consultation") == "partial"


def test_a_budget_condition_on_a_list_of_articles() -> None:
    said = (
        "\nArtikel 7 Ondersteuning\nHet college stelt de cliëntenraad een secretaris ter beschikking.\n"
        "\nArtikel 8 Budget\nHet college stelt de cliëntenraad jaarlijks een werkbudget ter beschikking.\n"
        "\nArtikel 12 Middelen\nDe artikelen {} worden toegepast voor zover de middelen in de begroting "
        "toereikend zijn.\n"
    )
    assert status(said.format("10 en 11"), "support") == "present"
    assert status(said.format("7 en 8"), "support") == "partial"


def test_advice_on_what_the_college_has_already_adopted_is_not_early() -> None:
    said = (
        "\nArtikel 4 Advies\n1. De cliëntenraad brengt gevraagd en ongevraagd advies uit over "
        "beleidsvoorstellen.\n2. Het college legt een voorstel aan de cliëntenraad voor {}.\n"
    )
    assert status(said.format("voorafgaand aan de besluitvorming over het voorstel"), "advice") == "present"
    late = check(said.format("nadat het college het voorstel heeft vastgesteld")).elements["advice"]
    assert late.status == "partial"
    assert "advice_not_early" in late.reasons


def test_accounting_for_the_budget_grants_no_budget() -> None:
    said = (
        "\nArtikel 8 Faciliteiten\n1. Het college stelt de cliëntenraad jaarlijks een budget ter beschikking "
        "voor secretariële ondersteuning, vergaderkosten en scholing{}.\n2. De cliëntenraad legt jaarlijks "
        "voor 1 mei verantwoording af over de besteding van het budget.\n"
    )
    assert status(said.format(""), "support") == "present"
    assert (
        status(said.format(", voor zover de gemeentebegroting daarvoor ruimte biedt"), "support") == "partial"
    )


def test_the_advice_heard_in_the_aanhef_does_not_make_a_participation_bylaw() -> None:
    text = (
        "Participatieverordening Zandvoorde 2016\n\nDe raad van de gemeente Zandvoorde;\ngelet op artikel 8a "
        "van de Participatiewet;\n{}\nbesluit vast te stellen de volgende verordening.\n\nArtikel 1\n"
        "Voordat het college het re-integratieplan vaststelt, stelt het de cliëntenraad in de gelegenheid "
        "daarover advies uit te brengen.\n"
    )
    heard = verordening.check(text.format("gezien het advies van de cliëntenraad;"), model="builtin")
    assert heard.verdict == "not_participation_bylaw"
    about = "overwegende dat de cliëntenraad bij de uitvoering betrokken wordt;"
    assert verordening.check(text.format(about), model="builtin").verdict == "participation_bylaw"


def test_a_college_not_bound_to_follow_the_bodys_advice_takes_nothing_back() -> None:
    said = ADVICE + "2. Het college is niet gehouden {} over te nemen.\n"
    assert status(said.format("een advies van de cliëntenraad"), "advice") == "present"


def test_a_college_that_cannot_cancel_a_meeting_has_a_duty() -> None:
    said = MEETINGS + "2. Het college kan het overleg {}eenzijdig afzeggen.\n"
    assert status(said.format("niet "), "periodic_consultation") == "present"
    assert status(said.format(""), "periodic_consultation") == "partial"


def test_provisions_applied_by_analogy_to_other_advice_bring_no_other_element_in() -> None:
    said = (
        "\nArtikel 4 Advies\nHet college vraagt de cliëntenraad om advies over beleidsvoorstellen, uiterlijk "
        "zes weken voordat het besluit.\n\nArtikel 6 Informatie\nHet college informeert de cliëntenraad "
        "ongevraagd.\n"
        "\nArtikel 8 Jongerenpanel\nDe artikelen 4 en {} zijn van overeenkomstige toepassing op adviezen van "
        "het jongerenpanel die via de cliëntenraad aan het college worden uitgebracht.\n"
    )
    assert status(said.format("6"), "advice") == "partial"  # still no unrequested advice


def test_advice_received_or_on_members_is_no_advice_on_policy() -> None:
    for said in (
        "\nArtikel 3\nHet college benoemt de leden, na advies van de cliëntenraad over de kandidaten.\n",
        "\nArtikel 4\nDe cliëntenraad kan zich laten adviseren door deskundigen.\n",
    ):
        assert status(said, "advice") == "missing"


def test_topics_handed_to_the_alderman_for_the_consultation() -> None:
    said = (
        MEETINGS
        + "2. De cliëntenraad kan de wethouder onderwerpen aanreiken voor de agenda van het overleg. {}\n"
    )
    assert status(said.format(""), "agenda") == "present"
    assert status(said.format("De wethouder stelt de agenda vast."), "agenda") == "partial"


def test_the_body_supporting_or_informing_residents_gets_nothing_itself() -> None:
    said = "\nArtikel 2\nDe cliëntenraad behartigt de belangen van cliënten en {}.\n"
    assert (
        status(said.format("wordt daarbij ondersteund door een ambtelijk secretaris"), "support") == "present"
    )
    assert (
        status(said.format("helpt hen te ondersteunen bij het verwoorden van hun wensen"), "support")
        == "missing"
    )
    assert status(said.format("informeert hen over zijn werkzaamheden"), "information") == "missing"


def test_the_bodys_meetings_without_the_alderman_give_no_frequency() -> None:
    said = (
        "\nArtikel 7 Overleg\n1. De cliëntenraad en de wethouder hebben regelmatig overleg.\n"
        "2. De cliëntenraad vergadert daarnaast ten minste acht keer per jaar {} de wethouder.\n"
    )
    assert status(said.format("met"), "periodic_consultation") == "present"
    assert status(said.format("zonder"), "periodic_consultation") == "partial"


def test_consultation_with_other_councils_is_not_with_the_counterpart() -> None:
    said = "\nArtikel 5\nTweemaal per jaar voert de cliëntenraad overleg met {} van de andere gemeenten.\n"
    assert status(said.format("de colleges"), "periodic_consultation") == "present"
    assert status(said.format("de cliëntenraden"), "periodic_consultation") == "missing"


def test_topics_placed_only_when_the_director_finds_them_fit() -> None:
    said = MEETINGS + (
        "2. De wethouder plaatst op de agenda van het overleg de onderwerpen die de cliëntenraad heeft "
        "aangemeld{}.\n"
    )
    assert status(said.format(""), "agenda") == "present"
    fit = " en die de wethouder voor bespreking geschikt acht"
    assert status(said.format(fit), "agenda") == "partial"


def test_drafts_laid_before_the_body_only_as_the_college_finds_fit() -> None:
    said = ADVICE + "2. Het college legt een ontwerpverordening {}aan de cliëntenraad voor{}.\n"
    assert status(said.format("", ""), "advice") == "present"
    fit = ", indien het dat naar bevind van zaken aangewezen acht"
    assert status(said.format("slechts ", fit), "advice") == "partial"


def test_support_within_a_budget_the_college_sets_each_year() -> None:
    said = "\nArtikel 6\nHet college biedt de cliëntenraad een ambtelijk secretaris{}.\n"
    assert status(said.format(""), "support") == "present"
    within = ", met inachtneming van het ondersteuningsbudget dat het college jaarlijks vaststelt"
    assert status(said.format(within), "support") == "partial"


def test_a_definition_that_leaves_bylaws_out_of_the_advice() -> None:
    said = (
        "\nArtikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\na. cliëntenraad: de "
        "Cliëntenraad Zandvoorde;\nb. beleidsvoorstel: een voorstel van het college voor een nota of "
        "beleidsregel{};\n" + ADVICE.replace("verordeningen en beleidsvoorstellen", "beleidsvoorstellen")
    )
    assert status(said.format(""), "advice") == "present"
    narrowed = ", niet zijnde een voorstel tot vaststelling of wijziging van een verordening"
    assert status(said.format(narrowed), "advice") == "partial"


def test_an_agenda_set_together_with_the_alderman() -> None:
    said = MEETINGS + "2. De cliëntenraad doet voorstellen voor de agenda van het overleg.{}\n"
    assert status(said.format(""), "agenda") == "present"
    joint = " De agenda wordt in overleg met de wethouder vastgesteld."
    assert status(said.format(joint), "agenda") == "partial"


def test_proposals_within_themes_the_college_sets() -> None:
    said = "\nArtikel 4\nDe adviesraad kan het college voorstellen doen voor beleid{}.\n"
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    themes = ", binnen de thema's die het college jaarlijks in overleg met de adviesraad vaststelt"
    assert wmo(said.format(themes)).elements["policy_proposals"].status == "partial"


def test_a_public_meeting_for_residents_gives_no_frequency() -> None:
    said = (
        "\nArtikel 5\n1. Het college en de cliëntenraad overleggen op verzoek van de cliëntenraad.\n"
        "2. De cliëntenraad organiseert ten minste eenmaal per jaar een openbare bijeenkomst voor {}.\n"
    )
    assert status(said.format("ingezetenen"), "periodic_consultation") == "partial"


def test_the_bodys_deadline_for_asked_advice_is_not_early_asking() -> None:
    said = (
        "\nArtikel 4 Advies\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd over "
        "beleidsvoorstellen.\n2. {}\n"
    )
    asked = "Het college vraagt het advies tijdig, uiterlijk zes weken voor het besluit."
    assert status(said.format(asked), "advice") == "present"
    own = "De cliëntenraad brengt een gevraagd advies tijdig uit, uiterlijk zes weken na ontvangst."
    assert status(said.format(own), "advice") == "partial"


def test_information_on_proposals_only_once_the_college_has_decided() -> None:
    said = (
        "\nArtikel 8\n1. Het college verstrekt de cliëntenraad tijdig en uit eigen beweging alle "
        "inlichtingen.\n2. Inlichtingen over beleidsvoorstellen verstrekt het college {} het een besluit "
        "heeft genomen.\n"
    )
    assert status(said.format("voordat"), "information") == "present"
    assert status(said.format("pas nadat"), "information") == "partial"


def test_a_college_that_may_let_a_meeting_lapse_by_its_own_judgement() -> None:
    said = MEETINGS + "2. Het college kan besluiten een overleg te {}.\n"
    assert status(said.format("verplaatsen naar een andere datum"), "periodic_consultation") == "present"
    lapse = "laten vervallen, indien naar zijn oordeel geen onderwerpen voorliggen"
    assert status(said.format(lapse), "periodic_consultation") == "partial"


def test_resource_and_planning_conditions() -> None:
    support = "\nArtikel 6\nHet college stelt de cliëntenraad ambtelijke ondersteuning ter beschikking{}.\n"
    assert status(support.format(""), "support") == "present"
    team = " voor zover de werkzaamheden van het team dat toelaten"
    assert status(support.format(team), "support") == "partial"
    law = " voor zover de wet dat toelaat"
    assert status(support.format(law), "support") == "present"
    proposals = (
        "\nArtikel 4\nDe adviesraad kan het college uit eigen beweging voorstellen doen voor beleid{}.\n"
    )
    plan = ", voor zover die betrekking hebben op onderwerpen die in het werkplan zijn opgenomen"
    assert wmo(proposals.format(plan)).elements["policy_proposals"].status == "partial"
    room = ", voor zover het college daarvoor in zijn jaarplanning ruimte heeft gereserveerd"
    assert wmo(proposals.format(room)).elements["policy_proposals"].status == "partial"
    assert wmo(proposals.format("")).elements["policy_proposals"].status == "present"


def test_deciding_on_the_bodys_request_within_a_term() -> None:
    said = MEETINGS + "2. De cliëntenraad kan het college verzoeken een onderwerp te agenderen. {}\n"
    assert status(said.format("Het college agendeert het onderwerp."), "agenda") == "present"
    decided = "Het college beslist binnen twee weken op het verzoek."
    assert status(said.format(decided), "agenda") == "partial"


def test_an_advice_heard_under_gelet_op_does_not_name_participation() -> None:
    text = (
        "Participatieverordening Zandvoorde 2022\n\nDe raad van de gemeente Zandvoorde;\ngelet op artikel 8a "
        "van de Participatiewet;\ngelet op het advies van de cliëntenraad;\nbesluit vast te stellen de "
        "volgende verordening.\n\nArtikel 1\nHet college stelt de cliëntenraad in de gelegenheid advies uit "
        "te brengen over het re-integratiebeleid.\n"
    )
    assert verordening.check(text, model="builtin").verdict == "not_participation_bylaw"


def test_a_person_present_once_a_year_gives_the_consultation_no_frequency() -> None:
    said = (
        "\nArtikel 6\n1. De cliëntenraad overlegt regelmatig met de wethouder.\n"
        "2. Eenmaal per jaar {} bij het overleg aanwezig.\n"
    )
    assert status(said.format("is de burgemeester"), "periodic_consultation") == "partial"
    meets = "\nArtikel 6\n1. De cliëntenraad overlegt eenmaal per jaar met de wethouder.\n"
    assert status(meets, "periodic_consultation") == "present"


def test_the_college_choosing_the_themes_of_proposals_it_will_take_up() -> None:
    said = (
        "\nArtikel 3\n1. De adviesraad kan aan het college voorstellen doen voor beleid.\n"
        "2. Het college {} voorstellen van de adviesraad in behandeling.\n"
    )
    assert wmo(said.format("neemt binnen acht weken")).elements["policy_proposals"].status == "present"
    themes = "bepaalt jaarlijks de drie beleidsthema's waarover het"
    assert (
        wmo(said.format(themes).replace("in behandeling.", "in behandeling neemt."))
        .elements["policy_proposals"]
        .status
        == "partial"
    )

"""Reading as a lawyer does, continued: what the later blind sets (h, i, j) taught.

Each case is a small bylaw of its own, checked with and without the words that decide it,
so that each test fails when the reading it guards is lost.
"""

from __future__ import annotations

import verordening

from .small_bylaws import ADVICE, PW, TITLE, check


def test_an_exception_article_takes_advice_back_unless_every_case_is_harmless() -> None:
    harmless = (
        "\nArtikel 5 Uitzonderingen\nArtikel 4, eerste lid, is niet van toepassing op:\n"
        "a. wijzigingen die uitsluitend volgen uit een wijziging van de wet;\n"
        "b. besluiten over individuele cliënten.\n"
    )
    assert check(ADVICE + harmless).elements["advice"].status == "present"
    regional = harmless.replace(
        "a. wijzigingen", "a. beleidsvoorstellen uit regionale afspraken;\nc. wijzigingen"
    )
    advice = check(ADVICE + regional).elements["advice"]
    assert advice.status == "partial"
    assert advice.reasons == ("advice_restricted",)
    assert "artikel 5" in [c.citation for c in advice.citations]


def test_an_exception_in_one_sentence() -> None:
    one = "\nArtikel 5 Uitzondering\nArtikel 4 is niet van toepassing op {}.\n"
    assert check(ADVICE + one.format("besluiten over individuele cliënten")).elements["advice"].status == (
        "present"
    )
    assert check(ADVICE + one.format("het armoedebeleid")).elements["advice"].status == "partial"


def test_following_advice_is_no_part_of_the_right() -> None:
    for said in (
        "Volgt het college een advies niet, dan deelt het de cliëntenraad de redenen mee.",
        "Het college deelt mee wat met het advies is gedaan en, als het advies niet is gevolgd, waarom niet.",
        "Het college motiveert schriftelijk waarom het een advies niet volgt.",
    ):
        assert check(ADVICE + f"2. {said}\n").elements["advice"].status == "present", said


def test_advice_as_the_purpose_of_information_makes_advice_no_earlier() -> None:
    report = check(
        "\nArtikel 3 Advies\nDe cliëntenraad kan het college gevraagd en ongevraagd adviseren over "
        "het beleid.\n"
        "\nArtikel 5 Informatie\nHet college verstrekt de cliëntenraad tijdig en uit eigen beweging alle "
        "informatie die nodig is voor het uitbrengen van adviezen.\n"
    )
    assert report.elements["advice"].reasons == ("advice_not_early",)
    assert report.elements["information"].status == "present"


SUPPORT = (
    "\nArtikel 9 Ondersteuning\n"
    "1. Het college stelt de cliëntenraad zo mogelijk een ambtelijk secretaris ter beschikking.\n"
)


def test_a_grant_left_to_a_later_decision_is_no_firm_grant() -> None:
    firm = check(
        SUPPORT + "2. Het college stelt de cliëntenraad jaarlijks een budget van € 5.000 beschikbaar.\n"
    )
    assert firm.elements["support"].status == "present"
    later = check(
        SUPPORT + "2. Vergoedingen voor de cliëntenraad worden bij afzonderlijk collegebesluit geregeld.\n"
    )
    support = later.elements["support"]
    assert support.status == "partial"
    assert set(support.reasons) == {"support_conditional", "support_delegated"}


def test_a_budget_condition_in_an_article_pointing_at_the_grant_takes_it_back() -> None:
    grant = "\nArtikel 9 Ondersteuning\nHet college stelt de cliëntenraad een secretaris ter beschikking.\n"
    assert check(grant).elements["support"].status == "present"
    costs = "\nArtikel 12 Kosten\nDe kosten die voortvloeien uit artikel 9 worden vergoed{}.\n"
    assert check(grant + costs.format("")).elements["support"].status == "present"
    support = check(grant + costs.format(" voor zover de begroting dat toelaat")).elements["support"]
    assert support.status == "partial"
    assert support.reasons == ("support_conditional",)


def test_a_field_of_policy_is_no_support() -> None:
    report = check(
        "\nArtikel 2 Samenstelling\nIn de cliëntenraad zijn ervaringsdeskundigen op het terrein van werk, "
        "zorg en ondersteuning vertegenwoordigd.\n"
    )
    assert report.elements["support"].status == "missing"


CONSULTATION = (
    "\nArtikel 5 Overleg\n1. Het college voert ten minste viermaal per jaar overleg met de cliëntenraad.\n"
)


def test_a_college_that_may_reduce_the_number_of_meetings_takes_the_frequency_back() -> None:
    assert check(CONSULTATION).elements["periodic_consultation"].status == "present"
    reduced = check(
        CONSULTATION + "2. Het college kan besluiten het aantal overleggen, bedoeld in het eerste lid, te "
        "verminderen.\n"
    )
    assert reduced.elements["periodic_consultation"].status == "partial"


def test_whoever_decides_on_the_bodys_request_leaves_the_agenda_to_them() -> None:
    asked = CONSULTATION + "2. De cliëntenraad kan onderwerpen voor de agenda van het overleg aanmelden.\n"
    assert check(asked).elements["agenda"].status == "present"
    for decides in (
        " De voorzitter van het overleg beslist over dat verzoek.",
        " De wethouder beslist, na de voorzitter van de cliëntenraad te hebben gehoord, of het onderwerp "
        "wordt geagendeerd.",
    ):
        agenda = check(asked.rstrip("\n") + decides + "\n").elements["agenda"]
        assert agenda.status == "partial", decides
        assert agenda.reasons == ("agenda_conditional",)


def test_sending_the_agenda_and_papers_is_neither_an_agenda_right_nor_information() -> None:
    report = check(
        CONSULTATION + "2. De wethouder stelt de agenda op en zendt deze met de stukken uiterlijk een week "
        "voor het overleg aan de leden van de cliëntenraad.\n"
    )
    assert report.elements["agenda"].status == "missing"
    assert report.elements["information"].status == "missing"


def test_a_plural_body_name_defines_the_singular_too() -> None:
    report = check(
        "\nArtikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n"
        "a. raden: de Cliëntenraad Werk en de Cliëntenraad Zorg samen, of elk van beide.\n"
        "\nArtikel 3 Advies\nDe raden adviseren het college gevraagd en ongevraagd over beleidsvoorstellen.\n"
        "\nArtikel 9 Adviesprocedure\nHet college legt beleidsvoorstellen aan de betrokken raad voor, "
        "uiterlijk zes weken voordat het college besluit, zodat het advies het besluit nog kan beïnvloeden.\n"
    )
    advice = report.elements["advice"]
    assert advice.status == "present", advice.reasons
    assert "artikel 9" in [c.citation for c in advice.citations]


def test_a_name_given_with_hierna_ook() -> None:
    report = check(
        "\nArtikel 2 Instelling\nEr is een Cliëntenraad Participatiewet Zandvoorde (hierna ook: CPZ).\n"
        "\nArtikel 4 Advies\nDe CPZ kan het college gevraagd en ongevraagd advies uitbrengen, tijdig voordat "
        "het college besluit.\n"
    )
    assert report.elements["advice"].status == "present"


def test_proposals_worked_out_at_the_alderman_s_request() -> None:
    report = check(
        "\nArtikel 5 Voorstellen\nOp verzoek van de wethouder werkt de cliëntenraad voorstellen voor nieuw "
        "beleid uit.\n"
    )
    assert report.elements["policy_proposals"].status == "not_applicable"
    wmo = verordening.check(
        TITLE.replace("Participatiewet", "Wmo")
        + PW.replace(
            "artikel 47 van de Participatiewet",
            "artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015",
        )
        + "\nArtikel 5 Voorstellen\nOp verzoek van de wethouder werkt de cliëntenraad voorstellen voor nieuw "
        "beleid in het sociaal domein uit.\n",
        model="builtin",
        as_of="2026-12-01",
    )
    proposals = wmo.elements["policy_proposals"]
    assert proposals.status == "partial"
    assert proposals.reasons == ("policy_proposals_only_on_request",)


def test_any_discretion_over_a_grant_in_a_provision_pointing_at_it_takes_it_back() -> None:
    for said in (
        "Het college kan in bijzondere gevallen afwijken van het eerste lid.",
        "Het college kan besluiten het overleg, bedoeld in het eerste lid, anders in te richten.",
    ):
        consultation = check(CONSULTATION + f"2. {said}\n").elements["periodic_consultation"]
        assert consultation.status == "partial", said
        assert consultation.reasons == ("periodic_consultation_discretionary",)
    extra = "2. Het college kan ook op verzoek van de cliëntenraad overleg voeren als bedoeld in lid 1."
    assert check(CONSULTATION + extra + "\n").elements["periodic_consultation"].status == "present"


def test_an_urgency_clause_with_notice_takes_nothing_back() -> None:
    urgent = (
        "2. De cliëntenraad brengt zijn advies uit binnen vier weken.\n"
        "3. Indien een besluit geen uitstel duldt, kan het college de termijn, bedoeld in het tweede lid, "
        "bekorten. Het college deelt de cliëntenraad de reden onverwijld mee.\n"
    )
    assert check(ADVICE + urgent).elements["advice"].status == "present"


def test_a_sentence_beside_the_grant_that_leaves_it_to_the_college() -> None:
    grant = (
        "\nArtikel 4 Advies\nDe cliëntenraad adviseert het college gevraagd en ongevraagd over "
        "beleidsvoorstellen, tijdig voordat het college besluit.{}\n"
    )
    assert check(grant.format("")).elements["advice"].status == "present"
    limited = grant.format(" Het college kan hiervan afwijken als het dat nodig acht.")
    advice = check(limited).elements["advice"]
    assert advice.status == "partial"
    assert advice.reasons == ("advice_conditional",)  # "als het dat nodig acht": its judgement


def test_a_college_that_may_refuse_information_takes_it_back() -> None:
    grant = (
        "\nArtikel 6 Informatie\n"
        "1. Het college verstrekt de cliëntenraad tijdig en uit eigen beweging alle informatie.\n"
    )
    assert check(grant).elements["information"].status == "present"
    refuse = "2. Het college kan weigeren informatie te verstrekken als dat naar zijn oordeel schade doet.\n"
    assert check(grant + refuse).elements["information"].status == "partial"


def test_the_head_of_a_department_is_a_counterpart() -> None:
    said = "\nArtikel 5 Overleg\nHet hoofd van de afdeling Werk overlegt elk kwartaal met de cliëntenraad.\n"
    consultation = check(said).elements["periodic_consultation"]
    assert consultation.status == "present"
    assert consultation.values == {"meetings_per_year": 4}


def test_early_written_as_alvorens_or_as_policy_in_preparation() -> None:
    for said in (
        "Alvorens het college een standpunt over een voorstel bepaalt, vraagt het de cliëntenraad om advies.",
        "Het college vraagt de cliëntenraad advies over beleid in voorbereiding.",
    ):
        text = f"\nArtikel 4 Advies\n{said} De cliëntenraad kan ook ongevraagd adviseren.\n"
        assert check(text).elements["advice"].status == "present", said
    late = "\nArtikel 4 Advies\nHet college vraagt de cliëntenraad advies. Hij mag ook ongevraagd adviseren."
    assert check(late + "\n").elements["advice"].reasons == ("advice_not_early",)


def test_an_agenda_set_by_the_alderman_in_the_passive_with_the_body_s_wishes_is_a_weak_right() -> None:
    # (the wishes only taken into account: a weak right, never a full one, as the gold files of the
    # blind sets read it)
    report = check(
        CONSULTATION + "2. De agenda van het overleg met de raad wordt vastgesteld door de wethouder, "
        "die daarbij rekening houdt met de wensen van de cliëntenraad.\n"
    )
    assert report.elements["agenda"].status == "partial"
    assert report.elements["agenda"].reasons == ("agenda_set_by_college",)
    without = check(
        CONSULTATION + "2. De agenda van het overleg met de raad wordt vastgesteld door de wethouder.\n"
    )
    assert without.elements["agenda"].status == "missing"


def test_a_negation_about_individual_matters_grants_nothing() -> None:
    said = "\nArtikel 6 Informatie\nDe cliëntenraad wordt niet geïnformeerd over individuele zaken.\n"
    assert check(said).elements["information"].status == "missing"


def test_more_ways_to_say_unrequested_and_early() -> None:
    report = check(
        "\nArtikel 4 Advies\nHet college vraagt de cliëntenraad advies over beleidsvoorstellen en neemt een "
        "besluit niet eerder dan nadat het advies is uitgebracht. De cliëntenraad kan ook adviseren zonder "
        "dat het college daarom vraagt.\n"
    )
    assert report.elements["advice"].status == "present", report.elements["advice"].reasons


def test_a_double_negation_before_advice_denies_nothing() -> None:
    report = check(
        "\nArtikel 4 Advies\nDe cliëntenraad kan het college gevraagd en ongevraagd adviseren. Het college "
        "neemt geen besluit zonder het advies van de cliëntenraad af te wachten.\n"
    )
    assert report.elements["advice"].status == "present", report.elements["advice"].reasons


def test_speaking_with_the_alderman_is_consultation() -> None:
    said = "\nArtikel 5 Overleg\nDe cliëntenraad spreekt ten minste vier keer per jaar met de wethouder.\n"
    assert check(said).elements["periodic_consultation"].status == "present"
    alone = "\nArtikel 5 Overleg\nDe cliëntenraad spreekt ten minste vier keer per jaar over het beleid.\n"
    assert check(alone).elements["periodic_consultation"].status == "missing"


def test_an_official_who_serves_as_secretary_is_concrete_support() -> None:
    said = "\nArtikel 8 Secretaris\nEen medewerker van de gemeente is secretaris van de cliëntenraad.\n"
    assert check(said).elements["support"].status == "present"
    costs = "\nArtikel 8 Kosten\nDe kosten van de cliëntenraad komen ten laste van de gemeente.\n"
    support = check(costs).elements["support"]
    assert support.status == "partial"
    assert support.reasons == ("support_not_concrete",)


def test_a_body_named_in_a_relative_clause_is_not_the_subject_of_the_modal() -> None:
    said = (
        CONSULTATION + "2. Onderwerpen die de cliëntenraad aandraagt, {} op de agenda van het overleg "
        "geplaatst.\n"
    )
    assert check(said.format("worden")).elements["agenda"].status == "present"
    agenda = check(said.format("kunnen worden")).elements["agenda"]
    assert agenda.status == "partial"
    assert agenda.reasons == ("agenda_discretionary",)


def test_another_item_of_the_grant_s_list_lends_it_nothing() -> None:
    tasks = (
        "\nArtikel 3 Taken\nDe cliëntenraad heeft de volgende taken:\n"
        "a. het gevraagd en ongevraagd adviseren van het college over beleidsvoorstellen{};\n"
        "b. het tijdig inbrengen van de ervaringen van cliënten.\n"
    )
    assert check(tasks.format("")).elements["advice"].reasons == ("advice_not_early",)
    assert check(tasks.format(", voorafgaand aan de besluitvorming")).elements["advice"].status == "present"


def test_a_consultation_left_to_a_convenant() -> None:
    said = (
        "\nArtikel 5 Overleg\nAfspraken over het overleg tussen het college en de cliëntenraad worden "
        "vastgelegd in een convenant.\n"
    )
    consultation = check(said).elements["periodic_consultation"]
    assert consultation.status == "partial"
    assert "consultation_in_reglement" in consultation.reasons

"""Reading as a lawyer does: what probes written by helpers who never saw the rules taught.

Each case is a small bylaw of its own, checked with and without the words that decide it,
so that each test fails when the reading it guards is lost.
"""

from __future__ import annotations

from .small_bylaws import ADVICE, CONSULTATION, check, wmo

INFORMATION = "\nArtikel 6 Informatie\n1. {}\n"


def test_a_condition_put_between_commas_names_its_own_subject() -> None:
    # the college deciding, in a clause between commas, before the body is named
    for said in (
        "Het college overlegt, tenzij het anders beslist, ten minste vier keer per jaar met de cliëntenraad.",
        "Het college voert, indien en voor zover het daartoe aanleiding ziet, zesmaal per jaar overleg "
        "met de cliëntenraad.",
    ):
        found = check(f"\nArtikel 5 Overleg\n{said}\n").elements["periodic_consultation"]
        assert found.reasons == ("periodic_consultation_conditional",), said
    plain = "Het college overlegt ten minste vier keer per jaar met de cliëntenraad."
    assert check(f"\nArtikel 5 Overleg\n{plain}\n").elements["periodic_consultation"].status == "present"


def test_a_pronoun_for_the_counterpart_in_a_condition_between_commas() -> None:
    said = (
        "De wethouder verstrekt, voor zover hij dat in het belang van het overleg acht, uit eigen "
        "beweging de benodigde informatie aan de cliëntenraad."
    )
    assert check(INFORMATION.format(said)).elements["information"].reasons == ("information_conditional",)
    plain = "De wethouder verstrekt uit eigen beweging de benodigde informatie aan de cliëntenraad."
    assert check(INFORMATION.format(plain)).elements["information"].status == "present"


def test_the_bodys_own_request_in_a_condition_leaves_nothing_to_the_college() -> None:
    said = (
        "Voor zover de cliëntenraad daarom vraagt, verstrekt het college hem de inlichtingen die hij "
        "voor zijn taak nodig heeft."
    )
    assert check(INFORMATION.format(said)).elements["information"].reasons == ("information_not_unprompted",)


def test_a_later_lid_of_the_grants_article_takes_it_back() -> None:
    capacity = CONSULTATION + "2. Dit aantal geldt voor zover de ambtelijke capaciteit dat toelaat.\n"
    assert check(capacity).elements["periodic_consultation"].reasons == ("periodic_consultation_conditional",)
    proposals = (
        "\nArtikel 4 Voorstellen\n1. De adviesraad kan het college uit eigen beweging voorstellen doen "
        "voor het beleid.\n2. Dergelijke voorstellen hebben {} betrekking op onderwerpen uit het "
        "jaarprogramma.\n"
    )
    assert wmo(proposals.format("uitsluitend")).elements["policy_proposals"].reasons == (
        "policy_proposals_restricted",
    )
    assert wmo(proposals.format("vooral")).elements["policy_proposals"].status == "present"


def test_harmless_later_lids_of_the_grants_article() -> None:
    for said in (
        "De wethouder kan zich in het overleg laten bijstaan door ambtenaren.",
        "De secretaris van het overleg werkt uitsluitend in opdracht van de cliëntenraad.",
        "[Vervallen per 1 januari 2022]",
        "Het overleg gaat niet over zaken die uitsluitend één inwoner betreffen.",
    ):
        found = check(CONSULTATION + f"2. {said}\n").elements["periodic_consultation"]
        assert found.status == "present", said


def test_what_the_counterpart_settles_in_a_relative_clause_leaves_the_grant_to_it() -> None:
    for element, said in (
        (
            "information",
            INFORMATION.format(
                "Het college informeert de cliëntenraad uit eigen beweging en tijdig door middel van een "
                "samenvatting, waarvan de inhoud door het college wordt bepaald."
            ),
        ),
        (
            "support",
            "\nArtikel 7 Ondersteuning\n1. De cliëntenraad wordt ondersteund door een ambtelijk secretaris, "
            "naar behoefte zoals het college die bepaalt.\n",
        ),
        (
            "agenda",
            CONSULTATION + "2. De cliëntenraad kan voor dit overleg onderwerpen voordragen, waaruit de "
            "wethouder een keuze maakt.\n",
        ),
        (
            "agenda",
            CONSULTATION + "2. Onderwerpen die de cliëntenraad wil bespreken, meldt hij aan bij de "
            "wethouder, die beoordeelt of zij op de agenda van het overleg worden geplaatst.\n",
        ),
        (
            "periodic_consultation",
            CONSULTATION + "2. Het college stelt jaarlijks vast hoeveel van deze overleggen "
            "worden gehouden.\n",
        ),
    ):
        assert check(said).elements[element].status == "partial", said
    # what the body settles, or the counterpart only carries out, leaves nothing to it
    assert (
        check(
            INFORMATION.format(
                "Het college informeert de cliëntenraad uit eigen beweging en tijdig door middel van een "
                "samenvatting, waarvan de inhoud door de cliëntenraad wordt bepaald."
            )
        )
        .elements["information"]
        .status
        == "present"
    )


def test_a_limit_both_parties_must_agree_to_protects_the_right() -> None:
    for said, status in (
        ("Een overleg kan alleen in onderling goedvinden worden geannuleerd.", "present"),
        ("Een overleg kan alleen door de wethouder worden geannuleerd.", "partial"),
    ):
        assert check(CONSULTATION + f"2. {said}\n").elements["periodic_consultation"].status == status, said


def test_a_grant_that_limits_the_grant_it_points_at() -> None:
    lid = "2. Het eerste lid is {} van toepassing nadat de adviesraad om de informatie heeft verzocht.\n"
    grant = (
        "\nArtikel 6 Informatie\n1. Het college verstrekt de adviesraad uit eigen beweging en tijdig alle "
        "informatie die hij nodig heeft.\n"
    )
    assert wmo(grant + lid.format("slechts")).elements["information"].reasons == ("information_restricted",)
    assert wmo(grant + lid.format("ook")).elements["information"].status == "present"
    # ... not what it limits for another body it applies the grant to, nor for a period that ended
    for said in (
        "Artikel 6 is van overeenkomstige toepassing op de jongerenraad, met dien verstande dat de "
        "jongerenraad alleen informatie ontvangt over de jeugdhulp.",
        "In afwijking van artikel 6 ontvangt de adviesraad tot 1 januari 2023 alleen informatie op verzoek.",
    ):
        assert wmo(grant + f"\nArtikel 12 Overig\n{said}\n").elements["information"].status == "present", said


def test_a_maximum_is_no_frequency() -> None:
    said = "\nArtikel 5 Overleg\nHet college overlegt ten {} viermaal per jaar met de cliëntenraad.\n"
    assert check(said.format("hoogste")).elements["periodic_consultation"].reasons == (
        "consultation_at_most",
    )
    assert check(said.format("minste")).elements["periodic_consultation"].status == "present"


def test_a_definition_the_counterpart_settles_narrows_the_grant() -> None:
    definitions = "\nArtikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\na. {}\n"
    support = (
        "\nArtikel 7 Ondersteuning\nHet college stelt de cliëntenraad een secretaris en een werkbudget "
        "ter beschikking.\n"
    )
    for said, status in (
        ("werkbudget: het bedrag dat het college jaarlijks naar eigen inzicht vaststelt.", "partial"),
        ("werkbudget: het bedrag van € 5.000 per jaar.", "present"),
        # a term for a person the counterpart designates narrows nothing
        ("secretaris: de ambtenaar die het college daartoe aanwijst.", "present"),
    ):
        assert check(definitions.format(said) + support).elements["support"].status == status, said


def test_a_condition_in_a_later_lid_about_the_element() -> None:
    proposals = (
        "\nArtikel 4 Voorstellen\n1. De adviesraad kan het college uit eigen beweging voorstellen doen "
        "voor het beleid.\n2. De voorstellen hebben betrekking op de thema's die {}.\n"
    )
    assert wmo(proposals.format("het college jaarlijks vaststelt")).elements["policy_proposals"].reasons == (
        "policy_proposals_conditional",
    )
    assert wmo(proposals.format("de adviesraad jaarlijks vaststelt")).elements["policy_proposals"].status == (
        "present"
    )
    # a hedge beside the grant concerns something else
    hedged = CONSULTATION + "2. Het overleg vindt zo mogelijk in het gemeentehuis plaats.\n"
    assert check(hedged).elements["periodic_consultation"].status == "present"


def test_the_counterpart_choosing_among_what_the_body_puts_forward_elsewhere() -> None:
    proposals = (
        "\nArtikel 4 Voorstellen\nDe adviesraad kan het college uit eigen beweging voorstellen doen voor "
        "het beleid.\n\nArtikel 9 Behandeling voorstellen\n"
        "1. Een voorstel wordt ingediend bij de wethouder.\n"
        "2. De wethouder {} het voorstel in behandeling neemt.\n"
    )
    assert wmo(proposals.format("beslist of")).elements["policy_proposals"].status == "partial"
    assert wmo(proposals.format("bevestigt dat")).elements["policy_proposals"].status == "present"
    agenda = CONSULTATION + ("2. De cliëntenraad kan agendapunten aandragen; {}.\n")
    judged = "of deze worden besproken, is ter beoordeling van de wethouder"
    assert check(agenda.format(judged)).elements["agenda"].status == "partial"
    assert check(agenda.format("deze worden besproken")).elements["agenda"].status == "present"


def test_more_ways_to_take_a_grant_back_in_a_later_lid() -> None:
    information = (
        "\nArtikel 6 Informatie\n1. Het college verstrekt de cliëntenraad uit eigen beweging en tijdig de "
        "informatie die nodig is voor het overleg.\n2. Conceptnota's worden de cliëntenraad {} "
        "toegezonden nadat het college ze heeft vastgesteld.\n"
    )
    assert check(information.format("evenwel pas")).elements["information"].status == "partial"
    assert check(information.format("ook")).elements["information"].status == "present"
    trial = (
        "\nArtikel 7 Ondersteuning\n1. Het college stelt de cliëntenraad een ambtelijk secretaris ter "
        "beschikking.\n2. Na afloop van het eerste jaar {} of de ondersteuning wordt voortgezet.\n"
    )
    assert check(trial.format("besluit het college")).elements["support"].status == "partial"
    assert check(trial.format("bespreken het college en de cliëntenraad")).elements["support"].status == (
        "present"
    )


def test_naar_zijn_oordeel_names_the_subject_before_it() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan de wethouder verzoeken een onderwerp te agenderen; de wethouder willigt "
        "zo'n verzoek in, tenzij het onderwerp naar {} oordeel niet rijp is voor bespreking.\n"
    )
    assert check(said.format("zijn")).elements["agenda"].status == "partial"


def test_a_relative_clause_after_the_verb_still_limits_the_noun() -> None:
    said = (
        "Het college draagt er zorg voor dat de cliëntenraad, tijdig en ongevraagd, de informatie ontvangt "
        "die {} voor zijn taak van belang acht."
    )
    assert check(INFORMATION.format(said.format("het college"))).elements["information"].reasons == (
        "information_conditional",
    )
    assert check(INFORMATION.format(said.format("de cliëntenraad"))).elements["information"].status == (
        "present"
    )


def test_an_agenda_the_college_sets_with_a_reference_put_in_grants_nothing() -> None:
    said = CONSULTATION + (
        "\nArtikel 8 Agenda\nDe agenda van het overleg, bedoeld in artikel 5, wordt door het college "
        "vastgesteld en ten minste een week tevoren aan de cliëntenraad toegezonden.\n"
    )
    assert check(said).elements["agenda"].status == "missing"


def test_a_limit_is_in_the_bodys_favour_only_when_it_guards_the_body() -> None:
    proposals = (
        "\nArtikel 4 Voorstellen\n1. De adviesraad kan het college uit eigen beweging voorstellen "
        "doen.\n2. {}\n"
    )
    for said in (
        "Voorstellen hebben uitsluitend betrekking op onderwerpen die het college aan de adviesraad heeft "
        "voorgelegd.",
        "Voorstellen met financiële gevolgen kan de adviesraad slechts doen indien de wethouder daartoe "
        "toestemming heeft gegeven.",
    ):
        found = wmo(proposals.format(said)).elements["policy_proposals"]
        assert "policy_proposals_restricted" in found.reasons, said
    for harmless in (
        "De secretaris werkt voor voorstellen uitsluitend in opdracht van de adviesraad.",
        "Een voorstel kan alleen in onderling overleg worden aangehouden.",
    ):
        assert wmo(proposals.format(harmless)).elements["policy_proposals"].status == "present", harmless


def test_cases_an_exception_article_joins_are_judged_one_by_one() -> None:
    said = ADVICE + "\nArtikel 10 Uitzonderingen\nVan het vragen van advies kan worden afgezien {}.\n"
    assert check(said.format("in spoedeisende gevallen")).elements["advice"].status == "present"
    other = "in spoedeisende gevallen en in andere gevallen waarin het college dit aangewezen acht"
    assert check(said.format(other)).elements["advice"].reasons == ("advice_restricted",)
    information = INFORMATION.format(
        "Het college verstrekt de cliëntenraad uit eigen beweging en tijdig alle informatie die hij nodig "
        "heeft."
    )
    kept = (
        "\nArtikel 7 Beperking\nArtikel 6 is niet van toepassing op bedrijfsvertrouwelijke gegevens en "
        "op {}.\n"
    )
    assert check(information + kept.format("persoonsgegevens")).elements["information"].status == "present"
    assert check(information + kept.format("beleidsnotities")).elements["information"].status == "partial"

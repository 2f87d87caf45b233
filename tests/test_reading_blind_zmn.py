"""Reading as a lawyer does: what blind sets zm to zq taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening
from verordening.knowledge import completed

from .small_bylaws import ADVICE, check, wmo

INFORMATION = "\nArtikel 6 Informatie\n1. {}\n"

EXCEPTION = ADVICE + "\nArtikel 9 Uitzonderingen\nHet college vraagt geen advies over {}.\n"


def test_a_word_a_hyphen_leaves_unfinished_is_written_out() -> None:
    assert "jongerenraad" in completed("regeling jongeren- en ouderraad jeugdhulp").split()
    assert completed("regeling jongerenraad jeugdhulp") == "regeling jongerenraad jeugdhulp"
    text = (
        "Regeling Jongeren- en Ouderraad Jeugdhulp Regio Noord 2020\n\nHet dagelijks bestuur van de "
        "gemeenschappelijke regeling Jeugdhulp Regio Noord;\n\ngelet op artikel 2.10 van de Jeugdwet;\n\n"
        "besluit vast te stellen de volgende regeling:\n\nArtikel 1 Advies\nDe jongerenraad adviseert het "
        "dagelijks bestuur gevraagd en ongevraagd over voorgenomen beleid.\n"
    )
    assert verordening.check(text, model="builtin").verdict == "participation_bylaw"
    other = text.replace("Jongeren- en Ouderraad", "Ouders")
    assert verordening.check(other, model="builtin").verdict == "not_participation_bylaw"


def test_the_counterpart_declining_to_ask_advice_for_cases_that_are_not_harmless() -> None:
    for cases in (
        "verordeningen die voortvloeien uit regionale afspraken",
        "verordeningen die voortvloeien uit wettelijke verplichtingen of uit regionale afspraken",
    ):
        assert check(EXCEPTION.format(cases)).elements["advice"].reasons == ("advice_restricted",), cases
    for harmless in (
        "verordeningen die uit wettelijke verplichtingen voortvloeien",
        "besluiten in individuele gevallen of over klachten van individuele cliënten",
    ):
        assert check(EXCEPTION.format(harmless)).elements["advice"].status == "present", harmless
    own = (
        ADVICE + "\nArtikel 9 Werkwijze\nDe cliëntenraad kan besluiten over een voorstel geen advies "
        "uit te brengen.\n"
    )
    assert check(own).elements["advice"].status == "present"


def test_progress_of_the_decision_that_must_allow_early_advice_is_a_condition() -> None:
    said = (
        "\nArtikel 3 Advies\n1. De cliëntenraad kan het college gevraagd en ongevraagd adviseren over "
        "beleidsvoorstellen.\n2. Het college stelt de cliëntenraad{} in de gelegenheid vroegtijdig "
        "advies uit te brengen.\n"
    )
    assert check(said.format("")).elements["advice"].status == "present"
    condition = ", indien de voortgang van de besluitvorming dat toelaat,"
    assert check(said.format(condition)).elements["advice"].reasons == ("advice_conditional",)


def test_proposals_on_topics_the_counterpart_chose_are_not_on_own_initiative() -> None:
    said = "\nArtikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen voor het beleid{}.\n"
    for chosen in (
        " ten aanzien van onderwerpen die het college aan de adviesraad heeft voorgelegd",
        " op de terreinen die het college daartoe aanwijst",
    ):
        found = wmo(said.format(chosen)).elements["policy_proposals"]
        assert "policy_proposals_only_on_request" in found.reasons, chosen
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    council = " dat het college aan de raad voorlegt"
    assert wmo(said.format(council)).elements["policy_proposals"].status == "present"


def test_a_counterpart_not_bound_to_the_topics_put_forward() -> None:
    said = (
        "\nArtikel 5 Overleg\n1. De wethouder en de cliëntenraad overleggen ten minste vijfmaal per jaar.\n"
        "2. De wethouder neemt de onderwerpen die de cliëntenraad voordraagt op in de agenda van het "
        "overleg{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    found = check(said.format(", maar is daaraan niet gebonden")).elements["agenda"]
    assert found.reasons == ("agenda_discretionary",)


def test_the_frequency_of_a_compound_report_is_not_that_of_the_consultation() -> None:
    said = (
        "\nArtikel 5 Overleg\n1. Het college en de cliëntenraad voeren periodiek overleg.\n2. Het college "
        "verstrekt de cliëntenraad viermaal per jaar een {}.\n"
    )
    assert check(said.format("kwartaalrapportage over de uitvoering")).elements[
        "periodic_consultation"
    ].reasons == ("consultation_no_frequency",)


def test_a_provision_elsewhere_that_points_at_a_grants_qualifier() -> None:
    said = ADVICE.replace(
        ", tijdig voordat het college een besluit neemt.\n",
        ".\n2. Het college vraagt het advies ten minste zes weken voordat het een besluit neemt.\n",
    )
    assert check(said).elements["advice"].status == "present"
    waived = (
        "\nArtikel 11 Afwijking termijn\nHet college kan een kortere termijn dan die van artikel 4, tweede "
        "lid, hanteren als de planning van de besluitvorming dat naar het oordeel van het college vraagt.\n"
    )
    assert check(said + waived).elements["advice"].status == "partial"


def test_a_grant_confined_to_a_programme_of_the_counterpart() -> None:
    said = "\nArtikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen voor het beleid{}.\n"
    confined = ", voor zover die voorstellen betrekking hebben op onderwerpen uit het beleidsprogramma"
    assert wmo(said.format(confined)).elements["policy_proposals"].reasons == ("policy_proposals_restricted",)
    including = ", ook over onderwerpen uit het beleidsprogramma"
    assert wmo(said.format(including)).elements["policy_proposals"].status == "present"
    later = (
        ADVICE + "2. Ongevraagd advies betreft onderwerpen uit het werkprogramma dat het college vaststelt.\n"
    )
    assert check(later).elements["advice"].reasons == ("advice_restricted",)


def test_a_body_spelled_without_diaeresis_defined_under_begripsomschrijvingen() -> None:
    direct = (
        "\nArtikel 4 Overleg\nDe wethouder overlegt ten minste viermaal per jaar met het Clientenplatform.\n"
    )
    assert check(direct).elements["periodic_consultation"].status == "present"
    said = (
        "\nArtikel 1 {}\na. CPS: het Clientenplatform Sociale Zaken Zandvoorde, bedoeld in artikel 2.\n"
        "\nArtikel 4 Overleg\nDe wethouder overlegt ten minste viermaal per jaar met het CPS.\n"
    )
    assert check(said.format("Begripsomschrijvingen")).elements["periodic_consultation"].status == "present"
    assert check(said.format("Algemene bepalingen")).elements["periodic_consultation"].status == "missing"


def test_in_zoverre_the_budget_allows_and_a_budget_set_lower() -> None:
    said = (
        "\nArtikel 7 Ondersteuning\n1. Het college stelt de cliëntenraad een secretaris en een "
        "vergaderruimte ter beschikking.\n2. {}\n"
    )
    assert check(said.format("De leden ontvangen een vergoeding voor reiskosten.")).elements[
        "support"
    ].status == ("present")
    for limit in (
        "Deze ondersteuning wordt geboden in zoverre de middelen die de begroting daarvoor bevat, "
        "toereikend zijn.",
        "Het college kan de middelen voor deze ondersteuning jaarlijks lager vaststellen.",
    ):
        assert check(said.format(limit)).elements["support"].status == "partial", limit


def test_the_counterpart_deciding_whether_with_a_reference_between_commas() -> None:
    said = ADVICE + (
        "\nArtikel 4a Voorlegging\nOf een beleidsvoorstel als bedoeld in artikel 4, eerste lid, voor advies "
        "aan de cliëntenraad wordt voorgelegd, bepaalt het college per geval.\n"
    )
    assert check(said).elements["advice"].status == "partial"


def test_the_counterpart_not_laying_proposals_before_the_body_for_cases_it_judges() -> None:
    said = ADVICE + (
        "\nArtikel 9 Uitzondering\nHet college legt voorstellen niet voor advies voor als het college van "
        "oordeel is dat het voorstel voor cliënten een geringe betekenis heeft.\n"
    )
    assert check(said).elements["advice"].reasons == ("advice_restricted",)
    later = ADVICE + "2. Het college neemt een besluit niet voordat het advies is ontvangen.\n"
    assert check(later).elements["advice"].status == "present"


def test_the_bodys_own_and_open_meetings_give_the_consultation_no_frequency() -> None:
    talks = "2. De wethouder spreekt met de cliëntenraad wanneer de cliëntenraad daarom vraagt.\n"
    for own in (
        "De cliëntenraad komt ten minste acht keer per jaar bijeen.",
        "De cliëntenraad organiseert jaarlijks ten minste één open bijeenkomst voor de doelgroep.",
    ):
        found = check(f"\nArtikel 5 Bijeenkomsten\n1. {own}\n{talks}").elements["periodic_consultation"]
        assert found.status == "partial", own
    joint = "De wethouder en de cliëntenraad komen ten minste acht keer per jaar bijeen."
    assert check(f"\nArtikel 5 Overleg\n1. {joint}\n").elements["periodic_consultation"].status == "present"


def test_a_programme_named_by_a_compound_and_the_counterpart_with_the_last_word() -> None:
    said = "\nArtikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen voor het beleid{}.\n"
    confined = (
        ", voor zover het onderwerp is opgenomen in het participatieprogramma dat het college vaststelt"
    )
    assert "policy_proposals_restricted" in wmo(said.format(confined)).elements["policy_proposals"].reasons
    agenda = (
        "\nArtikel 5 Overleg\n1. De wethouder en de cliëntenraad overleggen ten minste vijfmaal per "
        "jaar.\n2. De cliëntenraad kan onderwerpen voor de agenda van het overleg aanmelden; de wethouder "
        "maakt samen met de voorzitter van de cliëntenraad de agenda{}.\n"
    )
    assert check(agenda.format("")).elements["agenda"].status == "present"
    assert check(agenda.format(" en beslist bij verschil van mening")).elements["agenda"].status == "partial"


def test_the_body_named_after_a_preposition_in_a_condition_does_not_judge() -> None:
    said = INFORMATION.format("De wethouder informeert de cliëntenraad tijdig over voorgenomen beleid{}.")
    judged = ", voor zover hij dat voor het werk van de cliëntenraad van belang acht"
    assert check(said.format(judged)).elements["information"].reasons == ("information_conditional",)
    assert (
        check(said.format(", voor zover de cliëntenraad dat wenst")).elements["information"].status
        == "present"
    )


def test_the_counterpart_setting_the_agenda_after_talking_to_the_chair() -> None:
    said = (
        "\nArtikel 6 Overleg\n1. De cliëntenraad en de wethouder overleggen ten minste viermaal per "
        "jaar.\n2. De cliëntenraad kan de wethouder onderwerpen voor het overleg aanreiken.{}\n"
    )
    setting = " De wethouder stelt na overleg met de voorzitter van de cliëntenraad de agenda vast."
    assert check(said.format(setting)).elements["agenda"].reasons == ("agenda_set_by_college",)


def test_what_the_bodys_own_reglement_is_to_describe_grants_no_agenda_right() -> None:
    said = (
        "\nArtikel 5 Overleg\nHet college overlegt ten minste viermaal per jaar met de cliëntenraad.\n"
        "\nArtikel 8 Reglement van orde\n{}\n"
    )
    own = (
        "De cliëntenraad regelt in een reglement van orde de wijze waarop onderwerpen voor het overleg "
        "worden aangedragen."
    )
    assert check(said.format(own)).elements["agenda"].status == "missing"
    granted = "Onderwerpen die de cliëntenraad voor het overleg aandraagt, worden op de agenda geplaatst."
    assert check(said.format(granted)).elements["agenda"].status == "present"

"""Reading as a lawyer does: what blind sets zw to zz taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import ADVICE, CONSULTATION, check, wmo

AGENDA = CONSULTATION + "2. {}\n"


def agenda(provision: str) -> tuple[str, tuple[str, ...]]:
    element = check(AGENDA.format(provision)).elements["agenda"]
    return element.status, element.reasons


def test_a_body_that_may_only_propose_or_ask_for_topics_has_no_assured_agenda_right() -> None:
    for asked in (
        "De cliëntenraad kan het college verzoeken een onderwerp in het overleg te bespreken.",
        "De cliëntenraad kan de wethouder verzoeken een onderwerp aan de agenda van het overleg toe te "
        "voegen.",
        "De cliëntenraad kan onderwerpen voor het overleg aandragen.",
        "De cliëntenraad kan agendapunten voor het overleg voorstellen.",
    ):
        assert agenda(asked) == ("partial", ("agenda_only_proposed",)), asked
    for assured in (
        "De cliëntenraad kan onderwerpen voor de agenda van het overleg aanmelden.",
        "De cliëntenraad kan onderwerpen aandragen voor de agenda van het overleg.",
        "De cliëntenraad kan onderwerpen voor het overleg aandragen; aangedragen onderwerpen worden "
        "geagendeerd.",
        "De cliëntenraad kan het college verzoeken een onderwerp te agenderen. Het college plaatst een "
        "onderwerp waarom de cliëntenraad verzoekt op de agenda van het eerstvolgende overleg.",
        "De cliëntenraad heeft agenderingsrecht voor het overleg.",
    ):
        assert agenda(assured) == ("present", ()), assured
    # ... but not where the counterpart decides whether a topic is put on the agenda
    decided = (
        "De cliëntenraad kan onderwerpen voor de agenda voordragen. Het college stelt de agenda vast en "
        "beslist of een voorgedragen onderwerp op de agenda wordt geplaatst."
    )
    assert agenda(decided)[0] == "partial"


def test_an_agenda_the_body_draws_up_itself_assures_its_topics() -> None:
    own = (
        "De agenda voor het overleg, bedoeld in het eerste lid, wordt opgesteld door de secretaris van "
        "de cliëntenraad; zowel de cliëntenraad als de wethouder kunnen daarvoor punten aandragen."
    )
    assert agenda(own) == ("present", ())
    theirs = own.replace("de secretaris van de cliëntenraad", "de secretaris van het college")
    assert agenda(theirs)[0] == "partial"


def test_members_of_the_body_beside_the_counterpart_have_a_right_not_a_discretion() -> None:
    both = (
        "Ieder lid van de cliëntenraad en de wethouder kan onderwerpen voor het overleg aanmelden; "
        "aangemelde onderwerpen worden op de agenda geplaatst."
    )
    assert agenda(both) == ("present", ())
    counterpart = both.replace("Ieder lid van de cliëntenraad en de wethouder", "De wethouder")
    assert agenda(counterpart)[0] == "missing"  # the counterpart's right is not the body's
    heard = (
        "Na overleg met de voorzitter van de cliëntenraad kan de wethouder onderwerpen voor het overleg "
        "aanmelden; aangemelde onderwerpen worden op de agenda geplaatst."
    )
    assert agenda(heard)[0] == "partial"


def test_each_of_both_after_a_provision_that_names_them_is_both() -> None:
    said = (
        "Elk van beide kan onderwerpen voor het overleg aanmelden. Aangemelde onderwerpen worden geagendeerd."
    )
    assert agenda(said) == ("present", ())
    assert agenda(said.replace("Elk van beide", "Elk van hen"))[0] == "missing"


def test_the_agenda_left_to_the_body_s_own_reglement_grants_nothing() -> None:
    own = (
        "\nArtikel 7 Werkwijze\nDe cliëntenraad regelt zijn werkwijze, waaronder het agenderen van "
        "onderwerpen, in een huishoudelijk reglement.\n"
    )
    assert check(CONSULTATION + own).elements["agenda"].status == "missing"
    granted = (
        "\nArtikel 7 Agenda\nDe cliëntenraad kan onderwerpen voor de agenda van het overleg aanmelden.\n"
    )
    assert check(CONSULTATION + granted).elements["agenda"].status == "present"


def test_a_draft_laid_before_the_body_weeks_before_the_decision_is_early_advice() -> None:
    said = (
        "\nArtikel 3 Taak\nDe cliëntenraad adviseert het college gevraagd en ongevraagd over verordeningen "
        "en beleidsvoorstellen.\n\nArtikel 4 Moment van advisering\nHet college legt een "
        "ontwerp-beleidsvoorstel{} aan de cliëntenraad voor.\n"
    )
    early = " ten minste vijf weken voordat het college daarover een besluit neemt"
    assert check(said.format(early)).elements["advice"].status == "present"
    assert check(said.format("")).elements["advice"].reasons == ("advice_not_early",)


def test_guidance_of_the_body_is_support_and_meeting_the_alderman_is_consultation() -> None:
    support = "\nArtikel 6 Ondersteuning\n1. De cliëntenraad wordt begeleid door een jongerencoach.\n"
    assert check(support).elements["support"].status == "present"
    clients = "\nArtikel 6 Taak\n1. De cliëntenraad adviseert over de begeleiding van cliënten naar werk.\n"
    assert check(clients).elements["support"].status == "missing"
    met = "\nArtikel 5 Bijeenkomsten\n1. De wethouder ontmoet de cliëntenraad drie keer per jaar.\n"
    assert check(met).elements["periodic_consultation"].status == "present"
    alone = "\nArtikel 5 Bijeenkomsten\n1. De cliëntenraad vergadert drie keer per jaar.\n"
    assert check(alone).elements["periodic_consultation"].status == "missing"


def test_a_hedge_on_how_much_is_granted_leaves_the_grant_firm() -> None:
    said = (
        "\nArtikel 6 Ondersteuning\nHet college stelt de cliëntenraad jaarlijks een budget beschikbaar "
        "voor scholing en onkostenvergoedingen, zo mogelijk{}.\n"
    )
    assert (
        check(said.format(" op het niveau van het voorgaande jaar")).elements["support"].status == "present"
    )
    assert check(said.format("")).elements["support"].reasons == ("support_conditional",)


def test_an_urgent_case_the_counterpart_judges_alone_takes_advice_back() -> None:
    said = ADVICE + "\nArtikel 9 Uitzondering\nHet college hoeft geen advies te vragen over {}.\n"
    judged = "beleidsvoornemens waarvan de voorbereiding naar zijn oordeel geen uitstel toelaat"
    assert check(said.format(judged)).elements["advice"].reasons == ("advice_restricted",)
    assert check(said.format(judged.replace(" naar zijn oordeel", ""))).elements["advice"].status == "present"
    told = judged + "; het deelt de cliëntenraad de redenen daarvan mee"
    assert check(said.format(told)).elements["advice"].status == "present"
    excepted = ADVICE + (
        "\nArtikel 9 Uitzondering\nArtikel 4 is niet van toepassing op besluiten die naar het oordeel "
        "van het college een spoedeisend karakter hebben.\n"
    )
    assert check(excepted).elements["advice"].reasons == ("advice_restricted",)


def test_a_bylaw_on_citizens_inspraak_is_no_participation_bylaw_unless_it_grants_rights() -> None:
    aanhef = (
        "De raad van de gemeente Zandvoorde;\ngelet op artikel 150 van de Gemeentewet en artikel 2.1.3 van "
        "de Wet maatschappelijke ondersteuning 2015;\nbesluit vast te stellen de volgende verordening.\n"
    )
    inspraak = (
        "\nArtikel 1 Inspraak\n1. Ingezetenen kunnen hun zienswijze over een ontwerpbesluit naar voren "
        "brengen.\n"
        "2. Het college stelt een verslag op van de inspraak.\n"
    )
    title = "Verordening burgerparticipatie Zandvoorde 2023\n\n"
    report = verordening.check(title + aanhef + inspraak, model="builtin", as_of="2026-12-01")
    assert report.verdict == "not_participation_bylaw"
    rights = inspraak + "\nArtikel 2 Advies\nDe Wmo-raad adviseert het college gevraagd en ongevraagd.\n"
    report = verordening.check(title + aanhef + rights, model="builtin", as_of="2026-12-01")
    assert report.verdict == "participation_bylaw"


def test_proposals_after_the_counterparts_prior_consent_are_conditional() -> None:
    said = "\nArtikel 3 Voorstellen\nDe adviesraad kan{} voorstellen doen voor het Wmo-beleid.\n"
    consent = ", na voorafgaande instemming van de portefeuillehouder,"
    assert wmo(said.format(consent)).elements["policy_proposals"].reasons == ("policy_proposals_conditional",)
    assert wmo(said.format(" op eigen initiatief")).elements["policy_proposals"].status == "present"


def test_an_agenda_the_body_sets_itself_and_drafts_listed_before_the_body_is_asked() -> None:
    own = "De cliëntenraad stelt de agenda van het overleg vast, na het college punten te laten aandragen."
    assert agenda(own) == ("present", ())
    assert agenda(own.replace("De cliëntenraad stelt", "Het college stelt"))[0] != "present"
    said = (
        "\nArtikel 3 Advies\n1. Het college legt ieder ontwerp van een verordening, beleidsnota of "
        "beleidsregel in een vroeg stadium aan de cliëntenraad voor, zodat diens advies in de "
        "besluitvorming kan worden meegewogen.\n2. De cliëntenraad kan het college ook uit eigen "
        "beweging adviseren.\n"
    )
    assert check(said).elements["advice"].status == "present"
    assert check(said.replace("aan de cliëntenraad voor", "aan de gemeenteraad voor")).elements[
        "advice"
    ].reasons == ("advice_not_requested",)

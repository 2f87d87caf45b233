"""Reading as a lawyer does, continued: what blind sets s and t taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

from .small_bylaws import ADVICE, CONSULTATION, check, wmo


def test_a_counterpart_who_decides_on_the_request() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan de wethouder verzoeken een onderwerp op de agenda te zetten.{}\n"
    )
    placed = " De wethouder plaatst een onderwerp waarom de cliëntenraad verzoekt op de agenda."
    assert check(said.format(placed)).elements["agenda"].status == "present"
    decided = check(said.format(" De wethouder beslist daarover binnen twee weken."))
    assert decided.elements["agenda"].status == "partial"


def test_a_college_that_may_hold_fewer_meetings_takes_the_frequency_back() -> None:
    fewer = CONSULTATION + "2. Het college kan besluiten dat het overleg per jaar {} plaatsvindt.\n"
    assert check(fewer.format("vaker")).elements["periodic_consultation"].status == "present"
    assert check(fewer.format("minder vaak")).elements["periodic_consultation"].status == "partial"


def test_proposals_for_the_topics_of_a_meeting_are_no_policy_proposals() -> None:
    said = "\nArtikel 4\nDe adviesraad kan het college voorstellen doen voor {}.\n"
    assert (
        wmo(said.format("het beleid op het terrein van de wet")).elements["policy_proposals"].status
        == "present"
    )
    topics = wmo(said.format("onderwerpen die in het overleg aan de orde komen"))
    assert topics.elements["policy_proposals"].status == "missing"


def test_a_college_that_chooses_the_subjects_of_the_proposals_takes_them_back() -> None:
    said = (
        "\nArtikel 4\n1. De adviesraad kan het college voorstellen doen voor het beleid.\n"
        "2. Het college stelt jaarlijks vast over welke onderwerpen de adviesraad voorstellen kan doen.\n"
    )
    assert wmo(said).elements["policy_proposals"].status == "partial"


def test_a_college_that_may_decide_without_the_advice_takes_it_back() -> None:
    said = ADVICE + (
        "2. Laat de voorbereiding daartoe naar het oordeel van het college geen ruimte, dan kan het college "
        "besluiten {} de cliëntenraad eerst in de gelegenheid te stellen advies uit te brengen.\n"
    )
    assert check(said.format("na")).elements["advice"].status == "present"
    assert check(said.format("zonder")).elements["advice"].status == "partial"


def test_the_college_choosing_the_subjects_after_a_clause_put_in() -> None:
    said = (
        "\nArtikel 4\n1. De adviesraad kan het college voorstellen doen voor het beleid.\n2. Het college "
        "stelt jaarlijks, na bespreking in het overleg, bedoeld in artikel 5, vast over welke onderwerpen "
        "de adviesraad voorstellen kan doen.\n"
    )
    assert wmo(said).elements["policy_proposals"].status == "partial"


def test_a_counterpart_who_fixes_the_agenda_after_a_clause_put_in() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad kan agendapunten voor het overleg voorstellen. De wethouder stelt, na "
        "raadpleging van de voorzitter van de cliëntenraad, de agenda vast.\n"
    )
    agenda = check(said).elements["agenda"]
    assert agenda.status == "partial"
    assert agenda.reasons == ("agenda_set_by_college",)


def test_proposals_only_on_themes_the_college_chose() -> None:
    said = "\nArtikel 4\nDe adviesraad kan het college voorstellen doen voor beleid{}.\n"
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    for chosen in (
        " over de thema's die het college jaarlijks in zijn werkprogramma aanwijst",
        ", voor zover die voorstellen onderwerpen betreffen die het college op de lijst heeft geplaatst",
    ):
        assert wmo(said.format(chosen)).elements["policy_proposals"].status == "partial"

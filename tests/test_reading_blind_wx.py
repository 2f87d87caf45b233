"""Reading as a lawyer does, continued: what blind sets w and x taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

from .small_bylaws import ADVICE, CONSULTATION, check, wmo


def test_a_college_that_may_skip_laying_drafts_before_the_body() -> None:
    said = ADVICE + (
        "\nArtikel 10 Uitzonderingen\nHet college kan {}afzien van het voorleggen van een "
        "ontwerpverordening aan de cliëntenraad.\n"
    )
    for case in ("", "bij spoed "):  # (not asked at all, even only in urgent cases: see `unasked`)
        skipped = check(said.format(case)).elements["advice"]
        assert skipped.status == "partial"
        assert {"advice_restricted", "advice_discretionary"} & set(skipped.reasons)
    shortened = ADVICE + "\nArtikel 10 Spoed\nHet college kan bij spoed de adviestermijn bekorten.\n"
    assert check(shortened).elements["advice"].status == "present"


def test_a_college_deciding_per_case_whether_a_draft_is_laid_before_the_body() -> None:
    said = ADVICE + "\nArtikel 11 Voorlegging\n{} een ontwerp aan de cliëntenraad wordt voorgelegd.\n"
    assert check(said.format("Ieder jaar bepaalt het college wanneer")).elements["advice"].status == "present"
    chosen = check(said.format("Het college beslist per geval of")).elements["advice"]
    assert chosen.status == "partial"


def test_a_term_the_college_may_leave_for_its_own_planning() -> None:
    said = (
        "\nArtikel 4 Advies\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd over "
        "beleidsvoorstellen.\n2. Het college legt een adviesaanvraag ten minste zes weken voor de "
        "besluitvorming aan de cliëntenraad voor.\n3. Het college kan van de termijn, genoemd in het "
        "tweede lid, afwijken als {}.\n"
    )
    urgent = check(said.format("een besluit wegens spoed geen uitstel duldt"))
    assert urgent.elements["advice"].status == "present"
    planned = check(said.format("de planning van de besluitvorming dat naar zijn oordeel vereist"))
    assert planned.elements["advice"].status == "partial"


def test_a_decision_that_waits_for_the_advice_or_its_term_denies_nothing() -> None:
    said = (
        "\nArtikel 4 Advies\n1. Voordat het college een besluit neemt over een beleidsvoorstel, vraagt het "
        "de cliëntenraad tijdig om advies.\n2. Ook zonder dat het college daarom heeft gevraagd, kan de "
        "cliëntenraad het college adviseren.\n3. Het college neemt geen besluit voordat de cliëntenraad "
        "advies heeft uitgebracht of een termijn van zes weken is verstreken.\n"
    )
    assert check(said).elements["advice"].status == "present"


def test_a_counterpart_who_may_decide_not_to_treat_a_topic() -> None:
    said = CONSULTATION + (
        "2. De cliëntenraad heeft agenderingsrecht voor het overleg.\n"
        "3. De wethouder kan besluiten een aangemeld onderwerp naar een later overleg te verschuiven{}.\n"
    )
    assert check(said.format("")).elements["agenda"].status == "present"
    dropped = check(said.format(" of niet te behandelen"))
    assert dropped.elements["agenda"].status == "partial"
    # ... which is about the topic, not about the consultation
    assert dropped.elements["periodic_consultation"].status == "present"


def test_whether_a_topic_is_discussed_decided_in_an_inverted_sentence() -> None:
    said = CONSULTATION + "2. De cliëntenraad kan onderwerpen ter bespreking in het overleg aandragen. {}\n"
    assert (
        check(said.format("Een aangedragen onderwerp wordt besproken.")).elements["agenda"].status
        == "present"
    )
    decided = check(said.format("Of een aangedragen onderwerp wordt besproken, bepaalt de wethouder."))
    assert decided.elements["agenda"].status == "partial"


def test_proposals_confined_to_topics_the_college_puts_to_the_body() -> None:
    said = "\nArtikel 2\nDe adviesraad kan het college voorstellen doen over onderwerpen die {}."
    free = wmo(said.format("het college aan de gemeenteraad voorlegt"))
    assert free.elements["policy_proposals"].status == "present"
    put = wmo(said.format("het college hem ter bespreking voorlegt"))
    assert put.elements["policy_proposals"].status == "partial"


def test_proposals_invited_only_while_one_plan_is_prepared() -> None:
    said = "\nArtikel 2\nHet college stelt de adviesraad {}in de gelegenheid voorstellen te doen."
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    plan = wmo(said.format("bij de voorbereiding van het beleidsplan ")).elements["policy_proposals"]
    assert plan.status == "partial"

"""Reading as a lawyer does: what blind sets zzi and zzj taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import wmo

ARTICLES = (
    "Artikel 4 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over verordeningen en "
    "beleidsvoorstellen.\n2. Het college vraagt het advies vroegtijdig.\n3. Een ongevraagd advies over een "
    "onderwerp buiten de beleidsagenda neemt het college {} in behandeling.\n"
    "\nArtikel 5 Eigen voorstellen\n1. De adviesraad kan het college voorstellen doen voor het beleid.\n"
    "2. Artikel 4, derde lid, is van overeenkomstige toepassing{}.\n"
)


def test_a_limit_elsewhere_applied_to_a_grant_takes_it_back() -> None:
    limited = "slechts indien het college dat wenselijk acht"
    applied = wmo(ARTICLES.format(limited, "")).elements["policy_proposals"]
    assert applied.status == "partial"
    assert "policy_proposals_restricted" in applied.reasons
    # a provision applied that limits nothing, or a limit applied to another body, takes nothing back
    assert wmo(ARTICLES.format("binnen acht weken", "")).elements["policy_proposals"].status == "present"
    other = wmo(ARTICLES.format(limited, " op de jongerenraad")).elements["policy_proposals"]
    assert other.status == "present"


def test_an_advisory_council_for_the_living_environment_is_no_participation_body() -> None:
    aanhef = (
        "De raad van de gemeente Zandvoorde;\ngelet op artikel 84 van de Gemeentewet;\n"
        "besluit vast te stellen de volgende verordening.\n"
    )
    rights = (
        "\nArtikel 2 Taak\nDe adviesraad adviseert het college gevraagd en ongevraagd over het beleid.\n"
        "\nArtikel 3 Overleg\nDe adviesraad en de wethouder overleggen ten minste viermaal per jaar.\n"
    )
    for name in ("Adviesraad Leefomgeving", "Adviesraad voor de fysieke leefomgeving"):
        report = verordening.check(
            f"Verordening {name} Zandvoorde 2018\n\n" + aanhef + rights, model="builtin"
        )
        assert report.verdict == "not_participation_bylaw", name
    social = verordening.check("Verordening Adviesraad Sociaal Domein Zandvoorde 2018\n\n" + aanhef + rights)
    assert social.verdict == "participation_bylaw"


def test_the_body_owing_no_advice_on_every_proposal_is_its_freedom() -> None:
    advice = (
        "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over verordeningen "
        "en beleidsvoorstellen.\n2. Het college vraagt het advies zo vroeg dat het nog invloed kan hebben.\n"
        "3. {} is niet verplicht om over elk voorstel advies uit te brengen.\n"
    )
    assert wmo(advice.format("De adviesraad")).elements["advice"].status == "present"
    assert wmo(advice.format("Het college")).elements["advice"].status == "partial"


def test_advice_asked_at_such_a_stage_that_it_can_influence_the_decision_is_early() -> None:
    advice = (
        "Artikel 3 Advies\n1. De adviesraad kan het college zowel op verzoek als uit eigen beweging "
        "adviseren over verordeningen en beleidsvoorstellen.\n"
        "2. Het college legt een voorstel aan de adviesraad voor {}.\n"
    )
    early = wmo(advice.format("in een zodanig stadium dat het advies van invloed kan zijn op het besluit"))
    assert early.elements["advice"].status == "present"
    assert wmo(advice.format("nadat het college heeft besloten")).elements["advice"].status == "partial"


def test_proposals_the_body_may_hand_to_the_college_are_policy_proposals() -> None:
    proposals = (
        "Artikel 3 Initiatieven\nDe adviesraad kan het college schriftelijk voorstellen voor beleid {}.\n"
    )
    assert wmo(proposals.format("aanreiken")).elements["policy_proposals"].status == "present"
    assert wmo(proposals.format("ontvangen")).elements["policy_proposals"].status == "missing"


def test_a_frequency_in_a_list_item_belongs_with_the_opening_words() -> None:
    consultation = (
        "Artikel 5 Overleg\n1. De wethouder voert overleg met de adviesraad:\n"
        "1° {} over de hoofdlijnen van het beleid;\n2° voorts zo vaak als de wethouder dat nodig acht.\n"
    )
    listed = wmo(consultation.format("ten minste tweemaal per jaar")).elements["periodic_consultation"]
    assert listed.status == "present"
    assert listed.values.get("meetings_per_year") == 2
    unlisted = wmo(consultation.format("in elk geval")).elements["periodic_consultation"]
    assert unlisted.status == "partial"

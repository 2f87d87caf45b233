"""Reading real bylaws as a lawyer does: the cases a new user found misread (issue 9).

Each case is a small bylaw of its own: who is who, references inside the bylaw,
restrictions elsewhere in it, Dutch compounds, time and frequency, the front matter.
"""

from __future__ import annotations

from typing import Any

import verordening

from .small_bylaws import PW


def check(text: str, **options: Any) -> verordening.Report:
    return verordening.check(text, model="builtin", as_of="2026-12-01", **options)


def cited(report: verordening.Report, element: str) -> list[str]:
    return [c.citation for c in report.elements[element].citations]


def test_a_one_paragraph_aanhef_gives_the_legal_basis() -> None:
    report = check(
        "Verordening adviesraad sociaal domein Heemsterveld 2019\n\n"
        "De raad van de gemeente Heemsterveld; gelezen het voorstel van burgemeester en wethouders van "
        "4 juni 2019; gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015 en artikel 2.10 "
        "van de Jeugdwet; besluit vast te stellen de volgende verordening:\n\n"
        "Artikel 1 Taken\n"
        "1. De adviesraad doet het college uit eigen beweging voorstellen voor beleid.\n"
        "2. De adviesraad adviseert het college gevraagd en ongevraagd, tijdig voordat het college besluit.\n"
    )
    assert report.frameworks == ("jeugdwet", "wmo2015")
    assert [b.source for b in report.legal_basis] == ["preamble", "preamble"]
    assert report.document.preamble is not None
    keys = [f.key for f in report.document.preamble.fields]
    assert keys == ["orgaan", "gelezen", "gelet_op", "besluit"]
    assert "C004" not in [d.code for d in report.diagnostics]


ADVICE = (
    "Verordening cliëntenparticipatie Participatiewet Zandvoorde 2020\n\n" + PW + "\nArtikel 1 Advies\n"
    "1. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over verordeningen en "
    "beleidsvoorstellen, tijdig voordat het college een besluit neemt.\n"
)


def test_a_later_lid_that_leaves_asking_advice_to_the_college_makes_advice_partial() -> None:
    assert check(ADVICE).elements["advice"].status == "present"
    restricted = check(
        ADVICE
        + "2. Het college vraagt alleen advies aan de cliëntenraad als het college dat wenselijk acht.\n"
    )
    advice = restricted.elements["advice"]
    assert advice.status == "partial"
    assert advice.reasons[0] == "advice_conditional"
    assert cited(restricted, "advice") == ["artikel 1, eerste lid", "artikel 1, tweede lid"]


def test_restrictions_in_another_article_take_back_the_grant_too() -> None:
    text = ADVICE + (
        "\nArtikel 7 Uitzonderingen\n"
        "Het college kan besluiten de cliëntenraad slechts over een deel van de beleidsvoorstellen "
        "om advies te vragen.\n"
    )
    advice = check(text).elements["advice"]
    assert advice.status == "partial"
    assert "advice_discretionary" in advice.reasons
    assert "artikel 7" in [c.citation for c in advice.citations]


def test_an_extra_case_or_a_condition_on_something_else_takes_nothing_back() -> None:
    extra = (
        ADVICE + "2. Het college kan de cliëntenraad ook om advies vragen over andere zaken "
        "als het dat wenselijk acht.\n"
    )
    assert check(extra).elements["advice"].status == "present"
    public = ADVICE + (
        "\nArtikel 2 Overleg\n1. Het college en de cliëntenraad overleggen ten minste vier keer per jaar.\n"
        "2. Het overleg is openbaar, tenzij het college en de cliëntenraad anders besluiten.\n"
    )
    assert check(public).elements["periodic_consultation"].status == "present"


def test_a_hedge_on_the_timing_leaves_advice_partial_unless_it_is_early_anyway() -> None:
    hedged = ADVICE.replace(", tijdig voordat het college een besluit neemt", "")
    hedged += "2. Het college vraagt het advies zo mogelijk vier weken voordat het een besluit neemt.\n"
    assert check(hedged).elements["advice"].reasons == ("advice_conditional",)
    firm = ADVICE + "2. Het college vraagt het advies zo mogelijk acht weken voordat het een besluit neemt.\n"
    assert check(firm).elements["advice"].status == "present"


# -- references inside the bylaw -------------------------------------------------------------
CONSULTATION = (
    "Verordening cliëntenraad Werk en Inkomen Dorpveen 2018\n\n" + PW + "\nArtikel 4 Overleg\n"
    "1. De wethouder en de cliëntenraad voeren periodiek overleg.\n"
)


def test_the_overleg_meant_in_the_first_lid_takes_the_frequency_of_the_second() -> None:
    assert check(CONSULTATION).elements["periodic_consultation"].reasons == ("consultation_no_frequency",)
    report = check(
        CONSULTATION
        + "2. Het in het eerste lid bedoelde overleg vindt ten minste vijfmaal per jaar plaats.\n"
    )
    assert report.elements["periodic_consultation"].status == "present"
    assert cited(report, "periodic_consultation") == ["artikel 4, eerste lid", "artikel 4, tweede lid"]
    said = (
        CONSULTATION
        + "2. Het overleg, bedoeld in het eerste lid, vindt ten minste vijfmaal per jaar plaats.\n"
    )
    assert check(said).elements["periodic_consultation"].status == "present"
    assert check(said).elements["periodic_consultation"].values == {"meetings_per_year": 5}


def test_a_reference_from_another_article_joins_the_evidence_and_both_are_cited() -> None:
    text = CONSULTATION + (
        "\nArtikel 9 Vergaderingen\n1. De cliëntenraad vergadert zo vaak als de voorzitter nodig acht.\n"
        "2. Het overleg, bedoeld in artikel 4, eerste lid, vindt ten minste vijfmaal per jaar plaats.\n"
    )
    report = check(text)
    assert report.elements["periodic_consultation"].status == "present"
    assert cited(report, "periodic_consultation") == ["artikel 4, eerste lid", "artikel 9, tweede lid"]


def test_the_previous_lid_and_corresponding_application_are_followed() -> None:
    previous = CONSULTATION + "2. Het overleg als bedoeld in het vorige lid vindt elk kwartaal plaats.\n"
    assert check(previous).elements["periodic_consultation"].status == "present"
    applied = CONSULTATION + (
        "\nArtikel 5 Frequentie\nArtikel 4 is van overeenkomstige toepassing; het overleg vindt "
        "viermaal per jaar plaats.\n"
    )
    assert check(applied).elements["periodic_consultation"].status == "present"


def _named_references(text: str) -> dict[str, list[str]]:
    """Per provision of ``text`` (by node id), the provisions its references resolve to."""
    from verordening.language import resolve_references, units_of

    units = units_of(verordening.parse(text))
    references = resolve_references(units)
    return {u.node.id: sorted(units[t].node.id for t in references[u.index]) for u in units}


def test_references_name_the_provisions_of_this_bylaw_only() -> None:
    named = _named_references(
        "Artikel 1\n1. De cliëntenraad adviseert.\n"
        "2. Zie artikel 2, tweede lid, onderdeel b en het vorige lid.\n"
        "3. Gelet op artikel 2 van de Participatiewet; het eerste lid geldt niet.\n"
        "Artikel 2\n1. Tekst.\n2. Lijst:\na. een;\nb. twee.\n"
    )
    assert named["art1/lid2"] == ["art1/lid1", "art2/lid2/b"]
    assert named["art1/lid3"] == ["art1/lid1"]  # the Participatiewet's artikel 2 is not this bylaw's
    assert named["art2/lid1"] == []


def test_an_article_applied_but_some_of_its_leden_names_the_rest() -> None:
    named = _named_references(
        "Artikel 1\n1. Een.\n2. Twee.\n3. Drie.\n"
        "Artikel 2\nArtikel 1 is van overeenkomstige toepassing, met uitzondering van het derde lid.\n"
        "Artikel 3\nArtikel 1 is van toepassing, behoudens het eerste en tweede lid.\n"
    )
    assert named["art2"] == ["art1/lid1", "art1/lid2"]
    assert named["art3"] == ["art1/lid3"]


def test_an_exception_article_without_the_body_s_name_takes_advice_back() -> None:
    exception = ADVICE + (
        "\nArtikel 4 Uitzonderingen\n"
        "1. Het college is niet verplicht advies te vragen over een beleidsvoorstel.\n"
        "2. De cliëntenraad adviseert niet over klachten van individuele inwoners.\n"
    )
    advice = check(exception).elements["advice"]
    assert advice.status == "partial"
    assert advice.reasons == ("advice_restricted",)
    assert "artikel 4, eerste lid" in [c.citation for c in advice.citations]
    experts = ADVICE + "\nArtikel 4\nHet college vraagt zo nodig advies aan externe deskundigen.\n"
    assert check(experts).elements["advice"].status == "present"


def test_a_lid_that_makes_the_support_of_other_leden_depend_on_the_budget_takes_it_back() -> None:
    support = (
        "Verordening cliëntenraad Waalrand\n\n" + PW + "\nArtikel 7 Ondersteuning\n"
        "1. Het college stelt een ambtelijk secretaris ter beschikking aan de cliëntenraad.\n"
        "2. Het college vergoedt de reiskosten die leden van de cliëntenraad maken.\n"
    )
    assert check(support).elements["support"].status == "present"
    budget = support + (
        "3. Het eerste en tweede lid zijn slechts van toepassing voor zover de gemeentebegroting daarvoor "
        "middelen bevat.\n"
    )
    result = check(budget).elements["support"]
    assert result.status == "partial"
    assert result.reasons == ("support_conditional",)
    privacy = (
        "Verordening cliëntenraad Waalrand\n\n" + PW + "\nArtikel 6 Informatie\n"
        "1. Het college verstrekt de cliëntenraad uit eigen beweging en tijdig alle informatie "
        "die hij nodig heeft.\n"
        "2. Het college is niet gehouden informatie te verstrekken voor zover de persoonlijke levenssfeer "
        "van individuele inwoners zou worden geschaad.\n"
    )
    assert check(privacy).elements["information"].status == "present"


# -- who is who ----------------------------------------------------------------------------------
JOINT = (
    "Regeling cliëntenparticipatie Intergemeentelijke Sociale Dienst Waalrand 2016\n\n"
    "Het dagelijks bestuur van de gemeenschappelijke regeling Intergemeentelijke Sociale Dienst Waalrand;\n"
    "gelet op artikel 47 van de Participatiewet;\nbesluit vast te stellen de volgende regeling.\n\n"
    "Artikel 1 Cliëntenraad\nEr is een Cliëntenraad Werk en Inkomen Waalrand (hierna: CWI).\n\n"
    "Artikel 2 Overleg en advies\n"
    "1. Het dagelijks bestuur overlegt ten minste vier keer per jaar met de CWI.\n"
    "2. De CWI adviseert het dagelijks bestuur gevraagd en ongevraagd over beleidsvoorstellen, "
    "tijdig voordat het dagelijks bestuur besluit.\n"
    "3. De directeur van de sociale dienst verstrekt de CWI uit eigen beweging tijdig alle informatie die "
    "hij nodig heeft.\n"
)


def test_counterparts_other_than_the_college_and_a_name_given_in_passing() -> None:
    report = check(JOINT)
    assert report.verdict == "participation_bylaw"
    statuses = {k: e.status for k, e in report.elements.items() if e.status != "not_applicable"}
    assert statuses == {
        "advice": "present",
        "support": "missing",
        "periodic_consultation": "present",
        "agenda": "missing",
        "information": "present",
    }
    assert cited(report, "information") == ["artikel 2, derde lid"]


def test_an_agency_board_and_its_abbreviated_council() -> None:
    text = (
        "Regeling cliëntenparticipatie LBWI 2022\n\n"
        "De raad van bestuur van het Landelijk Bureau Werk en Inkomen,\n"
        "gelet op artikel 9 van de Wet op het Landelijk Bureau Werk en Inkomen;\nBesluit:\n\n"
        "Artikel 1\nIn deze regeling wordt verstaan onder:\n"
        "a. raad van bestuur: de raad van bestuur van het LBWI;\n"
        "b. Centrale Cliëntenraad: de Centrale Cliëntenraad LBWI (hierna: CCR).\n\n"
        "Artikel 2\nDe CCR voert ten minste zesmaal per jaar overleg met de raad van bestuur.\n"
    )
    report = check(text, frameworks=["participatiewet"])
    assert report.elements["periodic_consultation"].status == "present"


# -- words, time and frequency -----------------------------------------------------------------------
WMO = (
    "Verordening Wmo-raad Koudekerk 2017\n\nDe raad van de gemeente Koudekerk;\n"
    "gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;\n"
    "besluit vast te stellen de volgende verordening.\n\nArtikel 1 Overleg\n"
    "1. Het college overlegt ten minste vier keer per jaar met de Wmo-raad.\n"
)


def test_compounds_are_read_through_their_parts() -> None:
    assert check(WMO).elements["agenda"].status == "missing"
    report = check(WMO + "2. De Wmo-raad heeft agenderingsrecht voor dit overleg.\n")
    assert report.elements["agenda"].status == "present"
    assert cited(report, "agenda") == ["artikel 1, tweede lid"]
    budget = check(
        WMO + "2. Het college stelt de Wmo-raad een jaarlijks ondersteuningsbudget ter beschikking.\n"
    )
    assert budget.elements["support"].status == "present"


WORK_PLAN = (
    "2. De cliëntenraad stelt jaarlijks een werkplan op, dat in het overleg met de wethouder wordt besproken."
)


def test_the_frequency_of_a_work_plan_is_not_that_of_the_consultation() -> None:
    text = (
        "Verordening cliëntenraad Oosterwolde 2021\n\n" + PW + "\nArtikel 2 Overleg\n"
        "1. De wethouder voert overleg met de cliëntenraad over het beleid.\n" + WORK_PLAN + "\n"
    )
    consultation = check(text).elements["periodic_consultation"]
    assert consultation.status == "partial"
    assert consultation.reasons == ("consultation_no_frequency",)
    evaluated = text.replace(
        WORK_PLAN,
        "2. Het college en de cliëntenraad evalueren eenmaal per jaar hun samenwerking.",
    )
    assert check(evaluated).elements["periodic_consultation"].status == "partial"


def test_the_values_found_are_reported_in_json_and_text() -> None:
    from verordening.output import report_text

    text = ADVICE.replace("tijdig voordat", "uiterlijk zes weken voordat") + (
        "\nArtikel 2 Overleg\n1. Het college en de cliëntenraad overleggen elk kwartaal.\n"
    )
    report = check(text)
    assert report.elements["advice"].values == {"weeks_before_decision": 6}
    assert report.elements["periodic_consultation"].values == {"meetings_per_year": 4}
    assert report.to_dict()["elements"]["periodic_consultation"]["values"] == {"meetings_per_year": 4}
    shown = report_text(report)
    assert "In de tekst: 6 weken voor het besluit" in shown
    assert "In de tekst: 4 keer per jaar" in shown
    months = check(text.replace("uiterlijk zes weken", "twee maanden").replace("elk kwartaal", "maandelijks"))
    assert months.elements["advice"].values == {"weeks_before_decision": 8.7}
    assert months.elements["periodic_consultation"].values == {"meetings_per_year": 12}


def test_judging_before_a_framework_existed_says_so() -> None:
    report = verordening.check(ADVICE, model="builtin", as_of="2012-06-01")
    assert report.judged_under == ("participatiewet",)
    assert "C005" in [d.code for d in report.diagnostics]
    assert "C005" not in [d.code for d in check(ADVICE).diagnostics]


def test_a_reglement_van_orde_the_bylaw_only_mentions_does_not_count() -> None:
    text = CONSULTATION + "2. De frequentie van het overleg wordt geregeld in het reglement van orde.\n"
    consultation = check(text).elements["periodic_consultation"]
    assert consultation.status == "partial"
    assert consultation.reasons == ("consultation_no_frequency", "consultation_in_reglement")


def test_whoever_the_body_advises_or_consults_is_its_counterpart() -> None:
    text = (
        "Verordening adviesraad Zandvoorde\n\n" + PW + "\nArtikel 1\n"
        "1. De adviesraad adviseert de stuurgroep sociaal domein gevraagd en ongevraagd over "
        "beleidsvoorstellen, tijdig voordat de stuurgroep besluit.\n"
        "2. De stuurgroep en de adviesraad overleggen elk kwartaal.\n"
    )
    report = check(text)
    assert report.elements["periodic_consultation"].status == "present"
    assert report.elements["periodic_consultation"].values == {"meetings_per_year": 4}


def test_the_body_s_own_meetings_give_no_frequency_but_this_overleg_does() -> None:
    own = (
        "Verordening cliëntenraad Zandvoorde\n\n" + PW + "\nArtikel 4 Vergaderingen en overleg\n"
        "1. De cliëntenraad vergadert ten minste zes keer per jaar.\n"
        "2. De cliëntenraad voert regelmatig overleg met de wethouder.\n"
    )
    consultation = check(own).elements["periodic_consultation"]
    assert consultation.status == "partial"
    assert consultation.values == {}
    this = CONSULTATION + "2. Dit overleg vindt vier keer per jaar plaats.\n"
    assert check(this).elements["periodic_consultation"].values == {"meetings_per_year": 4}


def test_early_advice_as_before_the_decision_or_in_its_preparation() -> None:
    plain = ADVICE.replace(", tijdig voordat het college een besluit neemt", "")
    assert check(plain).elements["advice"].reasons == ("advice_not_early",)
    # "voordat het een besluit neemt" alone may be the day before: no early moment
    before = plain + "2. Het college vraagt het advies voordat het een besluit neemt.\n"
    assert check(before).elements["advice"].reasons == ("advice_not_early",)
    ahead = plain + "2. Het college vraagt het advies voorafgaand aan de besluitvorming.\n"
    assert check(ahead).elements["advice"].status == "present"
    preparation = plain + "2. Het college vraagt het advies in de voorbereidingsfase.\n"
    assert check(preparation).elements["advice"].status == "present"
    meetings = (
        plain + "2. Een secretaris ondersteunt de cliëntenraad bij de voorbereiding van vergaderingen.\n"
    )
    assert check(meetings).elements["advice"].reasons == ("advice_not_early",)

"""Reading as a lawyer does: what blind sets zzm and zzn taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import check, wmo

MEETINGS = "Artikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de adviesraad.\n"


def test_a_cap_in_the_grant_itself_restricts_it() -> None:
    said = MEETINGS + "2. De adviesraad kan {} voor de agenda van het overleg aanmelden.\n"
    for capped in ("per overleg één onderwerp", "ten hoogste twee onderwerpen"):
        found = wmo(said.format(capped)).elements["agenda"]
        assert found.status == "partial", capped
        assert "agenda_restricted" in found.reasons
    assert wmo(said.format("onderwerpen")).elements["agenda"].status == "present"
    # a number per meeting that counts something else takes nothing back
    other = said.format("onderwerpen") + "3. Per overleg twee leden van de adviesraad zijn aanwezig.\n"
    assert wmo(other).elements["agenda"].status == "present"


def test_a_ration_of_the_bodys_acts_in_the_grant_restricts_it() -> None:
    said = "Artikel 4 Voorstellen\nDe adviesraad kan {}voorstellen voor het beleid indienen.\n"
    for rationed in ("eenmaal per jaar, bij de bespreking van het werkplan, ", "twee keer per jaar "):
        assert wmo(said.format(rationed)).elements["policy_proposals"].status == "partial", rationed
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    # the counterpart's frequency rations nothing the body does
    met = (
        MEETINGS.replace("viermaal per jaar", "eenmaal per jaar") + "2. De adviesraad kan voorstellen doen.\n"
    )
    assert "policy_proposals_restricted" not in wmo(met).elements["policy_proposals"].reasons


def test_support_as_far_as_a_subsidy_agreement_provides_is_conditional() -> None:
    said = (
        "Artikel 7 Ondersteuning\nDe adviesraad kan voor secretariële ondersteuning een beroep doen op de "
        "stichting Welzijn{}.\n"
    )
    assert wmo(said.format("")).elements["support"].status == "present"
    bound = wmo(said.format(", voor zover de subsidieovereenkomst met die stichting daarin voorziet"))
    assert bound.elements["support"].status == "partial"


def _aanhef(title: str, basis: str, considering: str = "") -> str:
    return (
        f"{title}\n\nDe raad van de gemeente Kempenrade;\ngelet op {basis};\n{considering}"
        "besluit vast te stellen de volgende verordening.\n"
    )


def test_a_youth_council_is_not_made_a_participation_body_by_its_aanhef_alone() -> None:
    rights = "\nArtikel 2 Advies\nDe jongerenraad adviseert het college gevraagd en ongevraagd over beleid.\n"
    aside = (
        "overwegende dat de cliëntenparticipatie in de jeugdhulp geregeld is in de Verordening adviesraad "
        "sociaal domein en dat de jongerenraad daar los van staat;\n"
    )
    council = _aanhef("Verordening Jongerenraad Kempenrade 2024", "artikel 84 van de Gemeentewet", aside)
    assert verordening.check(council + rights, model="builtin").verdict == "not_participation_bylaw"
    # ... while the aanhef still names the subject of a bylaw with a plain title
    plain = _aanhef(
        "Verordening Kempenrade 2024",
        "artikel 84 van de Gemeentewet",
        aside.replace("jongerenraad", "adviesraad"),
    )
    assert verordening.check(
        plain + rights.replace("jongerenraad", "adviesraad"), model="builtin"
    ).verdict == ("participation_bylaw")


def test_a_decision_without_articles_that_adopts_a_policy_plan() -> None:
    text = (
        "Raadsbesluit\n\nDe raad van de gemeente Kempenrade;\ngelet op artikel 2.1.2 van de Wet "
        "maatschappelijke ondersteuning 2015;\nbesluit:\n1. het {} vast te stellen.\n\n"
        "Aldus besloten in de openbare vergadering van 17 maart 2022.\n\nDe griffier,\n\n{}\n"
    )
    plan = "Inwoners en cliënten aan zet. Wij betrekken cliënten bij de voorbereiding van het beleid."
    adopted = verordening.check(text.format("Beleidsplan Wmo 2022-2025", plan), model="builtin")
    assert adopted.verdict == "not_participation_bylaw"
    named = verordening.check(
        text.format("Reglement van de adviesraad sociaal domein", plan), model="builtin"
    )
    assert named.verdict == "participation_bylaw"


def test_rights_of_the_members_defined_through_the_body_are_the_bodys() -> None:
    definitions = "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n{}b. wet: de Wmo 2015.\n"
    members = "a. leden: de leden van de Wmo-adviesraad, de voorzitter daaronder begrepen;\n"
    advice = (
        "\nArtikel 3 Rechten\nHet college stelt de leden vroegtijdig in staat gevraagd en ongevraagd advies "
        "uit te brengen over ontwerpverordeningen en beleidsvoorstellen.\n"
    )
    assert wmo(definitions.format(members) + advice).elements["advice"].status == "present"
    assert wmo(definitions.format("") + advice).elements["advice"].status == "missing"


def test_a_counterpart_who_stands_in_when_the_alderman_is_absent_leaves_nothing_open() -> None:
    said = (
        "\nArtikel 5 Overleg\n1. Het college draagt er zorg voor dat tussen de cliëntenraad en de wethouder, "
        "dan wel, wanneer {}, het hoofd van de afdeling, ten minste viermaal per jaar overleg wordt gevoerd, "
        "waarbij de data van die bijeenkomsten, die vóór het begin van ieder kalenderjaar in onderling "
        "overleg worden vastgesteld, zo worden gekozen dat de onderwerpen tijdig kunnen worden besproken.\n"
    )
    assert check(said.format("deze verhinderd is")).elements["periodic_consultation"].status == "present"
    assert check(said.format("de wethouder dat nodig acht")).elements["periodic_consultation"].status == (
        "partial"
    )


def test_proposals_confined_to_carrying_out_policy_already_adopted() -> None:
    said = (
        "Artikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen voor het beleid, voor zover "
        "die voorstellen betrekking hebben op {}.\n"
    )
    confined = wmo(said.format("de uitvoering van door de raad vastgesteld beleid"))
    assert confined.elements["policy_proposals"].status == "partial"
    assert wmo(said.format("het sociaal domein")).elements["policy_proposals"].status == "present"


def test_a_passive_grant_with_the_body_as_its_agent_is_the_bodys_right() -> None:
    proposals = (
        "Artikel 4 Voorstellen\nDoor {} kunnen uit eigen beweging voorstellen voor het beleid aan het "
        "college worden gedaan.\n"
    )
    assert wmo(proposals.format("de adviesraad")).elements["policy_proposals"].status == "present"
    agenda = MEETINGS + "2. Door {} kunnen onderwerpen voor de agenda van het overleg worden aangemeld.\n"
    assert wmo(agenda.format("de adviesraad")).elements["agenda"].status == "present"
    # ... and with the college as its agent, the college's choice
    assert wmo(agenda.format("het college")).elements["agenda"].status != "present"


def test_staff_who_take_instructions_only_from_the_body_is_no_restriction() -> None:
    said = (
        "Artikel 7 Ondersteuning\n1. Het college stelt de adviesraad jaarlijks een budget ter beschikking.\n"
        "2. Het college stelt de adviesraad een secretaris ter beschikking, die bij de uitvoering van zijn "
        "werkzaamheden uitsluitend aanwijzingen ontvangt van {}.\n"
    )
    assert wmo(said.format("de voorzitter van de adviesraad")).elements["support"].status == "present"
    assert wmo(said.format("het college")).elements["support"].status == "partial"


def test_the_counterpart_asking_the_body_for_information_gives_it_none() -> None:
    asked = "Artikel 6 Informatie\nHet college kan de adviesraad verzoeken om informatie over het werkplan.\n"
    assert wmo(asked).elements["information"].status == "missing"
    asking = "Artikel 6 Informatie\nDe adviesraad kan het college verzoeken om informatie over het beleid.\n"
    assert wmo(asking).elements["information"].status == "partial"


def test_the_words_an_amendment_replaces_are_no_grant() -> None:
    said = (
        "Artikel I\nDe Verordening adviesraad Zandvoorde 2016 wordt als volgt gewijzigd:\nA. In artikel 3 "
        'wordt "verstrekt de adviesraad spontaan en op verzoek de informatie" {}: verstrekt de adviesraad op '
        "verzoek de informatie.\n"
    )
    replaced = wmo(said.format("vervangen door")).elements["information"]
    assert replaced.status == "partial"
    assert "information_only_on_request" in replaced.reasons


def test_a_plain_language_bylaw_that_defines_we_and_you() -> None:
    defined = (
        "Artikel 1 Wat bedoelen we met ...\nIn deze verordening bedoelen wij met:\na. wij: het college van "
        "burgemeester en wethouders;\nb. u: de Adviesraad Sociaal Domein.\n\n"
    )
    rights = (
        "Artikel 3 Voorstellen doen\nU kunt ons altijd voorstellen doen voor ons beleid.\n\n"
        "Artikel 4 Advies geven\n1. U kunt ons ook advies geven als wij daar niet om hebben gevraagd.\n"
    )
    plain = wmo(defined + rights)
    assert plain.elements["policy_proposals"].status == "present"
    assert plain.elements["advice"].status == "partial"  # unrequested, but not asked for nor early
    assert "advice_not_unrequested" not in plain.elements["advice"].reasons
    assert wmo(rights).elements["policy_proposals"].status == "missing"  # "u" and "ons" name no one


RIGHTS = (
    "Artikel 4 Rechten van de adviesraad\n"
    "{open}Het college stelt de adviesraad vroegtijdig in staat gevraagd en ongevraagd advies uit te brengen "
    "over beleidsvoorstellen.{close}\n"
    "{open}De wethouder voert ten minste vier keer per jaar overleg met de adviesraad.{close}\n"
    "{open}{last}{close}\n"
)


def test_a_sentence_about_one_right_takes_nothing_from_the_others_beside_it() -> None:
    """Unnumbered paragraphs or the rows of a table of rights are one provision: a sentence that
    leaves support to the college concerns support, not the advice and consultation beside it."""
    for open_, close in (("", ""), ("| ", " |")):  # paragraphs; rows of a table pasted from Word
        said = RIGHTS.format(
            open=open_,
            close=close,
            last="Het college stelt bij nadere regeling vast op welke wijze de adviesraad wordt ondersteund.",
        )
        found = wmo(said).elements
        assert found["advice"].status == "present", open_
        assert found["periodic_consultation"].status == "present", open_
        assert found["support"].status == "partial", open_
    # a sentence of the same kind about the consultation still takes the consultation back
    decided = wmo(
        RIGHTS.format(open="", close="", last="De wethouder bepaalt of een overleg plaatsvindt.")
    ).elements
    assert decided["periodic_consultation"].status == "partial"
    assert decided["advice"].status == "present"

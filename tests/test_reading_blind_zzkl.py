"""Reading as a lawyer does: what blind sets zzk and zzl taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening
from verordening.language import find_roles, units_of
from verordening.rules import load_rules

from .small_bylaws import wmo

MEETINGS = "Artikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de adviesraad.\n"

ADVICE = (
    "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over "
    "beleidsvoorstellen, tijdig voordat het college besluit.\n"
)


def test_a_chamber_of_the_council_is_the_body_also_by_its_first_word() -> None:
    definitions = (
        "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n{}"
        "b. beleidsvoorstel: een voorstel van het college aan de gemeenteraad.\n"
    )
    chamber = "a. kamer Zorg: de kamer van de participatieraad die zich bezighoudt met de Wmo;\n"
    advice = (
        "\nArtikel 4 Advies\nHet college stelt de kamer in de gelegenheid gevraagd en ongevraagd "
        "advies uit te brengen over beleidsvoorstellen, zo tijdig dat het advies van invloed kan zijn "
        "op de besluitvorming.\n"
    )
    found = wmo(definitions.format(chamber) + advice).elements["advice"]
    assert found.status == "present"
    assert [c.citation for c in found.citations] == ["artikel 4"]
    # without the definition "de kamer" names no one, and advice given to it grants nothing
    assert wmo(definitions.format("") + advice).elements["advice"].status == "missing"


def test_a_right_left_to_a_reglement_in_the_opening_words_of_its_list() -> None:
    said = MEETINGS + (
        "\nArtikel 6 Reglement\nDe directeur stelt een overlegreglement vast. In het overlegreglement wordt "
        "in ieder geval {}:\na. de wijze waarop de adviesraad onderwerpen voor de agenda van het overleg kan "
        "aanmelden;\nb. de verslaglegging.\n"
    )
    left = wmo(said.format("geregeld")).elements["agenda"]
    assert left.status == "partial"
    assert "agenda_left_to_reglement" in left.reasons
    assert wmo(said.format("opgenomen")).elements["agenda"].status == "present"


def test_a_topic_put_forward_with_a_reference_put_in() -> None:
    said = MEETINGS + (
        "\nArtikel 6 Agenda\n1. De adviesraad kan onderwerpen voor het overleg, bedoeld in artikel 5, eerste "
        "lid, aanmelden bij de wethouder.\n2. Een aangemeld onderwerp wordt op de agenda van dat overleg "
        "geplaatst{}.\n"
    )
    assert wmo(said.format("")).elements["agenda"].status == "present"
    assert wmo(said.format(" als de wethouder dat wenselijk acht")).elements["agenda"].status == "partial"
    # ... but raising a topic with the college is not putting it on the agenda
    raised = (
        "Artikel 6 Onderwerpen\nDe adviesraad kan onderwerpen die hij van belang acht onder de aandacht "
        "van het college brengen.\n"
    )
    assert wmo(MEETINGS + raised).elements["agenda"].status == "partial"


def test_one_month_to_an_item_is_a_frequency_counted_over_the_list() -> None:
    said = (
        "Artikel 5 Overleg\n1. Het college en de adviesraad overleggen periodiek. Het overleg vindt in "
        "ieder geval plaats:\na. in februari, over het werkplan van de adviesraad;\nb. in mei;\n"
        "c. in oktober, over de begroting;\nd. in december.\n"
    )
    found = wmo(said).elements["periodic_consultation"]
    assert found.status == "present"
    assert found.values == {"meetings_per_year": 4}
    plain = "Artikel 5 Overleg\n1. Het college en de adviesraad overleggen periodiek.\n"
    assert wmo(plain).elements["periodic_consultation"].status == "partial"


def test_the_colleges_proposals_to_the_council_are_no_proposals_of_the_body() -> None:
    said = (
        "Artikel 3 Advies\n1. Het college legt beleidsvoorstellen die aan de gemeenteraad worden voorgelegd, "
        "aan de adviesraad voor.\n\nArtikel 4 Voorstellen\nHet college stelt de adviesraad {}in de "
        "gelegenheid voorstellen te doen voor het beleid.\n"
    )
    assert wmo(said.format("")).elements["policy_proposals"].status == "present"
    hedged = wmo(said.format("zo mogelijk ")).elements["policy_proposals"]
    assert hedged.status == "partial"
    assert [c.citation for c in hedged.citations] == ["artikel 4"]


def test_proposals_confined_to_the_policy_frameworks_in_force() -> None:
    said = "Artikel 4 Voorstellen\nDe adviesraad kan voorstellen doen voor het beleid{}.\n"
    assert wmo(said.format(", ook voor nieuw beleid")).elements["policy_proposals"].status == "present"
    confined = wmo(
        said.format(", voor zover die passen binnen de beleidskaders die de gemeenteraad heeft vastgesteld")
    )
    assert confined.elements["policy_proposals"].status == "partial"


def test_a_definition_naming_the_body_after_a_preposition_gives_the_term_no_role() -> None:
    text = (
        "Verordening adviesraad Zandvoorde 2020\n\nArtikel 1 Begrippen\n"
        "In deze verordening wordt verstaan onder:\n"
        "a. adviesraad: de Adviesraad Sociaal Domein Zandvoorde;\n"
        "b. themavoorstel: een voorstel van de adviesraad over een thema;\n"
        "c. overleg: het overleg tussen het college en de adviesraad.\n"
    )
    document = verordening.parse(text)
    units = units_of(document)
    names = find_roles(document, units, load_rules().knowledge.roles).names
    assert "adviesraad" in names["body"]
    assert "themavoorstel" not in names["body"]
    assert "overleg" not in names["college"]
    assert "overleg" not in names["body"]


def test_a_cap_on_the_bodys_unrequested_advice_restricts_it() -> None:
    said = ADVICE + "2. {}\n"
    cap = "In afwijking van het vorige lid brengt de adviesraad per jaar "
    cap += "ten hoogste vier ongevraagde adviezen uit."
    capped = wmo(said.format(cap)).elements["advice"]
    assert capped.status == "partial"
    assert "advice_restricted" in capped.reasons
    # a cap on something else takes nothing back
    members = "De adviesraad telt ten hoogste negen leden."
    assert wmo(said.format(members)).elements["advice"].status == "present"


def test_advice_asked_when_the_proposal_goes_to_the_council_is_not_early() -> None:
    # (a term before the council's committee in the third lid does not make it early either)
    said = (
        "Artikel 3 Advies\n1. De adviesraad kan het college gevraagd en ongevraagd advies uitbrengen over "
        "verordeningen en beleidsvoorstellen.\n2. Het college legt beleidsvoorstellen aan de adviesraad "
        "voor {}.\n3. De adviesraad kan zijn advies uiterlijk twee weken voor de behandeling in de "
        "raadscommissie toezenden.\n"
    )
    for late in (
        "op het moment dat het voorstel aan de gemeenteraad wordt verzonden",
        "zodra het voorstel aan de raad wordt gezonden",
    ):
        found = wmo(said.format(late)).elements["advice"]
        assert found.status == "partial"
        assert "advice_not_early" in found.reasons
    assert wmo(said.format("zes weken voordat het college besluit")).elements["advice"].status == "present"


def test_a_report_sent_to_the_body_is_information() -> None:
    said = "Artikel 6 Informatie\n1. Het college zendt de adviesraad elk kwartaal de {} over de uitvoering.\n"
    assert wmo(said.format("managementrapportage")).elements["information"].status == "partial"
    assert wmo(said.format("groeten")).elements["information"].status == "missing"


def test_proposals_about_the_bodys_own_working_method_are_no_policy_proposals() -> None:
    said = "Artikel 5 Werkwijze\nHet college kan de adviesraad voorstellen doen over {}.\n"
    assert (
        wmo(said.format("diens werkwijze en samenstelling")).elements["policy_proposals"].status == "missing"
    )
    own = "Artikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen over het beleid.\n"
    assert wmo(own + said.format("diens werkwijze")).elements["policy_proposals"].status == "present"


def test_a_grant_applied_to_another_body_with_a_limit_limits_only_the_copy() -> None:
    said = (
        "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over beleid.\n"
        "2. Het college stelt de adviesraad in een zo vroeg mogelijk stadium in de gelegenheid advies uit te "
        "brengen over voorgenomen besluiten.\n3. Het tweede lid {}, voor zover het voornemens betreft die "
        "alleen de wijk aangaan.\n"
    )
    copied = wmo(said.format("is van overeenkomstige toepassing op de wijkpanels")).elements["advice"]
    assert copied.status == "present"
    assert wmo(said.format("is slechts van toepassing")).elements["advice"].status == "partial"


def test_a_denial_pointing_back_at_harmless_cases_denies_nothing() -> None:
    said = ADVICE + "2. Dit artikel is niet van toepassing op {}; daarover adviseert de adviesraad niet.\n"
    assert wmo(said.format("besluiten over individuele cliënten")).elements["advice"].status == "present"
    assert wmo(said.format("de begroting")).elements["advice"].status == "partial"


def test_harmless_clauses_that_only_look_like_denials() -> None:
    # not bound by the advice, with the body named in between
    bound = ADVICE + "2. Het college is niet aan het advies van de adviesraad {}.\n"
    assert wmo(bound.format("gebonden")).elements["advice"].status == "present"
    assert wmo(bound.format("verplicht")).elements["advice"].status == "partial"
    # the reasons why the advice of an urgent decision was not awaited
    urgent = ADVICE + (
        "\nArtikel 4 Spoed\n1. Kan het advies vanwege spoed niet worden afgewacht, dan kan het college "
        "zonder advies besluiten.\n2. Het college deelt de adviesraad de redenen mee waarom het advies "
        "niet is afgewacht.\n"
    )
    assert wmo(urgent).elements["advice"].status == "present"


def test_a_denial_whose_cases_are_the_items_of_its_list() -> None:
    for subject in ("De adviesraad adviseert niet over", "Het college vraagt geen advies over"):
        said = ADVICE + f"\nArtikel 5 Uitzonderingen\n{subject}:\na. besluiten over één cliënt;\nb. {{}}.\n"
        assert wmo(said.format("personeelszaken")).elements["advice"].status == "present", subject
        assert wmo(said.format("de begroting")).elements["advice"].status == "partial", subject

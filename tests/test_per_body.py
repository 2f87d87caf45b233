"""Bylaws that set up two bodies side by side: an element is present only when each body that must
have it has it (``rules/shares.py``), and the bodies are told apart by their names
(``language/bodies.py``). The bylaws are small ones of our own."""

from __future__ import annotations

import pytest

import verordening
from verordening.findings import ElementResult
from verordening.language import distinct_bodies, units_of
from verordening.language.bodies import name_key

TWO = """Verordening adviesorganen sociaal domein Zandvoorde 2020

De raad van de gemeente Zandvoorde;
gelet op artikel 47 van de Participatiewet en artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;
besluit vast te stellen de volgende verordening.

Artikel 1 Begrippen
In deze verordening wordt verstaan onder:
a. college: het college van burgemeester en wethouders van Zandvoorde;
b. Wmo-raad: de Wmo-raad Zandvoorde, bedoeld in artikel 2;
c. KWI: de Klantenraad Werk en Inkomen Zandvoorde, bedoeld in artikel 3;
d. adviesorganen: de Wmo-raad en de KWI.

Artikel 2 Wmo-raad
Er is een Wmo-raad Zandvoorde. De Wmo-raad adviseert over de maatschappelijke ondersteuning.

Artikel 3 KWI
Er is een Klantenraad Werk en Inkomen Zandvoorde. De KWI adviseert over werk en inkomen.
"""

PANEL = """Verordening adviesraad sociaal domein Zandvoorde 2020

De raad van de gemeente Zandvoorde;
gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;
besluit vast te stellen de volgende verordening.

Artikel 1 Begrippen
In deze verordening wordt verstaan onder:
a. college: het college van burgemeester en wethouders van Zandvoorde;
b. adviesraad: de Adviesraad Sociaal Domein Zandvoorde;
c. jongerenpanel: het Jongerenpanel Zandvoorde.

Artikel 2 Taak
1. De adviesraad brengt het college gevraagd en ongevraagd advies uit over ontwerpverordeningen en
beleidsvoorstellen, tijdig voordat het college een besluit neemt.
2. De adviesraad vergadert in het openbaar.
3. Het jongerenpanel geeft de adviesraad desgevraagd zijn mening.
"""


def status(text: str, element: str) -> ElementResult:
    return verordening.check(text, model="builtin", as_of="2026-12-01").elements[element]


def test_consultation_as_often_as_needed_with_one_body_is_partial() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg\n1. Het college overlegt ten minste viermaal per jaar met de KWI.\n"
        + "2. Met de Wmo-raad overlegt de wethouder zo vaak als hij dat nodig acht.\n",
        "periodic_consultation",
    )
    assert found.status == "partial"
    assert "not_every_body" in found.reasons
    assert {c.citation for c in found.citations} >= {"artikel 4, eerste lid", "artikel 4, tweede lid"}


def test_consultation_with_each_body_at_a_frequency_is_present() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg\n1. Het college overlegt ten minste viermaal per jaar met de KWI.\n"
        + "2. Met de Wmo-raad overlegt de wethouder ten minste driemaal per jaar.\n",
        "periodic_consultation",
    )
    assert found.status == "present"


def test_advice_only_at_the_colleges_choice_for_one_body_is_partial() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Advies\n1. De KWI brengt het college gevraagd en ongevraagd advies uit over "
        + "ontwerpverordeningen en beleidsvoorstellen, tijdig voordat het college een besluit neemt.\n"
        + "2. Het college kan de Wmo-raad om advies vragen over beleidsvoorstellen.\n",
        "advice",
    )
    assert found.status == "partial"
    assert "not_every_body" in found.reasons


def test_an_agenda_right_for_one_body_only_is_partial() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg\nHet college overlegt ten minste viermaal per jaar met de adviesorganen.\n"
        + "\nArtikel 5 Agenda\nDe KWI kan onderwerpen voor de agenda van het overleg aanmelden. Deze "
        + "worden op de agenda geplaatst.\n",
        "agenda",
    )
    assert found.status == "partial"
    assert "not_every_body" in found.reasons


def test_proposals_are_not_asked_of_the_council_for_work_and_income() -> None:
    found = status(
        TWO + "\nArtikel 4 Voorstellen\nDe Wmo-raad kan het college uit eigen beweging voorstellen doen "
        "voor het beleid op het gebied van maatschappelijke ondersteuning.\n",
        "policy_proposals",
    )
    assert found.status == "present"


def test_a_name_for_both_bodies_grants_to_each() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg\nHet college overlegt ten minste viermaal per jaar "
        + "met de adviesorganen.\n",
        "periodic_consultation",
    )
    assert found.status == "present"


def test_a_provision_applied_to_the_other_body_grants_to_it() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Advies van de KWI\n1. De KWI brengt het college gevraagd en ongevraagd advies uit "
        + "over ontwerpverordeningen en beleidsvoorstellen.\n2. Het college vraagt het in het eerste lid "
        + "bedoelde advies op een zodanig moment dat het nog van wezenlijke invloed kan zijn op het "
        + "besluit.\n"
        + "\nArtikel 5 Advies van de Wmo-raad\n1. De Wmo-raad brengt het college gevraagd en ongevraagd "
        + "advies uit over ontwerpverordeningen en beleidsvoorstellen.\n"
        + "\nArtikel 6 Overeenkomstige toepassing\nArtikel 4, tweede lid, is van overeenkomstige toepassing "
        + "op de Wmo-raad.\n",
        "advice",
    )
    assert found.status == "present"


def test_a_panel_beside_the_main_body_need_not_have_every_right() -> None:
    found = status(
        PANEL
        + "\nArtikel 3 Overleg\n1. Het college overlegt ten minste viermaal per jaar met de adviesraad.\n"
        + "\nArtikel 4 Jongerenpanel\nHet college voert overleg met het jongerenpanel.\n",
        "periodic_consultation",
    )
    assert found.status == "present"


def test_bodies_are_told_apart_by_their_names() -> None:
    document = verordening.parse(TWO)
    roles = verordening.Checker(model="builtin").knowledge.roles
    bodies = distinct_bodies(units_of(document), roles)
    assert [b.term for b in bodies] == ["wmo-raad", "kwi"]
    assert name_key(["de", "Klantenraad", "Werk", "en", "Inkomen", "Zandvoorde"]) in bodies[1].names
    # "adviesorganen" is defined through the two: no body of its own
    assert all(b.term != "adviesorganen" for b in bodies)


@pytest.mark.parametrize(
    "definitions",
    [
        "b. adviesraad: de Adviesraad Zandvoorde;\nc. kamer: een kamer van de adviesraad.\n",
        "b. adviesraad: de Adviesraad Zandvoorde.\n",
        # a part named through the other's abbreviation
        "b. adviesraad: de Adviesraad Zorg en Werk (hierna: AZW);\nc. kamer: de Kamer Zorg van de AZW.\n",
    ],
)
def test_one_body_or_a_part_of_it_is_no_pair(definitions: str) -> None:
    text = "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\na. college: het college;\n"
    text += definitions
    roles = verordening.Checker(model="builtin").knowledge.roles
    assert distinct_bodies(units_of(verordening.parse(text)), roles) == ()


ONE = """Verordening adviesraad sociaal domein Zandvoorde 2020

De raad van de gemeente Zandvoorde;
gelet op artikel 47 van de Participatiewet en artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;
besluit vast te stellen de volgende verordening.

Artikel 1 Begrippen
In deze verordening wordt verstaan onder:
a. college: het college van burgemeester en wethouders van Zandvoorde;
b. adviesraad: de Adviesraad Sociaal Domein Zandvoorde.
"""


@pytest.mark.parametrize(
    ("third", "expected"),
    [
        # on work and income only requested advice: the field of the Participatiewet falls short
        (
            "Over beleidsvoorstellen op het terrein van de Participatiewet adviseert de adviesraad "
            "op verzoek van het college.",
            "partial",
        ),
        (
            "Over beleidsvoorstellen op het terrein van de Participatiewet adviseert de adviesraad "
            "gevraagd en ongevraagd.",
            "present",
        ),
    ],
)
def test_advice_is_judged_for_each_field_a_grant_confines_itself_to(third: str, expected: str) -> None:
    found = status(
        ONE
        + "\nArtikel 2 Advies\n1. De adviesraad brengt het college gevraagd en ongevraagd advies uit over "
        + "ontwerpverordeningen en beleidsvoorstellen op het terrein van de Wmo 2015.\n"
        + "2. Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn op het "
        + "besluit.\n"
        + f"3. {third}\n",
        "advice",
    )
    assert found.status == expected
    assert ("not_every_field" in found.reasons) == (expected == "partial")


def test_a_grant_for_one_field_beside_a_grant_for_every_field_is_no_pair() -> None:
    found = status(
        ONE
        + "\nArtikel 2 Advies\n1. Het college vraagt de adviesraad advies over ontwerpverordeningen en "
        + "beleidsvoorstellen op het terrein van de Wmo 2015, zes weken voordat het een besluit neemt.\n"
        + "2. De adviesraad kan het college ook ongevraagd adviseren over het beleid.\n",
        "advice",
    )
    assert found.status == "present"


YOUTH = """Besluit participatieorganen Zandvoorde 2020

Het college van burgemeester en wethouders van Zandvoorde;
gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015 en artikel 2.10 van de Jeugdwet;
besluit vast te stellen het volgende besluit.

Artikel 1 Begrippen
In dit besluit wordt verstaan onder:
a. Wmo-raad: de Wmo-raad Zandvoorde, bedoeld in artikel 2, eerste lid;
b. jeugdpanel: het Jeugdpanel Zandvoorde, bedoeld in artikel 2, tweede lid.

Artikel 2 Instelling
1. Er is een Wmo-raad Zandvoorde voor inwoners die maatschappelijke ondersteuning ontvangen.
2. Er is een Jeugdpanel Zandvoorde van jongeren en ouders van jongeren die jeugdhulp ontvangen.

Artikel 3 Overleg met de Wmo-raad
1. De wethouder overlegt ten minste vier keer per jaar met de Wmo-raad.
2. De Wmo-raad kan onderwerpen voor de agenda van het overleg aanmelden. Aangemelde onderwerpen worden
geagendeerd.
"""


@pytest.mark.parametrize(
    ("youth", "element", "expected"),
    [
        # the panel's own article says whom it serves: the field of the Jeugdwet, which the Wmo-raad's
        # consultation does not cover
        ("1. De wethouder overlegt zo nodig met het jeugdpanel.\n", "periodic_consultation", "partial"),
        (
            "1. De wethouder overlegt viermaal per jaar met het jeugdpanel.\n",
            "periodic_consultation",
            "present",
        ),
        # a provision applying another in the panel's article applies it to the panel
        (
            "1. De wethouder overlegt viermaal per jaar met het jeugdpanel.\n"
            "2. Artikel 3, tweede lid, is van overeenkomstige toepassing.\n",
            "agenda",
            "present",
        ),
    ],
)
def test_a_body_for_another_laws_clients_is_judged_on_its_own(
    youth: str, element: str, expected: str
) -> None:
    found = status(YOUTH + "\nArtikel 4 Overleg met het jeugdpanel\n" + youth, element)
    assert found.status == expected


def test_a_panel_declining_to_advise_takes_nothing_from_the_main_body() -> None:
    found = status(
        PANEL.replace("3. Het jongerenpanel geeft de adviesraad desgevraagd zijn mening.", "")
        + "\nArtikel 3 Jongerenpanel\nHet jongerenpanel adviseert niet rechtstreeks aan het college.\n",
        "advice",
    )
    assert found.status == "present"


def test_an_agenda_right_left_out_where_it_is_applied_to_the_other_body_is_partial() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg met de Wmo-raad\n1. De wethouder overlegt ten minste viermaal per jaar met de "
        + "Wmo-raad.\n2. De Wmo-raad kan onderwerpen voor de agenda van het overleg aanmelden.\n"
        + "\nArtikel 5 Overleg met de KWI\nArtikel 4 is van overeenkomstige toepassing op het overleg met de "
        + "KWI, met uitzondering van het tweede lid.\n",
        "agenda",
    )
    assert found.status == "partial"


LENT_ADVICE = (
    "\nArtikel 4 Advies\nHet college stelt de Wmo-raad in staat tijdig, gevraagd en ongevraagd advies uit te "
    "brengen over ontwerpverordeningen en beleidsvoorstellen.\n"
    "\nArtikel 5 Advies van de KWI\nArtikel 4 is van overeenkomstige toepassing op de KWI.\n"
    "\nArtikel 6 Informatie\n1. Het college verstrekt de Wmo-raad gevraagd en ongevraagd tijdig alle "
    "informatie die hij voor zijn taak nodig heeft.\n"
)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("2. Het college verstrekt de KWI desgevraagd de informatie die zij voor haar taak nodig heeft.",
         "partial"),
        ("2. Het eerste lid is van overeenkomstige toepassing op de KWI.", "present"),
    ],
)  # fmt: skip
def test_a_provision_lent_for_another_element_says_nothing_of_this_one(second: str, expected: str) -> None:
    """The KWI borrows artikel 4's advice, "tijdig" and "ongevraagd": that is no unprompted information."""
    assert status(TWO + LENT_ADVICE + second + "\n", "information").status == expected


def test_a_right_only_a_panel_beside_the_main_body_has_is_missing() -> None:
    found = status(
        PANEL
        + "\nArtikel 3 Overleg\n1. Het college overlegt ten minste viermaal per jaar met de adviesraad.\n"
        + "2. De adviesraad vergadert eens per maand.\n"
        + "\nArtikel 4 Jongerenpanel\nHet jongerenpanel kan onderwerpen voor de agenda van het overleg "
        + "met de wethouder aanmelden.\n",
        "agenda",
    )
    assert found.status == "missing"
    assert found.reasons == ("only_other_body",)


def test_a_body_granted_only_what_all_bodies_share_is_judged_on_that() -> None:
    found = status(
        TWO
        + "\nArtikel 4 Overleg\n1. Het college overlegt ten minste viermaal per jaar met de KWI.\n"
        + "2. Het college en de adviesorganen komen eenmaal per jaar bijeen om de jaarverslagen te "
        + "bespreken.\n",
        "periodic_consultation",
    )
    assert found.status == "partial"
    assert "not_every_body" in found.reasons


def test_a_bylaw_defining_more_bodies_than_a_handful_is_not_judged_per_body() -> None:
    from verordening.language.bodies import MOST_BODIES

    roles = verordening.Checker(model="builtin").knowledge.roles

    def defining(n: int) -> str:
        items = "".join(f"{i + 1}. wijkraad {i}: de Wijkraad Plein {i};\n" for i in range(n))
        return "Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n" + items

    assert len(distinct_bodies(units_of(verordening.parse(defining(MOST_BODIES))), roles)) == MOST_BODIES
    assert distinct_bodies(units_of(verordening.parse(defining(MOST_BODIES + 1))), roles) == ()


# the panel bylaw's definitions, under all three laws, with an article on whom each body is for
SCOPED = (
    PANEL.split("Artikel 2 Taak")[0].replace(
        "gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;",
        "gelet op artikel 47 van de Participatiewet, artikel 2.1.3 van de Wet maatschappelijke "
        "ondersteuning 2015 en artikel 2.10 van de Jeugdwet;",
    )
    + """Artikel 2 Reikwijdte
1. De adviesraad behartigt de belangen van inwoners die maatschappelijke ondersteuning of een
uitkering ontvangen.
2. Het jongerenpanel behartigt de belangen van jeugdigen die jeugdhulp ontvangen.

Artikel 3 Overleg
1. Het college overlegt ten minste viermaal per jaar met de adviesraad.
2. De wethouder ontmoet het jongerenpanel zo vaak als hij dat nodig acht.
"""
)


def test_a_body_named_for_the_whole_domain_is_for_the_fields_whose_interests_it_looks_after() -> None:
    # the Jeugdwet clients are the panel's ("behartigt de belangen van jeugdigen ... jeugdhulp"), so
    # the panel must have a periodic consultation too, whatever the council's name says
    found = status(SCOPED, "periodic_consultation")
    assert found.status == "partial"
    assert {c.citation for c in found.citations} >= {"artikel 3, tweede lid"}
    # without that scope the council's name covers every field and the panel is only beside it
    whole = status(
        SCOPED.replace("behartigt de belangen van jeugdigen die jeugdhulp ontvangen", "komt bijeen"),
        "periodic_consultation",
    )
    assert whole.status == "present"

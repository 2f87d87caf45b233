"""A grant confined to the field of policy of some of the laws a bylaw rests on: advice on Wmo
matters only, in a bylaw that also rests on the Jeugdwet, grants nothing for youth care."""

from __future__ import annotations

import verordening

BOTH = (
    "Verordening adviesraad sociaal domein Zandvoorde 2020\n\nDe raad van de gemeente Zandvoorde;\n"
    "gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015 en artikel 2.10 van de "
    "Jeugdwet;\nbesluit vast te stellen de volgende verordening.\n\n"
)
PROPOSALS = "Artikel 4 Voorstellen\nDe adviesraad kan het college voorstellen doen voor het beleid{}.\n"


def status(text: str, element: str = "policy_proposals") -> str:
    report = verordening.check(BOTH + text, model="builtin", as_of="2026-12-01")
    assert set(report.judged_under) == {"wmo2015", "jeugdwet"}
    return report.elements[element].status.value


def test_a_grant_confined_to_one_field_is_partial() -> None:
    for confined in (
        ", voor zover dat beleid de maatschappelijke ondersteuning betreft",
        " op het terrein van de Wmo 2015",
    ):
        assert status(PROPOSALS.format(confined)) == "partial", confined
    for whole in ("", " op het terrein van de Wmo 2015 en de Jeugdwet", " in het sociaal domein"):
        assert status(PROPOSALS.format(whole)) == "present", whole


def test_a_field_named_for_another_reason_confines_nothing() -> None:
    # the counterpart's title, what the information is about
    said = "Artikel 5 Overleg\nDe adviesraad en de wethouder Jeugdzaken overleggen viermaal per jaar.\n"
    assert status(said, "periodic_consultation") == "present"
    assert status(PROPOSALS.format(" voor de jeugdhulp")) == "present"


def test_another_provision_applying_the_grant_to_the_other_field_completes_it() -> None:
    said = (
        "Artikel 5 Overleg\n1. De adviesraad en de wethouder Zorg overleggen viermaal per jaar over het "
        "beleid op grond van de Wmo 2015.\n\n"
        "Artikel 6 Overleg jeugd\nArtikel 5 is van overeenkomstige toepassing op het overleg met de "
        "wethouder Jeugd over het beleid op grond van de Jeugdwet.\n"
    )
    assert status(said, "periodic_consultation") == "present"
    alone = said.split("\n\nArtikel 6")[0] + "\n"
    assert status(alone, "periodic_consultation") == "partial"


WORK_AND_CARE = (
    "Verordening cliëntenparticipatie Zandvoorde 2023\n\nDe raad van de gemeente Zandvoorde;\n"
    "gelet op artikel 47 van de Participatiewet en artikel 2.1.3 van de Wet maatschappelijke "
    "ondersteuning 2015;\nbesluit vast te stellen de volgende verordening.\n\n"
)


def test_a_grant_confined_to_a_law_that_does_not_ask_for_it_grants_nothing_under_the_one_that_does() -> None:
    # policy proposals are a Wmo element: proposals on Participatiewet policy only leave it out
    def proposals(field: str) -> str:
        text = WORK_AND_CARE + PROPOSALS.format(field)
        report = verordening.check(text, model="builtin", as_of="2026-12-01")
        assert set(report.judged_under) == {"participatiewet", "wmo2015"}
        result = report.elements["policy_proposals"]
        return f"{result.status.value} {' '.join(result.reasons)}".strip()

    assert proposals(" op het terrein van de Participatiewet") == "partial confined_to_fields"
    assert proposals(" op het terrein van de Wmo 2015") == "present"
    assert proposals(" op het terrein van de Participatiewet en de Wmo 2015") == "present"
    assert proposals("") == "present"
    bearing = ", voor zover die voorstellen betrekking hebben op de uitvoering van de Participatiewet"
    assert proposals(bearing) == "partial confined_to_fields"
    # a list of fields goes on past its commas
    listed = " op het terrein van werk en inkomen, maatschappelijke ondersteuning en jeugdhulp"
    assert proposals(listed) == "present"

"""Reading as a lawyer does: what blind sets zze and zzf taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import CONSULTATION, check

INFORMATION = CONSULTATION + "\nArtikel 6 Informatie\n1. {}\n"


def test_information_the_counterpart_gives_the_municipal_council_is_not_information_for_the_body() -> None:
    council = (
        "Het college informeert de gemeenteraad tijdig en volledig over de adviezen van de cliëntenraad "
        "en over wat het daarmee heeft gedaan."
    )
    assert check(INFORMATION.format(council)).elements["information"].status == "missing"
    body = council.replace("de gemeenteraad", "de cliëntenraad", 1)
    assert check(INFORMATION.format(body)).elements["information"].status != "missing"


def test_an_advisory_council_of_another_policy_field_is_no_participation_body() -> None:
    aanhef = (
        "De raad van de gemeente Zandvoorde;\ngelet op artikel 84 van de Gemeentewet;\n"
        "besluit vast te stellen de volgende verordening.\n"
    )
    rights = (
        "\nArtikel 2 Taak\n1. De adviesraad adviseert het college gevraagd en ongevraagd over het beleid.\n"
        "2. Over armoede stemt de adviesraad af met de Adviesraad Sociaal Domein, die op grond van de "
        "Participatiewet en de Wmo 2015 adviseert.\n"
        "\nArtikel 3 Overleg\nDe adviesraad en de wethouder overleggen ten minste viermaal per jaar.\n"
    )
    for field in ("Duurzaamheid", "voor de kunst", "Erfgoed en Monumenten"):
        title = f"Verordening Adviesraad {field} Zandvoorde 2020\n\n"
        report = verordening.check(title + aanhef + rights, model="builtin", as_of="2026-12-01")
        assert report.verdict == "not_participation_bylaw", field
    title = "Verordening Adviesraad Zorg en Welzijn Zandvoorde 2020\n\n"
    report = verordening.check(title + aanhef + rights, model="builtin", as_of="2026-12-01")
    assert report.verdict == "participation_bylaw"


def test_a_duty_to_let_the_body_work_is_support_without_a_form() -> None:
    support = CONSULTATION + "\nArtikel 6 Ondersteuning\n{}\n"
    vague = "Het college draagt er zorg voor dat de cliëntenraad naar behoren kan functioneren."
    element = check(support.format(vague)).elements["support"]
    assert (element.status, element.reasons) == ("partial", ("support_not_concrete",))
    # the body's own functioning, with no duty of the counterpart, is no support
    own = "De cliëntenraad evalueert jaarlijks hoe hij functioneert."
    assert check(support.format(own)).elements["support"].status == "missing"


def test_a_negated_restriction_affirms_the_grant() -> None:
    agenda = CONSULTATION + "2. {}\n"
    kept = (
        "De cliëntenraad heeft het recht onderwerpen voor dit overleg te agenderen. Het agenderingsrecht "
        "kan niet worden beperkt."
    )
    assert check(agenda.format(kept)).elements["agenda"].status == "present"
    # a negation that stands on its own still takes the right away
    denied = "De cliëntenraad heeft niet het recht onderwerpen voor dit overleg te agenderen."
    assert check(agenda.format(denied)).elements["agenda"].status != "present"
    # ... and a restriction not turned round takes something from it
    restricted = kept.replace(
        "Het agenderingsrecht kan niet worden beperkt", "Het college kan het recht beperken"
    )
    assert check(agenda.format(restricted)).elements["agenda"].status == "partial"

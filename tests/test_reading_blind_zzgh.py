"""Reading as a lawyer does: what blind sets zzg and zzh taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

from .small_bylaws import CONSULTATION, check

INFORMATION = CONSULTATION + "\nArtikel 6 Informatie\n1. {}\n2. {}\n"
ON_REQUEST = (
    "Het college verstrekt de cliëntenraad op diens verzoek de gegevens die hij voor zijn taak nodig heeft."
)


def test_the_body_passing_on_signals_unprompted_does_not_make_its_information_unprompted() -> None:
    signals = "De cliëntenraad brengt signalen uit zijn achterban spontaan onder de aandacht van het college."
    information = check(INFORMATION.format(ON_REQUEST, signals)).elements["information"]
    assert information.status == "partial"
    assert "information_not_unprompted" in information.reasons
    # the counterpart doing the same is unprompted information
    college = "Het college brengt nieuwe beleidsvoornemens spontaan onder de aandacht van de cliëntenraad."
    assert check(INFORMATION.format(ON_REQUEST, college)).elements["information"].status == "present"


def test_a_sentence_opening_with_the_body_that_names_the_information_still_qualifies_it() -> None:
    passive = (
        "De cliëntenraad wordt door het college tijdig en uit eigen beweging voorzien van alle informatie."
    )
    assert check(INFORMATION.format(ON_REQUEST, passive)).elements["information"].status == "present"

"""Reading as a lawyer does, continued: what blind sets u and v taught.

Each case is a small bylaw, checked with and without the words that decide it.
"""

from __future__ import annotations

from .small_bylaws import ADVICE, check

UNREQUESTED = (
    "\nArtikel 4 Advies\n1. De cliëntenraad kan het college ongevraagd advies uitbrengen over "
    "beleidsvoorstellen.\n"
)
TERM = (
    "3. De termijn voor een gevraagd advies bedraagt vier weken. Het college neemt geen besluit over het "
    "onderwerp van de adviesaanvraag voordat die termijn is verstreken.\n"
)


def test_a_procedure_for_asked_advice_does_not_oblige_the_college_to_ask() -> None:
    asks = UNREQUESTED + "2. Het college {} de cliëntenraad om advies over ontwerpverordeningen.\n" + TERM
    assert check(asks.format("vraagt")).elements["advice"].status == "present"
    may = check(asks.format("kan")).elements["advice"]
    assert may.status == "partial"
    assert "advice_discretionary" in may.reasons


def test_an_exception_that_lets_the_college_keep_a_decision_from_the_body() -> None:
    said = ADVICE + "\nArtikel 11 Uitzonderingen\nHet college kan besluiten een voorgenomen besluit {}.\n"
    sooner = "eerder aan de cliëntenraad voor te leggen, indien de cliëntenraad daarom verzoekt"
    assert check(said.format(sooner)).elements["advice"].status == "present"
    withheld = "niet aan de cliëntenraad voor te leggen, indien het belang van de gemeente zich verzet"
    kept = check(said.format(withheld)).elements["advice"]
    assert kept.status == "partial"
    assert "advice_restricted" in kept.reasons


def test_the_bodys_own_daily_board_is_no_counterpart() -> None:
    said = (
        "\nArtikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder:\n"
        "a. cliëntenraad: de Cliëntenraad Zandvoorde;\n"
        "b. dagelijks bestuur: {};\n"
        "\nArtikel 5 Vergaderingen\nDe cliëntenraad en het dagelijks bestuur komen maandelijks bijeen.\n"
    )
    joint = check(said.format("het dagelijks bestuur van de Sociale Dienst Zandvoorde"))
    assert joint.elements["periodic_consultation"].status == "present"
    own = check(said.format("de voorzitter, de secretaris en de penningmeester van de cliëntenraad"))
    assert own.elements["periodic_consultation"].status == "missing"

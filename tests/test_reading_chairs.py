"""Who chairs the consultation: when a counterpart does ("Het overleg wordt voorgezeten door de
wethouder"), "de voorzitter van het overleg" is the counterpart's side, and what the chair decides
about the body's agenda items is decided by the counterpart (blind set zb, measured before: an
agenda right read as present while the chair decided whether an item was dealt with).
"""

from __future__ import annotations

import pytest

from .small_bylaws import check

MEETING = (
    "\nArtikel 5 Overleg\n1. Het college en de cliëntenraad voeren viermaal per jaar overleg, de "
    "overlegvergadering.\n2. {}\n"
    "\nArtikel 6 Agenda\n1. De cliëntenraad kan agendapunten voor de overlegvergadering aandragen.\n"
    "2. De voorzitter van de overlegvergadering bepaalt of een aangedragen agendapunt wordt behandeld.\n"
)


@pytest.mark.parametrize(
    "chair",
    [
        "De overlegvergadering wordt voorgezeten door de wethouder.",
        "De overlegvergadering wordt geleid door een lid van het college.",
        "De portefeuillehouder is voorzitter van de overlegvergadering.",
    ],
)
def test_a_chair_of_the_counterparts_side_decides_for_the_counterpart(chair: str) -> None:
    agenda = check(MEETING.format(chair)).elements["agenda"]
    assert agenda.status == "partial"


def test_a_chair_of_the_bodys_side_takes_nothing_back() -> None:
    chair = "De overlegvergadering wordt voorgezeten door de voorzitter van de cliëntenraad."
    assert check(MEETING.format(chair)).elements["agenda"].status == "present"

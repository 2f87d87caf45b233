"""The probes of ``corpus/probes/``: one-to-four-article bylaws written by helpers who saw
neither the rules nor the code (``corpus/probes/BRIEF.md``), each with the status a careful
lawyer gives one element. The checker does not agree with all of them yet; this test keeps
the number it gets wrong, and the number it reports present against a partial or missing
gold, from rising.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .small_bylaws import wmo

PROBES = Path(__file__).resolve().parents[1] / "corpus" / "probes"
# the grants the probes may start from (see BRIEF.md)
OV = "Artikel 5 Overleg\n1. Het college voert viermaal per jaar overleg met de adviesraad.\n"
GRANTS = {
    "ADV": "Artikel 3 Advies\n1. De adviesraad adviseert het college gevraagd en ongevraagd over "
    "beleidsvoorstellen, tijdig voordat het college besluit.\n",
    "OV": OV,
    "AG": OV + "2. De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden; deze worden "
    "geagendeerd.\n",
    "INF": "Artikel 6 Informatie\n1. Het college verstrekt de adviesraad uit eigen beweging en tijdig alle "
    "informatie die hij nodig heeft.\n",
    "SUP": "Artikel 7 Ondersteuning\n1. Het college stelt de adviesraad een secretaris en een jaarlijks "
    "werkbudget ter beschikking.\n",
    "PP": "Artikel 4 Voorstellen\n1. De adviesraad kan het college uit eigen beweging voorstellen doen voor "
    "het beleid.\n",
}
# (wrong, reported present against a partial or missing gold) at most, per file
FLOORS = {"probes_a.txt": (15, 5), "probes_b.txt": (6, 2), "probes_c.txt": (10, 5), "probes_d.txt": (9, 7)}


def probes(path: Path) -> list[tuple[str, str, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            element, expected, text = line.split("|", 2)
            text = text.replace("\\n", "\n")
            for key, grant in GRANTS.items():
                text = text.replace("{" + key + "}", grant)
            found.append((element, expected, text))
    return found


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_probes_do_not_fall_back(name: str) -> None:
    wrong = present = 0
    for element, expected, text in probes(PROBES / name):
        status = wmo(text).elements[element].status
        wrong += status != expected
        present += status == "present" and expected != "present"
    most_wrong, most_present = FLOORS[name]
    assert wrong <= most_wrong, (wrong, present)
    assert present <= most_present, (wrong, present)


def test_every_probe_file_has_a_floor() -> None:
    assert sorted(p.name for p in PROBES.glob("probes_*.txt")) == sorted(FLOORS)

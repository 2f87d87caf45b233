"""Reading as a lawyer does: what blind sets zzs and zzt taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

from .small_bylaws import wmo

GENERAL = (
    "Verordening maatschappelijke ondersteuning Zandvoorde 2020\n\nDe raad van de gemeente Zandvoorde;\n"
    "gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;\n"
    "besluit vast te stellen de volgende verordening.\n\n"
    "Hoofdstuk 1 Maatwerkvoorzieningen\n\nArtikel 1 Aanvraag\nEen aanvraag wordt schriftelijk ingediend.\n\n"
    "Hoofdstuk 2 {chapter}\n\nArtikel 2 Adviesraad\n1. Er is een adviesraad.\n2. Het college stelt de "
    "adviesraad vroegtijdig in staat gevraagd en ongevraagd advies uit te brengen over beleidsvoorstellen.\n"
)


def test_a_general_bylaw_with_a_chapter_on_client_participation_regulates_it() -> None:
    report = verordening.check(GENERAL.format(chapter="Cliëntenparticipatie"), model="builtin")
    assert report.verdict.value == "participation_bylaw"
    assert report.elements["advice"].status.value == "present"
    other = verordening.check(GENERAL.format(chapter="Overige bepalingen"), model="builtin")
    assert other.verdict.value == "not_participation_bylaw"


def test_a_plain_language_definitions_article_names_the_body() -> None:
    """'In deze verordening betekent: a. panel: het Inwonerspanel ...; b. u: het panel', or a heading
    'Wat betekenen de woorden in deze verordening?' over the definitions."""
    text = (
        "Verordening Inwonerspanel Zorg Zandvoorde 2022\n\nDe raad van de gemeente Zandvoorde;\n"
        "gelet op artikel 2.1.3, derde lid, van de Wet maatschappelijke ondersteuning 2015;\n"
        "besluit vast te stellen de volgende verordening.\n\n"
        "Artikel 1. {}\nIn deze verordening {}:\n"
        "a. panel: het Inwonerspanel Zorg Zandvoorde;\nb. u: het panel.\n\n"
        "Artikel 2. Advies\nHet college vraagt u vroegtijdig om advies over beleidsvoorstellen. U mag ook "
        "advies geven als het college daar niet om vraagt.\n"
    )
    for heading, opening in (
        ("Woorden", "betekent"),
        ("Wat betekenen de woorden in deze verordening?", "staat"),
    ):
        defined = verordening.check(text.format(heading, opening), model="builtin")
        assert defined.verdict.value == "participation_bylaw"
        assert defined.elements["advice"].status.value == "present"
    unmarked = text.format("Woorden", "staat")
    assert verordening.check(unmarked, model="builtin").verdict.value == "not_participation_bylaw"


def test_an_annex_of_the_bodys_own_rules_binds_only_when_the_bylaw_makes_it_part_of_itself() -> None:
    text = (
        "Artikel 1 Overleg\nHet college voert viermaal per jaar overleg met de adviesraad.\n\n"
        "Artikel 2 Reglement van orde\n{}\n\n"
        "Bijlage Reglement van orde van de adviesraad\n\nArtikel 1 Agenda\n"
        "De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden; deze worden geagendeerd.\n"
    )
    own = wmo(text.format("De adviesraad stelt zelf een reglement van orde vast."))
    assert own.elements["agenda"].status.value == "missing"
    assert own.elements["agenda"].reasons == ("only_in_own_rules",)
    part = wmo(text.format("Het reglement van orde in de bijlage maakt deel uit van deze verordening."))
    assert part.elements["agenda"].status.value == "present"


def test_the_counterpart_being_assisted_at_the_consultation_takes_nothing_back() -> None:
    said = (
        "Artikel 4 Overleg\n1. De adviesraad en de wethouder voeren ten minste viermaal per jaar overleg.\n"
        "2. De wethouder kan {}.\n"
    )
    assisted = "zich bij het overleg, bedoeld in het eerste lid, laten bijstaan door ambtenaren"
    found = wmo(said.format(assisted)).elements["periodic_consultation"]
    assert found.status.value == "present"
    cancelled = "het overleg, bedoeld in het eerste lid, afzeggen als hij dat nodig acht"
    found = wmo(said.format(cancelled)).elements["periodic_consultation"]
    assert found.status.value == "partial"

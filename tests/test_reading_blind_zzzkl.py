"""Reading as a lawyer does: what blind sets zzzk and zzzl taught (measured before, folded in after).

Each case is a small bylaw of our own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening
from verordening.findings import ElementResult

from .small_bylaws import check

ADVICE = (
    "Artikel 3\n1. Het college vraagt de cliëntenraad vroegtijdig advies over ontwerpverordeningen en "
    "beleidsvoorstellen.\n2. De cliëntenraad kan het college ook ongevraagd advies uitbrengen.\n"
)


def element(text: str, name: str) -> ElementResult:
    """One element of the built-in check of ``text`` in a small Participatiewet bylaw."""
    return check(text).elements[name]


def test_definitions_opened_in_a_lid_of_an_article_without_a_heading_grant_nothing() -> None:
    """'2. In deze verordening wordt verstaan onder: b. cliënt: een persoon die door het college
    wordt ondersteund' defines a term: it is no support of the council."""
    definitions = (
        "Artikel 1\n1. Begrippen die niet nader worden omschreven, hebben de betekenis die de wet eraan "
        "geeft.\n2. {opening}\na. wet: de Participatiewet;\nb. cliënt: een persoon die een uitkering "
        "ontvangt of die door het college wordt ondersteund bij arbeidsinschakeling.\n\n"
    )
    found = element(
        definitions.format(opening="In deze verordening wordt verstaan onder:") + ADVICE, "support"
    )
    assert found.status == "missing"
    # the same words as a provision of their own are read as one (and judged for what they say)
    plain = element(definitions.format(opening="Verder geldt het volgende:") + ADVICE, "support")
    assert plain.status != "missing"


def test_information_the_college_judges_needed_with_words_put_in_is_conditional() -> None:
    """'de informatie die het voor de taakuitoefening van de raad nodig acht': the college judges."""
    information = (
        "Artikel 6\nHet college verstrekt de cliëntenraad tijdig en uit eigen beweging "
        "de informatie die {}.\n"
    )
    found = element(
        ADVICE + information.format("het voor de taakuitoefening van de cliëntenraad nodig acht"),
        "information",
    )
    assert found.status == "partial"
    assert "information_conditional" in found.reasons
    found = element(
        ADVICE + information.format("de cliëntenraad voor zijn taakuitoefening nodig heeft"), "information"
    )
    assert found.status == "present"


def test_a_frequency_counted_in_a_year_is_read_with_its_number_of_times() -> None:
    """'In een kalenderjaar vindt het overleg niet minder dan vijf keer plaats' is five a year (the
    number of times, not the 'een' of the year); so is 'vijf keer in een jaar'."""
    consultation = "Artikel 4\n1. De cliëntenraad overlegt met het college.\n2. {}\n"
    for said in (
        "In een kalenderjaar vindt het overleg niet minder dan vijf keer plaats.",
        "Het overleg vindt vijf keer in een jaar plaats.",
        "In elk jaar vindt het overleg ten minste vijfmaal plaats.",
    ):
        found = element(ADVICE + consultation.format(said), "periodic_consultation")
        assert found.status == "present", said
        assert found.values == {"meetings_per_year": 5}, said
    found = element(ADVICE + consultation.format("Het overleg vindt plaats."), "periodic_consultation")
    assert found.status == "partial"


OBJECTIONS = (
    "{title}\n\n"
    "De raad van de gemeente Leekerveld;\n"
    "gelet op artikel 7:13 van de Algemene wet bestuursrecht en artikel 84 van de Gemeentewet;\n"
    "besluit vast te stellen de volgende verordening.\n\n"
    "Artikel 1\nEr is een adviescommissie voor het sociaal domein.\n\n"
    "Artikel 2\nDe commissie brengt het college gevraagd en ongevraagd advies uit over "
    "ontwerpverordeningen en beleidsvoorstellen in het sociaal domein.\n"
)


def test_a_committee_on_objections_is_no_participation_body_whatever_else_its_title_names() -> None:
    """(blind set zzzl) 'Verordening adviescommissie bezwaarschriften sociaal domein' regulates
    objections to single decisions, though 'adviescommissie' and 'sociaal domein' name a body."""
    title = "Verordening adviescommissie {}sociaal domein Leekerveld 2022"
    objections = verordening.check(
        OBJECTIONS.format(title=title.format("bezwaarschriften ")), model="builtin"
    )
    assert objections.verdict.value == "not_participation_bylaw"
    plain = verordening.check(OBJECTIONS.format(title=title.format("")), model="builtin")
    assert plain.verdict.value == "participation_bylaw"


def test_a_general_power_to_depart_from_the_bylaw_leaves_every_grant_to_the_college() -> None:
    """(blind set zzzm) 'Het college kan in bijzondere gevallen van deze verordening afwijken'
    takes every grant back in part; a departure only in the body's favour takes nothing back."""
    consultation = "Artikel 4\nHet college overlegt ten minste vier keer per jaar met de cliëntenraad.\n\n"
    departing = "Artikel 8\nHet college kan in bijzondere gevallen {}van deze verordening afwijken.\n"
    for name in ("advice", "periodic_consultation"):
        found = element(ADVICE + consultation + departing.format(""), name)
        assert found.status == "partial", name
        assert f"{name}_discretionary" in found.reasons
        assert "artikel 8" in {c.citation for c in found.citations}
        kept = element(ADVICE + consultation + departing.format("ten gunste van de cliëntenraad "), name)
        assert kept.status == "present", name
    # nothing granted stays nothing: the power to depart grants no missing element
    assert element(ADVICE + departing.format(""), "periodic_consultation").status == "missing"


def test_officials_who_represent_the_college_are_a_counterpart() -> None:
    """(blind set zzzm) 'De cliëntenraad overlegt tenminste zes maal per jaar met een ambtelijke
    vertegenwoordiging van de afdeling Werk en Inkomen' is consultation with the college's side."""
    consultation = (
        "Artikel 4\nDe cliëntenraad overlegt tenminste zes maal per jaar met {} van de afdeling Werk.\n"
    )
    found = element(
        ADVICE + consultation.format("een ambtelijke vertegenwoordiging"), "periodic_consultation"
    )
    assert found.status == "present"
    found = element(ADVICE + consultation.format("een groep vrijwilligers"), "periodic_consultation")
    assert found.status == "missing"

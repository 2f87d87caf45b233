"""Reading as a lawyer does: what blind sets zzg and zzh taught (measured before, folded in after).

Each case is a small bylaw of its own, checked with and without the words that decide it.
"""

from __future__ import annotations

import verordening

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


RIGHTS = (
    "\nArtikel 2 Taak\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd over verordeningen en "
    "beleidsvoorstellen, tijdig voordat het college besluit.\n" + CONSULTATION
)


def test_a_title_that_names_client_councils_in_the_plural_names_participation() -> None:
    aanhef = (
        "De Raad van Bestuur van het Landelijk Bureau Werk;\ngelet op artikel 14 van de Wet op het Bureau;\n"
        "besluit:\n"
    )
    plural = verordening.check(
        "Regeling cliëntenraden Landelijk Bureau Werk 2012\n\n" + aanhef + RIGHTS, model="builtin"
    )
    assert plural.verdict == "participation_bylaw"
    other = verordening.check(
        "Regeling werkprocessen Landelijk Bureau Werk 2012\n\n" + aanhef + RIGHTS, model="builtin"
    )
    assert other.verdict == "not_participation_bylaw"


def test_a_regulation_made_under_another_is_no_participation_bylaw_whatever_it_names() -> None:
    for kind in (
        "Nadere regels ondersteuning en vergoedingen",
        "Subsidieregeling ondersteuning",
        "Beleidsregels",
    ):
        report = check(RIGHTS, title=f"{kind} cliëntenparticipatie Zandvoorde 2022\n\n")
        assert report.verdict == "not_participation_bylaw", kind
    assert (
        check(RIGHTS, title="Verordening cliëntenparticipatie Zandvoorde 2022\n\n").verdict
        == "participation_bylaw"
    )


ADVICE = (
    "\nArtikel 3 Advies\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd over "
    "ontwerpverordeningen en beleidsvoorstellen.\n2. Het college vraagt het advies zo tijdig dat het "
    "de besluitvorming nog kan beïnvloeden.\n3. {}\n"
)


def test_clauses_on_following_the_advice_take_nothing_back() -> None:
    for harmless in (
        "Het college is niet verplicht het advies over te nemen, maar vermeldt in zijn besluit hoe het "
        "advies is gewogen.",
        "Het advies van de cliëntenraad bindt het college niet.",
        "De adviezen van de cliëntenraad zijn niet bindend.",
    ):
        assert check(ADVICE.format(harmless)).elements["advice"].status == "present", harmless
    freed = "Het college is niet verplicht advies te vragen over beleidsvoorstellen van ondergeschikt belang."
    assert check(ADVICE.format(freed)).elements["advice"].status == "partial"


def test_documents_sent_with_the_invitation_come_unprompted() -> None:
    sent = (
        "Het college zorgt ervoor dat de cliëntenraad de stukken voor het overleg gelijktijdig met de "
        "uitnodiging ontvangt."
    )
    assert (
        check(INFORMATION.format(sent, "Op verzoek verstrekt het college aanvullende gegevens."))
        .elements["information"]
        .status
        == "present"
    )
    asked = sent.replace("gelijktijdig met de uitnodiging", "op verzoek")
    assert check(INFORMATION.format(asked, "")).elements["information"].status == "partial"


def test_an_exception_for_some_leden_of_an_article_leaves_its_other_leden_whole() -> None:
    article = (
        "\nArtikel 4 Advies en voorstellen\n1. De cliëntenraad adviseert het college gevraagd en ongevraagd "
        "over ontwerpverordeningen en beleidsvoorstellen.\n2. Het college vraagt het advies vroegtijdig.\n"
        "3. De cliëntenraad kan het college op eigen initiatief voorstellen voor beleid doen.\n"
        "\nArtikel 12 Uitzondering\nArtikel 4, {} lid, is niet van toepassing voor zover een voorstel "
        "uitsluitend de jeugdhulp betreft.\n"
    )
    from .small_bylaws import wmo

    some = wmo(article.format("eerste en tweede")).elements
    assert some["policy_proposals"].status == "present"
    assert some["advice"].status == "partial"
    every = wmo(article.format("eerste tot en met derde")).elements
    assert every["policy_proposals"].status == "partial"


def test_a_one_paragraph_aanhef_with_commas_gives_its_gelet_op() -> None:
    aanhef = (
        "De raad van de gemeente Zandvoorde, gelezen het voorstel van burgemeester en wethouders van 8 "
        "maart 2005, nr. 05/231, gelet op artikel 47 van de Wet werk en bijstand en artikel 147 van de "
        "Gemeentewet, gelet op artikel 12 van de Wet investeren in jongeren, besluit vast te stellen de "
        "navolgende verordening.\n"
    )
    document = verordening.parse("Verordening cliëntenparticipatie Zandvoorde 2005\n\n" + aanhef + RIGHTS)
    assert document.preamble is not None
    fields = {field.key: field.value for field in document.preamble.fields}
    assert list(fields) == ["orgaan", "gelezen", "gelet_op", "besluit"]
    assert fields["gelezen"] == "het voorstel van burgemeester en wethouders van 8 maart 2005, nr. 05/231"
    assert fields["gelet_op"].startswith("artikel 47 van de Wet werk en bijstand")
    assert fields["gelet_op"].endswith("artikel 12 van de Wet investeren in jongeren")

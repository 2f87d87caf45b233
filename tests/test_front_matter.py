"""Front matter on publication layouts: metadata headers, the title and the aanhef.

The texts are our own, in the styles of official publication pages (fictional
municipalities); the real pages are checked in ``test_real.py``.
"""

from __future__ import annotations

import pytest

import verordening
from verordening import normalise
from verordening.model import Document

from .test_properties import check_invariants

AANHEF = (
    "De raad van de gemeente Dalmeer;\n"
    "gelezen het voorstel van burgemeester en wethouders van 6 februari 2024;\n"
    "gelet op artikel 47 van de Participatiewet;\n"
    "besluit:\n"
)
BODY = (
    "Artikel 1 Begripsbepalingen\nIn deze verordening wordt verstaan onder: raad: de raad.\n"
    "Artikel 2\nTekst.\n"
)


def kinds(document: Document) -> list[str]:
    return [c.kind for c in document.children]


def metadata(document: Document) -> dict[str, str]:
    assert document.metadata is not None
    return {f.key: f.value for f in document.metadata.fields}


def preamble(document: Document) -> dict[str, str]:
    assert document.preamble is not None
    return {f.key: f.value for f in document.preamble.fields}


def title(document: Document) -> str | None:
    assert document.title is not None
    return document.title.title


def parsed(text: str) -> Document:
    document = verordening.parse(text)
    check_invariants(document)
    for node in (document.metadata, document.preamble):
        for f in node.fields if node is not None else ():
            # a field's span holds its value (after its label, lines joined)
            assert " ".join(f.value.split()[:4]) in " ".join(normalise(text[f.start : f.end]).split())
    return document


# -- Gemeenteblad pages: banner, then a table whose header and row were glued into lines --------
GLUED_TABLE = (
    "Gemeenteblad van Dalmeer\n\n"
    "Datum publicatieOrganisatieJaargang en nummerRubriek\n"
    "12-03-2024DalmeerGemeenteblad 2024, 98765VerordeningenVerordening van de gemeenteraad van de "
    "gemeente Dalmeer houdende regels over de adviesraad (Verordening adviesraad Dalmeer 2024)\n\n"
)


def test_gemeenteblad_table_row_holds_the_title_after_its_rubric() -> None:
    document = parsed(GLUED_TABLE + AANHEF + BODY)
    assert kinds(document) == ["metadata", "title", "preamble", "article", "article"]
    assert metadata(document) == {
        "blad": "Gemeenteblad",
        "uitgever": "Dalmeer",
        "datum_publicatie": "12-03-2024",
        "organisatie": "Dalmeer",
        "jaargang_en_nummer": "Gemeenteblad 2024, 98765",
        "rubriek": "Verordeningen",
    }
    assert title(document) == (
        "Verordening van de gemeenteraad van de gemeente Dalmeer houdende regels over de adviesraad "
        "(Verordening adviesraad Dalmeer 2024)"
    )
    # the title node spans the part of the row after the rubric
    assert document.title is not None
    assert document.title.text.startswith("Verordening van de gemeenteraad")
    assert document.title.line == 4
    assert preamble(document)["orgaan"] == "De raad van de gemeente Dalmeer"


@pytest.mark.parametrize(
    ("rubric", "heading"),
    [
        ("Regelingen", "Regeling adviesraad sociaal domein Dalmeer 2024"),
        ("Beleidsregels", "Beleidsregels cliëntenparticipatie Dalmeer"),
        ("Overige besluiten van algemene strekking", "Besluit van het college houdende de regeling"),
    ],
)
def test_spaced_table_row_with_other_rubrics(rubric: str, heading: str) -> None:
    text = (
        "Datum publicatie   Organisatie   Jaargang en nummer   Rubriek\n"
        f"12-03-2024   Gemeente Dalmeer   Gemeenteblad 2024, 98765   {rubric}   {heading}\n"
        "Het college van burgemeester en wethouders van Dalmeer;\n"
        "gelet op artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;\nbesluit:\n" + BODY
    )
    document = parsed(text)
    assert kinds(document)[:3] == ["metadata", "title", "preamble"]
    assert metadata(document)["rubriek"] == rubric
    assert metadata(document)["organisatie"] == "Gemeente Dalmeer"
    assert title(document) == heading
    assert preamble(document)["orgaan"] == "Het college van burgemeester en wethouders van Dalmeer"


# -- banners and labelled lines ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "GEMEENTEBLAD\nOfficiële uitgave van de gemeente Kempenrode\nNr. 45678\n3 april 2023\n",
            {
                "blad": "GEMEENTEBLAD",
                "uitgever": "de gemeente Kempenrode",
                "nummer": "45678",
                "datum_publicatie": "3 april 2023",
            },
        ),
        (
            "BLAD GEMEENSCHAPPELIJKE REGELING\n"
            "Officieel blad van de gemeenschappelijke regeling Werkplein Heideland\n"
            "Nr. 3318 | 19 december 2018\n",
            {
                "blad": "BLAD GEMEENSCHAPPELIJKE REGELING",
                "uitgever": "de gemeenschappelijke regeling Werkplein Heideland",
                "nummer": "3318",
                "datum_publicatie": "19 december 2018",
            },
        ),
        (
            "STAATSCOURANTOfficiële uitgave van het Koninkrijk der Nederlanden sinds 1814."
            "Nr. 3318 | 19 december 2018\n",
            {
                "blad": "STAATSCOURANT",
                "uitgever": "het Koninkrijk der Nederlanden sinds 1814",
                "nummer": "3318",
                "datum_publicatie": "19 december 2018",
            },
        ),
        ("GEMEENTEBLAD KEMPENRODE\n", {"blad": "GEMEENTEBLAD", "uitgever": "KEMPENRODE"}),
        (
            "Organisatie Gemeente Waterlo\nOrganisatietype Gemeente\nType Regelgeving Verordening\n"
            "Datum besluit 12-03-2024\nIngangsdatum 01-04-2024\n",
            {
                "organisatie": "Gemeente Waterlo",
                "organisatietype": "Gemeente",
                "type_regelgeving": "Verordening",
                "datum_besluit": "12-03-2024",
                "ingangsdatum": "01-04-2024",
            },
        ),
        (
            "OrganisatieGemeente Waterlo\nOrganisatietypeGemeente\nType regelgevingVerordening\n"
            "Datum besluit: 12-03-2024\nDatum publicatie\n22-03-2024\nJaargang en nummer\n"
            "Gemeenteblad 2024, 1234\nRubriek\nRegelingen\n",
            {
                "organisatie": "Gemeente Waterlo",
                "organisatietype": "Gemeente",
                "type_regelgeving": "Verordening",
                "datum_besluit": "12-03-2024",
                "datum_publicatie": "22-03-2024",
                "jaargang_en_nummer": "Gemeenteblad 2024, 1234",
                "rubriek": "Regelingen",
            },
        ),
        (
            "Gemeenteblad van Waterlo | 2024 | nr. 55120 | 22 maart 2024 | Regelgeving\n",
            {
                "blad": "Gemeenteblad",
                "uitgever": "Waterlo",
                "jaargang": "2024",
                "nummer": "55120",
                "datum_publicatie": "22 maart 2024",
                "type_regelgeving": "Regelgeving",
            },
        ),
    ],
    ids=[
        "gemeenteblad",
        "gemeenschappelijke-regeling",
        "staatscourant-glued",
        "banner-name",
        "spaced",
        "glued",
        "barred",
    ],
)
def test_header_lines_before_the_title_are_the_metadata(header: str, expected: dict[str, str]) -> None:
    document = parsed(header + "Verordening cliëntenparticipatie Waterlo 2024\n" + AANHEF + BODY)
    assert kinds(document) == ["metadata", "title", "preamble", "article", "article"]
    assert metadata(document) == expected
    assert title(document) == "Verordening cliëntenparticipatie Waterlo 2024"
    assert document.metadata is not None
    assert document.metadata.text == normalise(header)


def test_lines_that_only_look_like_a_header_are_no_metadata() -> None:
    for first in ("Organisatie en werkwijze van de adviesraad", "Nr. 12", "12 maart 2024"):
        document = parsed(first + "\n" + AANHEF + BODY)
        assert document.metadata is None
        assert kinds(document)[0] == "title"


# -- third-party transcriptions: header, title, aanhef and articles on one line ---------------------
FLATTENED = (
    'CVDR. Nr. CVDR123456_1. Verordening adviesraad Heikant 2019\nMaat: px\n\nDownload "CVDR. Nr. '
    'CVDR123456_1. Verordening adviesraad Heikant 2019"\nTranscriptie\n'
    "1 CVDR Officiële uitgave van Heikant. Nr. CVDR123456_1 3 mei 2019 Verordening adviesraad Heikant "
    "2019 De raad van de gemeente Heikant, gelezen het voorstel van burgemeester en wethouders van 2 "
    "april 2019; gelet op het advies van de commissie; gelet op artikel 2.1.3 van de Wet "
    "maatschappelijke ondersteuning 2015, besluit vast te stellen de navolgende: Verordening adviesraad "
    "Heikant 2019 Artikel 1. Begripsbepalingen In deze verordening wordt verstaan onder: a. adviesraad: "
    "de Adviesraad Heikant; b. college: het college van burgemeester en wethouders. Artikel 2. Taak De "
    "adviesraad adviseert het college gevraagd en ongevraagd."
)


def test_a_flattened_transcription_is_cut_into_its_parts() -> None:
    document = parsed(FLATTENED)
    assert kinds(document) == ["metadata", "title", "preamble", "article", "article"]
    assert title(document) == "Verordening adviesraad Heikant 2019"
    fields = metadata(document)
    assert (fields["blad"], fields["uitgever"], fields["nummer"]) == ("CVDR", "Heikant", "CVDR123456_1")
    assert fields["datum_publicatie"] == "3 mei 2019"
    assert document.preamble is not None
    assert [f.key for f in document.preamble.fields] == [
        "orgaan",
        "gelezen",
        "gelet_op",
        "gelet_op",
        "besluit",
    ]
    values = preamble(document)
    assert values["orgaan"] == "De raad van de gemeente Heikant"
    assert values["gelet_op"] == "artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015"
    assert values["besluit"] == "vast te stellen de navolgende: Verordening adviesraad Heikant 2019"
    assert [(a.number, a.title) for a in document.articles] == [("1", "Begripsbepalingen"), ("2", "Taak")]
    assert [c.id for c in document.get("art1").children] == ["art1/a", "art1/b"]


def test_a_long_line_without_an_aanhef_is_not_cut() -> None:
    line = "Verordening adviesraad Heikant 2019 over de raad van de gemeente Heikant en Artikel 1. Doel"
    document = parsed(line + "\n" + AANHEF + BODY)
    assert title(document) == line


# -- the title from the metadata, and a signature before the first article ------------------------------
CVDR_PAGE = (
    "Wetstechnische informatie\n\nGegevens van de regeling\n"
    "OverheidsorganisatieGemeente Lindeveen\n"
    "Officiële naam regelingVerordening inspraak en cliëntenparticipatie Wmo Lindeveen\n"
    "CiteertitelVerordening Wmo-raad Lindeveen\n\n"
    "Overzicht van in de tekst verwerkte wijzigingen\n\nDatum inwerking-\n\ntreding\n\nTerugwerkende\n\n"
    "kracht tot en met\n\nBetreft\n\nDatum ondertekening\n\n01-10-2007Nieuwe regeling\n\n06-09-2007\n\n"
    "Tekst van de regeling\n\nIntitulé\n\n"
)
SIGNED = (
    "De raad van de gemeente Lindeveen,\n"
    "gelet op artikel 11 van de Wet maatschappelijke ondersteuning,\n"
    "B E S L U I T :\n"
    "Vast te stellen de Verordening Wmo-raad Lindeveen.\n"
    "Aldus besloten in zijn openbare vergadering van 6 september 2007.\n"
    "De raad voornoemd,\n, voorzitter\n, griffier\n"
)


def test_without_a_title_in_the_text_the_title_is_the_official_name() -> None:
    document = parsed(CVDR_PAGE + SIGNED + BODY)
    assert kinds(document) == ["metadata", "title", "preamble", "article", "article"]
    assert document.title is not None
    assert document.title.text == "Intitulé"
    assert title(document) == "Verordening inspraak en cliëntenparticipatie Wmo Lindeveen"
    assert document.root.title == title(document)
    fields = metadata(document)
    assert fields["organisatie"] == "Gemeente Lindeveen"
    assert (fields["inwerkingtreding"], fields["betreft"], fields["ondertekening"]) == (
        "01-10-2007",
        "Nieuwe regeling",
        "06-09-2007",
    )


def test_without_an_official_name_the_short_title_is_used() -> None:
    page = CVDR_PAGE.replace(
        "Officiële naam regelingVerordening inspraak en cliëntenparticipatie Wmo Lindeveen\n", ""
    )
    assert title(parsed(page + SIGNED + BODY)) == "Verordening Wmo-raad Lindeveen"


def test_a_signature_block_before_the_first_article_stays_in_the_aanhef() -> None:
    document = parsed("Verordening Wmo-raad Lindeveen\n" + SIGNED + BODY)
    assert kinds(document) == ["title", "preamble", "article", "article"]
    values = preamble(document)
    assert values["besluit"] == "Vast te stellen de Verordening Wmo-raad Lindeveen."
    assert values["ondertekening"].startswith("in zijn openbare vergadering van 6 september 2007.")
    assert values["ondertekening"].endswith("griffier")
    assert [a.number for a in document.articles] == ["1", "2"]
    assert document.get("art1").title == "Begripsbepalingen"


def test_a_repeated_title_belongs_to_the_title() -> None:
    text = (
        "Intitulé\nVerordening adviesraad Dalmeer 2024\nVerordening adviesraad Dalmeer 2024\n" + AANHEF + BODY
    )
    document = parsed(text)
    assert kinds(document) == ["title", "preamble", "article", "article"]
    assert not [d for d in document.diagnostics if d.code == "S002"]


# -- the issuing body ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "opener",
    [
        "Het algemeen bestuur van de gemeenschappelijke regeling Werkplein Heideland;",
        "Het dagelijks bestuur van de gemeenschappelijke regeling Werkplein Heideland,",
        "Het college van burgemeester en wethouders van Dalmeer;",
        "Burgemeester en wethouders van Dalmeer:",
        "De Raad van Bestuur van het Uitvoeringsinstituut Voorbeeld,",
        "Het bestuur van de Stichting Voorbeeld",
    ],
)
def test_the_issuing_body_is_the_orgaan(opener: str) -> None:
    text = f"Regeling cliëntenraad Voorbeeld 2024\n{opener}\n-\ngelet op artikel 47 van de Participatiewet;\n"
    document = parsed(text + "besluiten:\nvast te stellen de volgende regeling.\n" + BODY)
    assert kinds(document) == ["title", "preamble", "article", "article"]
    values = preamble(document)
    assert values["orgaan"] == opener.rstrip(";,:")
    assert values["gelet_op"] == "artikel 47 van de Participatiewet"
    assert values["besluit"] == "vast te stellen de volgende regeling."


def test_an_aanhef_in_one_paragraph_still_works() -> None:
    text = (
        "Verordening adviesraad Dalmeer 2024\nDe raad van de gemeente Dalmeer; gelezen het voorstel van "
        "burgemeester en wethouders; gelet op artikel 47 van de Participatiewet; besluit: vast te stellen "
        "de Verordening adviesraad Dalmeer 2024.\n" + BODY
    )
    document = parsed(text)
    assert kinds(document) == ["title", "preamble", "article", "article"]
    assert list(preamble(document)) == ["orgaan", "gelezen", "gelet_op", "besluit"]
    assert preamble(document)["gelet_op"] == "artikel 47 van de Participatiewet"


def test_publication_data_as_a_markdown_table_is_metadata_not_the_title() -> None:
    table = "| Organisatie | Gemeente Waterlo |\n|---|---|\n| Jaargang | 2024 |\n| Type | Regelgeving |\n\n"
    document = parsed(table + "Verordening cliëntenparticipatie Waterlo 2024\n" + AANHEF + BODY)
    assert kinds(document)[:2] == ["metadata", "title"]
    assert document.title is not None
    assert document.title.text == "Verordening cliëntenparticipatie Waterlo 2024"

"""One test per construct and numbering variant of the structure parser."""

from __future__ import annotations

import pytest

import verordening
from verordening import normalise
from verordening.model import Document, Node


def ids(document: Document) -> list[str]:
    return [node.id for node in document.nodes()]


def node(document: Document, node_id: str) -> Node:
    return document.get(node_id)


# -- article headings ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "number", "node_id", "title"),
    [
        ("Artikel 1", "1", "art1", None),
        ("Artikel 1.", "1", "art1", None),
        ("Artikel 1:", "1", "art1", None),
        ("Art. 1", "1", "art1", None),
        ("ARTIKEL 1", "1", "art1", None),
        ("Artikel  1", "1", "art1", None),
        ("Artikel 2a", "2a", "art2a", None),
        ("Artikel 3.1", "3.1", "art3.1", None),
        ("Artikel 4:2", "4:2", "art4:2", None),
        ("Artikel 1 Begripsbepalingen", "1", "art1", "Begripsbepalingen"),
        ("Artikel 1. Begripsbepalingen", "1", "art1", "Begripsbepalingen"),
        ("Artikel 2.Taken van de raad", "2", "art2", "Taken van de raad"),
        ("Artikel 1 - Begripsbepalingen", "1", "art1", "Begripsbepalingen"),
    ],
)
def test_article_heading_variants(heading: str, number: str, node_id: str, title: str | None) -> None:
    document = verordening.parse(f"{heading}\nDe raad stelt een adviesraad in.\n")
    (article,) = document.articles
    assert (article.number, article.id, article.title) == (number, node_id, title)
    assert article.citation == f"artikel {number}"


def test_enig_artikel() -> None:
    document = verordening.parse(
        "Enig artikel\n1. De verordening vervalt.\n2. Dit besluit treedt in werking."
    )
    assert ids(document) == ["art-enig", "art-enig/lid1", "art-enig/lid2"]
    assert document.get("art-enig/lid2").citation == "enig artikel, tweede lid"


def test_title_on_next_line_but_not_a_one_line_article_body() -> None:
    document = verordening.parse(
        "Artikel 1\nDefinities\nIn deze verordening wordt verstaan onder college: het college.\n"
        "Artikel 2\nDeze verordening treedt in werking op 1 januari 2016\nArtikel 3\nCiteertitel\nX."
    )
    assert [a.title for a in document.articles] == ["Definities", None, "Citeertitel"]


def test_a_reference_at_line_start_is_no_heading() -> None:
    document = verordening.parse(
        "Artikel 1\n1. Het college handelt volgens\nartikel 47 van de Participatiewet.\n"
        "Artikel 2 van de wet is van toepassing.\n"
    )
    assert [a.number for a in document.articles] == ["1"]


@pytest.mark.parametrize("verb", ["heeft geen betrekking op", "treedt in werking na", "strekt zich niet uit"])
def test_a_sentence_about_an_article_at_line_start_is_no_heading(verb: str) -> None:
    text = f"Artikel 3 Advies\nTekst.\nArtikel 10 Reikwijdte\nArtikel 3 {verb} de begroting.\n"
    document = verordening.parse(text)
    assert [a.number for a in document.articles] == ["3", "10"]
    assert document.articles[1].text.endswith(f"Artikel 3 {verb} de begroting.")


# -- chapters, afdelingen, paragrafen -------------------------------------------------------
def test_chapters_afdelingen_paragrafen_nest() -> None:
    document = verordening.parse(
        "HOOFDSTUK 1. ALGEMEEN\nArtikel 1\nTekst.\nHoofdstuk II\nDe adviesraad\nAfdeling 2.1 Taken\n"
        "Artikel 2\nTekst.\n§ 1 Advies\nArtikel 3\nTekst.\nParagraaf 2.1.2 Overleg\nArtikel 4\nTekst."
    )
    assert ids(document) == [
        "hfd1",
        "art1",
        "hfdii",
        "hfdii/afd2.1",
        "art2",
        "hfdii/afd2.1/par1",
        "art3",
        "hfdii/afd2.1/par2.1.2",
        "art4",
    ]
    assert node(document, "hfdii").title == "De adviesraad"
    assert node(document, "hfdii").citation == "hoofdstuk II"
    assert node(document, "hfdii/afd2.1/par1").citation == "afdeling 2.1, paragraaf 1"
    assert [a.citation for a in document.articles] == ["artikel 1", "artikel 2", "artikel 3", "artikel 4"]


# -- leden ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lines",
    [
        ["1. Eerste.", "2. Tweede.", "3. Derde."],
        ["1 Eerste.", "2 Tweede.", "3 Derde."],
        ["lid 1 Eerste.", "lid 2 Tweede.", "lid 3 Derde."],
        ["• 1.", "Eerste.", "• 2.", "Eerste.", "• 3.", "Derde."],
        ["  • 1", "    Eerste.", "  • 2", "    Tweede.", "  • 3", "    Derde."],
        ["1) Eerste.", "2) Tweede.", "3) Derde."],
        ["1.Eerste.", "2.Tweede.", "3.Derde."],
    ],
)
def test_lid_variants(lines: list[str]) -> None:
    document = verordening.parse("Artikel 5 Overleg\n" + "\n\n".join(lines))
    leden = document.articles[0].children
    assert [(c.kind, c.number) for c in leden] == [("lid", "1"), ("lid", "2"), ("lid", "3")]
    assert [c.citation for c in leden] == [
        "artikel 5, eerste lid",
        "artikel 5, tweede lid",
        "artikel 5, derde lid",
    ]
    assert leden[0].text.endswith("Eerste.")


def test_wrapped_line_starting_with_a_date_is_no_lid() -> None:
    document = verordening.parse(
        "Artikel 9\n1 De verordening vervalt met ingang van\n1 januari 2016 voor zover het college\n"
        "2 Het college stelt nadere regels.\n3 De adviesraad vergadert\n4 keer per jaar."
    )
    leden = document.articles[0].children
    assert [c.number for c in leden] == ["1", "2", "3"]
    assert "1 januari 2016" in leden[0].text
    assert leden[2].text.endswith("4 keer per jaar.")


# -- onderdelen and sub-onderdelen -----------------------------------------------------------
@pytest.mark.parametrize("style", ["{l}. ", "{l}) ", "{l} ", "• {l}.\n", "- {l}. ", "{l}."])
def test_onderdeel_variants(style: str) -> None:
    items = "\n".join(style.format(l=letter) + f"begrip {letter}: uitleg;" for letter in "abc")
    document = verordening.parse(f"Artikel 1 Begrippen\nIn deze verordening wordt verstaan onder:\n{items}")
    parts = document.articles[0].children
    assert [(c.kind, c.number, c.citation) for c in parts] == [
        ("onderdeel", "a", "artikel 1, onderdeel a"),
        ("onderdeel", "b", "artikel 1, onderdeel b"),
        ("onderdeel", "c", "artikel 1, onderdeel c"),
    ]


@pytest.mark.parametrize("degree", ["°", "°."])
def test_subonderdelen_with_degree_sign(degree: str) -> None:
    document = verordening.parse(
        "Artikel 4\n1. Het college:\n2. Het college legt voor:\na. de volgende stukken:\n"
        f"1{degree} de begroting;\n2{degree} het beleidsplan;\nb. overige stukken."
    )
    sub = document.get("art4/lid2/a/2")
    assert sub.kind == "subonderdeel"
    assert sub.number == "2°"
    assert sub.citation == "artikel 4, tweede lid, onderdeel a, onder 2°"


def test_i_is_the_ninth_onderdeel_after_h() -> None:
    letters = "abcdefghij"
    items = "\n".join(f"{x}. punt {x};" for x in letters)
    document = verordening.parse(f"Artikel 1\nOnder de taken vallen:\n{items}")
    assert [c.number for c in document.articles[0].children] == list(letters)


def test_roman_sub_items_under_an_onderdeel() -> None:
    document = verordening.parse(
        "Artikel 1\nDe raad adviseert over:\na. beleid, waaronder:\ni. de begroting;\nii. de nota;\n"
        "iii. het plan;\nb. uitvoering."
    )
    assert ids(document) == ["art1", "art1/a", "art1/a/i", "art1/a/ii", "art1/a/iii", "art1/b"]
    assert document.get("art1/a/ii").citation == "artikel 1, onderdeel a, onder ii"


def test_numbered_list_inside_a_lid_with_letters_under_an_item() -> None:
    document = verordening.parse(
        "Artikel 4\n1. Initiatiefrecht\na. De raad mag agenderen.\n2. Informatierecht\n"
        "3. Adviesrecht\n1. De raad wordt betrokken.\n2. Het college vraagt advies over:\n"
        "a. klachten;\nb. beleid.\n3. Alle adviezen worden schriftelijk gegeven."
    )
    assert ids(document) == [
        "art4",
        "art4/lid1",
        "art4/lid1/a",
        "art4/lid2",
        "art4/lid3",
        "art4/lid3/1",
        "art4/lid3/2",
        "art4/lid3/2/a",
        "art4/lid3/2/b",
        "art4/lid3/3",
    ]
    assert document.get("art4/lid3/2/b").citation == "artikel 4, derde lid, onderdeel 2, onder b"


def test_bracket_numbers_are_a_list_after_a_colon_and_leden_otherwise() -> None:
    document = verordening.parse(
        "Artikel 1\n1) Het college stelt een raad in.\n2) De raad adviseert.\n"
        "Artikel 2\nDe raad heeft tot taak:\n1) adviseren;\n2) signaleren."
    )
    assert ids(document) == ["art1", "art1/lid1", "art1/lid2", "art2", "art2/1", "art2/2"]


def test_duplicate_article_number_gets_a_suffix_and_a_diagnostic() -> None:
    document = verordening.parse("Artikel 5\nTekst.\nArtikel 5\n1. Tekst.\n2. Tekst.")
    assert ids(document) == ["art5", "art5~2", "art5~2/lid1", "art5~2/lid2"]
    assert any(d.code == "S004" for d in document.diagnostics)


def test_out_of_sequence_lid_is_reported() -> None:
    document = verordening.parse("Artikel 5\n1. Een.\n3. Drie.")
    assert [c.number for c in document.articles[0].children] == ["1", "3"]
    assert any(d.code == "S003" for d in document.diagnostics)


# -- front and back matter --------------------------------------------------------------------
FULL = """Verordening cliëntenparticipatie Voorbeeld 2024

De raad van de gemeente Voorbeeld;
gelezen het voorstel van burgemeester en wethouders van 1 mei 2024;
gelet op
• artikel 47 van de Participatiewet;
• artikel 2.1.3 van de Wet maatschappelijke ondersteuning 2015;
overwegende dat het wenselijk is de inspraak te regelen;
b e s l u i t :
vast te stellen de volgende verordening: Verordening cliëntenparticipatie Voorbeeld 2024

Artikel 1 Begrippen
In deze verordening wordt verstaan onder:
a.college: het college van burgemeester en wethouders;
b.adviesraad: de Adviesraad Sociaal Domein.

Artikel 2 Citeertitel
Deze verordening wordt aangehaald als Verordening cliëntenparticipatie.

Aldus vastgesteld in de openbare vergadering van 1 juli 2024.
De griffier,                De voorzitter,

Bijlage 1 Vergoedingen
Artikel 1 Reiskosten
Reiskosten worden vergoed.

Toelichting
Algemene toelichting
Deze verordening regelt de inspraak.
Artikelsgewijze toelichting
Artikel 1
Dit artikel spreekt voor zich.
Artikel 2
Geen opmerkingen.
"""


def test_front_body_and_back_matter() -> None:
    document = verordening.parse(FULL)
    kinds = [c.kind for c in document.children]
    assert kinds == ["title", "preamble", "article", "article", "closing", "annex", "toelichting"]
    assert document.title is not None
    assert document.title.title == "Verordening cliëntenparticipatie Voorbeeld 2024"
    preamble = document.preamble
    assert preamble is not None
    fields = {f.key: f.value for f in preamble.fields}
    assert fields["gelet_op"].startswith("artikel 47 van de Participatiewet; artikel 2.1.3")
    assert fields["besluit"].startswith("vast te stellen de volgende verordening")
    assert fields["orgaan"] == "De raad van de gemeente Voorbeeld"
    assert ids(document)[ids(document).index("art1") + 1] == "art1/a"
    assert document.get("bijlage1/art1").citation == "bijlage 1, artikel 1"
    assert [c.id for c in document.get("toel").children] == ["toel/art1", "toel/art2"]
    assert document.get("toel/art2").citation == "toelichting bij artikel 2"
    assert len(document.articles) == 2  # the annex and the toelichting are not the regulation


def test_gelet_op_text_is_kept_whole_and_located() -> None:
    document = verordening.parse(FULL)
    assert document.preamble is not None
    field = next(f for f in document.preamble.fields if f.key == "gelet_op")
    span = FULL[field.start : field.end]
    assert span.startswith("gelet op")
    assert "Wet maatschappelijke ondersteuning 2015" in span
    assert field.line == 5


def test_metadata_block_of_an_official_page() -> None:
    text = (
        "Ziet u een fout in deze regeling? Meld het ons!\nVoorbeeld\n\nVerordening X\n\n"
        "Wetstechnische informatie\n\nGegevens van de regeling\nOrganisatieVoorbeeld\n"
        "OrganisatietypeGemeente\nCiteertitelVerordening X\n\n"
        "Wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd\n\n"
        " 1. artikel 47 van de Participatiewet\n 2. artikel 150 van de Gemeentewet\n"
        "Overzicht van in de tekst verwerkte wijzigingen\n\nDatum inwerkingtreding\n\nBetreft\n\n"
        "01-01-201501-01-2016Nieuwe regeling\n\n04-12-2014\n\nGemeenteblad 2015, 12\n\n77\n\n"
        "Tekst van de regeling\n\nIntitulé\n\nVerordening X\n\nDe raad van de gemeente Voorbeeld;\n"
        "gelet op artikel 47 van de Participatiewet;\nbesluit:\nArtikel 1\nTekst."
    )
    document = verordening.parse(text)
    assert [c.kind for c in document.children] == ["metadata", "title", "preamble", "article"]
    assert document.metadata is not None
    values = [(f.key, f.value) for f in document.metadata.fields]
    assert ("organisatie", "Voorbeeld") in values
    assert ("citeertitel", "Verordening X") in values
    assert ("wettelijke_grondslag", "artikel 47 van de Participatiewet") in values
    assert ("inwerkingtreding", "01-01-2015") in values
    assert ("uitwerkingtreding", "01-01-2016") in values
    assert ("betreft", "Nieuwe regeling") in values
    assert ("kenmerk_voorstel", "77") in values
    organisatie = next(f for f in document.metadata.fields if f.key == "organisatie")
    assert text[organisatie.start : organisatie.end] == "Voorbeeld"


def test_closing_of_place_date_and_signature() -> None:
    document = verordening.parse(
        "Artikel 1\nTekst.\nArtikel 2\nDit besluit treedt in werking.\n\nAmsterdam\n23 december 2008\n\n"
        "Voorzitter Raad van bestuur,\nJ. Jansen"
    )
    assert [c.kind for c in document.children] == ["article", "article", "closing"]
    assert document.children[-1].text.startswith("Amsterdam")


def test_text_without_articles_is_unstructured_with_a_diagnostic() -> None:
    document = verordening.parse("Dit is een brief aan de raad.\nMet vriendelijke groet.")
    assert [c.kind for c in document.children] == ["unstructured"]
    assert [d.code for d in document.diagnostics] == ["S002", "S001"]


def test_empty_text() -> None:
    document = verordening.parse("")
    assert document.children == ()
    assert [d.code for d in document.diagnostics] == ["S001"]


# -- normalisation and offsets -------------------------------------------------------------------
def test_normalise_cleans_copy_paste() -> None:
    raw = "  • 1.\r\n\r\n   De ad\u00advies-\nraad  van\u00a0de\tgemeente\u200b;\n- a. de Wmo-\nraad"
    assert normalise(raw) == "1. De adviesraad van de gemeente;\na. de Wmo-raad"


def test_offsets_point_into_the_original_text() -> None:
    raw = "Artikel 1\r\n\r\n  •  1.\r\n\r\n     De adviesraad\u00a0adviseert.\r\n  • 2.\r\n     Tweede."
    document = verordening.parse(raw)
    lid = document.get("art1/lid1")
    assert raw[lid.start : lid.end] == "1.\r\n\r\n     De adviesraad\u00a0adviseert."
    assert lid.text == "1. De adviesraad adviseert."
    assert (lid.line, lid.column) == (3, 6)
    assert document.at(raw.index("adviseert")).id == "art1/lid1"
    assert document.at(0).id == "art1"


def test_lookup_by_id_and_errors() -> None:
    document = verordening.parse("Artikel 1\n1. Een.")
    assert document.get("art1/lid1").number == "1"
    assert document.find("art9") is None
    with pytest.raises(KeyError):
        document.get("art9")


def test_markdown_input_is_read_like_text() -> None:
    md = "## Regeling X\n\n### Artikel  1  \n\n####Definities\n\na.  *Wet:* [de wet](../x/README.md);  \n"
    document = verordening.parse(md)
    article = document.articles[0]
    assert article.title == "Definities"
    assert document.get("art1/a").text == "a. Wet: de wet;"


def test_a_list_written_on_one_line_is_split_into_its_onderdelen() -> None:
    text = (
        "Artikel 1 Begripsbepalingen\n"
        "In deze verordening wordt verstaan onder: a. wet: de Participatiewet;b. college: het college"
        " van burgemeester en wethouders; c. cliëntenraad: de raad, bedoeld in artikel 2.\n"
        "Artikel 2\nZie: a. de wet; c. het reglement.\n"
    )
    doc = verordening.parse(text)
    items = doc.get("art1").children
    assert [n.citation for n in items] == [f"artikel 1, onderdeel {x}" for x in "abc"]
    assert [n.text for n in items] == [
        "a. wet: de Participatiewet;",
        "b. college: het college van burgemeester en wethouders;",
        "c. cliëntenraad: de raad, bedoeld in artikel 2.",
    ]
    assert all(text[n.start : n.end] == n.text for n in items)
    assert doc.get("art2").children == ()  # labels out of order: no list


def test_a_lid_that_ends_with_a_date_is_no_signing_line() -> None:
    text = (
        "Verordening adviesraad Dalmeer\n\nArtikel 9 Slot\n1\nDeze verordening treedt in werking op "
        "1 april 2018.\n2\nZij wordt aangehaald als Verordening adviesraad Dalmeer.\n\n"
        "Aldus vastgesteld in de openbare vergadering van 25 maart 2018.\n"
    )
    leden = [n.citation for n in verordening.parse(text).root.walk() if n.kind == "lid"]
    assert leden == ["artikel 9, eerste lid", "artikel 9, tweede lid"]
    signed = verordening.parse(text.replace("Aldus vastgesteld in de openbare vergadering van", "Dalmeer,"))
    assert any(n.kind == "closing" for n in signed.root.walk())


def test_a_date_that_a_wrapped_lid_ends_with_opens_no_closing() -> None:
    # "... met ingang van" / "1 juli 2016." is the end of the lid's sentence: the leden after
    # it stay leden of the last article, the closing starts at "Aldus"
    text = (
        "Artikel 9 Inwerkingtreding\n1. Deze verordening treedt in werking met ingang van\n1 juli 2016.\n"
        "2. De Verordening cliëntenraad 2008 vervalt.\n3. Zij wordt aangehaald als: Verordening.\n\n"
        "Aldus besloten in de openbare vergadering van 26 april 2016.\n"
    )
    document = verordening.parse(text)
    assert [n.id for n in document.nodes() if n.kind == "lid"] == ["art9/lid1", "art9/lid2", "art9/lid3"]
    assert document.get("art9/lid1").text.endswith("met ingang van\n1 juli 2016.")
    assert document.get("slot").text.startswith("Aldus besloten")
    dated = verordening.parse(text.replace("Aldus besloten in de openbare vergadering van", "Dalmeer,"))
    assert dated.get("slot").text == "Dalmeer, 26 april 2016."


AMENDING = (
    "Wijziging Verordening cliëntenraad Dalmeer\n\n"
    "Artikel I\nDe Verordening cliëntenraad Dalmeer 2015 wordt als volgt gewijzigd:\n\n"
    "{a}\nArtikel 1, onderdeel d, komt te luiden:\nd. cliëntenraad: de Cliëntenraad Dalmeer;\n\n"
    "{b}\nArtikel 4 komt te luiden:\n\nArtikel 4 Advies\n1. Het college vraagt de cliëntenraad advies.\n"
    "2. De cliëntenraad kan ook ongevraagd adviseren.\n\n"
    "Artikel II\nDeze regeling treedt in werking op 1 januari 2017.\n"
)


@pytest.mark.parametrize(
    ("a", "b"), [("A", "B"), ("A.", "B."), ("A. In artikel 2 vervalt het derde lid.", "B.")]
)
def test_an_amending_article_holds_its_onderdelen_and_the_articles_it_quotes(a: str, b: str) -> None:
    """'Artikel I' of an amending regulation: its onderdelen A, B, ... (a capital alone on its line or
    before what it changes); the articles it quotes are their text, not articles of this regulation."""
    doc = verordening.parse(AMENDING.format(a=a, b=b))
    articles = [n.citation for n in doc.root.walk() if n.kind == "article"]
    assert articles == ["artikel I", "artikel II"]
    items = [n.citation for n in doc.get("arti").children]
    assert items == ["artikel I, onderdeel A", "artikel I, onderdeel B"]
    assert "1. Het college vraagt de cliëntenraad advies." in doc.get("arti").children[1].text
    # ... cited on its own, not with the opening words of the amending article
    report = verordening.check(doc, frameworks=["participatiewet"])
    assert [c.citation for c in report.elements["advice"].citations] == ["artikel I, onderdeel B"]


def test_articles_numbered_in_arabic_after_a_roman_one_are_read_as_usual() -> None:
    text = (
        "Artikel 1\nEr is een cliëntenraad.\n\nArtikel 2 Advies\n1. De cliëntenraad adviseert.\nB. Jansen\n"
    )
    doc = verordening.parse(text)
    assert [n.citation for n in doc.root.walk() if n.kind == "article"] == ["artikel 1", "artikel 2"]
    assert [n.citation for n in doc.get("art2").children] == ["artikel 2, eerste lid"]

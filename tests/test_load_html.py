"""Official publication pages: the text as plain text has it, the metadata in ``Source.info``.

One small regulation (three articles, leden, onderdelen, a preamble citing artikel 47 of the
Participatiewet) is written here as plain text and as the two page layouts the reader knows:
(a) lokaleregelgeving.overheid.nl, with the "Wetstechnische informatie" before "Tekst van de
regeling", and (b) the Gemeenteblad on zoek.officielebekendmakingen.nl, with its table of
publication data before the title. ``test_load_cvdr.py`` adds the same regulation as CVDR XML.
Hostile pages are refused (or read harmlessly) with one line, fast and small.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.cli import main
from verordening.load import Limits, LoadError, html, load
from verordening.load.html import read_html
from verordening.load.markup import fold, labels

from .hostile import FORMATS, measure, only_load_errors, refused_in_one_line

TITLE = "Verordening cliëntenparticipatie Participatiewet Zandvoorde 2016"
PREAMBLE = [
    "De raad van de gemeente Zandvoorde;",
    "gelezen het voorstel van burgemeester en wethouders van 1 december 2015;",
    "gelet op artikel 47 van de Participatiewet;",
    "besluit vast te stellen de volgende verordening:",
    TITLE,
]
ART1 = [
    "cliëntenraad: de cliëntenraad Participatiewet Zandvoorde;",
    "college: het college van burgemeester en wethouders van Zandvoorde;",
    "cliënt: een persoon als bedoeld in artikel 7, eerste lid, onderdeel a, van de Participatiewet.",
]
ART2 = [
    "De cliëntenraad adviseert het college gevraagd en ongevraagd over het beleid en de uitvoering van de "
    "Participatiewet.",
    "Het college vraagt het advies van de cliëntenraad tijdig, op een zodanig tijdstip dat het advies van "
    "wezenlijke invloed kan zijn op de besluitvorming.",
    "Het college:",
]
ART2_3 = [
    "voert ten minste viermaal per jaar overleg met de cliëntenraad;",
    "verstrekt de cliëntenraad tijdig alle informatie die hij voor zijn taak nodig heeft;",
    "zet onderwerpen die de cliëntenraad aandraagt op de agenda van het overleg.",
]
ART3 = [
    "Het college stelt de cliëntenraad een vergoeding en ambtelijke ondersteuning ter beschikking.",
    "Deze verordening treedt in werking op 1 januari 2016.",
]
CLOSING = "Aldus vastgesteld in de openbare vergadering van 17 december 2015."

TXT = "\n".join(
    [TITLE, "", *PREAMBLE, "", "Artikel 1 Begripsbepalingen", "In deze verordening wordt verstaan onder:"]
    + [f"{letter}. {text}" for letter, text in zip("abc", ART1, strict=True)]
    + ["", "Artikel 2 Taken van de cliëntenraad"]
    + [f"{n}. {text}" for n, text in enumerate(ART2, 1)]
    + [f"{letter}. {text}" for letter, text in zip("abc", ART2_3, strict=True)]
    + ["", "Artikel 3 Ondersteuning en inwerkingtreding"]
    + [f"{n}. {text}" for n, text in enumerate(ART3, 1)]
    + ["", CLOSING, ""]
)


def p(*texts: str) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


# Layout (a): the numbers of leden and onderdelen the way the site prints them - a list item
# with its number in a paragraph of its own, an <ol> (type a inside), a number in a <span> -
# and the article heading in spans.
ARTICLES_A = (
    '<div class="artikel"><h4 class="artikel_kop"><span>Artikel</span><span>1</span><span>Begripsbepalingen'
    "</span></h4>" + p("In deze verordening wordt verstaan onder:") + "<ul>"
    + "".join(f"<li>{p(f'{letter}.', text)}</li>" for letter, text in zip("abc", ART1, strict=True))
    + '</ul></div><div class="artikel"><h4>Artikel 2 Taken van de cliëntenraad</h4><ol>'
    + f"<li>{ART2[0]}</li><li>{ART2[1]}</li><li>{ART2[2]}<ol type=\"a\">"
    + "".join(f"<li>{text}</li>" for text in ART2_3)
    + '</ol></li></ol></div><div class="artikel"><h4>Artikel 3 Ondersteuning en inwerkingtreding</h4><ul>'
    + "".join(f"<li><span>{n}.</span> {text}</li>" for n, text in enumerate(ART3, 1))
    + "</ul></div>"
    + p(CLOSING)
)  # fmt: skip

HTML_A = f"""<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>{TITLE} | Lokale wet- en regelgeving</title>
<script>document.write("<p>Artikel 99 Ingevoegd</p>");</script><style>p {{ margin: 0 }}</style></head>
<body><header><nav><a href="/">Home</a> <a href="/zoeken">Zoeken</a></nav></header>
<main id="content"><p>Ziet u een fout in deze regeling? Meld het ons op regelgeving@overheid.nl!</p>
<p>Zandvoorde</p><h1>{TITLE}</h1><p>Geldend van 01-01-2016 t/m 31-12-2022</p>
<h2>Wetstechnische informatie</h2><h3>Gegevens van de regeling</h3>
<table><tr><th>Organisatie</th><td>Zandvoorde</td></tr><tr><th>Organisatietype</th><td>Gemeente</td></tr>
<tr><th>Officiële naam regeling</th><td>{TITLE}</td></tr>
<tr><th>Citeertitel</th><td>Verordening cliëntenparticipatie Zandvoorde</td></tr>
<tr><th>Vastgesteld door</th><td>gemeenteraad</td></tr><tr><th>Onderwerp</th><td>werk en inkomen</td></tr>
<tr><th>CVDR-nummer</th><td>CVDR999001/1</td></tr></table>
<h3>Wettelijke grondslag(en) of bevoegdheid waarop de regeling is gebaseerd</h3>
<ol><li>Participatiewet, art. 47</li><li>Gemeentewet, art. 147</li></ol>
<h3>Overzicht van in de tekst verwerkte wijzigingen</h3>
<table><thead><tr><th>Datum inwerking-<br>treding</th><th>Terugwerkende<br>kracht tot en met</th>
<th>Datum uitwerking-<br>treding</th><th>Betreft</th><th>Datum ondertekening</th><th>Bron bekendmaking</th>
<th>Kenmerk voorstel</th></tr></thead><tbody><tr><td>01-01-2016</td><td></td><td>31-12-2022</td>
<td>nieuwe regeling</td><td><p>17-12-2015</p></td><td><p>Zandvoorder Courant, 23-12-2015</p></td>
<td><p>RV-88</p></td></tr></tbody></table>
<h2>Tekst van de regeling</h2><h3>Intitulé</h3><p>{TITLE}</p>{p(*PREAMBLE)}{ARTICLES_A}</main>
<footer><p>Over deze site</p><p>Artikel 1 van de privacyverklaring</p></footer></body></html>
"""

# Layout (b): a banner and the table of publication data; leden in a table, onderdelen in a
# definition list, a list that starts at 3, numbers typed in paragraphs; Windows-1252.
HTML_B = (
    """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Gemeenteblad 2015, 12345 | Overheid.nl</title><meta name="DCTERMS.available" content="2015-12-23">
</head><body><div class="skiplinks"><a href="#content">Naar de inhoud</a></div><div id="content">
<p>Gemeenteblad van Zandvoorde</p><table><tr><th>Datum publicatie</th><th>Organisatie</th>
<th>Jaargang en nummer</th><th>Rubriek</th></tr><tr><td>24-12-2015</td><td>gemeente Zandvoorde</td>
<td>Gemeenteblad 2015, 12345</td><td>Verordeningen</td></tr></table>"""
    + f"<h1>{TITLE.replace('ë', '&euml;')}</h1>{p(*PREAMBLE)}<h2>Artikel 1 Begripsbepalingen</h2>"
    + p("In deze verordening wordt verstaan onder:")
    + "<dl>" + "".join(f"<dt>{x}.</dt><dd>{t}</dd>" for x, t in zip("abc", ART1, strict=True)) + "</dl>"
    + "<h2>Artikel 2 Taken van de cliëntenraad</h2><table>"
    + "".join(f"<tr><td>{n}.</td><td>{text}</td></tr>" for n, text in enumerate(ART2[:2], 1))
    + f'</table><ol start="3"><li>{ART2[2]}<ol type="a">'
    + "".join(f"<li>{text}</li>" for text in ART2_3)
    + "</ol></li></ol><h2>Artikel 3 Ondersteuning en inwerkingtreding</h2>"
    + p(*(f"{n}. {text}" for n, text in enumerate(ART3, 1)), CLOSING)
    + "</div></body></html>"
).encode("cp1252")  # fmt: skip

HOSTILE_SECRET = "GEHEIM-html-4d1e-INHOUD"


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def structure(path: Path) -> list[tuple[str, str]]:
    """The articles, leden and onderdelen of a file: kind and citation, in order."""
    document = verordening.parse_file(path)
    kinds = ("article", "lid", "onderdeel")
    return [(n.kind, n.citation) for n in document.root.walk() if n.kind in kinds]


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, Path]:
    return {
        "txt": write(tmp_path, "zandvoorde.txt", TXT),
        "html_a": write(tmp_path, "zandvoorde_a.html", HTML_A),
        "html_b": write(tmp_path, "zandvoorde_b.htm", HTML_B),
    }


# -- the text ----------------------------------------------------------------------------------
@pytest.mark.parametrize("layout", ["html_a", "html_b"])
def test_both_layouts_give_the_articles_leden_and_onderdelen_of_the_text(
    layout: str, pages: dict[str, Path]
) -> None:
    expected = structure(pages["txt"])
    assert len([k for k, _ in expected if k == "article"]) == 3
    assert ("onderdeel", "artikel 2, derde lid, onderdeel c") in expected
    assert structure(pages[layout]) == expected


def test_both_layouts_give_the_statuses_of_the_text(pages: dict[str, Path]) -> None:
    reports = {name: verordening.check_file(path, model="builtin") for name, path in pages.items()}
    statuses = {name: {e: r.status for e, r in report.elements.items()} for name, report in reports.items()}
    assert statuses["txt"]["advice"] == "present"
    assert statuses["html_a"] == statuses["txt"] == statuses["html_b"]
    assert {report.verdict for report in reports.values()} == {"participation_bylaw"}


def test_metadata_and_chrome_stay_out_of_the_text() -> None:
    text = load(HTML_A.encode(), name="a.html").text
    assert text.startswith(TITLE + "\n")
    assert text.count(TITLE) == 2  # the title and the closing words of the preamble, no third
    left_out = [
        "Wetstechnische",
        "Organisatietype",
        "Geldend van",
        "Ziet u een fout",
        "Intitulé",
        "Artikel 99",
    ]
    left_out += ["privacyverklaring", "Home", "Datum inwerking", "Gemeentewet"]
    for words in left_out:
        assert words not in text, words
    assert "\nArtikel 1 Begripsbepalingen\n" in text  # the heading's spans, spaced
    assert "\na. cliëntenraad: de cliëntenraad" in text  # a label in a paragraph of its own
    assert "\n3. Het college:\na. voert ten minste" in text  # the <ol> and the <ol type="a">
    assert "\n2. Deze verordening treedt" in text  # a label in a <span>


def test_layout_b_leaves_out_the_banner_and_publication_table() -> None:
    source = load(HTML_B, name="b.html")
    assert source.text.startswith(TITLE + "\n")
    assert "Gemeenteblad" not in source.text
    assert "Naar de inhoud" not in source.text
    assert "\n1. De cliëntenraad adviseert" in source.text  # the leden in a table
    assert "\nb. college: het college" in source.text  # the onderdelen in a definition list
    assert "\n3. Het college:\na. voert" in source.text  # a list that starts at 3


# -- the metadata ------------------------------------------------------------------------------
def test_layout_a_metadata_is_read_into_source_info() -> None:
    info = load(HTML_A.encode(), name="a.html").info
    assert info.format == "html"
    assert info.encoding == "utf-8"
    assert info.title == TITLE  # the official name before the citeertitel
    assert info.organisation == "Zandvoorde"
    assert info.cvdr_id == "CVDR999001_1"
    assert info.adopted == "2015-12-17"
    assert info.published == "2015-12-23"  # the date in "Bron bekendmaking"
    assert (info.in_force_from, info.in_force_until) == ("2016-01-01", "2022-12-31")
    assert info.legal_basis == ("Participatiewet, art. 47", "Gemeentewet, art. 147")


def test_layout_b_metadata_is_read_into_source_info() -> None:
    info = load(HTML_B, name="b.html").info
    assert (info.encoding, info.title, info.organisation) == ("cp1252", TITLE, "Zandvoorde")
    assert info.published == "2015-12-24"  # the visible table before the head's <meta>
    assert info.cvdr_id is None
    assert info.legal_basis == ()


def test_check_json_carries_the_metadata_as_source(
    pages: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", "--model", "builtin", str(pages["html_a"])]) == 0
    source = json.loads(capsys.readouterr().out)["source"]
    assert source["format"] == "html"
    assert source["cvdr_id"] == "CVDR999001_1"
    assert source["in_force_from"] == "2016-01-01"
    assert source["legal_basis"] == ["Participatiewet, art. 47", "Gemeentewet, art. 147"]


def test_a_nested_list_of_legal_bases_gives_each_item_once() -> None:
    page = (
        "<html><body><h1>Regeling Y</h1><table><tr><th>Organisatie</th><td>Wijk</td></tr>"
        "<tr><th>Wettelijke grondslag</th><td><ul><li>Participatiewet<ul><li>artikel 47</li>"
        "<li>artikel 8a</li></ul></li><li>Gemeentewet, art. 147</li></ul></td></tr></table>"
        "<h2>Artikel 1</h2><p>De adviesraad adviseert.</p></body></html>"
    )
    assert load(page.encode(), name="y.html").info.legal_basis == (
        "Participatiewet",
        "artikel 47",
        "artikel 8a",
        "Gemeentewet, art. 147",
    )


def test_a_page_number_before_the_explanatory_notes_leaves_them_notes(tmp_path: Path) -> None:
    """A bare number waits for the line it numbers, but not for "Toelichting": "3 Toelichting" is
    no heading, and the notes' own "Artikel 1" would be read as a second, binding article."""
    page = (
        "<html><body><h4>Artikel 1 Taak</h4><p>De adviesraad adviseert het college.</p><p>3</p>"
        "<p>Toelichting</p><p>Artikel 1</p><p>Het college stelt een ambtelijk secretaris beschikbaar.</p>"
        "</body></html>"
    )
    assert "\n3\nToelichting\n" in load(page.encode(), name="t.html").text
    path = tmp_path / "t.html"
    path.write_text(page, encoding="utf-8")
    assert [article.id for article in verordening.parse_file(path).articles] == ["art1"]
    lid = b"<html><body><h4>Artikel 2 Slot</h4><p>3</p><p>Toelichting op de kosten volgt.</p></body></html>"
    assert load(lid, name="l.html").text.endswith("3 Toelichting op de kosten volgt.\n")


def test_a_page_with_only_the_in_force_line_and_a_label_table() -> None:
    page = (
        "<html><body><h1>Regeling X</h1><p>Regeling vervallen per 01-03-2017</p>"
        "<p>Geldend van 01-01-2007 t/m 28-02-2017</p><dl><dt>Organisatie:</dt><dd>Gemeente Wijk</dd>"
        "<dt>Wettelijke grondslag</dt><dd><ul><li>Gemeentewet, art. 150</li></ul></dd></dl>"
        "<h2>Artikel 1</h2><p>De adviesraad adviseert.</p></body></html>"
    )
    source = load(page.encode(), name="x.html")
    assert source.text == "Regeling X\n\nArtikel 1\nDe adviesraad adviseert.\n"
    info = source.info
    assert (info.title, info.organisation) == ("Regeling X", "Wijk")
    assert (info.in_force_from, info.in_force_until) == ("2007-01-01", "2017-02-28")
    assert info.legal_basis == ("Gemeentewet, art. 150",)


def test_the_labels_know_every_label_of_the_real_pages(real: Path) -> None:
    """The text renderings of real pages glue each label to its value ("OrganisatieSchagen"):
    every line of their metadata block starts with a label of ``labels.yaml``, and the
    columns of their table of changes ("Datum inwerking-" "treding" ...) and of the
    Gemeenteblad's table are all labels."""
    known = sorted(set(labels().fields) | labels().other, key=len, reverse=True)

    def starts_known(text: str) -> str | None:
        return next((label for label in known if fold(text).startswith(label)), None)

    def all_labels(text: str) -> bool:
        text = fold(text)
        while text:
            label = starts_known(text)
            if label is None:
                return False
            text = text[len(label) :].strip()
        return True

    pages = [p for p in sorted(real.glob("pages*/*.txt")) if "Wetstechnische informatie" in p.read_text()]
    assert len(pages) >= 10
    for page in pages:
        lines = [line.strip() for line in page.read_text(encoding="utf-8").splitlines()]
        block = lines[lines.index("Gegevens van de regeling") + 1 :]
        block = block[: block.index("")]
        assert all(starts_known(line) for line in block), (page.name, block)
        overview = "Overzicht van in de tekst verwerkte wijzigingen"
        if overview in lines:
            columns = [x for x in lines[lines.index(overview) + 1 :] if x]
            columns = columns[: next(i for i, x in enumerate(columns) if x[0].isdigit())]
            assert all_labels(" ".join(columns)), (page.name, columns)
    assert all_labels("Datum publicatieOrganisatieJaargang en nummerRubriek")  # the Gemeenteblad of Ede


# -- lists, headings, chrome, encodings -----------------------------------------------------------
@pytest.mark.parametrize(
    ("markup", "lines"),
    [
        ('<ol type="a" start="2"><li>een</li><li value="5">twee</li></ol>', ["b. een", "e. twee"]),
        ('<ol type="i"><li>een</li><li>twee</li></ol>', ["i. een", "ii. twee"]),
        ("<ol><li>2. al genummerd</li><li>a) ook</li></ol>", ["2. al genummerd", "a) ook"]),
        # a word of two letters and a full stop is no label: "Ja." opens an item the list numbers
        ("<ol><li>Ja. Dat mag.</li><li>Op. Dat ook.</li><li>bb. wel</li></ol>",
         ["1. Ja. Dat mag.", "2. Op. Dat ook.", "bb. wel"]),
        ("<ul><li><p>1.</p><p>lid</p><ul><li><p>a.</p><p>onderdeel</p></li></ul></li></ul>",
         ["1. lid", "a. onderdeel"]),
        ("<ul><li>zonder nummer</li></ul><p>1°.</p><p>sub</p>", ["zonder nummer", "1°. sub"]),
        ("<ul><li><p><span>2.</span>Glued</p></li></ul>", ["2. Glued"]),
        ('<div class="kop"><b>Artikel</b><b>4</b></div><p>a<br>b</p>', ["", "Artikel 4", "a", "b"]),
        ("<table><tr><td>a.</td><td>de wet:</td><td>de Participatiewet;</td></tr></table>",
         ["a. de wet: de Participatiewet;"]),
    ],
)  # fmt: skip
def test_lists_keep_their_numbers_and_headings_their_lines(markup: str, lines: list[str]) -> None:
    text = load(f"<html><body><h2>Artikel 1</h2>{markup}</body></html>".encode(), name="l.html").text
    assert text.splitlines()[1:] == lines


def test_chrome_is_left_out_but_an_articles_own_header_is_kept() -> None:
    page = (
        '<html><body><header><p>Overheid.nl</p></header><div role="navigation"><p>Menu</p></div>'
        '<div hidden><p>Verborgen</p></div><p aria-hidden="true">Icoon</p><div class="breadcrumb">Pad</div>'
        "<article><header><h1>Verordening Y</h1></header><p>Artikel 1 Tekst</p></article>"
        "<aside>Zie ook</aside><footer>Voet</footer><noscript>Zet scripts aan</noscript></body></html>"
    )
    assert load(page.encode(), name="c.html").text == "Verordening Y\nArtikel 1 Tekst\n"


@pytest.mark.parametrize(
    ("data", "encoding", "codes"),
    [
        ('<meta charset="iso-8859-1"><p>Cliënt €</p>'.encode("cp1252"), "cp1252", []),
        ('<meta charset="utf-16"><p>Cliënt €</p>'.encode(), "utf-8", []),  # as browsers read it
        ("<p>Cliënt €</p>".encode("utf-16"), "utf-16", ["L004"]),
        ("<p>Cliënt €</p>".encode("cp1252"), "cp1252", ["L001"]),
        ('<?xml version="1.0" encoding="windows-1252"?><html><p>Cliënt €</p></html>'.encode("cp1252"),
         "cp1252", []),
        ('<meta charset="hex"><p>Cliënt €</p>'.encode(), "utf-8", []),  # not a text encoding
    ],
)  # fmt: skip
def test_the_page_is_decoded_by_its_mark_or_its_declared_charset(
    data: bytes, encoding: str, codes: list[str]
) -> None:
    source = load(data, name="e.html", format="html")
    assert source.text == "Cliënt €\n"
    assert (source.encoding, [d.code for d in source.diagnostics]) == (encoding, codes)


def test_limits_hold(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"nested more than 5 elements deep \(limit depth\)"):
        load(HTML_A.encode(), name="a.html", limits=Limits(depth=5))
    with pytest.raises(LoadError, match=r"limit text_chars"):
        load(HTML_A.encode(), name="a.html", limits=Limits(text_chars=500))
    with pytest.raises(LoadError, match=r"limit number"):
        load(b'<ol start="999999999"><li>x</li></ol>', name="n.html", format="html")
    with pytest.raises(LoadError, match="without any text"):
        load(b"<html><body><script>x</script></body></html>", name="s.html")


@pytest.mark.parametrize(
    ("charset", "text", "encoding"),
    [("utf-7", "Cliënt €", "utf-8"), ("cp037", "Cliënt €", "utf-8"), ("punycode", "Lid 1-a", "utf-8"),
     ("utf_16_be", "Cliënt €", "utf-8"), ("UTF-32LE", "Cliënt €", "utf-8"),
     ("windows-1250", "Cliënt €", "cp1250"), ("latin1", "Cliënt €", "cp1252")],
)  # fmt: skip
def test_only_a_charset_of_the_web_is_taken_as_declared(charset: str, text: str, encoding: str) -> None:
    """Python's codecs for EBCDIC, UTF-7 or punycode (whose decoder is quadratic) are no page's
    charset; nor is UTF-16 in any spelling without a byte order mark (read as UTF-8)."""
    data = f'<meta charset="{charset}"><p>{text}</p>'.encode("utf-8" if encoding == "utf-8" else encoding)
    source = load(data, name="e.html", format="html")
    assert (source.text, source.encoding) == (f"{text}\n", encoding)


def test_a_paragraph_over_the_parsers_10_mb_is_read_whole() -> None:
    """libxml2 stops at a text node over 10 MB unless allowed; the text after it was lost."""
    page = (
        b"<html><body><h1>V</h1><p>Artikel 1</p><p>" + b"ab " * 3_500_000 + b"</p><p>Artikel 2</p>"
        b"<p>De raad stelt een adviesraad in.</p></body></html>"
    )
    text = read_html(page, Limits()).text
    assert text.endswith("ab\nArtikel 2\nDe raad stelt een adviesraad in.\n")
    assert len(text) > 10_000_000


def test_a_page_the_parser_stops_in_is_refused_not_read_in_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(html._PARSER, "huge_tree", False)  # (the parser's own limit of 10 MB)
    page = b"<html><body><p>Artikel 1</p><p>" + b"ab " * 3_500_000 + b"</p><p>Artikel 2</p></body></html>"
    with pytest.raises(LoadError, match=r"^p.html: could not be read to its end \(the HTML parser") as error:
        load(page, name="p.html")
    assert "\n" not in str(error.value)
    assert "ab ab" not in str(error.value)


def assert_linear_load(
    read: Callable[[bytes, Limits], object], build: Callable[[int], bytes], n: int
) -> None:
    """``read`` of ``build(2 * n)`` takes less than three times as long as of ``build(n)``: the best
    of up to five timings of each, in turns, without the garbage collector (as
    ``test_linear_time.assert_linear``; a run under 20 ms counts as 20 ms). The time is the
    process's own (CPU time), which other work on a busy machine hardly changes. What was
    quadratic took about four times as long."""
    pages = build(n), build(2 * n)

    def seconds(page: bytes) -> float:
        gc.collect()
        gc.disable()
        try:
            began = time.process_time()
            read(page, Limits())
            return time.process_time() - began
        finally:
            gc.enable()

    once, twice = float("inf"), float("inf")
    for run in range(5):
        once, twice = min(once, seconds(pages[0])), min(twice, seconds(pages[1]))
        if run >= 1 and twice / max(once, 0.02) < 2.5:
            return
    assert twice / max(once, 0.02) < 3, f"n={n}: {once:.3f} s, 2n: {twice:.3f} s"


def _page(body: bytes) -> bytes:
    return b"<html><body>" + body + b"<p>Artikel 1</p><p>De raad stelt een adviesraad in.</p></body></html>"


def _nested(start: bytes, end: bytes) -> Callable[[int], bytes]:
    """n elements in one another around a text of n times 6 KB."""
    return lambda n: _page(start * n + b"ab " * 2_000 * n + end * n)


@pytest.mark.timing
@pytest.mark.parametrize(
    ("build", "n"),
    [
        # the line so far was joined for every element of it
        (lambda n: _page(b"<p>" + b"<b>x</b>" * n + b"</p>"), 20_000),
        # the blocks before the text were copied for every label among them
        (lambda n: _page(b"<p>Organisatie</p>" * n + b"<p>Tekst van de regeling</p>"), 10_000),
        # the whole text of an element was read at every level of a nest: n levels of n texts
        (_nested(b"<span>", b"</span>"), 40),
        (_nested(b"<ol><li>", b"</li></ol>"), 40),
        # a list item of the legal basis held the text of every item inside it
        (lambda n: _page(b"<table><tr><th>Organisatie</th><td>Wijk</td></tr><tr><th>Wettelijke grondslag"
                         b"</th><td>" + b"<ul><li>" * n + b"ab " * 2_000 * n + b"</li></ul>" * n
                         + b"</td></tr></table>"), 40),
    ],
    ids=["inline elements", "labels", "nested spans", "nested lists", "nested legal bases"],
)  # fmt: skip
def test_a_page_twice_as_large_takes_at_most_about_twice_as_long(
    build: Callable[[int], bytes], n: int
) -> None:
    assert_linear_load(read_html, build, n)


# -- hostile pages -------------------------------------------------------------------------------
def hostile(secret: Path) -> dict[str, bytes]:
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return {
        "billion-laughs": f"<!DOCTYPE html [{laughs}]><html><body><p>&j;</p></body></html>".encode(),
        "xxe": f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>&x;</p></body></html>'.encode(),
        "deep-nesting": b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
        "huge-attribute": b'<html><body><p title="' + b"x" * 40_000_000 + b'">Artikel 1</p></body></html>',
        "attribute-flood": b"<html><body><p " + b" ".join(b"a%d=b" % i for i in range(200_000)) + b">x</p>",
        "tag-flood": b"<html><body>" + b"<a" * 1_000_000,
    }  # fmt: skip


HARMLESS = {  # read, or refused: either way one line and fast
    "truncated": HTML_A.encode()[: len(HTML_A) // 2],
    "random-bytes": bytes(range(256)) * 400,
    "tag-soup": b"<html><p <<a </ p>>" * 20_000 + b"<!-- never closed",
}


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile_html")
    secret = write(folder, "geheim.txt", HOSTILE_SECRET + "\n")
    made = {name: write(folder, f"{name}.html", data) for name, data in hostile(secret).items()}
    made.update({name: write(folder, f"{name}.html", data) for name, data in HARMLESS.items()})
    made["valid"] = write(folder, "valid.html", HTML_A)
    return made


@pytest.mark.timing
@pytest.mark.parametrize("case", sorted(hostile(Path("/x"))))
def test_a_hostile_page_is_one_line_and_exit_2(
    case: str, hostile_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    refused_in_one_line(hostile_files[case], HOSTILE_SECRET, capsys)


@pytest.mark.timing
@pytest.mark.parametrize("case", sorted(HARMLESS))
def test_a_broken_page_is_read_harmlessly_or_refused_in_one_line(
    case: str, hostile_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    path = hostile_files[case]
    began = time.perf_counter()
    code = main(["parse", str(path)])
    assert time.perf_counter() - began < 2.0
    _out, err = capsys.readouterr()
    assert code in (0, 2, 3)
    assert err.count("\n") == (1 if code == 2 else 0)
    assert "Traceback" not in err


@pytest.mark.timing
@pytest.mark.parametrize("case", [*sorted(hostile(Path("/x"))), "truncated", "valid"])
def test_a_hostile_page_costs_little_time_and_memory(case: str, hostile_files: dict[str, Path]) -> None:
    path = hostile_files[case]
    outcome, seconds, peak = measure([path], FORMATS)[path]
    assert outcome == ("loaded" if case in ("truncated", "valid") else "LoadError")
    assert seconds < 1.0
    assert peak < 200, f"{peak} MB"  # well under 300 MB: about what a valid page costs


def test_the_installed_command_says_nothing_of_the_secret(hostile_files: dict[str, Path]) -> None:
    paths = [str(hostile_files[name]) for name in ("xxe", "billion-laughs", "deep-nesting")]
    done = subprocess.run(
        [sys.executable, "-m", "verordening", "check", *paths], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert [line.split(": ")[1] for line in done.stderr.splitlines()] == paths
    assert HOSTILE_SECRET not in done.stdout + done.stderr


# -- fuzzing -------------------------------------------------------------------------------------
PIECES = st.sampled_from(
    ["<", ">", "</", "/>", "<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "&", "&amp;", "&#", "&#x110000;",
     "<p>", "</p>", "<ol", ' start="', ' type="a"', ' value="-3"', "<li>", "</li>", "<ul>", "<table>",
     "<tr>", "<td>", "<th>", "<dl>", "<dt>", "<dd>", "<h1>", "<br>", "<pre>", "<script>", "<header>",
     "Artikel 1", "Organisatie", "Datum inwerkingtreding", "Tekst van de regeling", "Geldend van 01-01-2016",
     "1.", "a.", " ", "\n", "\x00", "é", '<meta charset="', "utf-16", '">'])  # fmt: skip
PAGES = st.one_of(
    st.binary(max_size=400),
    st.lists(PIECES, max_size=60).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_any_bytes_give_text_or_a_load_error(data: bytes) -> None:
    only_load_errors(data, "fuzz.html", "html", read_html)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PAGES)
def test_any_bytes_give_text_or_a_load_error_many(data: bytes) -> None:
    only_load_errors(data, "fuzz.html", "html", read_html)

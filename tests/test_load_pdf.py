"""The PDF reader: reading order from positions, page furniture, paragraphs, hyphens, the
publication data, and hostile files. Every PDF is built in code (``pdfmaker.py``)."""

from __future__ import annotations

import gc
import io
import json
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.load import LoadError, load, pdf, pdf_page
from verordening.load.pdf_layout import Line
from verordening.load.pdf_text import paragraphs

from .hostile import only_load_errors
from .pdfmaker import (
    Block,
    Text,
    bomb_pdf,
    column_pages,
    form_pdf,
    make_pdf,
    nested_pdf,
    pdf_from_objects,
    repeated_page_pdf,
    scan_pdf,
    shows_pdf,
    text_width,
)

BYLAW = """\
Verordening cliëntenparticipatie Participatiewet Dalmeer 2021
De raad van de gemeente Dalmeer;
gelezen het voorstel van burgemeester en wethouders van 2 maart 2021;
gelet op artikel 47 van de Participatiewet;
besluit vast te stellen de volgende verordening:
Verordening cliëntenparticipatie Participatiewet Dalmeer 2021
Artikel 1 Begripsbepalingen
In deze verordening wordt verstaan onder:
a. cliëntenraad: de cliëntenraad, bedoeld in artikel 2;
b. college: het college van burgemeester en wethouders van Dalmeer;
c. wet: de Participatiewet.
Artikel 2 Cliëntenraad en advies
1. Er is een cliëntenraad die de gezamenlijke belangen van cliënten behartigt bij de uitvoering van de wet.
2. De cliëntenraad brengt het college gevraagd en ongevraagd advies uit over beleidsvoorstellen \
en verordeningen op grond van de wet.
3. Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn op de besluitvorming.
Artikel 3 Overleg, informatie en ondersteuning
1. Het college en de cliëntenraad voeren ten minste vier keer per jaar overleg over de cliëntenparticipatie.
2. Het college:
a. verstrekt de cliëntenraad tijdig alle informatie die hij voor zijn taak nodig heeft;
b. stelt de cliëntenraad een budget en secretariële ondersteuning ter beschikking;
c. zet onderwerpen die de cliëntenraad aanmeldt op de agenda van het overleg.
"""
HYPHENATE = {
    "cliëntenparticipatie": "cliënten-|participatie",
    "cliëntenparticipatie.": "cliënten-|participatie.",
    "besluitvorming.": "besluit-|vorming.",
    "beleidsvoorstellen": "beleids-|voorstellen",
    "ondersteuning": "onder-|steuning",
    "burgemeester": "burge-|meester",
    "wethouders": "wet-|houders",
    "verordeningen": "verorde-|ningen",
}
HEADER = [
    Text(70, 792, "GEMEENTEBLAD", 20, bold=True),
    Text(330, 796, "Officiële uitgave van de gemeente Dalmeer", 9),
    Text(330, 784, "Nr. 12345", 9),
    Text(330, 772, "14 mei 2021", 9),
]
RUNNING = "gemeenteblad 2021 nr. 12345 14 mei 2021"
FURNITURE = ("GEMEENTEBLAD", "gemeenteblad", "Officiële uitgave", "Nr. 12345", "14 mei 2021", "Pagina")


def _blocks(text: str = BYLAW) -> list[Block]:
    out = []
    for n, line in enumerate(text.splitlines()):
        heading = line.startswith("Artikel") or n == 0
        size = 12.0 if n == 0 else None
        out.append(Block(line, bold=heading, space=6.0 if heading or n < 5 else 0.0, size=size))
    return out


def _pages(**options: object) -> list[list[Text]]:
    settings = {"header": HEADER, "running": RUNNING, "lines_per_column": 14, "hyphenate": HYPHENATE}
    settings.update(options)
    return column_pages(_blocks(), **settings)  # type: ignore[arg-type]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# -- the reading ---------------------------------------------------------------------------------
def test_the_fixture_is_two_columns_on_two_pages_with_a_broken_word() -> None:
    pages = _pages()
    assert len(pages) == 2
    body = [t for t in pages[0] if 100 < t.y < 760]
    assert {t.x for t in body} >= {70.0, 70.0 + 215.5 + 24}  # both columns used on page 1
    assert any(t.text.endswith("-") for page in pages for t in page)


@pytest.mark.parametrize("shuffle", [None, 7])
@pytest.mark.parametrize("words", [False, True])
def test_two_columns_read_as_the_text_whatever_the_stream_order(shuffle: int | None, words: bool) -> None:
    source = load(make_pdf(_pages(), shuffle=shuffle, words=words, compress=True), name="v.pdf")
    assert _lines(source.text) == _lines(BYLAW)
    assert not any(word in source.text for word in FURNITURE)


def test_publication_data_becomes_source_info() -> None:
    info = load(make_pdf(_pages(), title="Microsoft Word - concept.docx"), name="v.pdf").info
    assert (info.format, info.organisation, info.published) == ("pdf", "Dalmeer", "2021-05-14")
    assert info.title == "Verordening cliëntenparticipatie Participatiewet Dalmeer 2021"  # set larger


def test_document_title_is_the_fallback(tmp_path: Path) -> None:
    blocks = [Block(b.text, space=b.space) for b in _blocks()]  # no heading set apart
    pages = column_pages(blocks, columns=1, lines_per_column=60)
    assert (
        load(make_pdf(pages, title="Verordening Dalmeer"), name="v.pdf").info.title == "Verordening Dalmeer"
    )
    assert load(make_pdf(pages, title="Microsoft Word - v3.docx"), name="v.pdf").info.title is None


def test_parse_and_check_match_the_text_version(tmp_path: Path) -> None:
    pdf = _write(tmp_path / "v.pdf", make_pdf(_pages(), compress=True))
    txt = tmp_path / "v.txt"
    txt.write_text(BYLAW, encoding="utf-8")
    from_pdf, from_txt = verordening.parse_file(pdf), verordening.parse_file(txt)

    def outline(document: verordening.Document) -> list[tuple[str, str]]:
        return [(node.kind, node.citation) for node in document.root.walk()]

    assert outline(from_pdf) == outline(from_txt)
    assert [n.kind for n in from_pdf.root.walk()].count("onderdeel") == 6
    first, second = verordening.check_file(pdf), verordening.check_file(txt)
    assert {k: e.status for k, e in first.elements.items()} == {
        k: e.status for k, e in second.elements.items()
    }
    assert first.verdict == second.verdict == "participation_bylaw"


def test_cli_reports_the_source_of_a_pdf(tmp_path: Path) -> None:
    pdf = _write(tmp_path / "v.pdf", make_pdf(_pages()))
    result = subprocess.run(
        [sys.executable, "-m", "verordening", "parse", "--format", "json", str(pdf)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source_info"]["organisation"] == "Dalmeer"


def test_a_column_of_one_or_two_lines_is_read_after_the_column_beside_it() -> None:
    # the last page's right column holds only the end of a paragraph: too few lines for a
    # gutter of the page's own, the columns of the page before tell it
    words = "het college verstrekt de adviesraad tijdig informatie"
    base = [f"Artikel {n} Taken" if n % 2 else " ".join([words] * n) for n in range(1, 12)]
    for repeat, alone in ((17, 1), (19, 2), (23, 4)):
        texts = [*base, "het college verstrekt de adviesraad" + " en de raad tijdig informatie" * repeat]
        pages = column_pages([Block(t, bold=t.startswith("Artikel")) for t in texts], lines_per_column=15)
        assert len(pages) == 2
        assert len([t for t in pages[-1] if t.x > 250 and 100 < t.y < 760]) == alone
        assert _lines(load(make_pdf(pages), name="x.pdf").text) == texts, alone


def test_a_last_page_of_short_lines_takes_the_columns_of_the_page_before() -> None:
    # the last page: the last articles, the signatures and the notes' headings in the left
    # column (fewer than half its lines reach the gutter), the notes begun in the right one;
    # read across, the notes' words were mixed into the binding lid beside them (zt03 as PDF)
    long = "het college verstrekt de adviesraad tijdig alle informatie die de adviesraad nodig heeft"
    first: list[str] = []
    for n in range(1, 5):
        first += [f"Artikel {n} Taken", f"1. {long} voor taak {n}.", f"2. De raad adviseert over {long} {n}."]
    last = [
        "Artikel 8 Ondersteuning",
        f"1. De leden ontvangen een vergoeding van € 40 per vergadering en {long} voor zijn taak.",
        "Artikel 9 Slotbepaling",
        "Deze verordening treedt in werking op 1 april 2017.",
        "Aldus vastgesteld in de openbare vergadering van de raad.",
        "De griffier,",
        "H. de Jong",
        "De voorzitter,",
        "S. Postma",
        "Toelichting",
        "Algemeen",
        "Het advies wordt vroegtijdig gevraagd, zodat de adviesraad in een vroeg stadium invloed kan "
        "uitoefenen op de besluitvorming.",
    ]
    pages = [
        page
        for texts in (first, last)
        for page in column_pages([Block(t, bold=t.startswith("Artikel")) for t in texts], lines_per_column=15)
    ]
    assert len(pages) == 2
    left = [t for t in pages[1] if t.x < 250 and 100 < t.y < 760]
    right = [t for t in pages[1] if t.x > 250 and 100 < t.y < 760]
    reaching = [t for t in left if t.x + text_width(t.text, t.size) > 285 - 0.3 * 215]
    assert 3 * len(reaching) >= len(left) > 2 * len(reaching)  # a third reach the gutter, not a half
    assert 3 <= len(right) < 10  # too few lines for full columns
    assert _lines(load(make_pdf(pages), name="x.pdf").text) == [*first, *last]


def test_two_columns_of_mostly_short_lines_are_read_as_columns() -> None:
    # headings and short onderdelen on lines of their own: most lines of the left column end
    # well before the gutter, as in a table of labels, but a full page of them is columns
    long = "het college verstrekt de adviesraad tijdig alle informatie die de adviesraad nodig heeft"
    texts: list[str] = []
    for n in range(1, 9):
        texts += [f"Artikel {n} Taken", f"a. raad: de raad {n};", f"b. {long} voor taak {n};", "c. wet."]
    pages = column_pages([Block(t, bold=t.startswith("Artikel")) for t in texts], lines_per_column=20)
    left = [t for t in pages[0] if t.x < 250 and 100 < t.y < 760]
    reaching = [t for t in left if t.x + text_width(t.text, t.size) > 285 - 0.3 * 215]
    assert len(pages) == 1
    assert 3 * len(reaching) >= len(left) > 2 * len(reaching)  # a third reach it, not a half
    assert _lines(load(make_pdf(pages), name="x.pdf").text) == texts


def test_single_column_pages_with_page_numbers_and_running_lines() -> None:
    pages = column_pages(_blocks() * 3, columns=1, lines_per_column=20, running=RUNNING, header=HEADER)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        page.append(Text(297, 25, str(number), 8))  # a lone page number as well
    text = load(make_pdf(pages), name="v.pdf").text
    assert _lines(text) == _lines(BYLAW) * 3
    assert "Pagina" not in text
    assert "gemeenteblad" not in text


def test_a_table_of_labels_and_values_is_not_taken_for_columns() -> None:
    rows = [("Datum", "1 januari 2021"), ("Onderwerp", "cliëntenparticipatie"), ("Kenmerk", "2021-17")]
    page = [Text(70, 700 - 14 * n, label, 9) for n, (label, _) in enumerate(rows * 2)]
    page += [Text(300, 700 - 14 * n, value, 9) for n, (_, value) in enumerate(rows * 2)]
    assert _lines(load(make_pdf([page]), name="t.pdf").text)[:2] == [
        "Datum 1 januari 2021",
        "Onderwerp cliëntenparticipatie",
    ]


# -- paragraphs and hyphens --------------------------------------------------------------------
def _line(text: str, y: float, x1: float = 300.0) -> Line:
    return Line(text, 70.0, x1, y, 9.0, False, 70.0, 300.0, False)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("de inzet van cliënten-", "participatie in", "de inzet van cliëntenparticipatie in"),
        ("het advies van de Wmo-", "raad over de Wmo", "het advies van de Wmo-raad over de Wmo"),
        ("de hoogte van de WWB-", "uitkering per maand", "de hoogte van de WWB-uitkering per maand"),
        ("in de provincie Noord-", "Brabant en elders", "in de provincie Noord-Brabant en elders"),
        ("vertegenwoordigers van cliënten-", "en ouderen", "vertegenwoordigers van cliënten- en ouderen"),
        ("de samenwerking met de zorg\u00ad", "aanbieders", "de samenwerking met de zorgaanbieders"),
        ("een lid van de raad", "die de vergadering leidt", "een lid van de raad die de vergadering leidt"),
    ],
)
def test_wrapped_lines_join_and_hyphens_are_mended(first: str, second: str, joined: str) -> None:
    assert paragraphs([_line(first, 700), _line(second, 688)]) == [joined]


def test_a_hyphen_the_document_writes_elsewhere_is_kept() -> None:
    lines = [
        _line("de jeugd-", 700),
        _line("zorg en de zorg voor jongeren", 688),
        _line("jeugd-zorg", 640, 120),
    ]
    assert paragraphs(lines)[0] == "de jeugd-zorg en de zorg voor jongeren"


@pytest.mark.parametrize(
    "second",
    [
        "Artikel 4 Overleg",
        "2. Het college",
        "b. college: het college",
        "aa. de laatste",
        "1° de raad",
        "Hoofdstuk 2 Taken",
        "§ 3 Slot",
    ],
)
def test_headings_and_labels_start_a_line(second: str) -> None:
    assert paragraphs([_line("tekst die tot de rechterkant loopt", 700), _line(second, 688)])[1] == second


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("de informatie die zij nodig heeft voor het overleg, bedoeld in artikel", "8."),
        ("de informatie die zij nodig heeft voor het overleg, bedoeld in Artikel", "8, tweede lid."),
        ("de kosten, bedoeld in het eerste lid, met uitzondering van onderdeel", "b. Het college"),
        ("de kosten van de leden van de adviesraad, bedoeld in art.", "3."),
    ],
)
def test_a_number_that_a_reference_at_the_end_of_a_line_continues_starts_nothing(
    first: str, second: str
) -> None:
    assert paragraphs([_line(first, 700), _line(second, 688)]) == [f"{first} {second}"]


def test_a_short_line_a_wide_gap_and_a_change_of_type_end_a_paragraph() -> None:
    assert len(paragraphs([_line("Artikel 1", 700, 110), _line("De tekst", 688)])) == 2
    spaced = [_line("een zin", 700), _line("nog een", 688), _line("en nog", 676), _line("na ruimte", 650)]
    assert paragraphs(spaced)[-2:] == ["", "na ruimte"]
    bold = Line("Begripsbepalingen", 70.0, 300.0, 688, 9.0, True, 70.0, 300.0, False)
    assert len(paragraphs([_line("iets dat doorloopt tot de rand", 700), bold])) == 2


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ("De adviesraad vergadert ten minste zes keer per jaar in het openbaar.", "2 De voorzitter", True),
        ("De adviesraad vergadert ten minste zes keer per jaar in het openbaar.", "12a Het college", True),
        ("De adviesraad vergadert ten minste zes keer per jaar in het openbaar.", "(2) De voorzitter", True),
        ("De adviesraad vergadert ten minste zes keer per jaar in het openbaar", "2 De voorzitter", False),
        ("De adviesraad ontvangt een vergoeding van ten hoogste.", "2 euro per jaar", False),
        ("De kosten, bedoeld in art.", "8 Wet", False),
    ],
)
def test_a_lid_numbered_without_its_dot_starts_a_line_after_a_sentence(
    first: str, second: str, apart: bool
) -> None:
    """ "2 De voorzitter" after a full line that ends a sentence is a lid of its own; a number
    within a sentence, before a small letter or after a reference, is not."""
    assert paragraphs([_line(first, 700), _line(second, 688)]) == (
        [first, second] if apart else [f"{first} {second}"]
    )


@pytest.mark.parametrize(
    "second", ["op. Het college stelt de vergoeding vast.", "mr. J. de Vries, voorzitter"]
)
def test_a_word_of_two_letters_and_a_full_stop_starts_no_onderdeel(second: str) -> None:
    """Only a letter or a letter twice ("aa.", after "z.") is an onderdeel's label: not the word
    that ends a wrapped sentence, nor a title before a name."""
    first = "De adviesraad stelt ieder jaar voor 1 november een werkplan voor het komende jaar"
    assert paragraphs([_line(first, 700), _line(second, 688)]) == [f"{first} {second}"]


@pytest.mark.parametrize(
    ("heading", "apart"),
    [
        ("Toelichting bij de wijziging van 11 december 2014", True),
        ("Artikelsgewijze toelichting", True),
        ("Toelichting: de kosten worden verantwoord in het jaarverslag, waarin", False),
    ],
)
def test_the_heading_of_the_notes_ends_its_line(heading: str, apart: bool) -> None:
    """The notes' heading reaches nearly to the margin and little space follows it: the line after
    it is the notes' text, not the rest of the heading (which hid the start of the notes and made
    their words binding)."""
    text = "Per 1 januari 2015 heet de Wet werk en bijstand Participatiewet."
    found = paragraphs([_line(heading, 700), _line(text, 688)])
    assert found == ([heading, text] if apart else [f"{heading} {text}"])


def test_the_characters_of_a_winansi_font_above_127_read_as_the_font_encodes_them() -> None:
    # 0x80-0x9f of WinAnsiEncoding (bullet, dashes, quotes, euro) are other characters in
    # PDFDocEncoding, which pypdf gives a string operand it parsed: the font decides
    line = "• a. het – “eigen” budget van € 500, 1° en ë"
    assert load(make_pdf([[Text(70, 700, line)]]), name="x.pdf").text == line + "\n"
    assert load(make_pdf([[Text(70, 700, line)]], words=True), name="x.pdf").text == line + "\n"


@pytest.mark.timing
def test_a_paragraph_twice_as_long_takes_about_twice_as_long() -> None:
    """Each line joined to its paragraph once copied (and searched) all of it: a paragraph of
    165,000 lines took 17 s. The best of three timings of n and 2n lines, never an absolute time."""

    def seconds(lines: list[Line]) -> float:
        gc.collect()
        gc.disable()  # (its runs come when they come)
        try:
            began = time.perf_counter()
            assert len(paragraphs(lines)) == 1
            return max(time.perf_counter() - began, 0.02)
        finally:
            gc.enable()

    def paragraph(count: int) -> list[Line]:
        return [
            _line("der en nog meer woorden tot aan de rand van de kolom ver-", 800 - 12 * i)
            for i in range(count)
        ]

    once, twice = paragraph(2000), paragraph(4000)
    ratio = min(seconds(twice) for _ in range(3)) / min(seconds(once) for _ in range(3))
    assert ratio < 3, ratio


# -- refusals and hostile files ------------------------------------------------------------------
def _encrypted(password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(_pages())))
    writer.encrypt(user_password=password, owner_password="eigenaar", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _cycle() -> bytes:
    """The page tree holds itself."""
    return pdf_from_objects(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    )


def _self_reference() -> bytes:
    """The contents of the page are a reference to themselves."""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            b"4 0 R",
        ]
    )


LID = b"(Lid tekst ab) Tj "


def _hostile() -> dict[str, bytes]:
    valid = make_pdf(_pages())
    return {
        "bomb": bomb_pdf(2.0),
        "encrypted": _encrypted("geheim"),
        "truncated": valid[: len(valid) // 2],
        "gutted": valid[: len(valid) // 3] + valid[-len(valid) // 3 :],
        "random": b"%PDF-1.7\n" + random.Random(4).randbytes(20_000) + b"\n%%EOF\n",
        "cycle": _cycle(),
        "self-reference": _self_reference(),
        "nested": nested_pdf(100_000),
        "nested-dictionaries": pdf_from_objects([b"<< /A " * 100_000 + b">>" * 100_000]),
        "scan": scan_pdf(),
        "bare": b"%PDF-1.7",
        "many-shows": shows_pdf(990_000),  # 12 kB: once 50 s and 1.3 GB
        "form-drawn-often": form_pdf(5000, b"BT /F1 10 Tf 70 600 Td " + LID * 1500 + b"ET"),  # once 60 s
        "page-listed-often": repeated_page_pdf(5000, b"BT /F1 10 Tf 70 600 Td " + LID * 1500 + b"ET"),
    }


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("bomb", "unpacks to too much"),
        ("encrypted", "is encrypted"),
        ("truncated", "cut off"),
        ("gutted", "page 1 has lost its text"),
        ("random", "cannot be read"),
        ("cycle", "cannot be read"),
        ("self-reference", "cannot be read"),
        ("nested", "nested too deeply"),
        ("nested-dictionaries", "nested too deeply"),
        ("scan", r"has no text layer \(a scan\?\); "),
        ("bare", "is a PDF that cannot be read"),
        ("many-shows", "shows text with more than 20000 operators"),
        ("form-drawn-often", "shows text with more than 20000 operators"),
        ("page-listed-often", "limit text_chars"),
    ],
)
def test_hostile_files_are_one_line_load_errors(case: str, message: str) -> None:
    with pytest.raises(LoadError, match=rf"^{case}\.pdf: [^\n]*{message}[^\n]*$"):
        load(_hostile()[case], name=f"{case}.pdf")


def test_an_encrypted_pdf_is_refused_even_without_a_user_password() -> None:
    with pytest.raises(LoadError, match="is encrypted"):
        load(_encrypted(""), name="v.pdf")


def test_limits_hold(tmp_path: Path) -> None:
    data = make_pdf(_pages(), compress=True)
    with pytest.raises(LoadError, match="limit text_chars"):
        load(data, name="v.pdf", limits=verordening.Limits(text_chars=100))
    with pytest.raises(LoadError, match="unpacked_bytes"):
        load(data, name="v.pdf", limits=verordening.Limits(unpacked_bytes=1000))


def test_a_page_showing_text_with_too_many_operators_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted in the content before it is parsed, and as they are shown: those of a form too.
    (Each page here also shows one line of its own.)"""
    monkeypatch.setattr(pdf_page, "MAX_SHOWN", 50)
    assert load(shows_pdf(49), name="v.pdf").text == "Artikel 1 De raad." + "a" * 49 + "\n"
    with pytest.raises(LoadError, match="more than 50 operators"):
        load(shows_pdf(50), name="v.pdf")
    form = b"BT /F1 10 Tf 70 600 Td " + LID * 5 + b"ET"
    assert load(form_pdf(9, form), name="v.pdf").text.count("Lid tekst ab") == 45
    with pytest.raises(LoadError, match="more than 50 operators"):
        load(form_pdf(10, form), name="v.pdf")


def test_the_count_of_text_operators_is_never_short() -> None:
    content = b"BT (auto's) Tj [(a) -20 (b)]TJ (c)' 1 2 (d)\" <41>Tj (x Tj) Tj ET"
    assert [m.group() for m in pdf_page._SHOW_OPERATOR.finditer(content)] == [
        b"Tj",
        b"TJ",
        b"'",
        b'"',
        b"Tj",
        b"Tj",
        b"Tj",
    ]


def test_a_page_listed_again_is_read_once_and_its_text_given_each_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = []
    monkeypatch.setattr(pdf, "page_pieces", lambda *args: calls.append(1) or pdf_page.page_pieces(*args))
    data = repeated_page_pdf(3, b"BT /F1 10 Tf 70 600 Td (Artikel 1 Tekst) Tj ET")
    assert load(data, name="v.pdf").text == "Artikel 1 Tekst\n" * 3
    assert len(calls) == 1


MEASURE = """
import json, resource, sys, time
from pathlib import Path
import contextlib
from verordening.load import LoadError, load
out = {}
for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
    start = time.perf_counter()
    with contextlib.suppress(LoadError):  # refused or read: only the cost is measured here
        load(path)
    out[path.name] = time.perf_counter() - start
try:  # the peak of this process alone: ru_maxrss keeps that of the parent it was forked from
    with open("/proc/self/status", encoding="ascii") as status:
        out["peak_mb"] = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
except OSError:
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


@pytest.mark.timing
def test_hostile_files_via_the_cli_and_their_cost(tmp_path: Path) -> None:
    """Each hostile file: exit 2 and one line naming it, from a real process; read or refused
    within 1 s each, and all of them in a process that never grows past 300 MB."""
    paths = [_write(tmp_path / f"{name}.pdf", data) for name, data in _hostile().items()]
    result = subprocess.run(
        [sys.executable, "-m", "verordening", "check", *map(str, paths)], capture_output=True, check=False
    )
    assert result.returncode == 2
    lines = result.stderr.decode().splitlines()
    assert sorted(line.split(": ")[1] for line in lines) == sorted(map(str, paths))
    assert "Traceback" not in result.stderr.decode()
    assert not result.stdout
    measured = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(MEASURE), str(tmp_path)], capture_output=True, check=True
    )
    cost = json.loads(measured.stdout)
    assert cost.pop("peak_mb") < 300
    assert max(cost.values()) < 1.0, cost


# -- fuzzing -------------------------------------------------------------------------------------
SMALL = make_pdf(
    [[Text(70, 700, "Artikel 1 Advies", 10, True), Text(70, 686, "1. De raad adviseert het college."),
      Text(300, 700, "Artikel 2 Overleg", 10, True), Text(300, 686, "Het college overlegt met de raad.")]],
    title="Verordening",
)  # fmt: skip


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SMALL)
    for _ in range(draw(st.integers(1, 8))):
        where = draw(st.integers(0, len(data) - 1))
        how = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if how == "flip":
            data[where] = draw(st.integers(0, 255))
        elif how == "cut":
            del data[where : where + draw(st.integers(1, 64))]
        elif how == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=32))
        else:
            data[where:where] = data[where : where + draw(st.integers(1, 64))] * draw(st.integers(2, 50))
        if not data:
            break
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_pdfs_load_or_raise_load_error(data: bytes) -> None:
    only_load_errors(data, "fuzz.pdf")


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mutated())
def test_mutated_pdfs_load_or_raise_load_error_at_length(data: bytes) -> None:
    only_load_errors(data, "fuzz.pdf")

"""Word documents: text with Word's own numbering written out, and nothing unsafe read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import verordening
from verordening.cli import main
from verordening.load import LoadError
from verordening.load.docx import docx_text

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def paragraph(text: str, num: int | None = None, level: int = 0) -> str:
    props = ""
    if num is not None:
        props = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering {W}>
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def docx(paragraphs: list[str], numbering: str | None = NUMBERING, document: str | None = None) -> bytes:
    body = document or (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}>'
        f"<w:body>{''.join(paragraphs)}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        if numbering is not None:
            archive.writestr("word/numbering.xml", numbering)
    return buffer.getvalue()


DRAFT = [
    paragraph("Verordening cliëntenparticipatie Voorbeeld 2026"),
    paragraph("Artikel 1 Advies"),
    paragraph("De adviesraad adviseert het college gevraagd en ongevraagd over:", num=1),
    paragraph("ontwerpverordeningen;", num=1, level=1),
    paragraph("beleidsvoorstellen.", num=1, level=1),
    paragraph("Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn.", num=1),
    paragraph("Artikel 2 Overleg"),
    paragraph("Het college en de adviesraad overleggen vier keer per jaar.", num=2),
    paragraph("De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden.", num=2),
]


def test_word_numbering_becomes_leden_and_onderdelen(tmp_path: Path) -> None:
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    document = verordening.parse_file(path)
    assert document.encoding == "docx"
    assert "L005" in [d.code for d in document.diagnostics]
    assert [n.id for n in document.nodes() if n.kind != "title"] == [
        "art1",
        "art1/lid1",
        "art1/lid1/a",
        "art1/lid1/b",
        "art1/lid2",
        "art2",
        "art2/lid1",
        "art2/lid2",
    ]
    report = verordening.check(path, frameworks=["participatiewet"])
    assert report.elements["advice"].status == "present"
    assert report.elements["agenda"].status == "present"


def test_cli_checks_a_word_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "concept.docx"
    path.write_bytes(docx(DRAFT))
    assert main(["parse", str(path)]) == 0
    assert "artikel 1, eerste lid, onderdeel b" in capsys.readouterr().out


def test_a_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    path = tmp_path / "archive.zip"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(LoadError, match=r"without word/document\.xml"):
        verordening.parse_file(path)


def test_a_zip_bomb_is_refused_before_decompressing(tmp_path: Path) -> None:
    bomb = "<w:p>" + "a" * (25 * 1024 * 1024) + "</w:p>"
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx([], document=bomb))
    with pytest.raises(LoadError, match="too large or too compressed"):
        verordening.parse_file(path)


def test_entities_and_dtds_are_refused(tmp_path: Path) -> None:
    evil = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "evil.docx"
    path.write_bytes(docx([], document=evil))
    with pytest.raises(LoadError, match="not readable XML") as info:
        verordening.parse_file(path)
    assert "\n" not in str(info.value)


def test_a_broken_zip_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + bytes(40))
    with pytest.raises(LoadError, match="not a readable Word document"):
        verordening.parse_file(path)


# -- the same bylaw as text, and as three kinds of Word document ------------------------------
FRONT = [
    "Verordening cliëntenparticipatie Voorbeeld 2026",
    "De raad van de gemeente Voorbeeld;",
    "gelet op artikel 47 van de Participatiewet;",
    "besluit vast te stellen de volgende verordening:",
]
# (title, provisions): a provision is (depth, text); depth 1 a lid, 2 an onderdeel, None unnumbered
ARTICLES: list[tuple[str, list[tuple[int | None, str]]]] = [
    (
        "Begripsbepalingen",
        [
            (None, "In deze verordening wordt verstaan onder:"),
            (2, "adviesraad: de adviesraad sociaal domein Voorbeeld;"),
            (2, "college: het college van burgemeester en wethouders."),
        ],
    ),
    (
        "Advies",
        [
            (1, "De adviesraad adviseert het college gevraagd en ongevraagd over:"),
            (2, "ontwerpverordeningen;"),
            (2, "beleidsvoorstellen."),
            (1, "Het college vraagt het advies zo tijdig dat het van wezenlijke invloed kan zijn."),
        ],
    ),
    (
        "Overleg",
        [
            (1, "Het college en de adviesraad overleggen ten minste vier keer per jaar."),
            (1, "De adviesraad kan onderwerpen voor de agenda van het overleg aanmelden."),
            (1, "Het college verstrekt de adviesraad tijdig alle informatie die hij nodig heeft."),
        ],
    ),
    ("Ondersteuning", [(None, "Het college stelt de adviesraad een budget voor ondersteuning beschikbaar.")]),
    (
        "Citeertitel",
        [(None, "Deze verordening wordt aangehaald als: Verordening cliëntenparticipatie Voorbeeld 2026.")],
    ),
]


def typed_lines(tab: str = " ") -> list[str]:
    """The bylaw with every number typed: the plain-text version (and Word's, with a tab)."""
    lines = list(FRONT)
    for number, (title, provisions) in enumerate(ARTICLES, 1):
        lines.append(f"Artikel {number} {title}")
        lid = onderdeel = 0
        for depth, text in provisions:
            if depth == 1:
                lid, onderdeel = lid + 1, 0
                text = f"{lid}.{tab}{text}"
            elif depth == 2:
                onderdeel += 1
                text = f"{chr(ord('a') + onderdeel - 1)}.{tab}{text}"
            lines.append(text)
    return lines


def styled(text: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def word_numbered() -> bytes:
    """Leden and onderdelen numbered on the paragraphs (``w:numPr``), a list per article that
    Word restarts with ``w:startOverride``, as Word writes it."""
    body = [paragraph(line) for line in FRONT]
    nums = []
    for number, (title, provisions) in enumerate(ARTICLES, 1):
        body.append(paragraph(f"Artikel {number} {title}"))
        body += [
            paragraph(text) if d is None else paragraph(text, num=10 + number, level=d - 1)
            for d, text in provisions
        ]
        nums.append(
            f'<w:num w:numId="{10 + number}"><w:abstractNumId w:val="0"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    return docx(body, numbering=NUMBERING.replace("</w:numbering>", "".join(nums) + "</w:numbering>"))


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
  <w:style w:type="paragraph" w:default="1" w:styleId="Standaard"><w:name w:val="Normal"/></w:style>
  <w:style w:type="paragraph" w:styleId="Artikelkop"><w:name w:val="Artikelkop"/>
    <w:basedOn w:val="Standaard"/>
    <w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Lijstnummer"><w:name w:val="List Number"/>
    <w:basedOn w:val="Standaard"/>
    <w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="Lid"><w:name w:val="Lid"/><w:basedOn w:val="Lijstnummer"/></w:style>
  <w:style w:type="paragraph" w:styleId="Lijstnummer2"><w:name w:val="List Number 2"/>
    <w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
  <w:style w:type="character" w:styleId="Lijstnummer3">
    <w:pPr><w:numPr><w:numId w:val="99"/></w:numPr></w:pPr></w:style>
</w:styles>"""

STYLE_NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
  <w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Artikelkop"/>
      <w:lvlText w:val="Artikel %1"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3."/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num>
</w:numbering>"""


def style_numbered() -> bytes:
    """Articles, leden and onderdelen numbered by their paragraph styles only - a heading style
    linked to level 0, "List Number" (through ``w:basedOn``) and "List Number 2" - so leden start
    again after each article heading and onderdelen after each lid."""
    body = [paragraph(line) for line in FRONT]
    for title, provisions in ARTICLES:
        body.append(styled(title, "Artikelkop"))
        body += [styled(text, {None: "Standaard", 1: "Lid", 2: "Lijstnummer2"}[d]) for d, text in provisions]
    return styled_docx(body)


def styled_docx(body: list[str]) -> bytes:
    """A document of these paragraphs with the numbered styles of :data:`STYLES`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", docx_document(body))
        archive.writestr("word/styles.xml", STYLES)
        archive.writestr("word/numbering.xml", STYLE_NUMBERING)
    return buffer.getvalue()


def docx_document(paragraphs: list[str]) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}>'
        f"<w:body>{''.join(paragraphs)}</w:body></w:document>"
    )


def outline(document: verordening.Document) -> list[tuple[str, str]]:
    return [(node.kind, node.citation) for node in document.nodes()]


def test_word_numbering_style_numbering_and_typed_numbers_read_alike(tmp_path: Path) -> None:
    text = tmp_path / "bylaw.txt"
    text.write_text("\n".join(typed_lines()) + "\n", encoding="utf-8")
    files = {
        "numpr": word_numbered(),
        "style": style_numbered(),
        "typed": docx([paragraph(line) for line in typed_lines("\t")]),
    }
    expected = verordening.parse_file(text)
    assert [kind for kind, _ in outline(expected)].count("lid") == 5
    assert [kind for kind, _ in outline(expected)].count("onderdeel") == 4
    statuses = {
        k: e.status
        for k, e in verordening.check(expected, model="builtin", as_of="2026-06-01").elements.items()
    }
    assert statuses["advice"] == "present"
    for name, data in files.items():
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        document = verordening.parse_file(path)
        assert outline(document) == outline(expected), name
        report = verordening.check(document, model="builtin", as_of="2026-06-01")
        assert {k: e.status for k, e in report.elements.items()} == statuses, name


# -- what Word does not show is left out ------------------------------------------------------
def run(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def test_tracked_changes_comments_fields_and_hidden_text_are_left_out() -> None:
    changed = (
        "<w:p>"
        + run("Het college ")
        + '<w:del w:id="1" w:author="A"><w:r><w:delText>weigert</w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="A">' + run("vraagt") + "</w:ins>"
        + '<w:commentRangeStart w:id="0"/>' + run(" advies") + '<w:commentRangeEnd w:id="0"/>'
        + '<w:r><w:rPr><w:rStyle w:val="Verwijzingopmerking"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        + '<w:moveFrom w:id="3" w:author="A">' + run(" aan de raad") + "</w:moveFrom>"
        + '<w:moveTo w:id="4" w:author="A">' + run(" aan het college") + "</w:moveTo>"
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText> REF _Ref12 \\h </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run(" (artikel 2)")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + run("VERBORGEN", "<w:rPr><w:vanish/></w:rPr>") + run(".")
        + "</w:p>"
    )  # fmt: skip
    gone = (  # a lid deleted as a whole, paragraph mark too: the next lid keeps its number
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="5"/>'
        '</w:rPr></w:pPr><w:del w:id="6"><w:r><w:delText>Geschrapt lid.</w:delText></w:r></w:del></w:p>'
    )
    box = (  # a text box is stored twice: for new Word and as a fallback; it is read once
        "<w:p><w:r><mc:AlternateContent xmlns:mc="
        '"http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps">'
        "<w:txbxContent>" + paragraph("In het kader.") + "</w:txbxContent></mc:Choice><mc:Fallback>"
        "<w:txbxContent>" + paragraph("In het kader.") + "</w:txbxContent></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    data = docx([changed, paragraph("Eerste lid.", num=1), gone, paragraph("Tweede lid.", num=1), box])
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:  # comments live in their own part, never read
        archive.writestr(
            "word/comments.xml",
            f"<w:comments {W}><w:comment w:id='0'>{paragraph('GEHEIM')}</w:comment></w:comments>",
        )
    text = docx_text(buffer.getvalue())
    assert text.splitlines() == [
        "Het college vraagt advies aan het college (artikel 2).",
        "1. Eerste lid.",
        "2. Tweede lid.",
        "",  # the paragraph that holds the text box, then the text box's own
        "In het kader.",
    ]


def test_each_table_cell_paragraph_is_a_line() -> None:
    cell = "<w:tc><w:tcPr/>{}</w:tc>"
    table = (
        "<w:tbl><w:tr>"
        + cell.format(paragraph("Naam"))
        + cell.format(paragraph("Functie") + paragraph("Rol"))
        + "</w:tr></w:tbl>"
    )
    assert docx_text(docx([paragraph("Bijlage"), table])).splitlines() == [
        "Bijlage",
        "Naam",
        "Functie",
        "Rol",
    ]


def test_nested_paragraphs_each_give_their_own_line_once() -> None:
    depth = 60  # p, r, txbxContent: 180 elements deep, within limit depth
    opening, closing = "<w:p><w:r><w:t>x</w:t></w:r><w:r><w:txbxContent>", "</w:txbxContent></w:r></w:p>"
    assert docx_text(docx([opening * depth + closing * depth])).splitlines() == ["x"] * depth


# -- Word's numbering -------------------------------------------------------------------------
def numbered(levels: str, nums: str, paragraphs: list[str]) -> str:
    abstract = f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
    return docx_text(docx(paragraphs, numbering=f"<w:numbering {W}>{abstract}{nums}</w:numbering>"))


def lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>'
    )


def num(num_id: int, override: str = "") -> str:
    return f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/>{override}</w:num>'


def start_at(ilvl: int, start: int) -> str:
    return f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'


def test_start_override_and_level_overrides_of_a_list() -> None:
    nums = num(1, start_at(0, 4)) + num(
        2, f'<w:lvlOverride w:ilvl="0">{lvl(0, "upperRoman", "%1)")}</w:lvlOverride>'
    )
    items = [paragraph("a", 1), paragraph("b", 1), paragraph("c", 2), paragraph("d", 2)]
    assert numbered(lvl(0, "decimal", "%1."), nums, items).splitlines() == ["4. a", "5. b", "I) c", "II) d"]


def test_levels_restart_after_a_higher_level_unless_lvlrestart_says_otherwise() -> None:
    levels = lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%2.")
    levels += lvl(2, "lowerRoman", "%3.", '<w:lvlRestart w:val="1"/>')  # only after level 0
    levels += lvl(3, "decimal", "%4°", '<w:lvlRestart w:val="0"/>')  # never
    steps = [0, 1, 2, 3, 1, 2, 3, 0, 2, 3]
    text = numbered(levels, num(1), [paragraph("x", 1, level) for level in steps])
    labels = [line.split()[0] for line in text.splitlines()]
    assert labels == ["1.", "a.", "i.", "1°", "b.", "ii.", "2°", "2.", "i.", "3°"]


def test_multi_level_legal_letters_beyond_z_and_bullets() -> None:
    levels = (
        lvl(0, "decimal", "%1.") + lvl(1, "lowerLetter", "%1.%2", "<w:isLgl/>") + lvl(2, "bullet", "\uf0b7")
    )
    items = [paragraph("x", 1), paragraph("y", 1, 1), paragraph("z", 1, 2), paragraph("q", 2, 1)]
    assert numbered(levels, num(1) + num(2, start_at(1, 27)), items).splitlines() == [
        "1. x",
        "1.1 y",
        "• z",
        "1.27 q",
    ]
    assert numbered(lvl(0, "lowerLetter", "%1."), num(1, start_at(0, 27)), [paragraph("x", 1)]) == "aa. x\n"


def test_list_style_links_and_a_paragraph_that_switches_style_numbering_off() -> None:
    numbering = (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Bylaw"/>'
        f'{lvl(0, "decimal", "%1.")}</w:abstractNum><w:abstractNum w:abstractNumId="1">'
        '<w:numStyleLink w:val="Bylaw"/></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/>'
        "</w:num></w:numbering>"
    )
    styles = (
        f'<w:styles {W}><w:style w:type="paragraph" w:styleId="Lid"><w:pPr><w:numPr><w:numId w:val="1"/>'
        "</w:numPr></w:pPr></w:style></w:styles>"
    )
    off = (
        '<w:p><w:pPr><w:pStyle w:val="Lid"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
        "<w:r><w:t>los</w:t></w:r></w:p>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml", docx_document([styled("een", "Lid"), off, styled("twee", "Lid")])
        )
        archive.writestr("word/numbering.xml", numbering)
        archive.writestr("word/styles.xml", styles)
    assert docx_text(buffer.getvalue()).splitlines() == ["1. een", "los", "2. twee"]


def test_strict_open_xml_is_read_like_transitional() -> None:
    strict = docx([paragraph("Artikel 1"), paragraph("Tekst.", 1)])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(strict)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            archive.writestr(
                info.filename,
                source.read(info).replace(
                    b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                    b"http://purl.oclc.org/ooxml/wordprocessingml/main",
                ),
            )
    assert docx_text(buffer.getvalue()) == "Artikel 1\n1. Tekst.\n"


def test_a_deleted_paragraph_mark_joins_its_text_to_the_next_paragraph() -> None:
    joined = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1"/>'
        "</w:rPr></w:pPr>" + run("Het college ") + "</w:p>"
    )
    text = docx_text(
        docx([paragraph("Eerste lid.", 1), joined, paragraph("beslist.", 1), paragraph("Derde.", 1)])
    )
    assert text.splitlines() == ["1. Eerste lid.", "2. Het college beslist.", "3. Derde."]

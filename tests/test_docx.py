"""Word documents: text with Word's own numbering written out, and nothing unsafe read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import verordening
from verordening.cli import main
from verordening.load import LoadError

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

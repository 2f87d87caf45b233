"""CVDR XML: the regulation as the structure stage reads it, the metadata in ``Source.info``.

The regulation of ``test_load_html.py`` as the national database of decentral regulations
publishes it (root ``cvdr``: ``meta`` with owmskern, owmsmantel and cvdripm; ``body`` with
the ``regeling``) gives the same articles, leden and onderdelen and the same findings as
its plain text and its two HTML pages. Hostile XML is refused with one line, fast and small.
"""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import verordening
from verordening.cli import main
from verordening.load import Limits, LoadError, load
from verordening.load.base import FormatError
from verordening.load.cvdr import read_cvdr

from .hostile import FORMATS, measure, only_load_errors, refused_in_one_line
from .test_load_html import (
    ART1,
    ART2,
    ART2_3,
    ART3,
    CLOSING,
    HTML_A,
    HTML_B,
    PREAMBLE,
    TITLE,
    TXT,
    assert_linear_load,
    structure,
    write,
)

SECRET = "GEHEIM-cvdr-8b2c-INHOUD"
NS = (
    'xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:overheid="http://standaarden.overheid.nl/owms/terms/"'
)
META = f"""<meta><owmskern><dcterms:identifier>999001_1</dcterms:identifier>
<dcterms:title>{TITLE}</dcterms:title><dcterms:language>nl</dcterms:language>
<dcterms:type scheme="overheid:Informatietype">regeling</dcterms:type>
<dcterms:creator scheme="overheid:Gemeente">Zandvoorde</dcterms:creator>
<dcterms:modified>2016-01-04</dcterms:modified>
</owmskern><owmsmantel><dcterms:alternative>Verordening cliëntenparticipatie Zandvoorde</dcterms:alternative>
<dcterms:source resourceIdentifier="1.0:c:BWBR0015703&amp;artikel=47">Participatiewet, art. 47
</dcterms:source>
<dcterms:source resourceIdentifier="1.0:c:BWBR0005416&amp;artikel=147">Gemeentewet, art. 147</dcterms:source>
<dcterms:subject>werk en inkomen</dcterms:subject><dcterms:issued>2015-12-17</dcterms:issued>
<dcterms:isFormatOf resourceIdentifier="https://zoek.officielebekendmakingen.nl/gmb-2015-12345">gmb-2015-12345</dcterms:isFormatOf>
</owmsmantel><cvdripm><inwerkingtredingDatum>2016-01-01</inwerkingtredingDatum>
<uitwerkingtredingDatum>2022-12-31</uitwerkingtredingDatum>
<betreft>nieuwe regeling</betreft></cvdripm></meta>"""


def al(*texts: str) -> str:
    return "".join(f"<al>{text}</al>" for text in texts)


def lijst(texts: list[str], attribute: bool = False) -> str:
    items = "".join(
        f'<li nr="{x}."><al>{t}</al></li>' if attribute else f"<li><li.nr>{x}.</li.nr><al>{t}</al></li>"
        for x, t in zip("abc", texts, strict=True)
    )
    return f'<lijst type="expliciet">{items}</lijst>'


def kop(nr: str, titel: str, label: str = "<label>Artikel</label>") -> str:
    return f"<kop>{label}<nr>{nr}</nr><titel>{titel}</titel></kop>"


BODY = (
    f"<body><regeling><aanhef><wij>{PREAMBLE[0]}</wij><considerans>"
    + "".join(f"<considerans.al>{t}</considerans.al>" for t in PREAMBLE[1:3])
    + f"</considerans><afkondiging>{al(*PREAMBLE[3:])}</afkondiging></aanhef><regeling-tekst>"
    + f"<artikel>{kop('1', 'Begripsbepalingen')}{al('In deze verordening wordt verstaan onder:')}"
    + f"{lijst(ART1, attribute=True)}</artikel><artikel>{kop('2', 'Taken van de cliëntenraad')}"
    + f"<lid><lidnr>1</lidnr>{al(ART2[0])}</lid><lid><lidnr>2.</lidnr>{al(ART2[1])}</lid>"
    + f"<lid><lidnr>3</lidnr>{al(ART2[2])}{lijst(ART2_3)}</lid></artikel>"
    + f"<artikel>{kop('3', 'Ondersteuning en inwerkingtreding', label='')}"
    + "".join(f"<lid><lidnr>{n}</lidnr>{al(t)}</lid>" for n, t in enumerate(ART3, 1))
    + f"</artikel></regeling-tekst><regeling-sluiting><slotformulering>{al(CLOSING)}</slotformulering>"
    + "</regeling-sluiting></regeling></body>"
)
CVDR = f'<?xml version="1.0" encoding="UTF-8"?>\n<cvdr {NS}>{META}{BODY}</cvdr>\n'


# -- the regulation in four formats --------------------------------------------------------------
@pytest.fixture
def formats(tmp_path: Path) -> dict[str, Path]:
    return {
        "txt": write(tmp_path, "zandvoorde.txt", TXT),
        "html_a": write(tmp_path, "zandvoorde_a.html", HTML_A),
        "html_b": write(tmp_path, "zandvoorde_b.html", HTML_B),
        "cvdr": write(tmp_path, "CVDR999001_1.xml", CVDR),
    }


def test_all_formats_give_the_same_articles_leden_and_onderdelen(formats: dict[str, Path]) -> None:
    found = {name: structure(path) for name, path in formats.items()}
    # three articles; onderdelen of 1; leden and onderdelen of 2; leden of 3
    assert len(found["txt"]) == 3 + 3 + 3 + 3 + 2
    assert found["cvdr"] == found["txt"] == found["html_a"] == found["html_b"]


def test_all_formats_give_the_same_statuses(formats: dict[str, Path]) -> None:
    statuses = {
        name: {e: r.status for e, r in verordening.check_file(path, model="builtin").elements.items()}
        for name, path in formats.items()
    }
    assert statuses["txt"]["periodic_consultation"] == "present"
    assert statuses["cvdr"] == statuses["txt"] == statuses["html_a"] == statuses["html_b"]


def test_the_text_is_laid_out_as_plain_text() -> None:
    text = load(CVDR.encode(), name="r.xml").text
    assert text.startswith(f"{TITLE}\n{PREAMBLE[0]}\n")
    assert "\n\nArtikel 1 Begripsbepalingen\n" in text
    assert "\nc. cliënt: een persoon" in text  # an nr attribute
    assert "\n3. Het college:\na. voert ten minste" in text  # lidnr without a dot; li.nr
    # a kop without a label
    assert "\n\nArtikel 3 Ondersteuning en inwerkingtreding\n1. Het college stelt" in text
    for absent in ("werk en inkomen", "gmb-2015-12345", "nieuwe regeling", "2016-01-04"):
        assert absent not in text


# -- the metadata ----------------------------------------------------------------------------------
def test_the_metadata_is_read_into_source_info() -> None:
    info = load(CVDR.encode(), name="r.xml").info
    assert (info.format, info.encoding) == ("cvdr", "utf-8")
    assert info.title == TITLE
    assert info.organisation == "Zandvoorde"
    assert info.cvdr_id == "CVDR999001_1"  # from "999001_1", the way CVDR writes it
    assert info.adopted == "2015-12-17"
    assert (info.in_force_from, info.in_force_until) == ("2016-01-01", "2022-12-31")
    assert info.legal_basis == ("Participatiewet, art. 47", "Gemeentewet, art. 147")


def test_html_and_cvdr_agree_on_the_metadata() -> None:
    page, xml = load(HTML_A.encode(), name="a.html").info, load(CVDR.encode(), name="r.xml").info
    names = ("title", "organisation", "cvdr_id", "adopted", "in_force_from", "in_force_until", "legal_basis")
    for name in names:
        assert getattr(page, name) == getattr(xml, name), name


def test_check_json_carries_the_metadata_as_source(
    formats: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--format", "json", "--model", "builtin", str(formats["cvdr"])]) == 0
    source = json.loads(capsys.readouterr().out)["source"]
    assert source["format"] == "cvdr"
    assert source["cvdr_id"] == "CVDR999001_1"
    assert source["in_force_until"] == "2022-12-31"
    assert source["legal_basis"] == ["Participatiewet, art. 47", "Gemeentewet, art. 147"]


# -- other shapes ----------------------------------------------------------------------------------
def test_without_namespaces_an_enig_artikel_and_a_toelichting() -> None:
    xml = (
        "<cvdr><meta><owmskern><title>Regeling Z</title></owmskern></meta><body><regeling><regeling-tekst>"
        f"<enig-artikel>{al('De adviesraad adviseert het college.')}</enig-artikel></regeling-tekst>"
        f"<toelichting>{al('Dit is uitleg.')}</toelichting><bijlage>{kop('1', 'Lijst', '')}"
        "<table><tgroup><tbody><row><entry>a.</entry><entry>tarief</entry></row></tbody></tgroup></table>"
        "</bijlage></regeling></body></cvdr>"
    )
    text = load(xml.encode("utf-16"), name="z.xml").text
    assert text == (
        "Regeling Z\n\nEnig artikel\nDe adviesraad adviseert het college.\n\nToelichting\nDit is uitleg.\n"
        "\nBijlage 1 Lijst\na. tarief\n"
    )


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b'<?xml version="1.0"?><toestand><wetgeving/></toestand>', "is XML but not CVDR XML"),
        (b"<cvdr><meta/></cvdr>", "without a <body>"),
        (b"<cvdr><body><regeling/></body></cvdr>", "without any regulation text"),
        (b"<cvdr><body><al>x</al>", r"not well-formed XML \(line 1, column \d+\)"),
        (b"<cvdr><body><lid><lidnr>123456789</lidnr><al>x</al></lid></body></cvdr>", "limit number"),
    ],
)
def test_what_is_not_a_cvdr_regulation_is_one_clear_line(xml: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=f"^x.xml: .*{message}"):
        load(xml, name="x.xml")


def test_limits_hold() -> None:
    with pytest.raises(LoadError, match=r"nested more than 4 elements deep \(limit depth\)"):
        load(CVDR.encode(), name="r.xml", limits=Limits(depth=4))
    with pytest.raises(LoadError, match="limit text_chars"):
        load(CVDR.encode(), name="r.xml", limits=Limits(text_chars=300))


@pytest.mark.timing
def test_metadata_nested_twice_as_deep_around_twice_the_text_takes_about_twice_as_long() -> None:
    """The text of every element of the metadata was read, at every level of a nest."""

    def build(n: int) -> bytes:
        nest = b"<x>" * n + b"ab " * 2_000 * n + b"</x>" * n
        return b"<cvdr><meta>" + nest + b"</meta><body><regeling><al>Artikel 1</al></regeling></body></cvdr>"

    assert_linear_load(read_cvdr, build, 40)


@pytest.mark.timing
def test_a_paragraph_over_the_text_limit_is_refused_without_a_string_per_word() -> None:
    """Collapsing white space by splitting into words made 16 million strings of a paragraph
    of 48 MB (1.4 GB) before the text limit refused it; now about the text's size a few times."""
    xml = (
        b"<cvdr><meta/><body><regeling><al>Artikel 1</al><al>"
        + b"ab " * 1_000_000
        + b"</al></regeling></body></cvdr>"
    )
    tracemalloc.start()
    try:
        with pytest.raises(FormatError, match="limit text_chars"):
            read_cvdr(xml, Limits(text_chars=500_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * len(xml), f"{peak / len(xml):.1f} times the input"


# -- hostile XML -----------------------------------------------------------------------------------
def hostile(secret: Path) -> dict[str, bytes]:
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return {
        "billion-laughs": f'<?xml version="1.0"?><!DOCTYPE cvdr [{laughs}]>'
        "<cvdr><body>&j;</body></cvdr>".encode(),
        "xxe": f'<?xml version="1.0"?><!DOCTYPE cvdr [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<cvdr><body><al>&x;</al></body></cvdr>".encode(),
        "xxe-parameter": f'<!DOCTYPE cvdr [<!ENTITY % p SYSTEM "file://{secret}"> %p;]><cvdr/>'.encode(),
        "external-dtd": f'<!DOCTYPE cvdr SYSTEM "file://{secret}"><cvdr><body><al>x</al></body></cvdr>'.encode(),
        "deep-nesting": b"<cvdr><body>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</body></cvdr>",
        "huge-attribute": b'<cvdr a="' + b"x" * 40_000_000 + b'"><body><al>x</al></body></cvdr>',
        "attribute-flood": b"<cvdr " + b" ".join(b'a%d="b"' % i for i in range(200_000)) + b"><body/></cvdr>",
        "tag-flood": b"<cvdr><body>" + b"<al>x</al>" * 300_000 + b"</body></cvdr>",
        "truncated": CVDR.encode()[: len(CVDR) // 2],
        "random-bytes": b"<cvdr>" + bytes(range(256)) * 400,
    }  # fmt: skip


@pytest.fixture(scope="module")
def hostile_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile_cvdr")
    secret = write(folder, "geheim.txt", SECRET + "\n")
    made = {name: write(folder, f"{name}.xml", data) for name, data in hostile(secret).items()}
    made["valid"] = write(folder, "valid.xml", CVDR)
    return made


CASES = sorted(hostile(Path("/x")))


@pytest.mark.timing
@pytest.mark.parametrize("case", CASES)
def test_hostile_xml_is_one_line_and_exit_2(
    case: str, hostile_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    refused_in_one_line(hostile_files[case], SECRET, capsys)


@pytest.mark.timing
@pytest.mark.parametrize("case", [*CASES, "valid"])
def test_hostile_xml_costs_little_time_and_memory(case: str, hostile_files: dict[str, Path]) -> None:
    path = hostile_files[case]
    outcome, seconds, peak = measure([path], FORMATS)[path]
    assert outcome == ("loaded" if case == "valid" else "LoadError")
    assert seconds < 1.0
    assert peak < 200, f"{peak} MB"  # well under 300 MB: about what a valid page costs


def test_check_reports_each_hostile_file_on_one_line(
    hostile_files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(hostile_files[case]) for case in CASES]
    assert main(["check", "--model", "builtin", *paths]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert [line.split(": ")[1] for line in err.splitlines()] == paths
    assert SECRET not in out + err


# -- fuzzing ---------------------------------------------------------------------------------------
PIECES = st.sampled_from(
    ["<cvdr>", "</cvdr>", "<body>", "</body>", "<meta>", "<owmskern>", "<title>", "</title>", "<regeling>",
     "<artikel>", "</artikel>", "<kop>", "<nr>", "</nr>", "<lid>", "</lid>", "<lidnr>", "</lidnr>",
     "<lijst>", "<li nr='a.'>", "</li>", "<li.nr>", "</li.nr>", "<al>", "</al>", "<tussenkop/>",
     "<row><entry>", "</entry></row>", "<!DOCTYPE cvdr>", "<!ENTITY x 'y'>", "&x;", "&amp;", "&#0;",
     "<![CDATA[", "]]>", "<?pi x?>", "<!--", "-->", "<", ">", "/", "=", '"', "x", "1", " ", "é",
     '<?xml version="1.0" encoding="', "utf-16", "latin-1", '"?>', "xmlns='urn:x'", "<a:b>"])  # fmt: skip
DOCUMENTS = st.one_of(
    st.binary(max_size=300),
    st.lists(PIECES, max_size=50).map(lambda parts: "".join(parts).encode("utf-8")),
    st.builds(
        lambda cut, tail: CVDR.encode()[:cut] + tail, st.integers(0, len(CVDR)), st.binary(max_size=20)
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_bytes_give_text_or_a_load_error(data: bytes) -> None:
    only_load_errors(data, "fuzz.xml", "cvdr", read_cvdr)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_bytes_give_text_or_a_load_error_many(data: bytes) -> None:
    only_load_errors(data, "fuzz.xml", "cvdr", read_cvdr)

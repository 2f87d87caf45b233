"""Hostile Word documents: each is refused with one line naming the file, fast and small.

Every archive is built here, byte by byte where a header has to lie. Each hostile file goes
through the command line (exit 2, one line on stderr naming the file, no content of any
local file), through :func:`load` within 1 s, and through a child process that measures
its peak memory. Mutations of valid documents (hypothesis) only ever give text or a
:class:`LoadError`; the reader itself only ever raises its own one-line error.
"""

from __future__ import annotations

import gc
import io
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verordening.cli import main
from verordening.load import Limits, LoadError, load
from verordening.load.docx import read_docx

from .hostile import measure, only_load_errors, refused_in_one_line
from .test_docx import NUMBERING, STYLES, W, docx, paragraph, style_numbered, word_numbered

SECRET = "GEHEIM-7f3a9c-INHOUD"  # the content of a local file an external entity points at
MIB = 1024 * 1024


# -- building archives ------------------------------------------------------------------------
def raw_zip(entries: list[tuple[str, bytes]], method: int = 8, flags: int = 0, **lie: int) -> bytes:
    """A ZIP archive of ``(name, data)`` written by hand, so a header can say what it likes:
    ``lie`` sets ``crc``, ``size`` (unpacked) or ``kind`` (compression method) of the LAST entry,
    in both its headers."""
    return zip_of(
        [(name, deflate([data]) if method == 8 else data, data) for name, data in entries],
        method,
        flags,
        **lie,
    )


def zip_of(entries: list[tuple[str, bytes, bytes]], method: int, flags: int = 0, **lie: int) -> bytes:
    """The archive of ``(name, packed, data)``, with ``lie`` about the last entry (see raw_zip)."""
    local, central = io.BytesIO(), io.BytesIO()
    for index, (name, packed, data) in enumerate(entries):
        said = lie if index == len(entries) - 1 else {}
        crc, size = said.get("crc", zlib.crc32(data)), said.get("size", len(data))
        fields = (20, flags, said.get("kind", method), 0, 0x21, crc, len(packed), size, len(name))
        offset = local.tell()
        local.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0) + name.encode() + packed)
        header = struct.pack("<4sH5HIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset)
        central.write(header + name.encode())
    table, count = central.getvalue(), len(entries)
    end = struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, count, count, len(table), local.tell(), 0)
    return local.getvalue() + table + end


def deflate(chunks: list[bytes], repeat: int = 1) -> bytes:
    """Raw deflate of the chunks, the middle one ``repeat`` times (a bomb without the bytes in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [packer.compress(chunks[0])]
    for chunk in chunks[1:-1]:
        out += [packer.compress(chunk) for _ in range(repeat)]
    if len(chunks) > 1:
        out.append(packer.compress(chunks[-1]))
    return b"".join([*out, packer.flush()])


def document(body: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> bytes:
    return f"{declaration}<w:document {W}><w:body>{body}</w:body></w:document>".encode()


def numbering(level: str, extra: str = "") -> str:
    return (
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0">{level}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/>{extra}</w:num></w:numbering>'
    )


def lvl(start: str = "1", fmt: str = "decimal", text: str = "%1.", ilvl: str = "0") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


ITEMS = [paragraph("Artikel 1"), paragraph("Een lid.", 1), paragraph("Een onderdeel.", 1, 1)]


def bomb() -> bytes:
    """200 MB of text in one paragraph, packed into about 200 kB, its size header honest."""
    head = document("<w:p><w:r><w:t>")[: -len("</w:body></w:document>")]
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    packed = deflate([head, b"a" * MIB, tail], repeat=200)
    return zip_of([("word/document.xml", packed, b"")], 8, size=len(head) + 200 * MIB + len(tail))


def many_lists(count: int) -> str:
    nums = "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="0"/></w:num>' for i in range(count))
    return numbering(lvl()).replace("</w:numbering>", nums + "</w:numbering>")


def nested(depth: int) -> bytes:
    return document("<w:p><w:r><w:t>x</w:t></w:r>" * depth + "</w:p>" * depth)


def laughs(root: str) -> bytes:
    entities = '<!ENTITY a "hahahahahahahahahaha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    return f'<?xml version="1.0"?><!DOCTYPE w [{entities}]><{root} {W}>&j;</{root}>'.encode()


def xxe(root: str, secret: Path, parameter: bool = False) -> bytes:
    if parameter:
        dtd = f'<!DOCTYPE w [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>'
        return f'<?xml version="1.0"?>{dtd}<{root} {W}/>'.encode()
    dtd = f'<!DOCTYPE w [<!ENTITY x SYSTEM "file://{secret}">]>'
    body = "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body>" if root == "w:document" else ""
    return f'<?xml version="1.0"?>{dtd}<{root} {W}>{body}</{root}>'.encode()


def parts(
    body: bytes = document("".join(ITEMS)), numbers: str = NUMBERING, **more: bytes
) -> list[tuple[str, bytes]]:
    named = {"word/styles.xml": more.pop("styles", STYLES.encode()), "word/numbering.xml": numbers.encode()}
    return [*named.items(), *((f"word/{k}.xml", v) for k, v in more.items()), ("word/document.xml", body)]


def hostile(secret: Path) -> dict[str, Callable[[], bytes]]:
    """Every hostile case: its name and how to build it."""
    big = document(paragraph("Tekst. " * 200_000))  # 1.4 MB packed into 5 kB: a header saying 4 kB hides it
    plain = document(
        "".join(ITEMS) + paragraph("Nog wat tekst, niet zo herhalend: " + "".join(map(str, range(3000))))
    )
    return {
        "zip-bomb": bomb,
        "zip-bomb-small-header": lambda: raw_zip(parts(big), size=4000),
        "size-header-says-small": lambda: raw_zip(parts(plain), size=len(plain) // 3),
        "size-header-says-big": lambda: raw_zip(parts(plain), size=len(plain) * 2),
        "size-header-says-huge": lambda: raw_zip(parts(plain), size=2**32 - 1),
        "bad-crc": lambda: raw_zip(parts(), crc=12345),
        "encrypted-flag": lambda: raw_zip(parts(), flags=1),
        "compression-method-99": lambda: raw_zip(parts(), method=0, kind=99),
        "compression-bzip2": lambda: raw_zip(parts(), method=0, kind=12),
        "too-many-parts": lambda: raw_zip([(f"x/{i}", b"") for i in range(12_000)] + parts(), method=0),
        "unknown-xml-encoding": lambda: raw_zip(
            parts(document("", '<?xml version="1.0" encoding="x-onbekend"?>'))
        ),
        "multibyte-xml-encoding": lambda: raw_zip(
            parts(document("", '<?xml version="1.0" encoding="utf-7"?>'))
        ),
        "numbering-start-1e11": lambda: raw_zip(parts(numbers=numbering(lvl("100000000000", "lowerLetter")))),
        "numbering-counts-past-limit": lambda: raw_zip(
            parts(document(paragraph("x", 1) * 3), numbers=numbering(lvl("99999")))
        ),
        "amplifying-lvltext": lambda: raw_zip(
            parts(numbers=numbering(lvl("99999", "lowerLetter", "%1" * 400)))
        ),
        "amplifying-letters": lambda: raw_zip(parts(numbers=numbering(lvl("5000", "lowerLetter", "%1%1%1")))),
        "amplifying-roman": lambda: raw_zip(parts(numbers=numbering(lvl("99999", "upperRoman", "%1")))),
        "ilvl-50-in-paragraph": lambda: raw_zip(parts(document(paragraph("x", 1, 50)))),
        "ilvl-50-in-numbering": lambda: raw_zip(parts(numbers=numbering(lvl(ilvl="50")))),
        "start-not-a-number": lambda: raw_zip(parts(numbers=numbering(lvl("een")))),
        "ilvl-not-a-number": lambda: raw_zip(parts(numbers=numbering(lvl(ilvl="x")))),
        "start-override-not-a-number": lambda: raw_zip(
            parts(
                numbers=numbering(
                    lvl(), '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1e9"/></w:lvlOverride>'
                )
            )
        ),
        "nesting-100000-stored": lambda: raw_zip(parts(nested(100_000)), method=0),
        "nesting-100000-deflated": lambda: raw_zip(parts(nested(100_000))),
        "too-many-list-elements": lambda: raw_zip(parts(numbers=many_lists(100_000)), method=0),
        "nesting-in-styles": lambda: raw_zip(parts(styles=b"<a>" * 5000 + b"</a>" * 5000), method=0),
        "billion-laughs": lambda: raw_zip(parts(laughs("w:document"))),
        "billion-laughs-in-numbering": lambda: raw_zip(parts(numbers=laughs("w:numbering").decode())),
        "xxe": lambda: raw_zip(parts(xxe("w:document", secret))),
        "xxe-parameter-entity": lambda: raw_zip(parts(xxe("w:document", secret, parameter=True))),
        "xxe-in-styles": lambda: raw_zip(parts(styles=xxe("w:styles", secret))),
    }


# -- the measurements -------------------------------------------------------------------------
@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    secret = folder / "geheim.txt"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    made = {}
    for name, build in hostile(secret).items():
        made[name] = folder / f"{name}.docx"
        made[name].write_bytes(build())
    made["valid"] = folder / "valid.docx"  # the yardstick: a small, good document
    made["valid"].write_bytes(word_numbered())
    return made


@pytest.fixture(scope="module")
def measured(files: dict[str, Path]) -> dict[str, tuple[str, float, int]]:
    """Per file: outcome of load(), seconds, peak memory (MB) of a process that loaded only it."""
    by_path = measure(list(files.values()))
    return {name: by_path[path] for name, path in files.items()}


CASES = sorted(hostile(Path("/nonexistent")))


@pytest.mark.timing
@pytest.mark.parametrize("case", CASES)
def test_hostile_file_is_one_line_exit_2(
    case: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    refused_in_one_line(files[case], SECRET, capsys)


@pytest.mark.timing
@pytest.mark.parametrize("case", CASES)
def test_hostile_file_costs_little_time_and_memory(
    case: str, measured: dict[str, tuple[str, float, int]]
) -> None:
    outcome, seconds, peak = measured[case]
    assert outcome == "LoadError"
    assert seconds < 1.0
    assert peak < 200, f"{peak} MB"  # well under 300 MB; a valid document costs about as much
    assert peak < measured["valid"][2] + 60


def test_check_reports_every_hostile_file_on_one_line(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(files[case]) for case in CASES]
    assert main(["check", *paths]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == len(paths)
    for line, path in zip(lines, paths, strict=True):
        assert line.startswith(f"verordening: {path}: ")
    assert SECRET not in err


def test_the_installed_command_refuses_them_too(files: dict[str, Path]) -> None:
    """End to end, in a process of its own: exit 2, a line per file, nothing of the secret file."""
    names = ["xxe", "xxe-parameter-entity", "billion-laughs", "zip-bomb", "numbering-start-1e11"]
    paths = [str(files[name]) for name in names]
    command = [sys.executable, "-m", "verordening", "check", *paths]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert [line.split(": ")[1] for line in done.stderr.splitlines()] == paths
    assert SECRET not in done.stderr


def test_clear_messages_for_the_known_cases(files: dict[str, Path]) -> None:
    expected = {
        "zip-bomb": "too large or too compressed",
        "size-header-says-small": r"damaged \(bad CRC\)",
        "size-header-says-big": "not the size its header says",
        "size-header-says-huge": "too large or too compressed",
        "bad-crc": r"damaged \(bad CRC\)",
        "encrypted-flag": "is encrypted",
        "compression-method-99": "compression method",
        "unknown-xml-encoding": "text encoding that cannot be read",
        "multibyte-xml-encoding": "text encoding that cannot be read",
        "numbering-start-1e11": "limit number",
        "numbering-counts-past-limit": "limit number",
        "amplifying-lvltext": "longer than 50 characters",
        "amplifying-letters": "longer than 50 characters",
        "ilvl-50-in-paragraph": "limit levels",
        "start-not-a-number": "not a whole number",
        "nesting-100000-stored": "limit depth",
        "too-many-list-elements": "over 60000 list elements",
        "billion-laughs": "DTD or entities",
        "xxe": "DTD or entities",
    }
    for case, message in expected.items():
        with pytest.raises(LoadError, match=message):
            load(files[case])


def test_limits_can_be_set_lower(files: dict[str, Path]) -> None:
    load(files["valid"])
    with pytest.raises(LoadError, match="limit unpacked_bytes"):
        load(files["valid"], limits=Limits(unpacked_bytes=2000))
    with pytest.raises(LoadError, match="limit depth"):
        load(files["valid"], limits=Limits(depth=3))
    with pytest.raises(LoadError, match="limit levels"):
        load(files["valid"], limits=Limits(levels=1))


# -- long style chains ------------------------------------------------------------------------
def chained(count: int, tail: str = "") -> bytes:
    """Styles S0 based on S1 ... on S{count-1}, the last numbered as level 0 of list 1 (or based
    on ``tail``), and a paragraph in each style: every one inherits the list through the chain."""
    styles = "".join(
        f'<w:style w:styleId="S{i}"><w:basedOn w:val="S{i + 1}"/></w:style>' for i in range(count - 1)
    )
    last = (
        f'<w:basedOn w:val="{tail}"/>'
        if tail
        else '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    )
    styles += f'<w:style w:styleId="S{count - 1}">{last}</w:style>'
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="S{i}"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>' for i in range(count)
    )
    more = {"styles": f"<w:styles {W}>{styles}</w:styles>".encode()}
    return raw_zip(parts(document(body), numbering(lvl()), **more))


def test_every_style_of_a_chain_inherits_its_numbering_and_a_cycle_ends() -> None:
    assert read_docx(chained(4), Limits()).text.splitlines() == ["1. x", "2. x", "3. x", "4. x"]
    assert read_docx(chained(3, tail="S0"), Limits()).text.splitlines() == ["x", "x", "x"]


@pytest.mark.timing
def test_a_style_chain_twice_as_long_takes_about_twice_as_long() -> None:
    """Each style once walked its whole ``w:basedOn`` chain (20,000 styles: over 60 s); the
    best of three timings of n and 2n styles, never an absolute time."""

    def seconds(data: bytes) -> float:
        gc.collect()
        gc.disable()  # (its runs come when they come)
        try:
            began = time.perf_counter()
            read_docx(data, Limits())
            return max(time.perf_counter() - began, 0.02)
        finally:
            gc.enable()

    once, twice = chained(2000), chained(4000)
    ratio = min(seconds(twice) for _ in range(3)) / min(seconds(once) for _ in range(3))
    assert ratio < 3, ratio


# -- mutations --------------------------------------------------------------------------------
VALID = [word_numbered(), style_numbered(), docx([paragraph("Artikel 1"), paragraph("Tekst.", 1)])]
TOKENS = [
    b"<w:p>",
    b"</w:p>",
    b"%1",
    b"%9",
    b"99999999999",
    b'w:val="50"',
    b"<!DOCTYPE d>",
    b"&x;",
    b"\x00",
    b"\xff",
]


def mutate(data: bytes, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    """Apply edits (kind, where, how many, bytes): flip a byte, insert bytes, delete a run."""
    out = bytearray(data)
    for kind, where, count, extra in edits:
        at = where % (len(out) + 1)
        if kind == 0 and at < len(out):
            out[at] ^= 1 + count % 255
        elif kind == 1:
            out[at:at] = extra
        else:
            del out[at : at + count % 64]
    return bytes(out)


def repack(data: bytes, part: int, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    """Mutate the unpacked XML of one part and pack the archive again (so CRCs and sizes agree)."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        infos = source.infolist()
        chosen = infos[part % len(infos)].filename
        for info in infos:
            content = source.read(info)
            out.writestr(info.filename, mutate(content, edits) if info.filename == chosen else content)
    return buffer.getvalue()


EDITS = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.integers(0, 1 << 16),
        st.integers(0, 255),
        st.one_of(st.binary(min_size=1, max_size=8), st.sampled_from(TOKENS)),
    ),
    min_size=1,
    max_size=6,
)
MUTANTS = st.builds(
    lambda base, inside, part, edits: repack(base, part, edits) if inside else mutate(base, edits),
    st.sampled_from(VALID),
    st.booleans(),
    st.integers(0, 10),
    EDITS,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTANTS)
def test_mutated_documents_give_text_or_a_load_error(data: bytes) -> None:
    only_load_errors(data, "mutant.docx", "docx", read_docx)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(MUTANTS)
def test_mutated_documents_give_text_or_a_load_error_many(data: bytes) -> None:
    only_load_errors(data, "mutant.docx", "docx", read_docx)

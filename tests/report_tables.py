"""Scan tables for the report tests, made in code: a small hand-made one whose aggregates are
known by heart, and one from real checks of corpus files with made-up years, frameworks and
organisations (and hostile titles and names)."""

from __future__ import annotations

import html.parser
from pathlib import Path

import attrs
import pandas

from verordening.bulk import Row, ScanOptions, check_path, error_row

from .conftest import ROOT

HOSTILE_TITLE = '<script>alert("titel")</script> & <b>vet</b>'
HOSTILE_FILE = 'x"><img src=/etc/passwd onerror=alert(1)>.txt'
HOSTILE_ORGANISATION = "Gemeente \u202eniets\u202c <script>"


def _doc(file: str, verdict: str, statuses: dict[str, tuple[str, str]], **common: object) -> list[Row]:
    return [
        Row(
            file=file,
            sha256=f"h-{file}",
            verdict=verdict,
            element=element,
            status=status,
            reasons=reasons,
            **common,
        )  # type: ignore[arg-type]
        for element, (status, reasons) in statuses.items()
    ]


def hand_made() -> pandas.DataFrame:
    """Four participation bylaws, one other text and one error; advice, support and agenda."""
    pw, wmo = "participatiewet", "wmo2015"
    rows = [
        *_doc(
            "d1.txt",
            "participation_bylaw",
            {
                "advice": ("present", ""),
                "support": ("partial", "support_not_concrete"),
                "agenda": ("missing", ""),
            },
            year=2015,
            frameworks=pw,
            organisation="Gemeente A",
            title="Verordening een",
        ),
        *_doc(
            "d2.txt",
            "participation_bylaw",
            {
                "advice": ("partial", "advice_not_early; advice_not_unrequested"),
                "support": ("present", ""),
                "agenda": ("missing", ""),
            },
            year=2015,
            frameworks=f"{pw}; {wmo}",
            organisation="Gemeente B",
            title=HOSTILE_TITLE,
        ),
        *_doc(
            "d3.txt",
            "participation_bylaw",
            {"advice": ("missing", ""), "support": ("not_applicable", ""), "agenda": ("present", "")},
            year=2016,
            frameworks=wmo,
            organisation="Gemeente A",
        ),
        *_doc(
            "d4.txt",
            "not_participation_bylaw",
            {
                "advice": ("missing", "advice_not_early"),
                "support": ("missing", ""),
                "agenda": ("missing", ""),
            },
            year=2016,
            frameworks=pw,
        ),
        *_doc(
            HOSTILE_FILE,
            "participation_bylaw",
            {
                "advice": ("present", ""),
                "support": ("present", ""),
                "agenda": ("partial", "agenda_in_reglement"),
            },
            frameworks=pw,
            organisation=HOSTILE_ORGANISATION,
        ),
        error_row("kapot.docx", "h-kapot", "kapot.docx: not a Word file", "0", "r"),
    ]
    return pandas.DataFrame([row.as_dict() for row in rows])


CORPUS = (
    "a01_dalmeer_pw.txt",
    "a06_bergakker_wmoraad.txt",
    "a10_rijnhoven_asd.txt",
    "a14_zandhoek_wwb_2010.txt",
    "a15_hoeveland_wmo2007.txt",
    "d11_hoornbeek_subsidie_seniorenraad.txt",
    "e10_kornwerd_inkomenstoeslag.txt",
    "f07_wilgenbeek_asd_wmo.txt",
)


def checked(tmp: Path) -> pandas.DataFrame:
    """Real checks of a few corpus files and one broken file, with made-up years (one left
    without) and organisations, and one hostile title."""
    broken = tmp / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04 no zip at all")
    rows: list[Row] = []
    for n, path in enumerate([*(ROOT / "corpus" / name for name in CORPUS), broken]):
        for row in check_path(str(path), ScanOptions()):
            made_up = {"year": 2012 + n % 3 if n != 4 else None, "organisation": f"Gemeente {'ABC'[n % 3]}"}
            if n == 1:
                made_up["title"] = HOSTILE_TITLE
            rows.append(attrs.evolve(row, **made_up) if row.verdict != "error" else row)  # type: ignore[arg-type]
    return pandas.DataFrame([row.as_dict() for row in rows])


class Structure(html.parser.HTMLParser):
    """The parts of an HTML page a test checks: elements closed in order, unique ids, the
    attributes of every number cell, and every address the page would load."""

    VOID = frozenset(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    )

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.cells: list[dict[str, str]] = []
        self.addresses: list[str] = []
        self.tags: list[str] = []
        self._cell: dict[str, str] | None = None
        self.feed(page)
        self.close()
        if self.open:
            self.problems.append(f"not closed: {self.open}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append(tag)
        self.ids += [values["id"]] if "id" in values else []
        self.addresses += [
            v for k, v in values.items() if k in ("src", "href", "xlink:href") and not v.startswith("#")
        ]
        if tag == "td" and "data-measure" in values:
            self._cell = {k[5:]: v for k, v in values.items() if k.startswith("data-")}
            self._cell["shown"] = ""
            self.cells.append(self._cell)
        if tag not in self.VOID:  # (<path/> comes as a start and an end)
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()
        if tag == "td":
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell["shown"] += data

"""`verordening report`: the aggregates of a scan table, its charts, the HTML page and the CSV."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas
import pytest

from verordening.bulk.report import (
    ReportError,
    aggregates,
    common_gaps,
    common_reasons,
    element_shares,
    load_table,
    summary,
    verdict_counts,
    write_report,
)
from verordening.bulk.table import write_table
from verordening.cli import main
from verordening.escape import visible
from verordening.rules import load_rules

from .report_tables import HOSTILE_FILE, HOSTILE_ORGANISATION, HOSTILE_TITLE, Structure, checked, hand_made


def _by_element(table: pandas.DataFrame) -> dict[str, dict[str, float]]:
    return {r["element"]: r for r in table.to_dict("records")}


def test_element_shares_count_only_participation_bylaws_and_add_up_to_one() -> None:
    shares = _by_element(element_shares(hand_made()))
    assert list(shares) == ["advice", "support", "agenda"]  # the report's element order
    advice, support, agenda = shares["advice"], shares["support"], shares["agenda"]
    assert (advice["present"], advice["partial"], advice["missing"], advice["documents"]) == (2, 1, 1, 4)
    assert (advice["share_present"], advice["share_partial"]) == (0.5, 0.25)
    # not applicable: counted, but not in the shares
    assert (support["not_applicable"], support["applicable"], support["documents"]) == (1, 3, 4)
    assert support["share_present"] == pytest.approx(2 / 3)
    assert (agenda["present"], agenda["partial"], agenda["missing"]) == (1, 1, 2)
    for row in shares.values():
        assert row["share_present"] + row["share_partial"] + row["share_missing"] == pytest.approx(1.0)


def test_breakdowns_by_year_framework_and_organisation() -> None:
    frame = hand_made()
    years = element_shares(frame, "year")
    assert list(dict.fromkeys(years["group"])) == ["2015", "2016", "(unknown)"]
    advice_2015 = years[(years["group"] == "2015") & (years["element"] == "advice")].iloc[0]
    assert (advice_2015["present"], advice_2015["partial"], advice_2015["documents"]) == (1, 1, 2)
    frameworks = element_shares(frame, "framework")
    docs = frameworks[frameworks["element"] == "advice"].set_index("group")["documents"].to_dict()
    assert docs == {"participatiewet": 3, "wmo2015": 2}  # d2 rests on both and counts under each
    organisations = element_shares(frame, "organisation")
    assert set(organisations["group"]) == {"Gemeente A", "Gemeente B", " ".join(HOSTILE_ORGANISATION.split())}
    with pytest.raises(ReportError, match="no breakdown 'colour'"):
        element_shares(frame, "colour")


def test_common_gaps_and_reasons_with_their_meaning_from_the_rules() -> None:
    frame = hand_made()
    gaps = common_gaps(frame)
    assert list(gaps["element"]) == ["agenda", "advice", "support"]
    assert list(gaps["gaps"]) == [3, 2, 1]
    assert list(common_gaps(frame, n=1)["element"]) == ["agenda"]
    reasons = common_reasons(frame)
    found = {(r["element"], r["reason"]): r for r in reasons.to_dict("records")}
    # the other text's advice_not_early does not count: one document, not two
    assert found[("advice", "advice_not_early")]["documents"] == 1
    assert set(found) == {
        ("advice", "advice_not_early"),
        ("advice", "advice_not_unrequested"),
        ("support", "support_not_concrete"),
        ("agenda", "agenda_in_reglement"),
    }
    rules = {str(rule.element): rule for rule in load_rules().rules}
    for (element, reason), row in found.items():
        assert row["meaning"] == rules[element].reasons[reason] != ""


def test_verdicts_and_summary_count_documents_not_rows() -> None:
    frame = hand_made()
    assert summary(frame) == {"documents": 6, "participation_bylaws": 4, "errors": 1, "rows": 16}
    verdicts = dict(zip(*verdict_counts(frame).to_dict("list").values(), strict=True))
    assert verdicts == {"participation_bylaw": 4, "not_participation_bylaw": 1, "error": 1}


def _report(tmp_path: Path, frame: pandas.DataFrame, *more: str) -> tuple[Path, list[str]]:
    table = write_table(frame, tmp_path / "scan.parquet")
    out = tmp_path / "rapport.html"
    assert main(["report", str(table), "--out", str(out), *more]) == 0
    return out, out.read_text(encoding="utf-8").splitlines()


def test_the_csv_of_the_aggregates_is_what_the_html_tables_hold(tmp_path: Path) -> None:
    out, _ = _report(tmp_path, hand_made(), "--by", "organisation")
    csv = pandas.read_csv(out.with_suffix(".csv"), dtype=str, keep_default_na=False)
    key = ("table", "by", "group", "element", "reason", "measure", "value")
    # the page shows control and bidi characters as escapes; the CSV keeps the values as they are
    from_csv = {tuple(visible(row[k], one_line=True) for k in key) for row in csv.to_dict("records")}
    cells = Structure(out.read_text(encoding="utf-8")).cells
    from_html = {tuple(cell[k] for k in key) for cell in cells}
    assert len(cells) == len(csv) == len(from_csv)
    assert from_html == from_csv
    assert {row[0] for row in from_csv} == {"summary", "verdicts", "elements", "gaps", "reasons", "documents"}
    assert {row[1] for row in from_csv} == {"", "year", "framework", "organisation"}
    shown = {(c["table"], c["by"], c["element"], c["measure"]): c["shown"] for c in cells if c["group"] == ""}
    assert shown[("elements", "", "advice", "share_present")] == "50,0%"  # Dutch, the default
    assert shown[("elements", "", "advice", "present")] == "2"
    # the CSV is the long table of the API
    assert csv.equals(
        aggregates(load_table(tmp_path / "scan.parquet"), ("year", "framework", "organisation"))
    )


def test_untrusted_values_are_escaped_and_the_page_is_well_formed_and_self_contained(tmp_path: Path) -> None:
    _out, lines = _report(tmp_path, hand_made(), "--by", "organisation")
    page = "\n".join(lines)
    assert "<script" not in page.lower()
    assert "<img" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&quot;titel&quot;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page
    assert "x&quot;&gt;&lt;img src=/etc/passwd" in page
    assert "\u202e" not in page
    assert "\\u202e" in page
    structure = Structure(page)
    assert structure.problems == []
    assert len(structure.ids) == len(set(structure.ids))
    assert structure.addresses == []  # nothing loaded from anywhere
    assert page.startswith("<!DOCTYPE html>")
    assert structure.tags.count("svg") == 2
    assert HOSTILE_TITLE not in page
    assert HOSTILE_FILE not in page


def test_charts_are_written_as_png_and_svg_beside_the_report_or_where_asked(tmp_path: Path) -> None:
    frame = checked(tmp_path)
    out, _ = _report(tmp_path, frame)
    folder = tmp_path / "rapport.html.charts"
    assert sorted(p.name for p in folder.iterdir()) == [
        "elements.png",
        "elements.svg",
        "trend.png",
        "trend.svg",
    ]
    for png in folder.glob("*.png"):
        assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert png.stat().st_size > 5000
    for svg in folder.glob("*.svg"):
        root = ET.fromstring(svg.read_text(encoding="utf-8"))
        assert root.tag.endswith("svg")
        assert len(list(root.iter())) > 50  # drawn, not empty
    page = out.read_text(encoding="utf-8")
    assert (folder / "trend.svg").read_text(encoding="utf-8") in page  # the same SVG inline
    assert "advies" in (folder / "elements.svg").read_text(encoding="utf-8")  # labels as text
    elsewhere = tmp_path / "grafieken"
    elsewhere.mkdir()
    csv = tmp_path / "cijfers.csv"
    table = tmp_path / "scan.parquet"
    assert main(["report", str(table), "--out", str(out), "--charts", str(elsewhere), "--csv", str(csv)]) == 0
    assert len(list(elsewhere.glob("*.svg"))) == 2
    assert csv.is_file()


def test_a_table_without_years_still_gets_its_trend_chart(tmp_path: Path) -> None:
    frame = hand_made().assign(year=None)
    files = write_report(write_table(frame, tmp_path / "s.csv"), tmp_path / "r.html", lang="en")
    assert "has a year" in (tmp_path / "r.html.charts" / "trend.svg").read_text(encoding="utf-8")
    assert len(files.charts) == 4


def _hostile_files(folder: Path) -> dict[str, Path]:
    empty = pandas.DataFrame(columns=list(hand_made().columns))
    files = {
        "missing": folder / "weg.parquet",
        "empty table": write_table(empty, folder / "leeg.parquet"),
        "empty file": folder / "leeg.csv",
        "not a scan table": folder / "ander.csv",
        "random bytes": folder / "ruis.parquet",
        "deep JSON": folder / "diep.jsonl",
        "wide header": folder / "breed.csv",
        "long line": folder / "lang.jsonl",
        "other suffix": folder / "scan.xlsx",
    }
    files["empty file"].write_bytes(b"")
    files["not a scan table"].write_text("geheim,woord\n1,2\n")
    files["random bytes"].write_bytes(bytes(range(256)) * 40)
    files["deep JSON"].write_text("[" * 100_000 + "]" * 100_000 + "\n")
    files["wide header"].write_text(",".join(f"kolom{i}" for i in range(100_000)) + "\n")
    files["long line"].write_text('{"file": "' + "a" * (5 << 20) + '"}\n')
    files["other suffix"].write_bytes(b"PK")
    return files


def test_bad_tables_are_one_line_naming_the_file_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.html"
    for kind, path in _hostile_files(tmp_path).items():
        assert main(["report", str(path), "--out", str(out)]) == 2, kind
        err = capsys.readouterr().err
        assert err.count("\n") == 1, (kind, err)
        assert err.startswith(f"verordening: {path}"), (kind, err)
        assert "geheim" not in err, kind
        assert "kolom1" not in err, kind
    assert not out.exists()
    table = write_table(hand_made(), tmp_path / "s.parquet")
    assert main(["report", "--lang", "en", str(table), "--out", str(out), "--by", "kleur"]) == 2
    assert "no breakdown 'kleur'" in capsys.readouterr().err
    assert main(["report", str(table), "--out", str(tmp_path / "geen" / "r.html")]) == 2
    with pytest.raises(SystemExit, match="2"):
        main(["report", str(table)])  # --out is required


# the process's own peak memory (VmHWM: ru_maxrss would keep the peak of pytest, its parent)
_COST = """
import resource, sys, time
from verordening.bulk.report import ReportError, load_table
start = time.perf_counter()
try:
    load_table(sys.argv[1])
except ReportError as error:
    message = str(error)
seconds = time.perf_counter() - start
with open("/proc/self/status", encoding="ascii") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(seconds, peak, message)
"""


@pytest.mark.timing
def test_bad_tables_are_refused_within_a_second_and_300_mb(tmp_path: Path) -> None:
    for kind, path in _hostile_files(tmp_path).items():
        result = subprocess.run(
            [sys.executable, "-c", _COST, str(path)], capture_output=True, text=True, check=True
        )
        seconds, kilobytes, message = result.stdout.split(" ", 2)
        assert float(seconds) < 1.0, kind
        assert int(kilobytes) < 300 * 1024, kind
        assert message.startswith(str(path)), kind


def test_a_parquet_file_that_declares_too_many_rows_is_refused_from_its_footer(tmp_path: Path) -> None:
    table = write_table(pandas.concat([hand_made()] * 10), tmp_path / "s.parquet")
    with pytest.raises(ReportError, match=r"160 rows, more than the 100"):
        load_table(table, max_rows=100)
    assert len(load_table(table)) == 160

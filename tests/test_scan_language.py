"""The scan and its report speak the language of the run (issue 12, point 2, for issue 11's
scan): Dutch by default, English with ``--lang en`` - the one-line usage errors, the summary
line, the progress bar, the report page, its charts and the meanings in its CSV. The table of
a scan stays data: its error rows, codes and numbers are the same in both languages."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pandas
import pytest
from rich.progress import Progress

from verordening.bulk.api import Summary
from verordening.bulk.engine import ScanError, runner_for
from verordening.bulk.progress import _Errors, _Rate
from verordening.bulk.report import ReportError, load_table
from verordening.bulk.store import Store, StoreError
from verordening.bulk.table import TableError, read_table, write_table
from verordening.cli import main

from .conftest import ROOT
from .report_tables import hand_made

BYLAW = ROOT / "corpus" / "a01_dalmeer_pw.txt"


def _one_line(capsys: pytest.CaptureFixture[str]) -> str:
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("verordening: ")
    return line


# (arguments, Dutch, English); {bylaw} and {tmp} are filled in
USAGE = {
    "no such path": (
        ["{tmp}/nergens/", "--out", "{tmp}/uit.parquet"],
        "niet gevonden (geen bestand, map of treffer van een patroon): {tmp}/nergens/",
        "no such file, folder or match: {tmp}/nergens/",
    ),
    "no workers": (
        ["{bylaw}", "--out", "{tmp}/uit.parquet", "--jobs", "0"],
        "--jobs moet 1 of meer zijn, niet 0",
        "--jobs must be 1 or more, not 0",
    ),
    "bad suffix": (
        ["{bylaw}", "--out", "{tmp}/uit.xlsx"],
        "{tmp}/uit.xlsx: de uitvoer moet eindigen op .parquet, .csv, .jsonl",
        "{tmp}/uit.xlsx: the output must end in .parquet, .csv, .jsonl",
    ),
    "scheduler without dask": (
        ["{bylaw}", "--out", "{tmp}/uit.parquet", "--scheduler", "tcp://x:1"],
        "--scheduler hoort bij --engine dask",
        "--scheduler goes with --engine dask",
    ),
}


@pytest.mark.parametrize("case", sorted(USAGE))
def test_a_usage_error_of_the_scan_is_dutch_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    arguments, dutch, english = USAGE[case]
    filled = [a.format(bylaw=BYLAW, tmp=tmp_path) for a in arguments]
    assert main(["scan", *filled]) == 2
    line = _one_line(capsys)
    assert line == f"verordening: {dutch.format(tmp=tmp_path)}"
    assert main(["scan", "--lang", "en", *filled]) == 2
    assert _one_line(capsys) == f"verordening: {english.format(tmp=tmp_path)}"
    assert not (tmp_path / "uit.parquet").exists()


def test_an_earlier_store_is_refused_in_dutch_and_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit.parquet"
    assert main(["scan", str(BYLAW), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["scan", str(BYLAW), "--out", str(out)]) == 2
    dutch = _one_line(capsys)
    assert dutch.endswith(
        "uit.parquet.scan.sqlite: hier staat de opslag van een eerdere scan; hergebruik die met --resume, "
        "of begin opnieuw met --restart"
    )
    assert main(["scan", "--lang", "en", str(BYLAW), "--out", str(out)]) == 2
    assert _one_line(capsys).endswith(
        "uit.parquet.scan.sqlite: an earlier scan's store is there; "
        "--resume to reuse it, --restart to start afresh"
    )


def test_the_errors_keep_their_english_their_base_classes_and_their_key_through_pickling(
    tmp_path: Path,
) -> None:
    with pytest.raises(ScanError) as caught:
        runner_for("local", 0)
    error = caught.value
    assert isinstance(error, ValueError)
    assert str(error) == "--jobs must be 1 or more, not 0"
    again = pickle.loads(pickle.dumps(error))  # as a worker process sends it back
    assert type(again) is ScanError
    assert again.text("nl") == "--jobs moet 1 of meer zijn, niet 0"
    with pytest.raises(TableError) as table:
        read_table(tmp_path / "weg.csv")
    assert isinstance(table.value, ValueError)
    assert (str(table.value), table.value.text("nl")) == (
        f"{tmp_path}/weg.csv: no such file",
        f"{tmp_path}/weg.csv: dit bestand bestaat niet",
    )
    with pytest.raises(ReportError) as report:
        load_table(write_table(hand_made().head(0), tmp_path / "leeg.parquet"))
    assert isinstance(report.value, ValueError)
    assert report.value.text("nl").endswith("leeg.parquet: de tabel heeft geen rijen")
    assert str(report.value).endswith("leeg.parquet: the table has no rows")
    (tmp_path / "s.sqlite").write_bytes(b"geen database" * 100)
    with pytest.raises(StoreError) as store:
        Store(tmp_path / "s.sqlite")
    assert str(store.value).endswith("s.sqlite: not a usable scan store (file is not a database)")
    assert store.value.text("nl").endswith(
        "s.sqlite: geen bruikbare opslag van een scan (file is not a database)"
    )


def _summary(**changes: object) -> Summary:
    values: dict[str, object] = {
        "documents": 6,
        "checked": 4,
        "reused": 2,
        "skipped": 5,
        "errors": 1,
        "not_in_force": 0,
        "rows": 31,
        "seconds": 2.25,
        "out": "uit.parquet",
    }
    return Summary(**{**values, **changes})  # type: ignore[arg-type]


def test_the_summary_line_in_both_languages_english_by_default_in_the_api() -> None:
    summary = _summary()
    english = "6 documents: 4 checked, 2 reused, 1 error; 5 files skipped; 31 rows in 2.2 s -> uit.parquet"
    assert summary.line() == summary.line("en") == english
    assert summary.line("nl") == (
        "6 documenten: 4 getoetst, 2 hergebruikt, 1 fout; 5 bestanden overgeslagen; "
        "31 rijen in 2,2 s -> uit.parquet"
    )
    more = _summary(errors=3, not_in_force=2, interrupted=True, out=None)
    assert more.line("en") == (
        "interrupted: 6 documents: 4 checked, 2 reused, 3 errors; 5 files skipped; "
        "2 versions not in force left out; 31 rows in 2.2 s; rerun with --resume to finish"
    )
    assert more.line("nl") == (
        "onderbroken: 6 documenten: 4 getoetst, 2 hergebruikt, 3 fouten; 5 bestanden overgeslagen; "
        "2 versies die niet van kracht zijn weggelaten; 31 rijen in 2,2 s; "
        "start opnieuw met --resume om af te maken"
    )


def test_the_command_prints_the_summary_in_the_language_of_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "README.md").write_text("niet toetsen\n")
    (folder / BYLAW.name).write_bytes(BYLAW.read_bytes())
    assert main(["scan", str(folder), "--out", str(tmp_path / "nl.csv")]) == 0
    dutch = _one_line(capsys)
    assert (
        "scan: 1 documenten: 1 getoetst, 0 hergebruikt, 0 fouten; 1 bestanden overgeslagen; 6 rijen in"
        in dutch
    )
    assert "documents" not in dutch
    assert "rows" not in dutch
    assert main(["scan", "--lang", "en", str(folder), "--out", str(tmp_path / "en.csv")]) == 0
    english = _one_line(capsys)
    assert "scan: 1 documents: 1 checked, 0 reused, 0 errors; 1 files skipped; 6 rows in" in english
    # the table is data: the same whatever the language of the run
    pandas.testing.assert_frame_equal(
        read_table(tmp_path / "nl.csv").drop(columns=["file"]),
        read_table(tmp_path / "en.csv").drop(columns=["file"]),
    )


def test_the_progress_bar_counts_errors_in_the_language_of_the_run() -> None:
    progress = Progress()
    progress.add_task("scan", total=10, completed=4, errors=3)
    task = progress.tasks[0]
    assert _Errors("nl").render(task).plain == "3 fouten"
    assert _Errors("en").render(task).plain == "3 errors"
    progress.update(task.id, errors=1)
    assert (_Errors("nl").render(task).plain, _Errors("en").render(task).plain) == ("1 fout", "1 error")
    assert _Rate("nl").render(task).plain == "0,0 doc/s"
    assert _Rate("en").render(task).plain == "0.0 doc/s"


def _report(tmp_path: Path, *lang: str) -> tuple[str, pandas.DataFrame, str]:
    """The page, the CSV and the trend chart's SVG of the hand-made table, in ``lang``."""
    table = tmp_path / "scan.parquet"
    if not table.exists():
        write_table(hand_made(), table)
    name = lang[-1] if lang else "standaard"
    out = tmp_path / f"{name}.html"
    assert main(["report", *lang, str(table), "--out", str(out), "--by", "organisation"]) == 0
    csv = pandas.read_csv(out.with_suffix(".csv"), dtype=str, keep_default_na=False)
    trend = (tmp_path / f"{name}.html.charts" / "trend.svg").read_text(encoding="utf-8")
    return out.read_text(encoding="utf-8"), csv, trend


def test_the_report_page_is_dutch_by_default(tmp_path: Path) -> None:
    page, csv, trend = _report(tmp_path)
    assert '<html lang="nl">' in page
    assert "<h1>Cliëntenparticipatie in gemeentelijke verordeningen: scanrapport</h1>" in page
    for dutch in ("Samenvatting", "Meest voorkomende redenen", "Per organisatie", "(onbekend)", "Fouten"):
        assert dutch in page, dutch
    assert "Ondersteuning <code>support</code>" in page  # the element's Dutch name, and its code
    assert '<th scope="col">gedeeltelijk</th>' in page  # the statuses of messages.yaml
    assert "Status per element: aanwezig, gedeeltelijk, ontbreekt" in page  # a chart's title
    for english in ("Summary", "Most common", "By organisation", "Documents by verdict", "rows in the table"):
        assert english not in page, english
    assert "Aandeel aanwezig per element, per jaar" in trend
    assert "share present" not in trend
    meanings = set(csv.loc[csv["table"] == "reasons", "text"])
    assert any(text.startswith("Er ") or " niet " in text for text in meanings)


def test_the_report_page_is_english_with_lang_en_and_its_numbers_are_the_same(tmp_path: Path) -> None:
    dutch_page, dutch_csv, _ = _report(tmp_path)
    page, csv, trend = _report(tmp_path, "--lang", "en")
    assert '<html lang="en">' in page
    assert "<h1>Client participation in municipal bylaws: scan report</h1>" in page
    assert "Support <code>support</code>" in page
    assert '<th scope="col">partial</th>' in page
    assert "(unknown)" in page
    assert "By organisation" in page
    for dutch in ("scanrapport", "Samenvatting", "Ondersteuning", "gedeeltelijk", "(onbekend)"):
        assert dutch not in page, dutch
    assert "Share present per element, by year" in trend
    assert "aandeel" not in trend
    # the CSV's columns, codes and numbers are data; only the meanings of the reasons change
    data = [c for c in csv.columns if c != "text"]
    pandas.testing.assert_frame_equal(csv[data], dutch_csv[data])
    reasons = csv["table"] == "reasons"
    assert (csv.loc[~reasons, "text"] == dutch_csv.loc[~reasons, "text"]).all()
    assert (csv.loc[reasons, "text"] != dutch_csv.loc[reasons, "text"]).all()
    # the page's cells carry the same codes in both languages
    assert page.count('data-group="(unknown)"') == dutch_page.count('data-group="(unknown)"') > 0
    # a share with the decimal mark of the language; the number itself is the same
    share = re.compile(r'data-measure="share_present" data-value="0.5">([^<]*)<')
    assert set(share.findall(page)) >= {"50.0%"}
    assert set(share.findall(dutch_page)) >= {"50,0%"}


def test_a_report_usage_error_is_dutch_by_default_and_english_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_table(hand_made(), tmp_path / "scan.parquet")
    out = str(tmp_path / "r.html")
    assert main(["report", str(table), "--out", out, "--by", "kleur"]) == 2
    assert (
        _one_line(capsys) == "verordening: geen uitsplitsing 'kleur' (kies uit year, framework, organisation)"
    )
    assert main(["report", "--lang", "en", str(table), "--out", out, "--by", "kleur"]) == 2
    assert _one_line(capsys) == "verordening: no breakdown 'kleur' (one of year, framework, organisation)"
    missing = tmp_path / "weg.parquet"
    assert main(["report", str(missing), "--out", out]) == 2
    assert _one_line(capsys) == f"verordening: {missing}: dit bestand bestaat niet"
    assert main(["report", "--lang", "en", str(missing), "--out", out]) == 2
    assert _one_line(capsys) == f"verordening: {missing}: no such file"

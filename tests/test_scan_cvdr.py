"""A folder of CVDR XML as downloaded: one row set per regulation version, and the versions in
force on a date (``--in-force-on``, :func:`verordening.bulk.api.in_force_on`)."""

from __future__ import annotations

from pathlib import Path

import pytest

import verordening
from verordening.bulk.api import in_force_on
from verordening.bulk.table import read_table
from verordening.cli import main

from .test_load_cvdr import CVDR

# version id -> (in force from, until); the regulation of test_load_cvdr in three versions
VERSIONS = {
    "999001_1": ("2016-01-01", "2019-12-31"),
    "999001_2": ("2020-01-01", "2022-06-30"),
    "999001_3": ("2022-07-01", ""),
}


def version(vid: str, start: str, until: str) -> str:
    text = CVDR.replace("999001_1", vid).replace(
        "<inwerkingtredingDatum>2016-01-01", f"<inwerkingtredingDatum>{start}"
    )
    ended = f"<uitwerkingtredingDatum>{until}</uitwerkingtredingDatum>" if until else ""
    return text.replace("<uitwerkingtredingDatum>2022-12-31</uitwerkingtredingDatum>", ended)


@pytest.fixture
def download(tmp_path: Path) -> Path:
    folder = tmp_path / "cvdr"
    folder.mkdir()
    for vid, (start, until) in VERSIONS.items():
        (folder / f"CVDR{vid}.xml").write_text(version(vid, start, until), encoding="utf-8")
    (folder / "CVDR999001_x.xml").write_text("<cvdr><meta>", encoding="utf-8")  # a broken download
    return folder


def test_every_version_is_a_row_set_with_its_id_and_dates(download: Path) -> None:
    table = verordening.scan(download)
    checked = table[table["verdict"] != "error"]
    assert checked.groupby("cvdr_id")["element"].count().to_dict() == {f"CVDR{v}": 6 for v in VERSIONS}
    dates = checked.drop_duplicates("cvdr_id").set_index("cvdr_id")[["in_force_from", "in_force_until"]]
    assert {k[4:]: tuple(v) for k, v in dates.iterrows()} == VERSIONS
    assert (checked["format"] == "cvdr").all()
    assert (checked["organisation"] == "Zandvoorde").all()
    assert table["verdict"].eq("error").sum() == 1


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-12-31", set()),
        ("2016-01-01", {"999001_1"}),
        ("2019-12-31", {"999001_1"}),
        ("2020-01-01", {"999001_2"}),
        ("2022-06-30", {"999001_2"}),
        ("2030-01-01", {"999001_3"}),
    ],
)
def test_the_version_in_force_on_a_date(download: Path, day: str, expected: set[str]) -> None:
    table = verordening.scan(download)
    kept = in_force_on(table, day)
    assert {c[4:] for c in kept["cvdr_id"] if c} == expected
    assert kept["verdict"].eq("error").sum() == 1  # an unreadable version is never dropped silently


def test_in_force_on_from_the_command_line(
    download: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "uit.parquet"
    assert (
        main(["scan", "--lang", "en", str(download), "--out", str(out), "--in-force-on", "2021-03-01"]) == 0
    )
    table = read_table(out)
    assert set(table["cvdr_id"]) == {"CVDR999001_2", ""}
    assert "4 documents: 4 checked, 0 reused, 1 error; 0 files skipped; 2 versions not in force left out" in (
        capsys.readouterr().err
    )
    # the store keeps every version: another date needs no check at all
    assert (
        main(
            [
                "scan",
                "--lang",
                "en",
                str(download),
                "--out",
                str(out),
                "--resume",
                "--in-force-on",
                "2017-01-01",
            ]
        )
        == 0
    )
    assert "0 checked, 4 reused" in capsys.readouterr().err
    assert set(read_table(out)["cvdr_id"]) == {"CVDR999001_1", ""}

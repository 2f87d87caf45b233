"""The HTML report in a real browser: headless Chromium (Debian's, driven by Playwright; nothing
is downloaded) opens it offline, logs no error, draws both charts, and its tables hold the
aggregates this test computes itself from the Parquet file with pandas."""

from __future__ import annotations

from pathlib import Path

import pandas
import pytest

from verordening.bulk.table import write_table
from verordening.cli import main

from .browser import launched, watch
from .report_tables import checked


def _expected(table: Path) -> dict[tuple[str, str, str, str], float]:
    """Per (breakdown, group, element) the counts and shares, straight from the Parquet file."""
    frame = pandas.read_parquet(table)
    rows = frame[(frame["verdict"] == "participation_bylaw") & (frame["element"] != "")].copy()
    rows["year"] = rows["year"].map(lambda y: "(unknown)" if pandas.isna(y) else str(int(y)))
    expected: dict[tuple[str, str, str, str], float] = {}
    for by in ("", "year"):
        for keys, part in rows.groupby(["element"] if not by else [by, "element"]):
            group, element = ("", keys[0]) if not by else keys
            applicable = part[part["status"] != "not_applicable"]
            expected[(by, group, element, "documents")] = len(part)
            expected[(by, group, element, "missing")] = int((part["status"] == "missing").sum())
            if len(applicable):
                expected[(by, group, element, "share_present")] = (applicable["status"] == "present").mean()
    return expected


def test_the_report_opens_in_chromium_with_charts_and_the_right_numbers(tmp_path: Path) -> None:
    table = write_table(checked(tmp_path), tmp_path / "scan.parquet")
    out = tmp_path / "report.html"
    assert main(["report", str(table), "--out", str(out)]) == 0
    expected = _expected(table)
    with launched() as browser:
        page = browser.new_page()
        seen = watch(page)
        page.goto(out.as_uri(), wait_until="load")
        boxes = [svg.bounding_box() for svg in page.locator("figure svg").all()]
        cells = page.locator("td[data-table='elements']").evaluate_all(
            "cells => cells.map(c => [c.dataset.by, c.dataset.group, c.dataset.element,"
            " c.dataset.measure, c.dataset.value, c.textContent])"
        )
        pdf = page.pdf()  # printable
    problems, requests = seen.problems, seen.requests
    assert problems == []
    assert requests == [out.as_uri()]  # nothing else fetched: self-contained
    assert len(boxes) == 2
    assert all(box is not None and box["width"] > 100 and box["height"] > 100 for box in boxes)
    found = {
        (by, group, element, measure): (float(value), text)
        for by, group, element, measure, value, text in cells
    }
    assert expected
    assert set(expected) <= set(found)
    for key, number in expected.items():
        value, text = found[key]
        assert value == pytest.approx(number, abs=1e-6), key
        # (a Dutch page, the default: a decimal comma)
        shown = f"{number:.1%}".replace(".", ",") if key[3].startswith("share_") else str(int(number))
        assert text == shown, key
    assert pdf.startswith(b"%PDF")

"""The HTML report in a real browser: headless Chromium (Debian's, driven by Playwright; nothing
is downloaded) opens it offline, logs no error, draws both charts, and its tables hold the
aggregates this test computes itself from the Parquet file with pandas."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas
import pytest

from verordening.bulk.table import write_table
from verordening.cli import main

from .report_tables import checked

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    """Chromium's path; a skip only where it is absent and cannot be installed (not root):
    `.ci/run` installs it in CI."""
    if not os.access(CHROMIUM, os.X_OK):
        why = "not root" if os.geteuid() != 0 else "apt-get is missing" if not shutil.which("apt-get") else ""
        if why:
            pytest.skip(f"{CHROMIUM} is not installed and cannot be ({why}); .ci/run installs it")
        pytest.fail(f"{CHROMIUM} is not installed: run .ci/run or apt-get install chromium")
    return CHROMIUM


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
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = _chromium()
    table = write_table(checked(tmp_path), tmp_path / "scan.parquet")
    out = tmp_path / "report.html"
    assert main(["report", str(table), "--out", str(out)]) == 0
    expected = _expected(table)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(out.as_uri(), wait_until="load")
            boxes = [svg.bounding_box() for svg in page.locator("figure svg").all()]
            cells = page.locator("td[data-table='elements']").evaluate_all(
                "cells => cells.map(c => [c.dataset.by, c.dataset.group, c.dataset.element,"
                " c.dataset.measure, c.dataset.value, c.textContent])"
            )
            pdf = page.pdf()  # printable
        finally:
            browser.close()
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
        shown = f"{number:.1%}" if key[3].startswith("share_") else str(int(number))
        assert text == shown, key
    assert pdf.startswith(b"%PDF")

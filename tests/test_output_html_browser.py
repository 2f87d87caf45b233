"""The annotated HTML report in a real browser: for every bylaw of the corpus, headless Chromium
(Debian's, driven by Playwright; nothing downloaded) opens the page offline, logs no error,
fetches nothing else, shows the statuses of the JSON report, and draws every highlight inside
the provision it cites. With VERORDENING_SCREENSHOTS=1 it also takes the screenshots of the
user guides (desktop and phone width) into docs/images/."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from verordening import Checker, parse_file
from verordening.output_html import STATUS_LABEL, report_html

from .browser import launched, watch
from .conftest import ROOT

CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
IMAGES = ROOT / "docs" / "images"
SHOWN = "a03_heerenveld_pw_kort.txt"  # partial and missing elements, short enough for one screen

_READ = """() => ({
  badges: [...document.querySelectorAll('td.status')].map(td => [td.dataset.element, td.dataset.status,
    td.querySelector('.badge').textContent, td.querySelector('.badge').getBoundingClientRect().width > 0]),
  marks: [...document.querySelectorAll('a.mark')].map(m => {
    const s = m.closest('section'), a = m.getBoundingClientRect(), b = s.getBoundingClientRect();
    return [m.dataset.element, m.dataset.status, s.id, m.dataset.node,
      a.width > 0 && a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5
      && a.bottom <= b.bottom + 0.5];
  }),
})"""


def _expected(data: dict[str, Any]) -> tuple[list[list[Any]], set[tuple[str, str]]]:
    badges = [[k, v["status"], STATUS_LABEL[v["status"]], True] for k, v in data["elements"].items()]
    cited = {(k, c["id"]) for k, v in data["elements"].items() for c in v["citations"]}
    return badges, cited


def _check_page(page: Any, path: Path, data: dict[str, Any]) -> None:
    page.goto(path.as_uri(), wait_until="load")
    shown = page.evaluate(_READ)
    badges, cited = _expected(data)
    assert sorted(shown["badges"]) == sorted(badges), path.name
    marked = set()
    for element, status, section, node, inside in shown["marks"]:
        assert section == node, (path.name, element, node)
        assert inside, (path.name, element, node)
        assert (element, section) in cited, path.name
        assert status == data["elements"][element]["status"], path.name
        marked.add((element, section))
    assert marked == cited, path.name


def test_every_corpus_report_renders_with_the_json_statuses(tmp_path: Path) -> None:
    assert len(CORPUS) > 50
    checker = Checker()
    pages: list[tuple[Path, dict[str, Any]]] = []
    for source in CORPUS:
        report = checker.check(parse_file(source))
        path = tmp_path / (source.stem + ".html")
        path.write_text(report_html(report), encoding="utf-8")
        pages.append((path, json.loads(report.to_json())))
    with launched() as browser:
        page = browser.new_page()
        seen = watch(page)
        for path, data in pages:
            _check_page(page, path, data)
        pdf = page.pdf()  # the last one, printed
    assert seen.problems == []
    assert set(seen.requests) == {path.as_uri() for path, _ in pages}  # nothing but the pages
    assert pdf.startswith(b"%PDF")


def test_keyboard_reaches_the_evidence_and_the_screenshots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tab moves through real links with a visible focus ring; following a summary link lands
    on the highlight. Screenshots for docs/images/ only when asked (VERORDENING_SCREENSHOTS=1)."""
    monkeypatch.chdir(ROOT)  # the page names the file as a user would type it
    report = Checker().check(parse_file(Path("corpus") / SHOWN))
    path = tmp_path / "rapport.html"
    path.write_text(report_html(report), encoding="utf-8")
    with launched() as browser:
        page = browser.new_page(viewport={"width": 1100, "height": 1300})
        seen = watch(page)
        page.goto(path.as_uri(), wait_until="load")
        focused = []
        for _ in range(4):
            page.keyboard.press("Tab")
            focused.append(
                page.evaluate(
                    "() => [document.activeElement.tagName, document.activeElement.getAttribute('href'),"
                    " getComputedStyle(document.activeElement).outlineStyle]"
                )
            )
        link = page.locator("td a[href^='#ev-']").first
        target = link.get_attribute("href")
        link.focus()
        page.keyboard.press("Enter")
        landed = page.evaluate("() => location.hash")
        visible = page.locator(f"[id='{target[1:]}']").is_visible() if target else False
        if os.environ.get("VERORDENING_SCREENSHOTS") == "1":
            _screenshots(browser, path)
    assert seen.problems == []
    assert [f[0] for f in focused] == ["A"] * 4
    assert all(f[2] != "none" for f in focused)
    assert focused[0][1] == "#elementen"  # the skip link first
    assert target
    assert landed == target
    assert visible


def _screenshots(browser: Any, path: Path) -> None:
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, viewport in (
        ("desktop", {"width": 1100, "height": 1300}),
        ("phone", {"width": 390, "height": 844}),
    ):
        page = browser.new_page(viewport=viewport)
        page.goto(path.as_uri(), wait_until="load")
        out = IMAGES / f"html-report-{name}.png"
        page.screenshot(path=str(out))
        page.close()
        assert out.stat().st_size < 300_000, out
    # the highlighted text as well: the reader sees the marks in place
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(path.as_uri() + "#verordening", wait_until="load")
    page.screenshot(path=str(IMAGES / "html-report-bylaw.png"))
    page.close()
    assert (IMAGES / "html-report-bylaw.png").stat().st_size < 300_000


@pytest.mark.parametrize("width", [390])
def test_the_phone_width_needs_no_sideways_scrolling(tmp_path: Path, width: int) -> None:
    report = Checker().check(parse_file(ROOT / "corpus" / SHOWN))
    path = tmp_path / "rapport.html"
    path.write_text(report_html(report), encoding="utf-8")
    with launched() as browser:
        page = browser.new_page(viewport={"width": width, "height": 844})
        page.goto(path.as_uri(), wait_until="load")
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width

"""Headless Chromium for the browser tests, in one place: Debian's Chromium driven by Playwright
(nothing is downloaded, never `playwright install`), skipped only where it cannot be had.

    from .browser import launched, watch

    with launched() as browser:
        page = browser.new_page()
        seen = watch(page)            # console errors/warnings, page errors, requests
        page.goto(path.as_uri(), wait_until="load")
    assert seen.problems == []
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import attrs
import pytest

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


def chromium() -> str:
    """Chromium's path; a skip only where it is absent and cannot be installed (not root):
    `.ci/run` installs it in CI."""
    if not os.access(CHROMIUM, os.X_OK):
        why = "not root" if os.geteuid() != 0 else "apt-get is missing" if not shutil.which("apt-get") else ""
        if why:
            pytest.skip(f"{CHROMIUM} is not installed and cannot be ({why}); .ci/run installs it")
        pytest.fail(f"{CHROMIUM} is not installed: run .ci/run or apt-get install chromium")
    return CHROMIUM


@contextmanager
def launched() -> Iterator[Any]:
    """One headless browser for a whole test (pages are cheap, browsers are not); skipped when
    Playwright is not installed, closed however the test ends."""
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@attrs.define
class Watched:
    """What a page said and fetched while a test looked at it."""

    problems: list[str] = attrs.field(factory=list)
    requests: list[str] = attrs.field(factory=list)


def watch(page: Any) -> Watched:
    """Collects console errors and warnings, uncaught page errors and every request of `page`,
    so a test can assert a page is quiet and self-contained."""
    seen = Watched()
    page.on("console", lambda m: seen.problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: seen.problems.append(str(error)))
    page.on("request", lambda request: seen.requests.append(request.url))
    return seen

"""Debian's chromium driven by Playwright, against pytest-django's live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (fixtures, assertions) are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


class AccessibilityChecker:
    """Runs axe-core on the current page and collects WCAG 2.2 AA violations by page."""

    def __init__(self) -> None:
        self.axe = Axe()
        self.violations: dict[str, list[dict[str, Any]]] = {}

    def check(self, page: Page, name: str) -> None:
        results = self.axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
        found = results.response["violations"]
        if found:
            self.violations[name] = [
                {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
                for v in found
            ]


@pytest.fixture
def axe() -> AccessibilityChecker:
    return AccessibilityChecker()

"""A performance analyst uploads a small SSDA903 return with a known error, finds the rule in the
report, pages to it by child, and downloads the workbook.

Every page on the way (the upload form, its error summary, the report, a rule's page) is checked
with axe-core for WCAG 2.2 AA violations, at desktop width and at 320 px, the narrowest phone.
"""

# ruff: noqa: RUF001  (DfE messages use a typographic apostrophe)
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from safeguard.web.access.models import User
from tests.browser.conftest import AccessibilityChecker
from tests.factories import UserFactory
from tests.returns.ssda903.helpers import write_table

PASSWORD = "correct horse battery staple"
WIDTHS = pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "320px"])
SEX_MESSAGE = "The child or young person’s reported sex is not valid."


@pytest.fixture
def analyst(db: None) -> User:
    user = UserFactory(username="pat.analyst", role=User.Role.PERFORMANCE_ANALYST)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def return_files(tmp_path: Path) -> list[Path]:
    """Child 1's SEX is X, which rule 101 rejects; nothing else in the return breaks a rule."""
    header = [
        {
            "CHILD": "1",
            "SEX": "X",
            "DOB": "01/02/2010",
            "ETHNIC": "WBRI",
            "UPN": "A123456789012",
            "MOTHER": "0",
        },
        {
            "CHILD": "2",
            "SEX": "F",
            "DOB": "01/02/2011",
            "ETHNIC": "WBRI",
            "UPN": "A123456789013",
            "MOTHER": "0",
        },
    ]
    episodes = [
        {
            "CHILD": child,
            "DECOM": "01/04/2025",
            "RNE": "S",
            "LS": "C2",
            "CIN": "N1",
            "PLACE": "U1",
            "PLACE_PROVIDER": "PR1",
            "URN": "SC123456",
            "HOME_POST": "B1 1AA",
            "PL_POST": "B2 2BB",
        }
        for child in ("1", "2")
    ]
    return [
        write_table(tmp_path / "header.csv", "Header", header),
        write_table(tmp_path / "episodes.csv", "Episodes", episodes),
    ]


def sign_in(page: Page, url: str, user: User) -> None:
    page.goto(url)
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_analyst_uploads_a_return_finds_the_rule_and_downloads_the_workbook(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    analyst: User,
    return_files: list[Path],
    tmp_path: Path,
    width: int,
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, f"{live_server.url}/returns/validate/", analyst)
    expect(page.get_by_role("heading", level=1)).to_have_text("Validate a return")
    axe.check(page, "upload form")

    # A file that is no SSDA903 table: the error summary names it and says why.
    notes = tmp_path / "notes.csv"
    notes.write_text("NAME,NOTE\nA,B\n", encoding="utf-8")
    page.get_by_label("SSDA903 (children looked after)").check()
    page.get_by_label("The return's files").set_input_files([return_files[0], notes])
    page.get_by_role("button", name="Validate").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("notes.csv: is not a known SSDA903 table")
    expect(page).to_have_title("Error: Validate a return – Safeguard")
    axe.check(page, "upload form with an error")

    page.get_by_label("SSDA903 (children looked after)").check()
    page.get_by_label("The return's files").set_input_files(return_files)
    page.get_by_label("Collection year (optional)").fill("2026")
    page.get_by_role("button", name="Validate").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("SSDA903 2025/26: validation report")
    expect(page.locator("#count-errors")).to_have_text("1")
    rule = page.locator("#rule-101")
    expect(rule).to_contain_text(SEX_MESSAGE)
    expect(rule).to_contain_text("Child 1, Header row 2: SEX=X")
    axe.check(page, "report, by rule")

    if width >= 641:  # GOV.UK tabs are tabs from tablet width; on a phone both sections show
        page.get_by_role("tab", name="By child (1)").click()
    by_child = page.locator("#by-child")
    expect(by_child).to_be_visible()
    expect(by_child.get_by_role("heading", name="Child 1: 1 issue")).to_be_visible()
    axe.check(page, "report, by child")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel workbook (xlsx)").click()
    saved = tmp_path / "report.xlsx"
    download_info.value.save_as(saved)
    workbook = openpyxl.load_workbook(saved, read_only=True)
    rows = list(workbook["By child"].iter_rows(values_only=True))
    assert rows[1:] == [("1", "101", "error", "Header", 2, "SEX=X", SEX_MESSAGE)]

    if width >= 641:
        page.get_by_role("tab", name="By rule (1)").click()
    page.locator("#rule-101").get_by_role("link", name="101", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rule 101: 1 issue")
    axe.check(page, "a rule's issues")

    assert axe.violations == {}, axe.violations

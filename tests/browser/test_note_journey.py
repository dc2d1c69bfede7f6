"""A social worker signs in, opens their caseload and a child, adds a note and sees it.

Every page on the way is checked with axe-core for WCAG 2.2 AA violations, at desktop width
and at phone width.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from safeguard.web.access.models import User
from safeguard.web.casework.models import CaseNote, Person
from tests.browser.conftest import AccessibilityChecker
from tests.web.journeys import give_whole_journey

PASSWORD = "correct horse battery staple"


@pytest.fixture
def worker_with_password(social_worker: User) -> User:
    social_worker.set_password(PASSWORD)
    social_worker.save()
    return social_worker


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_worker_adds_a_note_and_sees_it_in_the_chronology(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,
    child: Person,
    width: int,
) -> None:
    give_whole_journey(child, worker_with_password.staff)
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/sign-in"))
    axe.check(page, "sign in")
    page.get_by_label("Username").fill(worker_with_password.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("caseload")
    axe.check(page, "caseload")
    page.get_by_role("link", name=re.compile(child.first_name)).first.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(child.first_name)
    axe.check(page, "child record")
    page.goto(f"{live_server.url}/children/{child.pk}/chronology")
    axe.check(page, "chronology")

    page.get_by_role("textbox", name="Title", exact=True).fill("Spoke with Zephyrine at school")
    page.get_by_role("textbox", name="Note", exact=True).fill(
        "She said she feels happier since moving classes."
    )
    page.get_by_role("button", name="Add note").click()

    chronology = page.locator("#chronology")
    expect(chronology).to_contain_text("Spoke with Zephyrine at school")
    first_row = chronology.locator("tbody tr").first
    expect(first_row).to_contain_text("Spoke with Zephyrine at school")
    axe.check(page, "chronology after adding a note")

    assert CaseNote.objects.filter(child=child, title="Spoke with Zephyrine at school").count() == 1
    assert axe.violations == {}, axe.violations

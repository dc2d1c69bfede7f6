"""A worker records a looked-after child's outcomes for the year (SSDA903 OC2) from the child's
record, in a few actions, and sees them there.

The form and the record are checked with axe-core for WCAG 2.2 AA violations, at desktop width
and at 320 px, the narrowest phone.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import Page, expect

from safeguard.core.timescales.intervals import add_years
from safeguard.web.access.models import User
from safeguard.web.casework.models import CareOutcomes, Person
from tests.browser.conftest import AccessibilityChecker
from tests.browser.test_overdue_visit import MAX_ACTIONS, PASSWORD, CountedActions, sign_in
from tests.factories import LookedAfterEpisodeFactory, LookedAfterPeriodFactory

WIDTHS = pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "320px"])


@pytest.fixture
def worker_with_password(social_worker: User) -> User:
    social_worker.set_password(PASSWORD)
    social_worker.save()
    return social_worker


@pytest.fixture
def looked_after(child: Person, today: date) -> Person:
    """Our child, aged 12, looked after for two years: every outcome is asked of them."""
    child.date_of_birth = add_years(today, -12)
    child.save(update_fields=["date_of_birth"])
    period = LookedAfterPeriodFactory(child=child, start_date=add_years(today, -2))
    LookedAfterEpisodeFactory(period=period, start_date=period.start_date)
    return child


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_worker_records_the_years_outcomes_and_sees_them_on_the_record(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,
    looked_after: Person,
    today: date,
    width: int,
) -> None:
    year = today.year if today.month >= 4 else today.year - 1  # the year that ended last
    page.set_viewport_size({"width": width, "height": 900})
    actions = CountedActions()

    sign_in(page, f"{live_server.url}/children/{looked_after.pk}/", worker_with_password, actions)
    expect(page.get_by_role("heading", level=1)).to_contain_text(looked_after.first_name)
    expect(page.locator("#outcomes + p")).to_have_text("None recorded.")
    actions.click(page.get_by_role("button", name="Record the year's outcomes"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Record the year's outcomes")
    which_year = page.get_by_role("group", name="Which year are these outcomes for?")
    expect(which_year.get_by_label(f"1 April {year - 1} to 31 March {year}")).to_be_checked()
    axe.check(page, "record the year's outcomes")
    actions.fill(page.get_by_label("Strengths and Difficulties Questionnaire score"), "14")
    for question, answer in (
        ("Was the child convicted, or given a youth caution, during the year?", "No"),
        ("Are the child's immunisations up to date?", "Yes"),
        ("Was a substance misuse problem identified during the year?", "Yes"),
        ("Did the child receive help (an intervention) for substance misuse?", "No"),
        ("Was the child offered help and refused it?", "Yes"),
    ):
        actions.check(page.get_by_role("group", name=question).get_by_label(answer, exact=True))
    actions.click(page.get_by_role("button", name="Save outcomes"))

    expect(page).to_have_url(re.compile(rf"/children/{looked_after.pk}/#outcomes$"))
    expect(page.get_by_text("Outcomes for the year recorded")).to_be_visible()
    outcomes = page.locator(".sg-care-outcomes")
    expect(
        page.get_by_role("heading", name=f"1 April {year - 1} to 31 March {year}")
    ).to_be_visible()
    for key, value in (
        ("Strengths and Difficulties Questionnaire score", "14"),
        ("Convicted or given a youth caution", "No"),
        ("Immunisations up to date", "Yes"),
        ("Substance misuse problem identified", "Yes; help received: no; offered and refused: yes"),
    ):
        row = outcomes.locator(".govuk-summary-list__row").filter(has_text=key)
        expect(row.locator("dd")).to_have_text(value)
    axe.check(page, "child's record with the year's outcomes")

    held = CareOutcomes.objects.get(child=looked_after)
    assert (held.collection_year, held.sdq_score, held.sdq_reason) == (year, 14, "")
    assert (held.convicted, held.immunisations_up_to_date, held.substance_misuse) == (
        False,
        True,
        True,
    )
    assert (held.intervention_received, held.intervention_offered) == (False, True)
    assert held.created_by == worker_with_password
    assert actions.count <= MAX_ACTIONS, f"{actions.count} actions to record the year's outcomes"
    assert axe.violations == {}, axe.violations

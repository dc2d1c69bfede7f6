"""A worker sees an overdue initial child protection conference on "My work", records it and
the plan it decided on in a few actions, and the item turns done.

Also: what is typed into the conference form survives a reload (drafts save themselves). Every
page on the way is checked with axe-core for WCAG 2.2 AA violations, at desktop and at 320 px.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from safeguard.web.access.models import User
from safeguard.web.casework.models import ChildProtectionConference, Person
from tests.browser.conftest import AccessibilityChecker
from tests.browser.test_overdue_visit import (
    MAX_ACTIONS,
    CountedActions,
    sign_in,
    worker_with_password,  # noqa: F401 (a fixture)
)
from tests.factories import CINEpisodeFactory, Section47EnquiryFactory, StrategyDiscussionFactory

WIDTHS = pytest.mark.parametrize("width", [1280, 320], ids=["desktop", "320px"])


def an_enquiry_waiting_since_a_month_ago(child: Person) -> None:
    """A strategy discussion 30 days ago and its section 47 enquiry: the ICPC is overdue."""
    today = timezone.localdate()
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=45))
    discussion = StrategyDiscussionFactory(
        episode=episode, discussion_date=today - timedelta(days=30)
    )
    Section47EnquiryFactory(
        episode=episode,
        strategy_discussion=discussion,
        start_date=discussion.discussion_date,
        end_date=None,
        outcome="",
    )


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_worker_records_an_overdue_icpc_from_my_work_and_it_turns_done(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,  # noqa: F811 (the fixture imported above)
    child: Person,
    width: int,
) -> None:
    an_enquiry_waiting_since_a_month_ago(child)
    page.set_viewport_size({"width": width, "height": 900})
    actions = CountedActions()

    sign_in(page, f"{live_server.url}/", worker_with_password, actions)
    expect(page.get_by_role("heading", level=1)).to_contain_text("caseload")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # the navigation folds behind "Menu" at phone width
        actions.click(menu)
    actions.click(page.get_by_role("link", name="My work"))

    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    overdue = page.locator(f'#overdue li[data-rule="icpc"][data-child="{child.pk}"]')
    expect(overdue).to_contain_text("Overdue")
    expect(overdue).to_contain_text("Initial child protection conference")
    axe.check(page, "my work with an overdue ICPC")
    actions.click(overdue.get_by_role("link", name=re.compile("Record the conference")))

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Record the initial child protection conference"
    )
    expect(page.get_by_label("Date of conference")).to_have_value(
        timezone.localdate().strftime("%d/%m/%Y")
    )
    axe.check(page, "record the ICPC")
    # Saving with no answers says what is missing, in plain words, and is checked too.
    actions.click(page.get_by_role("button", name="Save conference"))
    expect(page.get_by_role("alert")).to_contain_text(
        "Select whether a child protection plan is needed"
    )
    axe.check(page, "record the ICPC, with errors")
    plan = page.get_by_role("group", name="Is a child protection plan needed?")
    actions.check(plan.get_by_label("Yes"))
    actions.check(page.get_by_label("Neglect (NEG)"))
    actions.click(page.get_by_role("button", name="Save conference"))

    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_text("Initial conference recorded")).to_be_visible()
    expect(page.locator(f'#overdue li[data-rule="icpc"][data-child="{child.pk}"]')).to_have_count(0)
    done = page.locator(f'#done li[data-rule="icpc"][data-child="{child.pk}"]')
    expect(done).to_contain_text("Done late")
    axe.check(page, "my work after recording the ICPC")

    page.goto(f"{live_server.url}/children/{child.pk}/#episodes")
    expect(page.locator("#episodes + .govuk-summary-card")).to_contain_text("category Neglect")
    axe.check(page, "child's record with the new plan")

    conference = ChildProtectionConference.objects.get(episode__child=child, kind="initial")
    assert conference.plan_required and conference.plan.initial_category == "NEG"
    assert actions.count <= MAX_ACTIONS, f"{actions.count} actions to record an ICPC"
    assert axe.violations == {}, axe.violations


@pytest.mark.django_db(transaction=True)
def test_what_a_worker_types_into_the_icpc_form_survives_a_reload(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,  # noqa: F811 (the fixture imported above)
    child: Person,
) -> None:
    an_enquiry_waiting_since_a_month_ago(child)
    actions = CountedActions()
    sign_in(
        page, f"{live_server.url}/children/{child.pk}/record/icpc", worker_with_password, actions
    )
    page.get_by_role("group", name="Is a child protection plan needed?").get_by_label("Yes").check()
    page.get_by_label("Emotional abuse (EMO)").check()
    expect(page.locator("[data-draft-status]")).to_contain_text("Draft saved at", timeout=8000)

    page.reload()
    expect(page.get_by_text(re.compile(r"Draft restored from \d\d:\d\d"))).to_be_visible()
    expect(page.get_by_label("Emotional abuse (EMO)")).to_be_checked()
    axe.check(page, "record the ICPC with a restored draft")
    assert axe.violations == {}, axe.violations

"""A worker sees an overdue visit on "My work", records it in a few actions, and it turns green.

Also: what a worker types into the visit form survives a reload (drafts save themselves). Every
page on the way is checked with axe-core for WCAG 2.2 AA violations, at desktop and phone width.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from safeguard.web.access.models import User
from safeguard.web.casework.models import Draft, Person, Visit
from tests.browser.conftest import AccessibilityChecker
from tests.factories import ChildProtectionPlanFactory, CINEpisodeFactory, VisitFactory

PASSWORD = "correct horse battery staple"
MAX_ACTIONS = 15
WIDTHS = pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])


class CountedActions:
    """Counts what the worker does with the page: each fill, click and check is one action."""

    def __init__(self) -> None:
        self.count = 0

    def fill(self, locator, text: str) -> None:
        self.count += 1
        locator.fill(text)

    def click(self, locator) -> None:
        self.count += 1
        locator.click()

    def check(self, locator) -> None:
        self.count += 1
        locator.check()


@pytest.fixture
def worker_with_password(social_worker: User) -> User:
    social_worker.set_password(PASSWORD)
    social_worker.save()
    return social_worker


def sign_in(page: Page, url: str, user: User, actions: CountedActions) -> None:
    page.goto(url)
    actions.fill(page.get_by_label("Username"), user.username)
    actions.fill(page.get_by_label("Password"), PASSWORD)
    actions.click(page.get_by_role("button", name="Sign in"))


def on_a_plan_with_the_last_visit_long_ago(child: Person, worker_user: User) -> None:
    """A child on a child protection plan whose last visit was 40 days ago: the visit is overdue."""
    today = timezone.localdate()
    episode = CINEpisodeFactory(child=child, referral_date=today - timedelta(days=120))
    ChildProtectionPlanFactory(episode=episode, start_date=today - timedelta(days=90))
    VisitFactory(
        child=child, worker=worker_user.staff, visit_date=today - timedelta(days=40), kind="cp"
    )


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_what_a_worker_types_survives_a_reload(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,
    child: Person,
    width: int,
) -> None:
    on_a_plan_with_the_last_visit_long_ago(child, worker_with_password)
    page.set_viewport_size({"width": width, "height": 900})
    actions = CountedActions()
    sign_in(
        page, f"{live_server.url}/children/{child.pk}/record/visit", worker_with_password, actions
    )

    expect(page.get_by_role("heading", level=1)).to_have_text("Record a visit")
    axe.check(page, "record a visit")
    words = "Zephyrine was drawing at the kitchen table when I arrived."
    page.get_by_label("What you saw and heard").fill(words)
    page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes").check()
    expect(page.locator("[data-draft-status]")).to_contain_text("Draft saved at", timeout=8000)

    page.reload()
    expect(page.get_by_text(re.compile(r"Draft restored from \d\d:\d\d"))).to_be_visible()
    expect(page.get_by_label("What you saw and heard")).to_have_value(words)
    alone = page.get_by_role("group", name="Was the child seen alone?")
    expect(alone.get_by_label("Yes")).to_be_checked()
    axe.check(page, "record a visit with a restored draft")

    # Discarding the draft starts the form afresh.
    page.get_by_role("button", name="Discard draft").click()
    expect(page.get_by_label("What you saw and heard")).to_have_value("")
    assert not Draft.objects.filter(archived_at__isnull=True).exists()
    assert axe.violations == {}, axe.violations


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_worker_records_an_overdue_visit_from_my_work_and_it_turns_green(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    worker_with_password: User,
    child: Person,
    width: int,
) -> None:
    on_a_plan_with_the_last_visit_long_ago(child, worker_with_password)
    page.set_viewport_size({"width": width, "height": 900})
    actions = CountedActions()

    sign_in(page, f"{live_server.url}/", worker_with_password, actions)
    expect(page.get_by_role("heading", level=1)).to_contain_text("caseload")
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():  # the navigation folds behind "Menu" at phone width
        actions.click(menu)
    actions.click(page.get_by_role("link", name="My work"))

    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    overdue_visit = page.locator(f'#overdue li[data-rule="cp_visit"][data-child="{child.pk}"]')
    expect(overdue_visit).to_contain_text("Overdue")
    expect(overdue_visit).to_contain_text("10 working days")
    axe.check(page, "my work with an overdue visit")
    actions.click(overdue_visit.get_by_role("link", name=re.compile("Record the visit")))

    expect(page.get_by_role("heading", level=1)).to_have_text("Record a visit")
    expect(page.get_by_label("Child protection visit")).to_be_checked()
    axe.check(page, "record a visit")
    actions.check(page.get_by_role("group", name="Was the child seen alone?").get_by_label("Yes"))
    actions.fill(
        page.get_by_label("What you saw and heard"),
        "Zephyrine was in her room. She said school is going better.",
    )
    actions.click(page.get_by_role("button", name="Save visit"))

    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_text("Visit recorded")).to_be_visible()
    expect(
        page.locator(f'#overdue li[data-rule="cp_visit"][data-child="{child.pk}"]')
    ).to_have_count(0)
    done = page.locator(f'#done li[data-rule="cp_visit"][data-child="{child.pk}"]')
    expect(done).to_contain_text("Done")
    expect(done.locator(".govuk-tag")).to_have_class(re.compile("govuk-tag--green"))
    axe.check(page, "my work after recording the visit")

    visit = Visit.objects.get(child=child, visit_date=timezone.localdate())
    assert visit.seen_alone and visit.worker == worker_with_password.staff
    assert actions.count <= MAX_ACTIONS, f"{actions.count} actions to record a visit"
    assert axe.violations == {}, axe.violations


@pytest.mark.django_db(transaction=True)
@WIDTHS
def test_managers_see_the_overdue_visit_and_why_on_every_work_page(
    live_server,
    page: Page,
    axe: AccessibilityChecker,
    social_worker: User,
    team_manager: User,
    director: User,
    child: Person,
    width: int,
) -> None:
    on_a_plan_with_the_last_visit_long_ago(child, social_worker)
    for user in (team_manager, director):
        user.set_password(PASSWORD)
        user.save()
    page.set_viewport_size({"width": width, "height": 900})
    actions = CountedActions()

    sign_in(
        page, f"{live_server.url}/teams/{team_manager.staff.team_id}/work", team_manager, actions
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("work and alerts")
    expect(page.locator("#team-rag")).to_contain_text("Sam Worker")
    overdue = page.locator(f'li[data-rule="cp_visit"][data-child="{child.pk}"]')
    expect(overdue).to_contain_text("10 working days after the child was last seen")
    expect(page.locator("#alerts ~ .sg-alerts")).to_contain_text("Not seen as often")
    axe.check(page, "team's work")
    page.context.clear_cookies()

    sign_in(page, f"{live_server.url}/service", director, actions)
    expect(page.locator("#service-rag")).to_contain_text(team_manager.staff.team.name)
    axe.check(page, "service")
    page.goto(f"{live_server.url}/settings/timescales")
    expect(page.get_by_role("heading", level=1)).to_have_text("Local timescales and alerts")
    axe.check(page, "timescale settings")
    page.goto(f"{live_server.url}/imports/school-feed")
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_text("Choose a school feed CSV file").first).to_be_visible()
    axe.check(page, "school feed with an error")
    page.goto(f"{live_server.url}/children/{child.pk}/")
    expect(page.locator("#alerts")).to_contain_text("Not seen as often as the plan requires")
    axe.check(page, "child's record with alerts")
    assert axe.violations == {}, axe.violations


@pytest.mark.django_db(transaction=True)
def test_no_access_answers_that_the_child_was_not_seen(
    live_server, page: Page, worker_with_password: User, child: Person
) -> None:
    actions = CountedActions()
    sign_in(
        page, f"{live_server.url}/children/{child.pk}/record/visit", worker_with_password, actions
    )
    page.get_by_label("No access").check()
    expect(page.get_by_role("group", name="Was the child seen?").get_by_label("No")).to_be_checked()
    alone = page.get_by_role("group", name="Was the child seen alone?")
    expect(alone.get_by_label("No")).to_be_checked()
    page.get_by_role("button", name="Save visit").click()
    expect(page.get_by_text("Visit recorded")).to_be_visible()
    visit = Visit.objects.get(child=child)
    assert (visit.outcome, visit.child_seen, visit.seen_alone) == ("no_access", False, False)

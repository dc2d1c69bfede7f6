"""Every page a user can reach, in a real browser, at desktop width and at 320 px.

For each page: axe-core finds no WCAG 2.2 AA violation, and at 320 px (the narrowest phone, and
what WCAG 1.4.10 Reflow asks for) the document itself never scrolls sideways; a wide table may
scroll inside its own labelled, focusable container. Each page signs in as the person who would
use it: a social worker for casework, their team manager for the team's work and supervision, a
director for the service, settings, feeds and returns.

One small authority is built once for the module and served by one live server, so the sweep
stays quick. Each test's own writes (a failed import, say) are rolled back, and the database is
emptied when the module ends, as a transactional test would leave it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

import polars as pl
import pytest
from django.core.management import call_command
from django.test import modify_settings
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from safeguard.core.timescales.intervals import add_years
from safeguard.returns.engine import Result, Skipped
from safeguard.web.access.models import User
from safeguard.web.casework.services import care_outcomes_record, draft_save
from safeguard.web.returns.runs import validation_run_record
from tests.browser.conftest import AccessibilityChecker
from tests.factories import (
    AllocationFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    PersonFactory,
    Section47EnquiryFactory,
    ServiceAreaFactory,
    StaffFactory,
    TeamFactory,
    UserFactory,
    VisitFactory,
)
from tests.web.journeys import give_whole_journey

PASSWORD = "correct horse battery staple"
WIDTHS = {"desktop": 1280, "320px": 320}
FEED_HEADER = "upn,first_name,last_name,date_of_birth,school,status,date\n"

# Which element makes the document scroll sideways: the deepest one whose hiding stops it
# (an absolutely positioned child can stick out of a container that clips its siblings).
OVERFLOWING = """() => {
  const wide = () => document.documentElement.scrollWidth > window.innerWidth + 1;
  const path = [];
  let el = document.body;
  descend: for (;;) {
    for (const child of el.children) {
      const shown = child.style.display;
      child.style.display = 'none';
      const culprit = !wide();
      child.style.display = shown;
      if (culprit) {
        path.push(child.tagName.toLowerCase() + (child.id ? '#' + child.id : '')
          + (typeof child.className === 'string' && child.className.trim()
             ? '.' + child.className.trim().split(/\\s+/).join('.') : ''));
        el = child;
        continue descend;
      }
    }
    return path.join(' > ') || 'more than one element';
  }
}"""

# Containers that scroll sideways and that a keyboard user could not reach, or that a screen
# reader would not name: each must be a focusable, labelled region, as GOV.UK's tables are.
UNREACHABLE_SCROLLERS = """() => [...document.body.querySelectorAll('*')]
  .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)
    && el.scrollWidth > el.clientWidth + 1)
  .filter((el) => el.getAttribute('tabindex') !== '0' || el.getAttribute('role') !== 'region'
    || !(el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
  .map((el) => el.outerHTML.slice(0, 120))"""


@dataclass
class Authority:
    """The people and records the pages show, by what the sweep needs of them."""

    worker: User
    manager: User
    director: User
    team_id: int
    looked_after_child_id: int
    on_a_plan_child_id: int
    run_id: int


def _person(username: str, user_role: str, **staff: object) -> User:
    user = UserFactory(
        username=username, role=user_role, staff=StaffFactory(**staff) if staff else None
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def _report(looked_after: str, on_a_plan: str) -> Result:
    """A return's report with long DfE messages over 30 children, so the report pages."""
    children = [looked_after, on_a_plan, *(f"{n:07d}" for n in range(28))]
    count = 2 * len(children)
    index = pl.int_range(count, eager=True)
    return Result(
        "2025/26",
        ("101", "103", "8840Q"),
        (Skipped("131", ("OC3",)),),
        (),
        pl.DataFrame(
            {
                "rule": pl.Series(["101", "8840Q"]).gather(index % 2),
                "type": pl.Series(["error", "query"]).gather(index % 2),
                "child": pl.Series(children).gather(index // 2),
                "table": pl.Series(["Header", "Episodes"]).gather(index % 2),
                "row": index + 2,
                "fields": pl.Series([["SEX"], ["DECOM", "RNE", "PLACE_PROVIDER"]]).gather(
                    index % 2
                ),
                "values": pl.Series([["X"], ["01/04/2025", "S", "PR1"]]).gather(index % 2),
                "message": pl.Series(
                    [
                        "The child or young person’s reported sex is not valid.",  # noqa: RUF001
                        "Please check: A placement provider code of PR1 was recorded for a "
                        "placement that started on the first day of the collection year.",
                    ]
                ).gather(index % 2),
            }
        ).sort("rule", maintain_order=True),
        (),
    )


def _build_authority() -> Authority:
    """A team with a worker and manager; a looked-after child with a whole journey, the year's
    outcomes and a half-typed review; a child on a plan whose visit is overdue; a child waiting
    for a worker; and a director with a validation run over our children."""
    today = timezone.localdate()
    north = ServiceAreaFactory(name="North")
    team = TeamFactory(name="North Child in Need", service_area=north)
    worker = _person(
        "sam.worker", User.Role.SOCIAL_WORKER, first_name="Sam", last_name="Worker", team=team
    )
    manager = _person(
        "tess.manager",
        User.Role.TEAM_MANAGER,
        first_name="Tess",
        last_name="Manager",
        role="team_manager",
        team=team,
    )
    director = _person("dee.director", User.Role.DIRECTOR)

    looked_after = PersonFactory(
        first_name="Zephyrine",
        last_name="Quillfeather",
        la_person_id="LAID-7731",
        date_of_birth=add_years(today, -12),
        upn="A123456789012",
    )
    AllocationFactory(child=looked_after, worker=worker.staff, team=team)
    give_whole_journey(looked_after, worker.staff, repeats=2)
    last_year = today.year if today.month >= 4 else today.year - 1
    care_outcomes_record(
        acting_user=worker,
        child=looked_after,
        collection_year=last_year,
        sdq_score=14,
        convicted=False,
        immunisations_up_to_date=True,
        substance_misuse=True,
        intervention_received=False,
        intervention_offered=True,
    )
    draft_save(
        acting_user=worker,
        child=looked_after,
        form_name="cla_review",
        data={"review_date": today.strftime("%d/%m/%Y")},
    )

    on_a_plan = PersonFactory(
        first_name="Bartholomew", last_name="Featherstonehaugh", la_person_id="LAID-8842"
    )
    AllocationFactory(child=on_a_plan, worker=worker.staff, team=team)
    episode = CINEpisodeFactory(child=on_a_plan, referral_date=today - timedelta(days=120))
    ChildProtectionPlanFactory(episode=episode, start_date=today - timedelta(days=90))
    VisitFactory(
        child=on_a_plan, worker=worker.staff, visit_date=today - timedelta(days=40), kind="cp"
    )
    # A new enquiry during the plan, waiting for its conference: the ICPC form has a question.
    Section47EnquiryFactory(
        episode=episode, start_date=today - timedelta(days=5), end_date=None, outcome=""
    )
    waiting = PersonFactory(first_name="Ottoline", last_name="Waitingford")
    AllocationFactory(child=waiting, worker=None, team=team)
    CINEpisodeFactory(child=waiting, referral_date=today - timedelta(days=20))

    run = validation_run_record(
        acting_user=director,
        return_name="903",
        source="records",
        result=_report(looked_after.la_person_id, on_a_plan.la_person_id),
        files={"Header": "header.csv", "Episodes": "episodes.csv"},
    )
    return Authority(
        worker=worker,
        manager=manager,
        director=director,
        team_id=team.pk,
        looked_after_child_id=looked_after.pk,
        on_a_plan_child_id=on_a_plan.pk,
        run_id=run.pk,
    )


@pytest.fixture(scope="module")
def authority(django_db_setup: None, django_db_blocker) -> Iterator[Authority]:
    """The authority, kept for the whole module (the live server reads it from its own thread),
    and the database emptied afterwards so later tests start from nothing."""
    with django_db_blocker.unblock():
        try:
            yield _build_authority()
        finally:
            call_command("flush", verbosity=0, interactive=False)


@pytest.fixture(scope="module")
def server(authority: Authority) -> Iterator[str]:
    """One live server for the module, sharing the test database's connection."""
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        live = LiveServer("localhost")
        try:
            yield live.url
        finally:
            live.stop()


@pytest.fixture(scope="module")
def signed_in_pages(
    browser: Browser, server: str, authority: Authority
) -> Iterator[dict[str, Page]]:
    """A browser page per person, each signed in once through the sign-in page, before any test
    begins, so the sessions outlive each test's rolled-back transaction."""
    opened: dict[str, Page] = {}
    for persona in ("anonymous", "worker", "manager", "director"):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(10_000)
        user = getattr(authority, persona, None)
        if user is not None:
            page.goto(f"{server}/sign-in")
            page.get_by_label("Username").fill(user.username)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("My caseload")
        opened[persona] = page
    yield opened
    for page in opened.values():
        page.context.close()


# --- What each page is, who visits it, and how to reach it ---------------------------------------


@dataclass(frozen=True)
class SweptPage:
    """One page of the sweep: who sees it, where it is, what its heading says and what else
    shows it is the page meant, and what to do on it first (submit a form, say) when the page
    to check is the answer to a POST."""

    name: str
    persona: str  # an Authority attribute, or "anonymous"
    path: Callable[[Authority], str]
    heading: str
    shows: str = ""
    then: Callable[[Page], None] | None = None


def _child(a: Authority) -> str:
    return f"/children/{a.looked_after_child_id}/"


def _record(form_name: str, child: str = "looked_after") -> Callable[[Authority], str]:
    def path(a: Authority) -> str:
        child_id = getattr(a, f"{child}_child_id")
        return f"/children/{child_id}/record/{form_name}"

    return path


def _search_for(words: str) -> Callable[[Page], None]:
    def search(page: Page) -> None:
        page.get_by_label("Name, LA child id or date of birth").fill(words)
        page.locator("main").get_by_role("button", name="Search").click()

    return search


def _submit(button: str) -> Callable[[Page], None]:
    def submit(page: Page) -> None:
        page.get_by_role("button", name=button).click()

    return submit


def _open_the_menu(page: Page) -> None:
    """At phone width the navigation folds behind "Menu": open it, so its links are checked."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
        expect(page.get_by_role("link", name="Timescales")).to_be_visible()


def _bad_timescale(page: Page) -> None:
    page.locator("input[name=number]").first.fill("soon")
    page.locator("form.sg-setting-form").first.get_by_role("button").click()


def _upload_feed(rows: str) -> Callable[[Page], None]:
    def upload(page: Page) -> None:
        page.get_by_label("School feed file (CSV)").set_input_files(
            {"name": "feed.csv", "mimeType": "text/csv", "buffer": (FEED_HEADER + rows).encode()}
        )
        page.get_by_role("button", name="Import").click()

    return upload


def _chronology(a: Authority) -> str:
    return f"/children/{a.looked_after_child_id}/chronology"


PAGES = [
    SweptPage("sign in", "anonymous", lambda a: "/sign-in", "Sign in"),
    SweptPage("my caseload", "worker", lambda a: "/", "My caseload", "Featherstonehaugh"),
    SweptPage(
        "child's record, looked after",
        "worker",
        _child,
        "Zephyrine",
        "Strengths and Difficulties Questionnaire score",
    ),
    SweptPage(
        "child's record, on a plan",
        "worker",
        lambda a: f"/children/{a.on_a_plan_child_id}/",
        "Bartholomew",
        "Record a review conference",
    ),
    SweptPage("chronology and the note form", "worker", _chronology, "Zephyrine", "Add a note"),
    SweptPage(
        "chronology, note with errors",
        "worker",
        _chronology,
        "Zephyrine",
        "There is a problem",
        _submit("Add note"),
    ),
    SweptPage("search", "worker", lambda a: "/search", "Search", "For example"),
    SweptPage(
        "search results",
        "worker",
        lambda a: "/search",
        "Search",
        "1 person found",
        _search_for("Zeph"),
    ),
    SweptPage(
        "search, nobody found",
        "worker",
        lambda a: "/search",
        "Search",
        "No results",
        _search_for("Nobody"),
    ),
    SweptPage(
        "team",
        "worker",
        lambda a: f"/teams/{a.team_id}",
        "North Child in Need",
        "Children waiting for a worker",
    ),
    SweptPage("my work", "worker", lambda a: "/work", "My work", "Overdue"),
    SweptPage("record a visit", "worker", _record("visit", "on_a_plan"), "Record a visit"),
    SweptPage(
        "record a looked-after review, with a draft restored",
        "worker",
        _record("cla_review"),
        "Record a looked-after review",
        "Draft restored from",
    ),
    SweptPage(
        "record a review conference",
        "worker",
        _record("cp_conference", "on_a_plan"),
        "Record a review child protection conference",
    ),
    SweptPage(
        "record the initial child protection conference",
        "worker",
        _record("icpc", "on_a_plan"),
        "Record the initial child protection conference",
        "Category of abuse",
    ),
    SweptPage(
        "record a health assessment",
        "worker",
        _record("health_assessment"),
        "Record a health assessment",
    ),
    SweptPage(
        "record a needs assessment",
        "worker",
        _record("needs_assessment"),
        "Record a needs assessment",
    ),
    SweptPage(
        "record the year's outcomes",
        "worker",
        _record("care_outcomes"),
        "Record the year's outcomes",
        "Strengths and Difficulties Questionnaire score",
    ),
    SweptPage(
        "record the year's outcomes, with errors",
        "worker",
        _record("care_outcomes"),
        "Record the year's outcomes",
        "There is a problem",
        _submit("Save outcomes"),
    ),
    SweptPage("page not found", "worker", lambda a: "/no-such-page", "Page not found"),
    SweptPage("not allowed", "worker", lambda a: "/service", "You cannot do that"),
    SweptPage(
        "team's work and supervision",
        "manager",
        lambda a: f"/teams/{a.team_id}/work",
        "work and alerts",
        "Record a supervision you gave",
    ),
    SweptPage(
        "service", "director", lambda a: "/service", "Work across the service", "North Child"
    ),
    SweptPage(
        "navigation menu open",
        "director",
        lambda a: "/team",
        "Teams",
        "North Child in Need",
        _open_the_menu,
    ),
    SweptPage(
        "timescale settings", "director", lambda a: "/settings/timescales", "Local timescales"
    ),
    SweptPage(
        "timescale settings, with an error",
        "director",
        lambda a: "/settings/timescales",
        "Local timescales",
        "There is a problem",
        _bad_timescale,
    ),
    SweptPage("school feed", "director", lambda a: "/imports/school-feed", "school feed"),
    SweptPage(
        "school feed with unmatched rows",
        "director",
        lambda a: "/imports/school-feed",
        "school feed",
        "Nothing was imported from feed.csv",
        _upload_feed(
            "A123456789012,,,,Hill Primary School,ehe,2026-11-20\n"
            "Z999999999999,,,,Hill Primary School,cme,2026-11-20\n"
        ),
    ),
    SweptPage(
        "school feed imported",
        "director",
        lambda a: "/imports/school-feed",
        "school feed",
        "1 row imported from feed.csv",
        _upload_feed("A123456789012,,,,Hill Primary School,ehe,2026-11-20\n"),
    ),
    SweptPage("validate a return", "director", lambda a: "/returns/validate/", "Validate"),
    SweptPage(
        "validate a return, with errors",
        "director",
        lambda a: "/returns/validate/",
        "Validate",
        "There is a problem",
        _submit("Validate"),
    ),
    SweptPage("check our records", "director", lambda a: "/returns/check/", "Check our records"),
    SweptPage(
        "check our records, with errors",
        "director",
        lambda a: "/returns/check/",
        "Check our records",
        "There is a problem",
        _submit("Check our records"),
    ),
    SweptPage(
        "a run's report",
        "director",
        lambda a: f"/returns/runs/{a.run_id}/",
        "validation report",
        "Children 1 to 25 of 30",
    ),
    SweptPage(
        "a run's report, page 2",
        "director",
        lambda a: f"/returns/runs/{a.run_id}/?page=2",
        "validation report",
        "open the child's record",  # our children's ids sort after the others
    ),
    SweptPage(
        "a rule's issues",
        "director",
        lambda a: f"/returns/runs/{a.run_id}/rules/8840Q",
        "Rule 8840Q",
        "placement provider code",
    ),
]


@pytest.mark.django_db  # each test's writes (a draft, a failed import) are rolled back
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("swept", PAGES, ids=[p.name for p in PAGES])
def test_page_is_accessible_and_fits_the_width(
    signed_in_pages: dict[str, Page],
    server: str,
    authority: Authority,
    swept: SweptPage,
    width: int,
) -> None:
    page = signed_in_pages[swept.persona]
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + swept.path(authority))
    if swept.then is not None:
        swept.then(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text(swept.heading)
    if swept.shows:
        expect(page.locator("body")).to_contain_text(swept.shows)
    # Folded details (say why a visit is late, the rules not run) are checked open.
    page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")

    axe = AccessibilityChecker()
    axe.check(page, swept.name)
    assert axe.violations == {}, axe.violations

    if width == WIDTHS["320px"]:
        document_width = page.evaluate("document.documentElement.scrollWidth")
        window_width = page.evaluate("window.innerWidth")
        assert document_width <= window_width + 1, (
            f"{swept.name} scrolls sideways at {width} px ({document_width} px wide): "
            f"{page.evaluate(OVERFLOWING)}"
        )
        assert page.evaluate(UNREACHABLE_SCROLLERS) == [], swept.name

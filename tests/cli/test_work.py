"""`safeguard work` prints the service's or a team's work list, as a table or JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from safeguard.cli import EXIT_OK, EXIT_UNUSABLE, main
from safeguard.web.access.models import User
from safeguard.web.casework.models import Allocation, Person
from tests.conftest import CHILD_LA_ID, Organisation
from tests.factories import (
    ChildProtectionConferenceFactory,
    ChildProtectionPlanFactory,
    CINEpisodeFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db
AS_AT = date(2026, 3, 20)


@pytest.fixture
def plan(child: Person) -> None:
    """Referred Mon 2 Feb 2026, ICPC Mon 2 Mar, seen Thu 5 Mar. On 20 Mar: the CP visit (due
    Thu 19 Mar) and the first core group (due Mon 16 Mar) are overdue; the assessment (Wed 8 Apr,
    over Easter) and the review conference (2 Jun) are due."""
    Allocation.objects.filter(child=child).update(start_date=date(2025, 1, 6))
    episode = CINEpisodeFactory(child=child, referral_date=date(2026, 2, 2))
    ChildProtectionPlanFactory(episode=episode, start_date=date(2026, 3, 2))
    ChildProtectionConferenceFactory(episode=episode, conference_date=date(2026, 3, 2))
    VisitFactory(child=child, visit_date=date(2026, 3, 5))


def test_service_table(
    plan: None, organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["work", "--as-at", "2026-03-20"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Work across the service on 20 Mar 2026" in out
    line = next(x for x in out.splitlines() if x.startswith("North Child in Need"))
    # Overdue: the child's CP visit and first core group, and the worker's own supervision.
    assert line.split()[-5:] == ["3", "0", "2", "0", "0"]  # overdue, due soon, due, late, unalloc.


def test_team_json_matches_the_selectors(
    plan: None, social_worker: User, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["work", "--as-at", AS_AT.isoformat(), "--team", "north child in need", "--format", "json"]
    )
    assert code == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["team"] == "North Child in Need" and data["as_at"] == "2026-03-20"
    # Overdue: the CP visit, the first core group and Sam's own supervision (none recorded).
    assert data["workers"] == [
        {"worker": "Sam Worker", "overdue": 3, "due_soon": 0, "due": 2, "done_late": 0}
    ]
    supervision = next(i for i in data["items"] if i["rule"] == "supervision")
    assert supervision["child"] is None and supervision["worker"] == "Sam Worker"
    assert supervision["status"] == "overdue" and supervision["action"] == "supervision"
    visit = next(i for i in data["items"] if i["rule"] == "cp_visit" and i["status"] == "overdue")
    assert visit["child"] == CHILD_LA_ID
    assert visit["explanation"] == (
        "CP visit due 19 Mar 2026: 10 working days after the child was last seen on 5 Mar 2026 "
        "(local policy)"
    )


def test_team_table_names_children_by_id_only(
    plan: None, social_worker: User, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["work", "--as-at", "2026-03-20", "--team", "North Child in Need"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "Overdue" in out and CHILD_LA_ID in out and "Zephyrine" not in out
    assert "First core group due 16 Mar 2026: 10 working days after the ICPC on 2 Mar 2026" in out
    assert "Assessment due 8 Apr 2026" in out and "Review conference due 2 Jun 2026" in out


def test_unknown_team_is_unusable(
    organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["work", "--as-at", "2026-03-20", "--team", "Nowhere"]) == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert "No team called 'Nowhere'" in err and "North Child in Need" in err


def test_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["work", "--as-at", "20/03/2026"])
    assert exc.value.code == EXIT_UNUSABLE
    assert "is not a date like 2026-03-31" in capsys.readouterr().err


def test_as_at_defaults_to_today(
    organisation: Organisation, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["work"]) == EXIT_OK
    assert date.today().strftime("%b %Y") in capsys.readouterr().out

"""Recording a looked-after child's outcomes for a year (SSDA903 OC2), as a worker would.

Given a child looked after by our social worker, when the worker records the year's outcomes on
the child's record, then they show there, the audit names the items (never the answers), a
half-typed form keeps its draft, answers the DfE would reject are refused in plain words, and a
worker from another team is refused.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from safeguard.core.timescales.intervals import add_years
from safeguard.web.access.models import AuditEvent
from safeguard.web.casework.models import CareOutcomes, Person
from safeguard.web.casework.services import care_outcomes_record
from tests.conftest import signed_in
from tests.factories import LookedAfterEpisodeFactory, LookedAfterPeriodFactory

pytestmark = pytest.mark.django_db


def last_year_ended(today: date) -> int:
    """The collection year (by its 31 March) that ended most recently."""
    return today.year if today.month >= 4 else today.year - 1


@pytest.fixture
def looked_after(child: Person, today: date) -> Person:
    """Our child, aged 12, looked after for two years."""
    child.date_of_birth = add_years(today, -12)
    child.save(update_fields=["date_of_birth"])
    period = LookedAfterPeriodFactory(child=child, start_date=add_years(today, -2))
    LookedAfterEpisodeFactory(period=period, start_date=period.start_date)
    return child


def outcomes_url(child: Person, **query: str) -> str:
    url = reverse("casework:record", args=[child.pk, "care_outcomes"])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def answers(year: int, **changes: str) -> dict[str, str]:
    fields = {
        "collection_year": str(year),
        "sdq_score": "14",
        "sdq_reason": "",
        "convicted": "no",
        "immunisations_up_to_date": "yes",
        "substance_misuse": "yes",
        "intervention_received": "no",
        "intervention_offered": "yes",
    }
    return {**fields, **changes}


def test_a_worker_records_the_years_outcomes_and_sees_them_on_the_childs_record(
    social_worker, looked_after, today
):
    client = signed_in(social_worker)
    record_url = reverse("casework:child", args=[looked_after.pk])
    record_page = client.get(record_url).content.decode()
    assert outcomes_url(looked_after) in record_page  # the button on the child's record
    year = last_year_ended(today)

    form = client.get(outcomes_url(looked_after)).content.decode()
    assert "Strengths and Difficulties Questionnaire score" in form
    assert f'value="{year}" checked' in form  # the year just ended, by default
    assert f"1 April {year - 1} to 31 March {year}" in form
    assert 'for="id_sdq_score"' in form and 'aria-describedby="id_sdq_score-hint"' in form

    response = client.post(outcomes_url(looked_after, next=record_url), answers(year), follow=True)

    assert response.redirect_chain[-1][0] == record_url
    page = response.content.decode()
    assert "Outcomes for the year recorded" in page
    assert f"1 April {year - 1} to 31 March {year}" in page
    assert "Strengths and Difficulties Questionnaire score</dt>" in page
    assert '<dd class="govuk-summary-list__value">14</dd>' in page
    assert "help received: no; offered and refused: yes" in page
    held = CareOutcomes.objects.get(child=looked_after)
    assert (held.collection_year, held.sdq_score, held.sdq_reason) == (year, 14, "")
    assert (held.convicted, held.immunisations_up_to_date, held.substance_misuse) == (
        False,
        True,
        True,
    )
    assert (held.intervention_received, held.intervention_offered) == (False, True)
    assert held.created_by == social_worker
    event = AuditEvent.objects.get(action="care_outcomes_record")
    assert event.changes["collection_year"] == year
    assert "sdq_score" in event.changes["fields"]
    assert "14" not in str(event.changes)  # which items, never the answers


def test_recording_the_same_year_again_changes_the_one_record(social_worker, looked_after, today):
    year = last_year_ended(today)
    client = signed_in(social_worker)
    client.post(outcomes_url(looked_after), answers(year))

    response = client.post(
        outcomes_url(looked_after),
        answers(
            year,
            sdq_score="",
            sdq_reason="SDQ2",
            substance_misuse="no",
            intervention_received="",
            intervention_offered="",
        ),
    )

    assert response.status_code == 302
    held = CareOutcomes.objects.get(child=looked_after)
    assert (held.sdq_score, held.sdq_reason, held.substance_misuse) == (None, "SDQ2", False)
    assert (held.intervention_received, held.intervention_offered) == (None, None)
    change = AuditEvent.objects.get(action="care_outcomes_change")
    assert set(change.changes["fields"]) == {
        "sdq_score",
        "sdq_reason",
        "substance_misuse",
        "intervention_received",
        "intervention_offered",
    }
    page = client.get(reverse("casework:child", args=[looked_after.pk])).content.decode()
    assert "No score: The carer refused to complete the questionnaire" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"sdq_score": "41"}, "sdq_score", "The score must be 40 or less"),
        ({"sdq_score": "lots"}, "sdq_score", "Enter the score as a whole number"),
        ({"sdq_reason": "SDQ4"}, "sdq_reason", "You gave a score"),
        ({"substance_misuse": "no"}, "intervention_received", "leave this unanswered"),
        ({"intervention_received": ""}, "intervention_received", "Select whether the child"),
        ({"intervention_offered": ""}, "intervention_offered", "offered an intervention"),
        ({"immunisations_up_to_date": ""}, "immunisations_up_to_date", "immunisations"),
    ],
)
def test_answers_that_do_not_go_together_are_refused_next_to_the_question(
    social_worker, looked_after, today, changes, field, message
):
    response = signed_in(social_worker).post(
        outcomes_url(looked_after), answers(last_year_ended(today), **changes)
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert 'href="#id_' in html  # the error summary links to the question
    assert not CareOutcomes.objects.exists()


def test_answers_the_dfe_does_not_ask_at_the_childs_age_are_refused(
    social_worker, looked_after, today
):
    """A child of 9 on 31 March is not asked about convictions (SSDA903 rule 542)."""
    year = last_year_ended(today)
    looked_after.date_of_birth = add_years(date(year, 3, 31), -9)
    looked_after.save(update_fields=["date_of_birth"])

    response = signed_in(social_worker).post(outcomes_url(looked_after), answers(year))

    assert response.status_code == 400
    assert "under 10 on 31 March, so convictions are not asked" in response.content.decode()
    assert not CareOutcomes.objects.exists()
    with pytest.raises(ValueError, match="under 4 all year"):
        looked_after.date_of_birth = date(year, 1, 1)
        care_outcomes_record(
            acting_user=social_worker, child=looked_after, collection_year=year, sdq_score=10
        )


def test_a_year_not_yet_begun_is_refused(social_worker, looked_after, today):
    with pytest.raises(ValueError, match="future"):
        care_outcomes_record(
            acting_user=social_worker,
            child=looked_after,
            collection_year=last_year_ended(today) + 2,
            immunisations_up_to_date=True,
            substance_misuse=False,
        )


def test_a_half_typed_form_keeps_its_draft(social_worker, looked_after, today):
    client = signed_in(social_worker)
    draft_url = reverse("casework:draft", args=[looked_after.pk, "care_outcomes"])
    saved = client.post(draft_url, {"sdq_score": "17", "convicted": "yes", "other": "dropped"})
    assert saved.json()["saved"] is True

    form = client.get(outcomes_url(looked_after)).content.decode()

    assert "Draft restored" in form
    assert 'value="17"' in form
    assert 'name="convicted" type="radio" value="yes" checked' in form
    assert client.get(draft_url).json()["draft"] == {"sdq_score": "17", "convicted": "yes"}


def test_a_worker_from_another_team_is_refused(other_team_worker, looked_after, today):
    client = signed_in(other_team_worker)
    assert client.get(outcomes_url(looked_after)).status_code == 404
    response = client.post(outcomes_url(looked_after), answers(last_year_ended(today)))
    assert response.status_code == 404
    assert not CareOutcomes.objects.exists()

"""The timescale engine's facts straight from a generated authority (no database).

The same rows `safeguard.web.timescales.selectors.records_for` reads from the database, taken
from the generator's records, for benchmarks and for tests of the alerts on the built children.
"""

from __future__ import annotations

from datetime import date

from safeguard.core.timescales import facts as f
from safeguard.synth.records import SynthAuthority


def records_from_authority(a: SynthAuthority, *, as_at: date | None = None) -> f.Records:
    """The facts of authority `a` on `as_at` (default the authority's own as_at)."""
    with f.paused_gc():
        return _records(a, as_at)


def _records(a: SynthAuthority, as_at: date | None) -> f.Records:
    day = as_at or a.as_at
    discussion = {s.id: s.discussion_date for s in a.strategy_discussions}

    def upto(d: date | None) -> date | None:
        return d if d is None or d <= day else None

    return f.Records(
        children=tuple(f.Child(p.id, p.date_of_birth) for p in a.persons),
        allocations=tuple(
            f.OpenAllocation(x.child_id, x.team_id, x.worker_id, x.start_date)
            for x in a.allocations
            if x.start_date <= day and (x.end_date is None or x.end_date > day)
        ),
        contacts=tuple(
            f.ContactRow(c.id, c.child_id, c.contact_date, c.source, c.outcome, c.decision_date)
            for c in a.contacts
            if c.contact_date <= day
        ),
        episodes=tuple(
            f.EpisodeRow(e.id, e.child_id, e.referral_date, e.referral_nfa, upto(e.closure_date))
            for e in a.cin_episodes
            if e.referral_date <= day
        ),
        assessments=tuple(
            f.AssessmentRow(x.episode_id, x.start_date, upto(x.authorisation_date), x.factors)
            for x in a.assessments
            if x.start_date <= day
        ),
        section47s=tuple(
            f.Section47Row(
                s.episode_id,
                discussion.get(s.strategy_discussion_id or 0, s.start_date),
                upto(s.end_date),
                s.outcome,
                s.icpc_not_required,
            )
            for s in a.section47s
            if s.start_date <= day
        ),
        plans=tuple(
            f.PlanRow(p.id, p.episode_id, p.start_date, upto(p.end_date))
            for p in a.cp_plans
            if p.start_date <= day
        ),
        conferences=tuple(
            f.ConferenceRow(c.episode_id, c.plan_id, c.kind, c.conference_date)
            for c in a.conferences
            if c.conference_date <= day
        ),
        cin_plans=tuple(
            f.PlanRow(p.id, p.episode_id, p.start_date, upto(p.end_date))
            for p in a.cin_plans
            if p.start_date <= day
        ),
        visits=tuple(
            f.VisitRow(v.child_id, v.visit_date, v.outcome, v.child_seen, v.seen_alone)
            for v in a.visits
            if v.visit_date <= day
        ),
        care_periods=tuple(
            f.CarePeriodRow(p.id, p.child_id, p.start_date, upto(p.end_date))
            for p in a.care_periods
            if p.start_date <= day
        ),
        care_episodes=tuple(
            f.CareEpisodeRow(e.child_id, e.period_id, e.start_date, e.reason_new_episode)
            for e in a.care_episodes
            if e.start_date <= day
        ),
        reviews=tuple(
            f.ReviewRow(x.child_id, x.period_id, x.review_date)
            for x in a.care_reviews
            if x.review_date <= day
        ),
        health=tuple(
            f.HealthRow(h.child_id, h.kind, h.assessment_date)
            for h in a.health_assessments
            if h.assessment_date <= day
        ),
        pathway_plans=tuple(
            f.PathwayRow(c.child_id, c.pathway_plan_date)
            for c in a.care_leaver_records
            if c.pathway_plan_date is not None and c.pathway_plan_date <= day
        )
        + tuple(
            f.PathwayRow(p.child_id, p.review_date)
            for p in a.pathway_reviews
            if p.review_date <= day
        ),
        core_groups=tuple(
            f.ChildDate(g.child_id, g.meeting_date) for g in a.core_groups if g.meeting_date <= day
        ),
        peps=tuple(f.ChildDate(p.child_id, p.review_date) for p in a.peps if p.review_date <= day),
        household=tuple(
            f.HouseholdRow(
                m.household_id, m.person_id, m.is_unknown_adult, m.start_date, m.end_date
            )
            for m in a.household_members
            if m.start_date <= day
        ),
        school_statuses=tuple(
            f.SchoolStatusRow(s.child_id, s.status, s.status_date, s.school)
            for s in a.school_reports
            if s.status_date <= day
        ),
        staff=tuple(
            f.StaffRow(s.id, s.team_id, s.role, s.newly_qualified, s.start_date, upto(s.end_date))
            for s in a.staff
            if s.start_date <= day
        ),
        supervisions=tuple(
            f.StaffDate(s.supervisee_id, s.session_date)
            for s in a.supervisions
            if s.session_date <= day
        ),
        needs_assessments=tuple(
            f.ChildDate(n.child_id, n.assessment_date)
            for n in a.needs_assessments
            if n.assessment_date <= day
        ),
    )

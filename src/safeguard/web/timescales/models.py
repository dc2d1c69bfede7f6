"""Timescale records that the journey tables do not hold: local settings, late reasons, the
school feed, and the meetings some local rules are measured by (core groups, PEP reviews,
pathway plan reviews).

The rules themselves are data in `safeguard.core.timescales.rules`; these tables hold a council's
changes to its local rules and the facts workers record against them.
"""

from __future__ import annotations

from django.db import models

from safeguard.web.history import Recorded


class TimescaleSetting(Recorded):
    """A council's value for one local timescale or alert threshold (overrides the default).

    Keys are those of `safeguard.core.timescales.setting_keys()`: "<rule>" for a rule's first
    interval, "<rule>:then" for its repeat interval, "alert:<id>" for an alert's threshold and
    "due_soon" for the due-soon window in working days.
    """

    class Unit(models.TextChoices):
        WORKING_DAYS = "working_days", "working days"
        DAYS = "days", "days"
        WEEKS = "weeks", "weeks"
        MONTHS = "months", "months"
        TERMS = "terms", "school terms"

    key = models.CharField(max_length=60, unique=True)
    number = models.PositiveIntegerField()
    unit = models.CharField(
        max_length=16, choices=Unit.choices, blank=True, help_text="Empty for a threshold."
    )

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class LateReason(Recorded):
    """Why a timescale was missed, in the worker's words; shown with the late item."""

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    rule_id = models.CharField(max_length=40, help_text="The timescale rule's id (e.g. icpc).")
    due_date = models.DateField(help_text="The due date of the item the reason explains.")
    reason = models.TextField()

    class Meta:
        ordering = ["child_id", "rule_id", "due_date", "created_at"]
        indexes = [models.Index(fields=["child", "rule_id", "due_date"])]


class SchoolStatusReport(Recorded):
    """One row of a school feed: what a school or the education service said about a child."""

    class Status(models.TextChoices):
        ON_ROLL = "on_roll", "On roll"
        ELECTIVE_HOME_EDUCATION = "ehe", "Withdrawn to elective home education"
        MISSING_EDUCATION = "cme", "Missing education"
        LEFT = "left", "Left the school"

    child = models.ForeignKey(
        "casework.Person", on_delete=models.PROTECT, related_name="school_reports"
    )
    school = models.CharField(max_length=120, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices)
    status_date = models.DateField(db_index=True)
    file_name = models.CharField(max_length=200, help_text="The feed file the row came from.")
    row_number = models.PositiveIntegerField()

    class Meta:
        ordering = ["child_id", "-status_date"]


class CoreGroupMeeting(Recorded):
    """A core group meeting for a child on a child protection plan (local timescales)."""

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        "casework.ChildProtectionPlan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    meeting_date = models.DateField()

    class Meta:
        ordering = ["child_id", "meeting_date"]


class PersonalEducationPlanReview(Recorded):
    """A review of a looked-after child's personal education plan (PEP; termly, local)."""

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    review_date = models.DateField()

    class Meta:
        ordering = ["child_id", "review_date"]


class PathwayPlanReview(Recorded):
    """A review of a care leaver's pathway plan (6-monthly, local; Annex A takes the latest)."""

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    review_date = models.DateField()

    class Meta:
        ordering = ["child_id", "review_date"]


class LongTermPlacement(Recorded):
    """A decision that the child's placement is intended to last until they are 18 (reg 28).

    From a year into such a placement, visits are due at most 3-monthly instead of 6-weekly.
    """

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    period = models.ForeignKey(
        "casework.LookedAfterPeriod", on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField()

    class Meta:
        ordering = ["child_id", "decided_on"]


class SupervisionSession(Recorded):
    """A case supervision session of a member of staff (monthly; newly qualified staff weekly
    for 6 weeks, then fortnightly to 6 months; local policy). Recorded by the supervisor."""

    supervisee = models.ForeignKey(
        "workforce.Staff", on_delete=models.PROTECT, related_name="supervisions"
    )
    supervisor = models.ForeignKey(
        "workforce.Staff",
        on_delete=models.PROTECT,
        related_name="supervisions_given",
        null=True,
        blank=True,
    )
    session_date = models.DateField()

    class Meta:
        ordering = ["supervisee_id", "session_date"]
        indexes = [models.Index(fields=["supervisee", "session_date"])]


class NeedsAssessment(Recorded):
    """A needs assessment of an eligible child, for their pathway plan (Care Planning
    Regulations 2010 reg 42: within 3 months of the 16th birthday or of becoming eligible)."""

    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    assessment_date = models.DateField(help_text="The day the needs assessment was completed.")

    class Meta:
        ordering = ["child_id", "assessment_date"]

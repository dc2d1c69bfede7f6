"""The organisation: service areas, teams and the staff who work in them."""

from __future__ import annotations

from django.db import models

from safeguard.web.history import Recorded


class ServiceArea(Recorded):
    """A part of children's services led by a head of service (front door, children in care...)."""

    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Team(Recorded):
    """A team of social workers under one manager."""

    class Kind(models.TextChoices):
        FRONT_DOOR = "front_door", "Front door (MASH)"
        ASSESSMENT = "assessment", "Assessment"
        CHILD_IN_NEED = "child_in_need", "Child in need and child protection"
        CHILDREN_IN_CARE = "children_in_care", "Children in care"
        CARE_LEAVERS = "care_leavers", "Care leavers"
        DISABLED_CHILDREN = "disabled_children", "Disabled children"
        REVIEWING = "reviewing", "Independent reviewing"
        OTHER = "other", "Other"

    name = models.CharField(max_length=120, unique=True)
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="teams")
    kind = models.CharField(max_length=32, choices=Kind.choices)
    establishment_fte = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        default=0,
        help_text="Funded social worker posts in full-time equivalents (CSWW vacancy rate).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Staff(Recorded):
    """A member of staff, permanent or agency, with their role and working pattern."""

    class Role(models.TextChoices):
        SOCIAL_WORKER = "social_worker", "Social worker"
        SENIOR_SOCIAL_WORKER = "senior_social_worker", "Senior social worker"
        PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"
        TEAM_MANAGER = "team_manager", "Team manager"
        SERVICE_MANAGER = "service_manager", "Service manager"
        DIRECTOR = "director", "Assistant director or director"
        REVIEWING_OFFICER = "reviewing_officer", "Independent reviewing officer"
        PERSONAL_ADVISER = "personal_adviser", "Personal adviser"
        OTHER = "other", "Other"

    class Contract(models.TextChoices):
        PERMANENT = "permanent", "Permanent"
        AGENCY = "agency", "Agency"

    staff_id = models.CharField(
        max_length=20, unique=True, help_text="Staff identifier (CSWW SWENo or local id)."
    )
    first_name = models.CharField(max_length=60)
    last_name = models.CharField(max_length=60)
    role = models.CharField(max_length=32, choices=Role.choices)
    contract = models.CharField(max_length=16, choices=Contract.choices)
    newly_qualified = models.BooleanField(
        default=False, help_text="In the assessed and supported year in employment (ASYE)."
    )
    fte = models.DecimalField(max_digits=4, decimal_places=2, default=1)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, related_name="staff", null=True, blank=True
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    leaving_reason = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "staff"

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

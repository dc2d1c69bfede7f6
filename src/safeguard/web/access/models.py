"""Users and their roles, explicit grants to restricted records, the access log and audit trail."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A person who signs in to Safeguard. Their role decides what they may see."""

    class Role(models.TextChoices):
        SOCIAL_WORKER = "social_worker", "Social worker"
        PRACTICE_SUPERVISOR = "practice_supervisor", "Practice supervisor"
        TEAM_MANAGER = "team_manager", "Team manager"
        SERVICE_MANAGER = "service_manager", "Service manager"
        DIRECTOR = "director", "Assistant director or director"
        REVIEWING_OFFICER = "reviewing_officer", "Independent reviewing officer or CP chair"
        QUALITY_LEAD = "quality_lead", "Quality assurance lead"
        PERFORMANCE_ANALYST = "performance_analyst", "Performance analyst"
        EXPERT_ADVISER = "expert_adviser", "Expert adviser"
        SYSTEM_ADMINISTRATOR = "system_administrator", "System administrator"
        SYSTEM = "system", "System (imports and synthetic data)"

    role = models.CharField(max_length=32, choices=Role.choices, default=Role.SOCIAL_WORKER)
    staff = models.OneToOneField(
        "workforce.Staff",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user",
        help_text="The staff record of a worker or manager; it places them in a team.",
    )

    class Meta:
        ordering = ["username"]


class AccessGrant(models.Model):
    """An explicit permission for one user to see one restricted child's record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grants"
    )
    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="grants")
    reason = models.CharField(max_length=200)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField()
    expires_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"grant {self.pk} to user {self.user_id}"


class AccessLogEntry(models.Model):
    """One read of a child's record: who, when, which child and which page."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    child = models.ForeignKey("casework.Person", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    page = models.CharField(max_length=100, help_text="The name of the page that was read.")
    allowed = models.BooleanField(default=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["child", "at"]), models.Index(fields=["user", "at"])]

    def __str__(self) -> str:
        return f"read {self.page} by user {self.user_id}"


class AuditEvent(models.Model):
    """One change to a record: who, when, what kind of row, which row, and what changed."""

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    action = models.CharField(max_length=60, help_text="The service that made the change.")
    model = models.CharField(max_length=60)
    object_id = models.CharField(max_length=40)
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        return f"{self.action} on {self.model} {self.object_id}"

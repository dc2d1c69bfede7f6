"""What Safeguard keeps of statutory return validation runs: the report, never the files."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ValidationRun(models.Model):
    """One validation of a return, uploaded or built from Safeguard's records.

    The uploaded files are deleted as soon as the run ends; the report is kept so that the
    analyst can page through it and download it afterwards. Only the user who ran it and system
    administrators may see it.
    """

    class Return(models.TextChoices):
        SSDA903 = "903", "SSDA903"
        CIN = "cin", "CIN census"

    class Source(models.TextChoices):
        UPLOAD = "upload", "Uploaded files"
        RECORDS = "records", "Safeguard's records"

    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    return_name = models.CharField(max_length=8, choices=Return.choices)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.UPLOAD)
    year = models.CharField(
        max_length=7, help_text='The DfE collection year validated, as "2025/26".'
    )
    year_inferred = models.BooleanField(
        default=False, help_text="Whether the year was taken from the files' dates."
    )
    file_names = models.JSONField(
        default=list, help_text="The files as the user named them, current year first."
    )
    rules_run = models.PositiveIntegerField(default=0)
    rules_skipped = models.PositiveIntegerField(default=0)
    rules_failed = models.PositiveIntegerField(default=0)
    rules_not_implemented = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0, help_text="Issues of type error.")
    queries = models.PositiveIntegerField(default=0, help_text="Issues of type query.")
    summary = models.JSONField(
        default=dict,
        help_text="The rules run, skipped, failed and not implemented, the files by table, and "
        "notes from the reader.",
    )
    issues = models.BinaryField(
        help_text="Every issue, as a zstd-compressed Parquet table (the report's issue columns)."
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "created_at"])]

    def __str__(self) -> str:
        return f"validation run {self.pk} ({self.return_name} {self.year})"

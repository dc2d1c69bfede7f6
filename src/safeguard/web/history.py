"""Who created and changed every row, and the archive flag that replaces deletion."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Recorded(models.Model):
    """Abstract base: every casework row keeps who created and last changed it, and when.

    Rows are never hard-deleted; `archived_at` marks a row withdrawn from current use.
    """

    created_at = models.DateTimeField(db_index=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Who recorded this row (a system user for imports and synthetic data).",
    )
    updated_at = models.DateTimeField()
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise PermissionError("Safeguard never hard-deletes records; archive them instead.")

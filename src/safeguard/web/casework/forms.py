"""Forms for the casework pages: they parse and check input, and nothing more."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from safeguard.web.casework.selectors import CHRONOLOGY_KINDS, DATE_FORMATS


class CaseNoteForm(forms.Form):
    """A note for the child's chronology."""

    title = forms.CharField(
        max_length=120,
        widget=forms.TextInput(attrs={"id": "note-title"}),
        error_messages={
            "required": "Enter a title for the note",
            "max_length": "Title must be 120 characters or fewer",
        },
    )
    note_date = forms.DateField(
        input_formats=DATE_FORMATS,
        widget=forms.TextInput(attrs={"id": "note-date"}),
        error_messages={
            "required": "Enter the date of the note",
            "invalid": "Date must be a real date, like 27/11/2026",
        },
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"id": "note-text"}),
        max_length=20000,
        error_messages={
            "required": "Enter the note",
            "max_length": "Note must be 20,000 characters or fewer",
        },
    )

    def clean_note_date(self) -> date:
        note_date: date = self.cleaned_data["note_date"]
        if note_date > timezone.localdate():
            raise forms.ValidationError("Date of the note must be today or in the past")
        return note_date


class ChronologyFilterForm(forms.Form):
    """Which kinds of event to show in the chronology; none ticked shows all."""

    kind = forms.MultipleChoiceField(
        choices=list(CHRONOLOGY_KINDS.items()), required=False, widget=forms.CheckboxSelectMultiple
    )

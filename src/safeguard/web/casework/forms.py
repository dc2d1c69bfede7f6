"""Forms for the casework pages: they parse and check input, and nothing more."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils import timezone

from safeguard.core.codes import codes_for, collection_year
from safeguard.web.casework.models import HealthAssessment, Visit
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


def _date_field(what: str) -> forms.DateField:
    return forms.DateField(
        input_formats=DATE_FORMATS,
        error_messages={
            "required": f"Enter the date of the {what}",
            "invalid": "Date must be a real date, like 27/11/2026",
        },
    )


def _not_in_future(value: date, what: str) -> date:
    if value > timezone.localdate():
        raise forms.ValidationError(f"Date of the {what} must be today or in the past")
    return value


YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no_field(required_message: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


class VisitForm(forms.Form):
    """A visit to the child. Defaults (set by the view) cover the usual visit in few actions."""

    kind = forms.ChoiceField(
        choices=Visit.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of visit"},
    )
    visit_date = _date_field("visit")
    mode = forms.ChoiceField(
        choices=Visit.Mode.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the visit was in person or virtual"},
    )
    outcome = forms.ChoiceField(
        choices=Visit.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what happened"},
    )
    child_seen = _yes_no_field("Select whether the child was seen")
    seen_alone = _yes_no_field("Select whether the child was seen alone")
    notes = forms.CharField(
        required=False,
        max_length=20000,
        widget=forms.Textarea,
        error_messages={"max_length": "Notes must be 20,000 characters or fewer"},
    )

    def clean_visit_date(self) -> date:
        return _not_in_future(self.cleaned_data["visit_date"], "visit")

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("seen_alone") and data.get("child_seen") is False:
            self.add_error(
                "seen_alone", "The child was not seen, so they cannot have been seen alone"
            )
        if data.get("outcome") == Visit.Outcome.NO_ACCESS and data.get("child_seen"):
            self.add_error(
                "child_seen", "There was no access, so select No for whether the child was seen"
            )
        return data


class LookedAfterReviewForm(forms.Form):
    """A looked-after review chaired by the IRO."""

    review_date = _date_field("review")
    participation = forms.ChoiceField(
        choices=[],
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the child took part in the review"},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        year = collection_year(timezone.localdate())
        self.fields["participation"].choices = list(codes_for("REVIEW_CODE", year).items())

    def clean_review_date(self) -> date:
        return _not_in_future(self.cleaned_data["review_date"], "review")


class ReviewConferenceForm(forms.Form):
    """A review child protection conference and its decision on the plan."""

    conference_date = _date_field("conference")
    plan_continues = _yes_no_field("Select whether the child protection plan continues")

    def clean_conference_date(self) -> date:
        return _not_in_future(self.cleaned_data["conference_date"], "conference")


class HealthAssessmentForm(forms.Form):
    """A health assessment or dental check of a looked-after child."""

    kind = forms.ChoiceField(
        choices=HealthAssessment.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of health assessment"},
    )
    assessment_date = _date_field("assessment")

    def clean_assessment_date(self) -> date:
        return _not_in_future(self.cleaned_data["assessment_date"], "assessment")


class NeedsAssessmentForm(forms.Form):
    """A needs assessment of an eligible looked-after child (reg 42), for the pathway plan."""

    assessment_date = _date_field("assessment")

    def clean_assessment_date(self) -> date:
        return _not_in_future(self.cleaned_data["assessment_date"], "assessment")


class LateReasonForm(forms.Form):
    """Why a timescale was, or will be, missed: in the worker's words, kept with the item."""

    rule_id = forms.CharField(max_length=40)
    due_date = forms.DateField(input_formats=["%Y-%m-%d"])
    reason = forms.CharField(
        max_length=2000,
        widget=forms.Textarea,
        error_messages={
            "required": "Say why it was late",
            "max_length": "Reason must be 2,000 characters or fewer",
        },
    )


class TimescaleSettingForm(forms.Form):
    """A council's value for one local timescale or alert threshold."""

    key = forms.CharField(max_length=60)
    number = forms.IntegerField(
        min_value=0,
        max_value=999,
        error_messages={
            "required": "Enter a number",
            "invalid": "Enter a whole number, like 10",
            "min_value": "Enter a number of 0 or more",
            "max_value": "Enter a number of 999 or less",
        },
    )
    unit = forms.CharField(max_length=16, required=False)


SCHOOL_FEED_MAX_BYTES = 20 * 1024 * 1024


class SchoolFeedForm(forms.Form):
    """A school feed CSV to import."""

    feed = forms.FileField(
        error_messages={"required": "Choose a school feed CSV file", "empty": "The file is empty"}
    )

    def clean_feed(self) -> object:
        feed = self.cleaned_data["feed"]
        if feed.size > SCHOOL_FEED_MAX_BYTES:
            raise forms.ValidationError("The file must be 20 MB or smaller")
        return feed

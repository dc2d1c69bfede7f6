"""Forms for the casework pages: they parse and check input, and nothing more."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django import forms
from django.utils import timezone

from safeguard.core.codes import codes_for, collection_year
from safeguard.web.casework.models import CareOutcomes, HealthAssessment, Section47Enquiry, Visit
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


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def enquiry_label(enquiry: Section47Enquiry) -> str:
    """How a section 47 enquiry is named in a question: by the dates workers know it by."""
    started = f"Section 47 enquiry started {_long_date(enquiry.start_date)}"
    return started + (f", ended {_long_date(enquiry.end_date)}" if enquiry.end_date else "")


class InitialConferenceForm(forms.Form):
    """An initial child protection conference and its decision on a plan.

    `enquiries` are the section 47 enquiries still waiting for a conference, latest first (the
    view's selector finds them). The latest is the usual answer, so it is the default; with only
    one, it is the answer and no question is asked.
    """

    conference_date = _date_field("conference")
    section47 = forms.TypedChoiceField(
        choices=[],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select which section 47 enquiry the conference follows",
            "invalid_choice": "Select which section 47 enquiry the conference follows",
        },
    )
    plan_required = _yes_no_field("Select whether a child protection plan is needed")
    category = forms.ChoiceField(
        choices=[],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Select a category of abuse from the list"},
    )

    def __init__(
        self, *args: object, enquiries: Sequence[Section47Enquiry] = (), **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)
        self.enquiries = {enquiry.pk: enquiry for enquiry in enquiries}
        section47 = self.fields["section47"]
        section47.choices = [(e.pk, enquiry_label(e)) for e in enquiries]
        if enquiries:
            self.initial.setdefault("section47", enquiries[0].pk)
        if len(enquiries) == 1:
            section47.widget = forms.HiddenInput()
        year = collection_year(timezone.localdate())
        self.fields["category"].choices = [
            (code, f"{words} ({code})")
            for code, words in codes_for("CategoryOfAbuse", year).items()
        ]

    @property
    def asks_which_enquiry(self) -> bool:
        return len(self.enquiries) > 1

    def clean_conference_date(self) -> date:
        return _not_in_future(self.cleaned_data["conference_date"], "conference")

    def clean(self) -> dict:
        data = super().clean() or {}
        if not self.enquiries:
            raise forms.ValidationError(
                "There is no section 47 enquiry waiting for an initial conference on this record"
            )
        enquiry = self.enquiries.get(data.get("section47", 0))
        if enquiry is not None:
            data["section47"] = enquiry
        held_on = data.get("conference_date")
        if enquiry is not None and held_on is not None and held_on < enquiry.start_date:
            self.add_error(
                "conference_date",
                "Date of the conference must be on or after the section 47 enquiry started, "
                + _long_date(enquiry.start_date),
            )
        if data.get("plan_required") and not data.get("category"):
            self.add_error("category", "Select the category of abuse for the plan")
        if data.get("plan_required") is False:
            # The question is for a plan only; an answer left from a change of mind is dropped.
            data["category"] = ""
        return data


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


def _yes_no_blank(not_asked: str) -> forms.TypedChoiceField:
    """A yes/no question asked only of some children; `not_asked` labels the third answer, which
    leaves it blank (None), so a worker can take back an answer given by mistake."""
    return forms.TypedChoiceField(
        choices=[*YES_NO, ("", not_asked)],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def year_choices(today: date) -> list[tuple[str, str]]:
    """The collection years a worker may record outcomes for, newest first: the one in progress
    and the two before it, each labelled by its dates."""
    in_progress = today.year + 1 if today.month >= 4 else today.year
    return [
        (str(year), f"1 April {year - 1} to 31 March {year}")
        for year in range(in_progress, in_progress - 3, -1)
    ]


class CareOutcomesForm(forms.Form):
    """A looked-after child's outcomes over a year (SSDA903 OC2), in the words workers use.

    The questions that go together are checked here so the worker can put them right at once;
    the rules that depend on the child's age are the service's.
    """

    collection_year = forms.TypedChoiceField(
        choices=[],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the year these outcomes are for"},
    )
    sdq_score = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=40,
        error_messages={
            "invalid": "Enter the score as a whole number, like 14",
            "min_value": "The score must be 0 or more",
            "max_value": "The score must be 40 or less",
        },
    )
    sdq_reason = forms.ChoiceField(
        choices=[
            *CareOutcomes.SDQReason.choices,
            ("", "Not needed: there is a score, or none is asked"),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    convicted = _yes_no_blank("Not asked: the child was under 10 on 31 March")
    immunisations_up_to_date = forms.TypedChoiceField(
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the child's immunisations are up to date"},
    )
    substance_misuse = forms.TypedChoiceField(
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether a substance misuse problem was identified this year"
        },
    )
    intervention_received = _yes_no_blank("Not asked: no substance misuse problem")
    intervention_offered = _yes_no_blank(
        "Not asked: the child received an intervention, or none was needed"
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["collection_year"].choices = year_choices(timezone.localdate())

    def clean(self) -> dict:
        data = super().clean() or {}
        if data.get("sdq_score") is not None and data.get("sdq_reason"):
            self.add_error(
                "sdq_reason", "You gave a score, so leave the reason for no score unselected"
            )
        misuse = data.get("substance_misuse")
        received = data.get("intervention_received")
        offered = data.get("intervention_offered")
        if misuse is False and received is not None:
            self.add_error(
                "intervention_received",
                "No substance misuse problem was identified, so leave this unanswered",
            )
        if misuse is False and offered is not None:
            self.add_error(
                "intervention_offered",
                "No substance misuse problem was identified, so leave this unanswered",
            )
        if misuse and received is None:
            self.add_error(
                "intervention_received", "Select whether the child received an intervention"
            )
        if received is True and offered is not None:
            self.add_error(
                "intervention_offered",
                "The child received an intervention, so leave this unanswered",
            )
        if received is False and offered is None:
            self.add_error(
                "intervention_offered",
                "Select whether the child was offered an intervention and refused it",
            )
        return data


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

"""Forms of the returns pages: upload a return to validate, or check Safeguard's own records."""

from __future__ import annotations

from typing import Any, Final

from django import forms
from django.core.files.uploadedfile import UploadedFile

from safeguard.returns.ssda903.reader import MAX_FILE_BYTES
from safeguard.web.returns.models import ValidationRun

MAX_FILES: Final = 20
"""More files than the SSDA903's tables (and last year's) is a mistake, not a return."""

MAX_UPLOAD_MB: Final = MAX_FILE_BYTES // 1024**2
"""Each file's limit: the reader's, so the page refuses what the reader would refuse."""

RETURN_CHOICES: Final = [
    (ValidationRun.Return.SSDA903.value, "SSDA903 (children looked after)"),
    (ValidationRun.Return.CIN.value, "CIN census"),
]

YEAR_ERRORS: Final = {
    "invalid": "Enter the year as four digits, like 2026",
    "min_value": "Enter a year from 2000 onwards",
    "max_value": "Enter a year before 2100",
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked as a single FileField would be."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        single = super().clean
        return [single(f, initial) for f in files]


def _file_name(upload: UploadedFile) -> str:
    """The name the user's computer gave, without any folder, for messages and the report."""
    return (upload.name or "file").replace("\\", "/").rsplit("/", 1)[-1][:200] or "file"


def _check_files(uploads: list[UploadedFile], what: str) -> None:
    if len(uploads) > MAX_FILES:
        raise forms.ValidationError(f"Choose {MAX_FILES} files or fewer for {what}")
    names = [_file_name(u) for u in uploads]
    for upload, name in zip(uploads, names, strict=True):
        if upload.size is not None and upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"{name} is {upload.size / 1024**2:,.0f} MB: each file must be "
                f"{MAX_UPLOAD_MB} MB or smaller"
            )
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise forms.ValidationError(f"{', '.join(twice)} was chosen twice for {what}")


class ValidateReturnForm(forms.Form):
    """A return's files, last year's and earlier years' Episodes (SSDA903 only) and, if not from
    the files, the year."""

    return_name = forms.ChoiceField(
        choices=RETURN_CHOICES,
        error_messages={"required": "Select which return the files are"},
    )
    current = MultipleFileField(
        error_messages={
            "required": "Choose the return's files",
            "empty": "A file you chose is empty",
        }
    )
    previous = MultipleFileField(
        required=False, error_messages={"empty": "A file of last year's return is empty"}
    )
    history = MultipleFileField(
        required=False, error_messages={"empty": "A file of earlier years' Episodes is empty"}
    )
    year = forms.IntegerField(
        required=False, min_value=2000, max_value=2099, error_messages=YEAR_ERRORS
    )

    def clean_current(self) -> list[UploadedFile]:
        current: list[UploadedFile] = self.cleaned_data["current"]
        _check_files(current, "this year's return")
        return current

    def clean_previous(self) -> list[UploadedFile]:
        previous: list[UploadedFile] = self.cleaned_data["previous"]
        _check_files(previous, "last year's return")
        return previous

    def clean_history(self) -> list[UploadedFile]:
        history: list[UploadedFile] = self.cleaned_data["history"]
        _check_files(history, "earlier years' Episodes")
        return history

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("return_name") == ValidationRun.Return.CIN:
            if len(cleaned.get("current") or []) > 1:
                self.add_error("current", "A CIN census is one XML file: choose one file")
            if cleaned.get("previous"):
                self.add_error(
                    "previous", "Last year's files are for the SSDA903 only: remove them"
                )
            if cleaned.get("history"):
                self.add_error(
                    "history", "Earlier years' Episodes files are for the SSDA903 only: remove them"
                )
        return cleaned

    @staticmethod
    def file_name(upload: UploadedFile) -> str:
        return _file_name(upload)


class CheckRecordsForm(forms.Form):
    """Which return to build from Safeguard's records, and for which collection year."""

    return_name = forms.ChoiceField(
        choices=RETURN_CHOICES, error_messages={"required": "Select which return to check"}
    )
    year = forms.IntegerField(
        min_value=2000,
        max_value=2099,
        error_messages={"required": "Enter the collection year", **YEAR_ERRORS},
    )

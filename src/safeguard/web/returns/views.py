"""The analysts' returns pages: validate an uploaded return, check our own records before export,
and read or download a run's report.

Uploaded files are children's data: they are written to a private temporary folder for the run
and deleted when it ends, whatever happens; only the report is kept (see `runs`). Messages about
unusable files name the file as the user's computer named it, never the server's path.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from safeguard.returns import report, validation
from safeguard.returns.cin.reader import ReturnCIN, UnusableCIN
from safeguard.returns.engine import Result, rules_for
from safeguard.returns.ssda903.reader import UnusableInput
from safeguard.web.access.models import User
from safeguard.web.casework.models import Person
from safeguard.web.returns.forms import (
    MAX_FILES,
    MAX_UPLOAD_MB,
    CheckRecordsForm,
    ValidateReturnForm,
)
from safeguard.web.returns.models import ValidationRun
from safeguard.web.returns.runs import (
    RETURN_NAMES,
    VALIDATION_ROLES,
    children_page,
    issues_by_rule,
    issues_of,
    result_of,
    rule_issues_page,
    validation_run_record,
    validation_runs_visible_to,
)

CHILDREN_PER_PAGE: Final = 25
ISSUES_PER_CHILD: Final = 20
ISSUES_PER_RULE_PAGE: Final = 100
FIRST_ROWS_PER_RULE: Final = 3
RECENT_RUNS: Final = 10

DOWNLOADS: Final = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


class Unusable(Exception):
    """The input cannot be validated; `field` is the form field to attach the message to."""

    def __init__(self, field: str | None, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _ensure_may_validate(user: User) -> None:
    if user.role not in VALIDATION_ROLES:
        raise PermissionDenied(
            "This page is for performance analysts, directors and administrators"
        )


def _page_number(request: HttpRequest) -> int:
    text = request.GET.get("page", "1")
    return int(text) if text.isdigit() and len(text) < 7 else 1


_SAFE_NAME: Final = re.compile(r"[^A-Za-z0-9._ -]")


def _save(uploads: Iterable[UploadedFile], folder: Path, names: list[str]) -> list[Path]:
    """Write `uploads` into `folder` under their own (made-safe) names; readers may look at a
    name's ending (.xml, .csv)."""
    folder.mkdir(mode=0o700)
    paths = []
    for index, (upload, name) in enumerate(zip(uploads, names, strict=True)):
        safe = _SAFE_NAME.sub("_", name).lstrip(".") or "file"
        path = folder / f"{index:02d}-{safe}"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        paths.append(path)
    return paths


def _plain(message: str, names: Mapping[Path, str]) -> str:
    """The reader's message with each temporary path replaced by the name the user gave."""
    for path, name in sorted(names.items(), key=lambda item: -len(str(item[0]))):
        message = message.replace(str(path), name)
    return message


def _notes_rows(rows_are_lines: bool) -> list[str]:
    """The note for an XML file that puts several rows on one line (a minified file)."""
    if rows_are_lines:
        return []
    return [
        "The file puts several elements on one line, so each issue's row is the element's "
        "position in its table (1 = first), not a line number."
    ]


def _notes_cin(submission: ReturnCIN) -> list[str]:
    """What the analyst should know about how a CIN census file was read."""
    notes = _notes_rows(submission.rows_are_lines)
    if submission.schema_value_errors:
        notes.append(
            f"{submission.schema_value_error_count:,} value(s) fail the CIN XSD's code lists or "
            f"formats; the first: {submission.schema_value_errors[0]}"
        )
    return notes


def _validate_uploads(user: User, cleaned: Mapping[str, Any]) -> ValidationRun:
    """Validate the uploaded return in a private temporary folder, deleted when this returns."""
    return_name = cleaned["return_name"]
    year = cleaned.get("year")
    label = None if year is None else validation.collection_year_label(year)
    current_names = [ValidateReturnForm.file_name(u) for u in cleaned["current"]]
    previous_names = [ValidateReturnForm.file_name(u) for u in cleaned["previous"]]
    history_names = [ValidateReturnForm.file_name(u) for u in cleaned["history"]]
    with tempfile.TemporaryDirectory(prefix="safeguard-validate-") as folder:
        root = Path(folder)
        current = _save(cleaned["current"], root / "current", current_names)
        previous = _save(cleaned["previous"], root / "previous", previous_names)
        history = _save(cleaned["history"], root / "history", history_names)
        names = dict(zip(current, current_names, strict=True))
        names.update(
            (path, f"{name} (last year's)")
            for path, name in zip(previous, previous_names, strict=True)
        )
        names.update(
            (path, f"{name} (earlier years')")
            for path, name in zip(history, history_names, strict=True)
        )
        notes: list[str] = []
        result: Result
        try:
            if return_name == ValidationRun.Return.SSDA903:
                submission903, result = validation.validate_903(
                    current, previous, label, history=history
                )
                files, inferred = submission903.files, submission903.year_inferred
                notes = _notes_rows(submission903.rows_are_lines)
            else:
                submission, result = validation.validate_cin(current[0], label)
                files, inferred = {"CIN census": str(current[0])}, submission.year_inferred
                notes = _notes_cin(submission)
        except (UnusableInput, UnusableCIN) as problem:
            given = Path(problem.path) if problem.path else None
            field = (
                "previous" if given in previous else "history" if given in history else "current"
            )
            raise Unusable(field, _plain(str(problem), names)) from None
        by_table = {table: _plain(path, names) for table, path in files.items()}
    if inferred:
        notes.insert(0, "The collection year was taken from the files' dates.")
    return validation_run_record(
        acting_user=user,
        return_name=return_name,
        source=ValidationRun.Source.UPLOAD,
        result=result,
        files=by_table,
        year_inferred=inferred,
        notes=notes,
    )


def _recent_runs(user: User) -> list[ValidationRun]:
    return list(
        ValidationRun.objects.filter(created_by=user).defer("issues", "summary")[:RECENT_RUNS]
    )


@never_cache
@require_http_methods(["GET", "POST"])
def validate_return(request: HttpRequest) -> HttpResponse:
    """Upload a return's files, validate them with every rule of the year, see the report."""
    _ensure_may_validate(request.user)
    posted = request.method == "POST"
    form = ValidateReturnForm(request.POST, request.FILES) if posted else ValidateReturnForm()
    status = 200
    if posted:
        status = 400
        if form.is_valid():
            try:
                run = _validate_uploads(request.user, form.cleaned_data)
            except Unusable as problem:
                form.add_error(problem.field, problem.message)
            else:
                return redirect("returns:run", run_id=run.pk)
    context = {
        "form": form,
        "max_upload_mb": MAX_UPLOAD_MB,
        "max_files": MAX_FILES,
        "runs": _recent_runs(request.user),
    }
    return render(request, "returns/validate.html", context, status=status)


def _validate_records(user: User, return_name: str, year: int) -> ValidationRun:
    """Build the return from our records exactly as `safeguard export` does (the same function
    writes it and validates it as written), so what is checked is what would be sent."""
    # The export is imported here, not at the top: it is large, and the upload page must not
    # depend on it.
    from safeguard.web.returns.export import (
        ExportUnusable,
        records_from_database,
        write_903_return,
        write_cin_return,
    )

    try:
        kind = "ssda903" if return_name == ValidationRun.Return.SSDA903 else "cin"
        rules_for(kind, validation.collection_year_label(year))
    except ValueError as problem:
        raise Unusable(None, str(problem)) from None
    records = records_from_database()
    with tempfile.TemporaryDirectory(prefix="safeguard-check-") as folder:
        stage = Path(folder)
        try:
            if return_name == ValidationRun.Return.SSDA903:
                written = write_903_return(records, year, stage, None, stage / "return")
            else:
                written = write_cin_return(records, year, stage, stage / "cin.xml")
        except ExportUnusable as problem:
            raise Unusable(None, str(problem).replace(f"{stage}/", "")) from None
    assert written.result is not None  # both returns are validated as written
    return validation_run_record(
        acting_user=user,
        return_name=return_name,
        source=ValidationRun.Source.RECORDS,
        result=written.result,
        files=dict(written.files),
        notes=list(written.notes),
    )


@never_cache
@require_http_methods(["GET", "POST"])
def check_records(request: HttpRequest) -> HttpResponse:
    """Validate the return Safeguard would export for a year, before it is sent."""
    _ensure_may_validate(request.user)
    posted = request.method == "POST"
    form = CheckRecordsForm(request.POST) if posted else CheckRecordsForm()
    status = 200
    if posted:
        status = 400
        if form.is_valid():
            try:
                run = _validate_records(
                    request.user, form.cleaned_data["return_name"], form.cleaned_data["year"]
                )
            except Unusable as problem:
                form.add_error(problem.field, problem.message)
            else:
                return redirect("returns:run", run_id=run.pk)
    context = {"form": form, "runs": _recent_runs(request.user)}
    return render(request, "returns/check.html", context, status=status)


def _visible_run(request: HttpRequest, run_id: int) -> ValidationRun:
    _ensure_may_validate(request.user)
    run = validation_runs_visible_to(request.user).filter(pk=run_id).first()
    if run is None:
        raise Http404("No validation run found")
    return run


def _child_links(run: ValidationRun, children: Iterable[str | None]) -> dict[str, str]:
    """Each child id on the page that is one of our children, with its record's address; none
    for an uploaded return, whose ids belong to another system."""
    if run.source != ValidationRun.Source.RECORDS:
        return {}
    ids = [c for c in children if c]
    found = Person.objects.filter(la_person_id__in=ids).values_list("la_person_id", "pk")
    return {la_id: reverse("casework:child", args=[pk]) for la_id, pk in found}


@never_cache
@require_GET
def run_detail(request: HttpRequest, run_id: int) -> HttpResponse:
    """A run's report: the summary, issues by rule, and one page of children with issues."""
    run = _visible_run(request, run_id)
    issues = issues_of(run)
    page, groups = children_page(
        issues, _page_number(request), per_page=CHILDREN_PER_PAGE, limit=ISSUES_PER_CHILD
    )
    links = _child_links(run, (g.child for g in groups))
    context = {
        "run": run,
        "return_label": RETURN_NAMES[ValidationRun.Return(run.return_name)],
        "by_rule": issues_by_rule(issues, first=FIRST_ROWS_PER_RULE),
        "children": [(g, links.get(g.child or "")) for g in groups],
        "page": page,
        "summary": run.summary,
        "issues_per_child": ISSUES_PER_CHILD,
    }
    return render(request, "returns/run.html", context)


@never_cache
@require_GET
def run_rule(request: HttpRequest, run_id: int, code: str) -> HttpResponse:
    """Every issue one rule raised in a run, a page at a time."""
    run = _visible_run(request, run_id)
    issues = issues_of(run)
    page, rows = rule_issues_page(issues, code, _page_number(request), ISSUES_PER_RULE_PAGE)
    if not rows:
        raise Http404("This rule raised no issues in this run")
    links = _child_links(run, (r.child for r in rows))
    context = {
        "run": run,
        "return_label": RETURN_NAMES[ValidationRun.Return(run.return_name)],
        "rule": rows[0],
        "rows": [(r, links.get(r.child or "")) for r in rows],
        "page": page,
    }
    return render(request, "returns/rule.html", context)


@never_cache
@require_GET
def run_download(request: HttpRequest, run_id: int, file_format: str) -> HttpResponse:
    """The whole report of a run as xlsx, csv or json, written by the command line's writers."""
    if file_format not in DOWNLOADS:
        raise Http404("No such report format")
    run = _visible_run(request, run_id)
    result = result_of(run)
    return_label = RETURN_NAMES[ValidationRun.Return(run.return_name)]
    files = run.summary.get("files", {})
    content: bytes | str
    if file_format == "xlsx":
        with tempfile.TemporaryDirectory(prefix="safeguard-report-") as folder:
            path = Path(folder) / "report.xlsx"
            report.to_xlsx(result, return_label, path, files)
            content = path.read_bytes()
    elif file_format == "csv":
        content = report.to_csv(result)
    else:
        content = report.to_json(result, return_label, files)
    stem = f"{run.get_return_name_display().lower().replace(' ', '-')}-{run.year.replace('/', '-')}"
    response = HttpResponse(content, content_type=DOWNLOADS[file_format])
    response["Content-Disposition"] = (
        f'attachment; filename="{stem}-validation-{run.pk}.{file_format}"'
    )
    return response

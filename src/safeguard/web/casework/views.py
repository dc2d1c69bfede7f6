"""Casework pages. Thin: parse the request, call the access module and selectors, render."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguard.web.access.children import child_for_user
from safeguard.web.casework import selectors
from safeguard.web.casework.forms import (
    CareOutcomesForm,
    CaseNoteForm,
    ChronologyFilterForm,
    HealthAssessmentForm,
    InitialConferenceForm,
    LateReasonForm,
    LookedAfterReviewForm,
    NeedsAssessmentForm,
    ReviewConferenceForm,
    SchoolFeedForm,
    VisitForm,
)
from safeguard.web.casework.models import Draft, Person
from safeguard.web.casework.services import (
    DRAFT_FIELDS,
    care_outcomes_record,
    case_note_add,
    cla_review_record,
    cp_conference_record,
    draft_archive,
    draft_save,
    health_assessment_record,
    icpc_record,
    visit_record,
)
from safeguard.web.timescales.models import SchoolStatusReport
from safeguard.web.timescales.services import (
    FEED_ROLES,
    late_reason_record,
    needs_assessment_record,
    school_feed_import,
)
from safeguard.web.workforce.selectors import child_alerts

SEARCH_PAGE_SIZE = 20


@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.caseload_for(request.user, as_at=today)
    return render(request, "casework/caseload.html", {"rows": rows, "today": today})


@require_GET
def child_record(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="child_record")
    today = timezone.localdate()
    record = selectors.child_record(child, as_at=today, viewer=request.user)
    alerts = child_alerts(child, as_at=today)
    context = {"child": child, "record": record, "alerts": alerts}
    return render(request, "casework/child_record.html", context)


def _chronology_page(
    request: HttpRequest,
    child: Person,
    note_form: CaseNoteForm,
    status: int = 200,
    draft: Draft | None = None,
) -> HttpResponse:
    filter_form = ChronologyFilterForm(request.GET or None)
    kinds = filter_form.cleaned_data["kind"] if filter_form.is_valid() else []
    entries = selectors.chronology_for(child, kinds=kinds)
    context = {
        "child": child,
        "entries": entries,
        "kinds": selectors.CHRONOLOGY_KINDS,
        "selected_kinds": kinds,
        "note_form": note_form,
        "draft": draft,
        "opened_at": timezone.now().isoformat(),
    }
    return render(request, "casework/chronology.html", context, status=status)


def _today_typed() -> str:
    return timezone.localdate().strftime("%d/%m/%Y")


@require_GET
def chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="chronology")
    draft = selectors.open_draft(request.user, child, "note")
    note_form = CaseNoteForm(initial={"note_date": _today_typed(), **(draft.data if draft else {})})
    return _chronology_page(request, child, note_form, draft=draft)


@require_POST
def note_add(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="note_add")
    form = CaseNoteForm(request.POST)
    if not form.is_valid():
        return _chronology_page(request, child, form, status=400)
    with transaction.atomic():
        case_note_add(acting_user=request.user, child=child, **form.cleaned_data)
        draft_archive(acting_user=request.user, child=child, form_name="note")
    messages.success(request, "Note added to the chronology")
    return redirect(reverse("casework:chronology", args=[child.pk]) + "#chronology")


# --- Recording visits, reviews, conferences and health assessments -----------------------------


def _safe_next(request: HttpRequest) -> str | None:
    """The page to return to after recording, when it is one of ours."""
    wanted = request.POST.get("next") or request.GET.get("next")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return None


@dataclass(frozen=True)
class RecordingPage:
    """One "record a ..." page: its form, the service that records it, and what it says."""

    form_name: str
    form_class: type[forms.Form]
    template: str
    title: str
    done_message: str
    record: Callable[..., object]
    initial: Callable[[Person], dict[str, Any]]
    # What the form needs to know about the child to ask its questions (its choices).
    form_kwargs: Callable[[Person], dict[str, Any]] = lambda child: {}

    def form_for(self, child: Person, data: Any = None, initial: Any = None) -> forms.Form:
        return self.form_class(data, initial=initial, **self.form_kwargs(child))


def _outcomes_initial(child: Person) -> dict[str, Any]:
    """The year that ended most recently: outcomes are recorded once the year is over."""
    today = timezone.localdate()
    return {"collection_year": str(today.year if today.month >= 4 else today.year - 1)}


def _visit_initial(child: Person) -> dict[str, Any]:
    stage = selectors.child_stage(child, as_at=timezone.localdate())
    return {
        "kind": selectors.VISIT_KIND_FOR_STAGE[stage.stage],
        "visit_date": _today_typed(),
        "mode": "in_person",
        "outcome": "completed",
        "child_seen": "yes",
    }


def _icpc_enquiries(child: Person) -> dict[str, Any]:
    return {"enquiries": selectors.enquiries_awaiting_icpc(child)}


RECORDING_PAGES = {
    "visit": RecordingPage(
        "visit",
        VisitForm,
        "casework/record_visit.html",
        "Record a visit",
        "Visit recorded",
        visit_record,
        _visit_initial,
    ),
    "cla_review": RecordingPage(
        "cla_review",
        LookedAfterReviewForm,
        "casework/record_cla_review.html",
        "Record a looked-after review",
        "Looked-after review recorded",
        cla_review_record,
        lambda child: {"review_date": _today_typed()},
    ),
    "cp_conference": RecordingPage(
        "cp_conference",
        ReviewConferenceForm,
        "casework/record_cp_conference.html",
        "Record a review child protection conference",
        "Review conference recorded",
        cp_conference_record,
        lambda child: {"conference_date": _today_typed()},
    ),
    "icpc": RecordingPage(
        "icpc",
        InitialConferenceForm,
        "casework/record_icpc.html",
        "Record the initial child protection conference",
        "Initial conference recorded",
        icpc_record,
        lambda child: {"conference_date": _today_typed()},
        _icpc_enquiries,
    ),
    "health_assessment": RecordingPage(
        "health_assessment",
        HealthAssessmentForm,
        "casework/record_health_assessment.html",
        "Record a health assessment",
        "Health assessment recorded",
        health_assessment_record,
        lambda child: {"assessment_date": _today_typed()},
    ),
    "needs_assessment": RecordingPage(
        "needs_assessment",
        NeedsAssessmentForm,
        "casework/record_needs_assessment.html",
        "Record a needs assessment",
        "Needs assessment recorded",
        needs_assessment_record,
        lambda child: {"assessment_date": _today_typed()},
    ),
    "care_outcomes": RecordingPage(
        "care_outcomes",
        CareOutcomesForm,
        "casework/record_care_outcomes.html",
        "Record the year's outcomes",
        "Outcomes for the year recorded",
        care_outcomes_record,
        _outcomes_initial,
    ),
}


def _recording_page(
    request: HttpRequest,
    child: Person,
    spec: RecordingPage,
    form: forms.Form,
    draft: Draft | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "child": child,
        "form": form,
        "spec": spec,
        "draft": draft,
        "next": _safe_next(request) or "",
        "opened_at": timezone.now().isoformat(),
    }
    return render(request, spec.template, context, status=status)


@require_http_methods(["GET", "POST"])
def record(request: HttpRequest, child_id: int, form_name: str) -> HttpResponse:
    """A "record a ..." page: a form with sensible defaults, and the draft if there is one.

    On success the draft is archived with the record, in one transaction, and the user goes back
    where they came from (`next`) or to the chronology, where the new entry shows.
    """
    spec = RECORDING_PAGES.get(form_name)
    if spec is None:
        raise Http404("No such page")
    child = child_for_user(request.user, child_id, page=f"record_{form_name}")
    if request.method == "GET":
        draft = selectors.open_draft(request.user, child, form_name)
        initial = {**spec.initial(child), **(draft.data if draft else {})}
        return _recording_page(request, child, spec, spec.form_for(child, initial=initial), draft)
    form = spec.form_for(child, request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                spec.record(acting_user=request.user, child=child, **form.cleaned_data)
                draft_archive(acting_user=request.user, child=child, form_name=form_name)
        except ValueError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, spec.done_message)
            return redirect(_safe_next(request) or reverse("casework:chronology", args=[child.pk]))
    return _recording_page(request, child, spec, form, status=400)


# --- Drafts -------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def draft_keep(request: HttpRequest, child_id: int, form_name: str) -> HttpResponse:
    """Save (POST) or read (GET) the user's own draft of a form about a child, as JSON.

    The child is checked as for any page of their record; a child the user may not see gets the
    same 404 as one that does not exist. Reads and saves are logged in the access log.
    """
    if form_name not in DRAFT_FIELDS:
        raise Http404("No such form")
    child = child_for_user(request.user, child_id, page=f"draft_{form_name}")
    if request.method == "GET":
        found = selectors.open_draft(request.user, child, form_name)
        if found is None:
            return JsonResponse({"draft": None})
        return JsonResponse({"draft": found.data, "saved_at": _local_time(found.updated_at)})
    opened_at = _parse_instant(request.POST.get("_opened_at", ""))
    fields = {
        key: request.POST.get(key, "") for key in request.POST if key in DRAFT_FIELDS[form_name]
    }
    try:
        saved = draft_save(
            acting_user=request.user,
            child=child,
            form_name=form_name,
            data=fields,
            form_opened_at=opened_at,
        )
    except PermissionDenied:
        raise Http404("No child found") from None
    except ValueError as problem:
        return JsonResponse({"error": str(problem)}, status=400)
    if saved is None:
        return JsonResponse({"saved": False, "reason": "This form was already sent."})
    return JsonResponse({"saved": True, "saved_at": _local_time(saved.updated_at)})


@require_POST
def draft_discard(request: HttpRequest, child_id: int, form_name: str) -> HttpResponse:
    """Throw away the user's draft (archived, not deleted) and open the form afresh."""
    if form_name not in DRAFT_FIELDS:
        raise Http404("No such form")
    child = child_for_user(request.user, child_id, page=f"draft_{form_name}")
    draft_archive(acting_user=request.user, child=child, form_name=form_name)
    messages.success(request, "Draft discarded")
    if form_name == "note":
        target = reverse("casework:chronology", args=[child.pk])
    else:
        target = reverse("casework:record", args=[child.pk, form_name])
        if next_page := _safe_next(request):
            target += "?" + urlencode({"next": next_page})
    return redirect(target)


def _local_time(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def _parse_instant(text: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if timezone.is_aware(moment) else None


SEARCH_SESSION_KEY = "search_text"


@require_http_methods(["GET", "POST"])
def search(request: HttpRequest) -> HttpResponse:
    """Search by name, id or date of birth.

    The words typed are POSTed and kept in the session, and the results pages are GETs without
    them, so a child's name or date of birth never appears in a URL or a server's access log.
    """
    if request.method == "POST":
        text = " ".join(request.POST.get("q", "").split())[:100]
        request.session[SEARCH_SESSION_KEY] = text
        return redirect(reverse("casework:search") + ("?results=1" if text else ""))
    text = request.session.get(SEARCH_SESSION_KEY, "") if request.GET.get("results") else ""
    page = None
    if text:
        results = selectors.search_people(request.user, text)
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "casework/search.html", {"q": text, "page": page})


# --- Late reasons and the school feed ----------------------------------------------------------


@require_POST
def late_reason(request: HttpRequest, child_id: int) -> HttpResponse:
    """Keep the worker's reason why a timescale was (or will be) missed, shown with the item."""
    child = child_for_user(request.user, child_id, page="late_reason")
    form = LateReasonForm(request.POST)
    back = _safe_next(request) or reverse("casework:child", args=[child.pk])
    if not form.is_valid():
        messages.error(request, "The reason was not saved: " + _first_error(form))
        return redirect(back)
    try:
        late_reason_record(acting_user=request.user, child=child, **form.cleaned_data)
    except ValueError as problem:
        messages.error(request, f"The reason was not saved: {problem}")
    else:
        messages.success(request, "Reason saved")
    return redirect(back)


def _first_error(form: forms.Form) -> str:
    return next(iter(form.errors.values()))[0]


@require_http_methods(["GET", "POST"])
def school_feed(request: HttpRequest) -> HttpResponse:
    """Upload a school feed CSV: every row is matched to one child, or nothing is imported.

    Rows that match no child are listed by file, row and field; created rows are listed by LA
    child id, never by name, since the people who import feeds may not see case records.
    """
    if request.user.role not in FEED_ROLES:
        raise PermissionDenied("This page is for performance analysts and administrators")
    posted = request.method == "POST"
    form = SchoolFeedForm(request.POST, request.FILES) if posted else SchoolFeedForm()
    report, created, status = None, [], 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["feed"]
            file_name = (upload.name or "feed.csv").rsplit("/", 1)[-1][:200]
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("feed", f"{file_name} is not a UTF-8 text (CSV) file")
            else:
                report = school_feed_import(
                    acting_user=request.user, file_name=file_name, text=text
                )
                if report.ok:
                    status = 200
                    created = list(
                        SchoolStatusReport.objects.filter(
                            file_name=file_name, created_by=request.user
                        )
                        .select_related("child")
                        .order_by("-created_at", "row_number")[: report.imported]
                    )
                    created.sort(key=lambda r: r.row_number)
    context = {"form": form, "report": report, "created": created}
    return render(request, "casework/school_feed.html", context, status=status)

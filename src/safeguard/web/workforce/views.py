"""Team pages and work lists: caseloads, what is due and overdue, alerts, local timescales."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguard.web.casework.forms import TimescaleSettingForm
from safeguard.web.timescales.selectors import local_settings
from safeguard.web.timescales.services import (
    SETTINGS_ROLES,
    SUPERVISOR_ROLES,
    supervision_record,
    timescale_setting_update,
)
from safeguard.web.workforce.models import Staff
from safeguard.web.workforce.selectors import (
    SERVICE_VIEW_ROLES,
    my_work,
    service_work,
    team_summary,
    team_work,
    teams_visible_to,
)


@require_GET
def my_team(request: HttpRequest) -> HttpResponse:
    """The user's own team if they may see it; otherwise the teams they may look at."""
    teams = teams_visible_to(request.user)
    own_team_id = request.user.staff.team_id if request.user.staff else None
    if own_team_id is not None and teams.filter(pk=own_team_id).exists():
        return redirect("workforce:team", team_id=own_team_id)
    return render(
        request, "workforce/team_list.html", {"teams": teams.select_related("service_area")}
    )


def _visible_team(request: HttpRequest, team_id: int):
    found = teams_visible_to(request.user).filter(pk=team_id).select_related("service_area").first()
    if found is None:
        raise Http404("No team found")
    return found


@require_GET
def team(request: HttpRequest, team_id: int) -> HttpResponse:
    found = _visible_team(request, team_id)
    summary = team_summary(found, request.user, as_at=timezone.localdate())
    return render(request, "workforce/team.html", {"summary": summary})


@require_GET
def work(request: HttpRequest) -> HttpResponse:
    """My work: the signed-in worker's items that are overdue, due soon, due and recently done."""
    today = timezone.localdate()
    return render(
        request,
        "workforce/my_work.html",
        {"work": my_work(request.user, as_at=today), "today": today},
    )


@require_GET
def team_work_page(request: HttpRequest, team_id: int) -> HttpResponse:
    """A team's red, amber and green counts per worker, overdue items and why, and alerts."""
    found = _visible_team(request, team_id)
    today = timezone.localdate()
    view = team_work(found, request.user, as_at=today)
    context = {
        "view": view,
        "today": today,
        "may_record_supervision": request.user.role in SUPERVISOR_ROLES,
    }
    return render(request, "workforce/team_work.html", context)


class SupervisionForm(forms.Form):
    """A supervision session the signed-in manager gave a member of their team."""

    staff_id = forms.IntegerField()
    session_date = forms.DateField(
        input_formats=["%Y-%m-%d"], error_messages={"invalid": "Enter a real date"}
    )


@require_POST
def supervision(request: HttpRequest, team_id: int) -> HttpResponse:
    """Record a supervision the signed-in supervisor gave; back to the team's work page."""
    found = _visible_team(request, team_id)
    form = SupervisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The supervision was not saved: enter the worker and a date")
        return redirect("workforce:team_work", team_id=found.pk)
    supervisee = Staff.objects.filter(pk=form.cleaned_data["staff_id"], team=found).first()
    if supervisee is None:
        raise Http404("No such member of this team")
    try:
        supervision_record(
            acting_user=request.user,
            supervisee=supervisee,
            session_date=form.cleaned_data["session_date"],
        )
    except ValueError as problem:
        messages.error(request, f"The supervision was not saved: {problem}")
    else:
        messages.success(request, f"Supervision of {supervisee.full_name} saved")
    return redirect("workforce:team_work", team_id=found.pk)


@require_GET
def service_work_page(request: HttpRequest) -> HttpResponse:
    """The service view: counts per team for service managers, directors and leads."""
    if request.user.role not in SERVICE_VIEW_ROLES:
        raise PermissionDenied("This page is for service managers and directors")
    today = timezone.localdate()
    view = service_work(request.user, as_at=today)
    return render(request, "workforce/service_work.html", {"view": view, "today": today})


@require_http_methods(["GET", "POST"])
def timescale_settings(request: HttpRequest) -> HttpResponse:
    """The council's local timescales and alert thresholds, each with its default and source."""
    if request.user.role not in SETTINGS_ROLES:
        raise PermissionDenied("Only a director or system administrator may change timescales")
    posted = request.method == "POST"
    form = TimescaleSettingForm(request.POST) if posted else TimescaleSettingForm()
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                timescale_setting_update(acting_user=request.user, **form.cleaned_data)
            except ValueError as problem:
                form.add_error("number", str(problem))
            else:
                messages.success(request, "Timescale changed")
                return redirect("workforce:timescale_settings")
        status = 400
    context = {
        "settings": local_settings(),
        "form": form,
        "failed_key": form.data.get("key", "") if form.errors else "",
        "units": [
            ("working_days", "working days"),
            ("days", "days"),
            ("weeks", "weeks"),
            ("months", "months"),
            ("terms", "school terms"),
        ],
    }
    return render(request, "workforce/timescale_settings.html", context, status=status)

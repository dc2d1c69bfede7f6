"""Team pages for managers and supervisors: workers, caseloads and children waiting for a worker."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from safeguard.web.workforce.selectors import team_summary, teams_visible_to


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


@require_GET
def team(request: HttpRequest, team_id: int) -> HttpResponse:
    found = teams_visible_to(request.user).filter(pk=team_id).select_related("service_area").first()
    if found is None:
        raise Http404("No team found")
    summary = team_summary(found, request.user, as_at=timezone.localdate())
    return render(request, "workforce/team.html", {"summary": summary})

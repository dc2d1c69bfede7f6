"""Casework pages. Thin: parse the request, call the access module and selectors, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safeguard.web.access.children import child_for_user
from safeguard.web.casework import selectors
from safeguard.web.casework.forms import CaseNoteForm, ChronologyFilterForm
from safeguard.web.casework.models import Person
from safeguard.web.casework.services import case_note_add

SEARCH_PAGE_SIZE = 20


@require_GET
def caseload(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    rows = selectors.caseload_for(request.user, as_at=today)
    return render(request, "casework/caseload.html", {"rows": rows, "today": today})


@require_GET
def child_record(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="child_record")
    record = selectors.child_record(child, as_at=timezone.localdate(), viewer=request.user)
    return render(request, "casework/child_record.html", {"child": child, "record": record})


def _chronology_page(
    request: HttpRequest, child: Person, note_form: CaseNoteForm, status: int = 200
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
    }
    return render(request, "casework/chronology.html", context, status=status)


@require_GET
def chronology(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="chronology")
    note_form = CaseNoteForm(initial={"note_date": timezone.localdate().strftime("%d/%m/%Y")})
    return _chronology_page(request, child, note_form)


@require_POST
def note_add(request: HttpRequest, child_id: int) -> HttpResponse:
    child = child_for_user(request.user, child_id, page="note_add")
    form = CaseNoteForm(request.POST)
    if not form.is_valid():
        return _chronology_page(request, child, form, status=400)
    case_note_add(acting_user=request.user, child=child, **form.cleaned_data)
    messages.success(request, "Note added to the chronology")
    return redirect(reverse("casework:chronology", args=[child.pk]) + "#chronology")


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

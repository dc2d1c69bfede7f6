"""URL map: one include per app."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("", include("safeguard.web.casework.urls")),
    path("", include("safeguard.web.access.urls")),
    path("", include("safeguard.web.workforce.urls")),
    path("returns/", include("safeguard.web.returns.urls")),
    path("healthz", healthz),
]

"""Every page but sign-in and static files needs a signed-in user."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

OPEN_PATH_PREFIXES = ("/static/", "/healthz")


class LoginRequiredEverywhereMiddleware:
    """Refuses anonymous requests to any page except sign-in, a health check and static files."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated or self._is_open(request.path):
            return self.get_response(request)
        return redirect_to_login(request.get_full_path(), reverse(settings.LOGIN_URL))

    @staticmethod
    def _is_open(path: str) -> bool:
        return path == reverse(settings.LOGIN_URL) or path.startswith(OPEN_PATH_PREFIXES)

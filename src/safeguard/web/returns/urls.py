"""Statutory returns pages: validate an uploaded return, check our records, read a run's report."""

from django.urls import URLPattern, URLResolver, path

from safeguard.web.returns import views

app_name = "returns"

urlpatterns: list[URLPattern | URLResolver] = [
    path("validate/", views.validate_return, name="validate"),
    path("check/", views.check_records, name="check"),
    path("runs/<int:run_id>/", views.run_detail, name="run"),
    path("runs/<int:run_id>/rules/<str:code>", views.run_rule, name="run_rule"),
    path("runs/<int:run_id>/report.<str:file_format>", views.run_download, name="run_download"),
]

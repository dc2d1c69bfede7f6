"""Statutory returns pages."""

from django.urls import URLPattern, URLResolver

app_name = "statutory"

urlpatterns: list[URLPattern | URLResolver] = []

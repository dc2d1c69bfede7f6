from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "safeguard.web.workforce"
    label = "workforce"
    verbose_name = "Service areas, teams and staff"

from django.apps import AppConfig


class StatutoryConfig(AppConfig):
    name = "safeguard.web.statutory"
    label = "statutory"
    verbose_name = "Statutory returns"

from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "safeguard.web.returns"
    label = "returns"
    verbose_name = "Statutory returns"

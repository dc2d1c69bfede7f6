from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "safeguard.web.casework"
    label = "casework"
    verbose_name = "The child's journey"

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "safeguard.web.access"
    label = "access"
    verbose_name = "Users, roles and the access log"

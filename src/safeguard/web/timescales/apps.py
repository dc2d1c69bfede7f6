from django.apps import AppConfig


class TimescalesConfig(AppConfig):
    name = "safeguard.web.timescales"
    label = "timescales"
    verbose_name = "Timescales, work lists and gap alerts"

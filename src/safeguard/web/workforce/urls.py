from django.urls import path

from safeguard.web.workforce import views

app_name = "workforce"

urlpatterns = [
    path("team", views.my_team, name="my_team"),
    path("teams/<int:team_id>", views.team, name="team"),
    path("teams/<int:team_id>/work", views.team_work_page, name="team_work"),
    path("teams/<int:team_id>/supervision", views.supervision, name="supervision"),
    path("work", views.work, name="my_work"),
    path("service", views.service_work_page, name="service_work"),
    path("settings/timescales", views.timescale_settings, name="timescale_settings"),
]

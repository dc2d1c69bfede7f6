from django.urls import path

from safeguard.web.workforce import views

app_name = "workforce"

urlpatterns = [
    path("team", views.my_team, name="my_team"),
    path("teams/<int:team_id>", views.team, name="team"),
]

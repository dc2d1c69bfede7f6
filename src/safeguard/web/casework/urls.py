from django.urls import path

from safeguard.web.casework import views

app_name = "casework"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("search", views.search, name="search"),
    path("children/<int:child_id>/", views.child_record, name="child"),
    path("children/<int:child_id>/chronology", views.chronology, name="chronology"),
    path("children/<int:child_id>/notes", views.note_add, name="note_add"),
]

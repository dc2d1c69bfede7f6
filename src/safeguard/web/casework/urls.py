from django.urls import path

from safeguard.web.casework import views

app_name = "casework"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("search", views.search, name="search"),
    path("children/<int:child_id>/", views.child_record, name="child"),
    path("children/<int:child_id>/chronology", views.chronology, name="chronology"),
    path("children/<int:child_id>/notes", views.note_add, name="note_add"),
    path("children/<int:child_id>/record/<slug:form_name>", views.record, name="record"),
    path("children/<int:child_id>/drafts/<slug:form_name>", views.draft_keep, name="draft"),
    path("children/<int:child_id>/late-reason", views.late_reason, name="late_reason"),
    path("imports/school-feed", views.school_feed, name="school_feed"),
    path(
        "children/<int:child_id>/drafts/<slug:form_name>/discard",
        views.draft_discard,
        name="draft_discard",
    ),
]

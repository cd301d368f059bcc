from django.urls import path

from trainings import offline, views

app_name = "trainings"

urlpatterns = [
    path("", views.record, name="record"),
    path("<int:pk>/", views.recorded, name="recorded"),
    path("shell/", views.shell, name="shell"),
    path("offline/", offline.offline_page, name="offline"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("api/session/", offline.session, name="session"),
    path("api/data/", offline.data, name="data"),
    path("api/people/", offline.people, name="people"),
    path("api/activities/", offline.submit_json, name="submit"),
]

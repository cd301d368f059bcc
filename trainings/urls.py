from django.urls import path

from trainings import views

app_name = "trainings"

urlpatterns = [
    path("", views.record, name="record"),
    path("<int:pk>/", views.recorded, name="recorded"),
]

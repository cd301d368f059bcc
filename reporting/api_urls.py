from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from reporting.api import TotalsView

app_name = "api"
urlpatterns = [
    path("stats/totals/", TotalsView.as_view(), name="totals"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
]

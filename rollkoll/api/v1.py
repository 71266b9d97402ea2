"""REST API v1: each app keeps its own routes in `<app>/api/urls.py`."""

from django.urls import include, path

urlpatterns = [
    path("", include("rollkoll.credentials.api.urls")),
    path("", include("rollkoll.catalog.api.urls")),
    path("", include("rollkoll.org.api.urls")),
    path("", include("rollkoll.training.api.urls")),
    path("", include("rollkoll.register.api.urls")),
    path("", include("rollkoll.requests.api.urls")),
    path("", include("rollkoll.governance.api.urls")),
    path("", include("rollkoll.audit.api.urls")),
]

"""REST API v1: one router; each app registers its viewsets in `api_urls`."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from rollkoll.api.errors import not_found

urlpatterns = [
    path("v1/", include("rollkoll.api.v1")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    re_path(r"^(?P<path>.*)$", not_found),
]

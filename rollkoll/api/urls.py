"""REST API v1: one router; each app registers its viewsets in `api_urls`."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from rollkoll.api.errors import not_found

urlpatterns = [
    path("v1/", include("rollkoll.api.v1")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        # Split: the page loads its script from a URL, as the Content-Security-Policy asks.
        SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    re_path(r"^(?P<path>.*)$", not_found),
]

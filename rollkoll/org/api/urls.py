"""REST API v1 routes of the org app."""

urlpatterns: list = []

"""REST API v1 routes of the governance app."""

urlpatterns: list = []

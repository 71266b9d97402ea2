"""REST API v1 routes of the catalog app."""

urlpatterns: list = []

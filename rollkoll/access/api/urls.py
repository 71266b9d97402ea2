"""REST API v1 routes of the access app."""

urlpatterns: list = []

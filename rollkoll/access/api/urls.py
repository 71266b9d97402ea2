"""REST API v1 routes of the access app."""

from django.urls import path

from rollkoll.access.api import views

urlpatterns = [
    path("grants/", views.GrantListView.as_view(), name="api-grants"),
]

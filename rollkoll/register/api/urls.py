"""REST API v1 routes of the register app."""

from django.urls import path, re_path

from rollkoll.register.api import views

urlpatterns = [
    path("grants/", views.GrantListView.as_view(), name="api-grants"),
    # Unit codes are word characters; anything else falls through to the JSON 404.
    re_path(r"^units/(?P<code>[\w-]+)/$", views.UnitDetailView.as_view(), name="unit-detail"),
]

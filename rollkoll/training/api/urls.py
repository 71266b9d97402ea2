"""REST API v1 routes of the training app."""

from django.urls import re_path

from rollkoll.org.api.views import KEY
from rollkoll.training.api import views

urlpatterns = [
    re_path(
        rf"^people/(?P<employee_id>{KEY})/$",
        views.PersonDetailView.as_view(),
        name="person-detail",
    ),
]

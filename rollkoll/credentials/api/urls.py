"""REST API v1 routes of the credentials app."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from rollkoll.credentials.api import views

router = SimpleRouter()
router.register("tokens", views.TokenViewSet, basename="token")

urlpatterns = [
    path("auth/token/", views.ObtainTokenView.as_view(), name="api-token"),
    *router.urls,
]

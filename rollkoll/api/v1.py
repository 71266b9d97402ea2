from django.urls import path
from rest_framework.routers import DefaultRouter

from rollkoll.api.auth import ObtainTokenView

router = DefaultRouter()

urlpatterns = [
    path("auth/token/", ObtainTokenView.as_view(), name="api-token"),
    *router.urls,
]

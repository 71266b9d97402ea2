"""A URL configuration with a view that fails, to see what a caller gets then."""

from django.urls import include, path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


class Boom(APIView):
    def get(self, request: Request) -> Response:
        raise RuntimeError("secret internals")


urlpatterns = [
    path("api/boom/", Boom.as_view()),
    path("api/", include("rollkoll.api.urls")),
]

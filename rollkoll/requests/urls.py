from django.urls import path

from rollkoll.requests import views

urlpatterns = [
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
]

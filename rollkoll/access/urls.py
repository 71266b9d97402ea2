from django.urls import path

from rollkoll.access import views

urlpatterns = [
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
]

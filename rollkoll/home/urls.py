from django.urls import path

from rollkoll.home import views

urlpatterns = [
    path("", views.home, name="home"),
]

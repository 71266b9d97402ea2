from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "rollkoll.home"
    label = "home"

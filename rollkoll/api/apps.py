from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rollkoll.api"
    label = "api"

from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "rollkoll.access"
    label = "access"

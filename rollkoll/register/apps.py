from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "rollkoll.register"
    label = "register"

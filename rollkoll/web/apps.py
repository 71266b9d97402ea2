from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "rollkoll.web"
    label = "web"

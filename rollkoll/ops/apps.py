from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "rollkoll.ops"
    label = "ops"

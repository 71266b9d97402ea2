from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "rollkoll.notify"
    label = "notify"

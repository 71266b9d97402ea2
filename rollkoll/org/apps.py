from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "rollkoll.org"
    label = "org"

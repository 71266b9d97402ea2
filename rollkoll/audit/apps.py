from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "rollkoll.audit"
    label = "audit"

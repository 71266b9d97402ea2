from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "rollkoll.governance"
    label = "governance"

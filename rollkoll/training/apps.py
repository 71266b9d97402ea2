from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "rollkoll.training"
    label = "training"

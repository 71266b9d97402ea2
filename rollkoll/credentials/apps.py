from django.apps import AppConfig


class CredentialsConfig(AppConfig):
    name = "rollkoll.credentials"
    label = "credentials"

    def ready(self) -> None:
        from rollkoll.credentials import signals

        signals.connect()

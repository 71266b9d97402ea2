from django.apps import AppConfig


class RequestsConfig(AppConfig):
    name = "rollkoll.requests"
    label = "requests"

    def ready(self) -> None:
        """A completions import lets requests waiting for that training move on."""
        from rollkoll.requests.services import requests_resume_after_training
        from rollkoll.training.hooks import on_completions_changed

        on_completions_changed(requests_resume_after_training)

from django.apps import AppConfig
from django.db.backends.signals import connection_created


class OrgConfig(AppConfig):
    name = "rollkoll.org"
    label = "org"

    def ready(self) -> None:
        from rollkoll.org.folding import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="rollkoll-fold")

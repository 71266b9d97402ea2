"""`rollkoll flush`: Django's flush, past the append-only triggers on SQLite.

Flushing empties every table, the audit log included. On PostgreSQL it
truncates, which the row trigger does not see; on SQLite it deletes, which the
triggers refuse, so they are dropped for the flush and created again after it.
Tests that run outside a transaction end with a flush.
"""

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import connections

from rollkoll.audit.sqlite import CREATE_TRIGGERS, DROP_TRIGGERS


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            super().handle(**options)
            return
        with connection.cursor() as cursor:
            for sql in DROP_TRIGGERS:
                cursor.execute(sql)
        try:
            super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                for sql in CREATE_TRIGGERS:
                    cursor.execute(sql)

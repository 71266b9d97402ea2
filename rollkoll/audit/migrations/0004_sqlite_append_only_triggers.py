"""On SQLite, refuse UPDATE and DELETE on audit events in the database itself,
as the trigger of 0002 does on PostgreSQL (see `rollkoll.audit.sqlite`)."""

from django.db import migrations

from rollkoll.audit.sqlite import CREATE_TRIGGERS, DROP_TRIGGERS


def _on_sqlite(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_event_seal")]

    operations = [migrations.RunPython(_on_sqlite(CREATE_TRIGGERS), _on_sqlite(DROP_TRIGGERS))]

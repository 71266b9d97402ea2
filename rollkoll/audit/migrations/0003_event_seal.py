"""Every event gets a seal: an HMAC of its hash with AUDIT_HMAC_KEY.

Existing events are sealed as they stand, so run `rollkoll verify-audit` before
migrating: a chain already broken would stay broken, but sealed. On PostgreSQL
the append-only trigger is switched off for this one update, in the migration's
transaction.
"""

from django.db import migrations, models

from rollkoll.audit.seal import seal_of

_BATCH = 2000


def seal_existing(apps, schema_editor):
    Event = apps.get_model("audit", "Event")
    connection = schema_editor.connection
    rows = Event.objects.using(connection.alias).order_by("pk").values_list("pk", "hash")
    on_postgresql = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if on_postgresql:
            cursor.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
        batch = []
        for pk, event_hash in rows.iterator(chunk_size=_BATCH):
            batch.append((seal_of(event_hash), pk))
            if len(batch) == _BATCH:
                cursor.executemany("UPDATE audit_event SET seal = %s WHERE id = %s", batch)
                batch = []
        if batch:
            cursor.executemany("UPDATE audit_event SET seal = %s WHERE id = %s", batch)
        if on_postgresql:
            cursor.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only")


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]

    operations = [
        migrations.AddField(
            model_name="event",
            name="seal",
            field=models.CharField(default="", max_length=64, verbose_name="sigill"),
            preserve_default=False,
        ),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
    ]

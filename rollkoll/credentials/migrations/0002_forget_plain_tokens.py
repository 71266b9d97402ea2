"""Remove the tokens of rest_framework.authtoken, which stored each key in plain text.

Rollkoll used that app until its tokens became hashed and expiring. Its table,
its content types (with their permissions and admin log rows) and its rows in
the migration history go, so the database matches the installed apps. Those
tokens never expired; their holders ask for a new one.
"""

from django.db import migrations
from django.db.migrations.recorder import MigrationRecorder

OLD_APP = "authtoken"
OLD_TABLE = "authtoken_token"


def forget_plain_tokens(apps, schema_editor):
    connection = schema_editor.connection
    if OLD_TABLE in connection.introspection.table_names():
        schema_editor.execute(
            schema_editor.sql_delete_table % {"table": schema_editor.quote_name(OLD_TABLE)}
        )
    apps.get_model("contenttypes", "ContentType").objects.filter(app_label=OLD_APP).delete()
    MigrationRecorder(connection).migration_qs.filter(app=OLD_APP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("credentials", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
    ]

    operations = [migrations.RunPython(forget_plain_tokens, migrations.RunPython.noop)]

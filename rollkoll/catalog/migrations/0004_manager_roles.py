"""Mark the roles for managers: Chef, Chef webb and Chef schema.

Where an organisation maps each manager assignment to one role (SÄS from
2026-03-01), another of these roles needs a written justification.
"""

from django.db import migrations, models

MANAGER_ROLES = ["chef", "chef-webb", "chef-schema"]


def mark_manager_roles(apps, schema_editor):
    apps.get_model("catalog", "Role").objects.filter(code__in=MANAGER_ROLES).update(
        manager_role=True
    )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0003_catalog_data")]

    operations = [
        migrations.AddField(
            model_name="role",
            name="manager_role",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "En roll för chefer. Där organisationen knyter en roll till varje "
                    "chefsuppdrag behöver en annan chefsroll en motivering."
                ),
                verbose_name="chefsroll",
            ),
        ),
        migrations.RunPython(mark_manager_roles, migrations.RunPython.noop),
    ]

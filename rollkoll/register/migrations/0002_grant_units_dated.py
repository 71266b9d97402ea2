"""A grant's units get dates of their own, so taking one off ends it instead of deleting it.

Existing units start with their grant and stay open.
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def start_with_grant(apps, schema_editor):
    GrantUnit = apps.get_model("register", "GrantUnit")
    Grant = apps.get_model("register", "Grant")
    GrantUnit.objects.update(
        valid_from=Subquery(Grant.objects.filter(pk=OuterRef("grant_id")).values("valid_from"))
    )


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="grantunit",
            name="valid_from",
            field=models.DateField(null=True, verbose_name="gäller från"),
        ),
        migrations.RunPython(start_with_grant, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="grantunit",
            name="valid_from",
            field=models.DateField(verbose_name="gäller från"),
        ),
        migrations.AddField(
            model_name="grantunit",
            name="valid_to",
            field=models.DateField(blank=True, null=True, verbose_name="gäller till"),
        ),
        migrations.RemoveConstraint(model_name="grantunit", name="grantunit_unique"),
        migrations.AddConstraint(
            model_name="grantunit",
            constraint=models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True)
                | models.Q(valid_to__gte=models.F("valid_from")),
                name="grantunit_dates_ordered",
                violation_error_message="Slutdatum ligger före startdatum.",
            ),
        ),
        migrations.AddConstraint(
            model_name="grantunit",
            constraint=models.UniqueConstraint(
                condition=models.Q(valid_to__isnull=True),
                fields=("grant", "unit"),
                name="grantunit_unique_open",
            ),
        ),
    ]

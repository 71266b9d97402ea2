import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_swedish_column_names"),
        ("requests", "0002_justification"),
    ]

    operations = [
        migrations.AlterField(
            model_name="accessrequest",
            name="role",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="access_requests",
                to="catalog.role",
                verbose_name="roll",
            ),
        ),
    ]

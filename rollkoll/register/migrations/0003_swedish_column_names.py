import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_swedish_column_names"),
        ("register", "0002_grant_units_dated"),
    ]

    operations = [
        migrations.AlterField(
            model_name="grant",
            name="role",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="grants",
                to="catalog.role",
                verbose_name="roll",
            ),
        ),
    ]

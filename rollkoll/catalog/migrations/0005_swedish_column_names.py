import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_manager_roles"),
    ]

    operations = [
        migrations.AlterField(
            model_name="managerkindmapping",
            name="role",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.role",
                verbose_name="roll",
            ),
        ),
    ]

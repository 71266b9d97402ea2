import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="delegation",
            name="deputy",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="deputy_for",
                to="org.person",
                verbose_name="ersättare",
            ),
        ),
        migrations.AlterField(
            model_name="delegation",
            name="person",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="delegations",
                to="org.person",
                verbose_name="person",
            ),
        ),
        migrations.AlterField(
            model_name="managerassignment",
            name="manager",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="manager_assignments",
                to="org.person",
                verbose_name="chef",
            ),
        ),
        migrations.AlterField(
            model_name="managerassignment",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="manager_assignments",
                to="org.unit",
                verbose_name="ansvar",
            ),
        ),
        migrations.AlterField(
            model_name="managerlink",
            name="manager",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="manager_links",
                to="org.person",
                verbose_name="chef",
            ),
        ),
        migrations.AlterField(
            model_name="managerlink",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="manager_links",
                to="org.unit",
                verbose_name="ansvar",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="unit",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="people",
                to="org.unit",
                verbose_name="ansvar",
            ),
        ),
        migrations.AlterField(
            model_name="unit",
            name="business_area",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="units",
                to="org.businessarea",
                verbose_name="verksamhetsområde",
            ),
        ),
        migrations.AlterField(
            model_name="unit",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="children",
                to="org.unit",
                verbose_name="överordnat ansvar",
            ),
        ),
    ]

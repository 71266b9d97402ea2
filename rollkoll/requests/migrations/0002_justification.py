from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("requests", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="accessrequest",
            name="justification",
            field=models.TextField(
                blank=True,
                help_text="Varför en annan chefsroll än den som gäller för chefsuppdraget.",
                verbose_name="motivering för chefsroll",
            ),
        ),
    ]

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("training", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="booking",
            name="booked_on",
            field=models.DateField(verbose_name="kursdatum"),
        ),
    ]

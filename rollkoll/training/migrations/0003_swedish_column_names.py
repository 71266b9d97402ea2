import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0005_swedish_column_names"),
        ("training", "0002_booking_course_date"),
    ]

    operations = [
        migrations.AlterField(
            model_name="booking",
            name="course",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="bookings",
                to="catalog.course",
                verbose_name="utbildning",
            ),
        ),
        migrations.AlterField(
            model_name="completion",
            name="course",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="completions",
                to="catalog.course",
                verbose_name="utbildning",
            ),
        ),
    ]

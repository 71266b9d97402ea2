from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0001_outbox"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outboxmessage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("request_to_sign", "Ansökan att signera"),
                    ("request_in_queue", "Ärende i din kö"),
                    ("request_returned", "Ansökan returnerad"),
                    ("request_rejected", "Ansökan avslagen"),
                    ("request_completed", "Ansökan genomförd"),
                    ("stage_overdue", "Handläggningstiden har passerats"),
                    ("stage_escalated", "Ärende eskalerat"),
                    ("training_overdue", "Kursresultat saknas för en ansökan"),
                ],
                max_length=40,
                verbose_name="typ",
            ),
        ),
    ]

"""A database that used rest_framework.authtoken keeps no plain-text token after migrating."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from tests.migrating import migrate


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_latest")
def test_the_old_token_table_and_its_traces_are_removed():
    migrate([("credentials", "0001_initial")])
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY)")
        cursor.execute("INSERT INTO authtoken_token (key) VALUES ('plain-text-key')")
    ContentType.objects.create(app_label="authtoken", model="token")
    MigrationRecorder(connection).record_applied("authtoken", "0001_initial")

    migrate([("credentials", "0002_forget_plain_tokens")])

    assert "authtoken_token" not in connection.introspection.table_names()
    assert not ContentType.objects.filter(app_label="authtoken").exists()
    assert not MigrationRecorder(connection).migration_qs.filter(app="authtoken").exists()

"""The request page that notifications link to, through the test client."""

import pytest
from django.db import transaction

from rollkoll.audit.services import record
from rollkoll.requests.services import request_return, requests_sign
from tests.factories import PASSWORD


@pytest.fixture
def returned(world, request_):
    signed = requests_sign(requests=[request_], actor=world.manager, password=PASSWORD)[0]
    return request_return(request=signed, actor=world.coordinator, reason="Fel enhet angiven")


def test_the_manager_who_prepared_it_sees_it_in_swedish(client, world, request_):
    client.force_login(world.manager)
    response = client.get(request_.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1>") == 1
    assert "Ny behörighet" in page  # the kind's label
    assert "Utkast" in page  # the status's label
    assert world.employee.employee_id in page
    assert world.employee.full_name in page
    assert "1 december 2026" in page  # valid_from, by the sv date format
    assert "<caption>Blankettens steg, i ordning</caption>" in page
    assert '<th scope="col">Handläggs av</th>' in page
    assert "Skapad" in page  # the history's first act


def test_a_returned_request_shows_its_reason_and_who_returned_it(client, world, returned):
    client.force_login(world.manager)
    page = client.get(f"/requests/{returned.pk}/").content.decode()
    assert "Återskickad" in page
    assert page.count("Fel enhet angiven") == 2  # the last reason, and in the history
    assert "Signerad" in page


def test_someone_out_of_scope_gets_404(client, world, request_):
    client.force_login(world.other_manager)
    assert client.get(request_.get_absolute_url()).status_code == 404


def test_an_unknown_request_is_404(client, world):
    client.force_login(world.manager)
    assert client.get("/requests/999999/").status_code == 404


def test_anonymous_is_sent_to_sign_in(client, request_):
    response = client.get(request_.get_absolute_url())
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/logga-in/")


def test_the_queries_do_not_grow_with_the_history(
    client, world, returned, django_assert_max_num_queries
):
    client.force_login(world.manager)
    path = returned.get_absolute_url()
    with django_assert_max_num_queries(1000) as few:
        client.get(path)
    with transaction.atomic():
        for number in range(10):
            record(
                actor=world.manager, action="request_edited", target=returned, after={"n": number}
            )
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).content.decode().count("Ändrad") >= 10

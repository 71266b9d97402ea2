import pytest


@pytest.mark.django_db
def test_login_page_is_swedish_by_default(client):
    response = client.get("/logga-in/")
    assert response.status_code == 200
    assert "Logga in" in response.content.decode()

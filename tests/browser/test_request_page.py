"""The request page in a real browser: no accessibility violations."""

import pytest

from rollkoll.requests.services import request_return, requests_sign
from tests.browser.test_pages import assert_no_axe_violations, use_language
from tests.factories import PASSWORD
from tests.requests.flow import completed, draft, make_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_request_page_has_no_accessibility_violations(page, language):
    world = make_world()
    completed(world.employee, "intro", "for-chefer", "kurs-heromarapportor")
    form = draft(world.manager, world.employee, "heromarapportor", world.unit)
    form = requests_sign(requests=[form], actor=world.manager, password=PASSWORD)[0]
    form = request_return(request=form, actor=world.coordinator, reason="Fel enhet angiven")
    page.goto(form.get_absolute_url())  # anonymous: sent to sign in, and back here after
    use_language(page, language)
    page.fill("#id_username", world.manager.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation(url=f"**{form.get_absolute_url()}"):
        page.keyboard.press("Enter")
    assert page.get_attribute("html", "lang") == language
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.get_by_role("table").count() == 2
    history = {"sv": "Historik", "en": "History"}[language]
    assert page.get_by_role("heading", level=2, name=history).count() == 1
    assert_no_axe_violations(page)

"""Sign-in and home in a real browser: accessible, usable by keyboard, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def user():
    return UserFactory(username="chef.browser")


def sign_in_by_keyboard(page, username: str, password: str) -> None:
    page.goto("/logga-in/")
    assert page.evaluate("document.activeElement.id") == "id_username"
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url("**/")


def use_language(page, code: str) -> None:
    """Switch with the page's own language button, as a user would."""
    if page.get_attribute("html", "lang") != code:
        page.get_by_role("button", name={"en": "English", "sv": "Svenska"}[code]).click()
        page.wait_for_function(f"document.documentElement.lang === '{code}'")


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_sign_in_and_home_have_no_accessibility_violations(page, user, language):
    page.goto("/logga-in/")
    use_language(page, language)
    assert_no_axe_violations(page)
    sign_in_by_keyboard(page, user.username, PASSWORD)
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)


def test_keyboard_only_sign_in_reaches_home(page, user):
    sign_in_by_keyboard(page, user.username, PASSWORD)
    assert page.locator("header").inner_text().count(user.username) == 1


def test_wrong_password_is_announced(page, user):
    page.goto("/logga-in/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "not-the-password")
    page.keyboard.press("Enter")
    assert page.get_by_role("alert").inner_text() == "Fel användarnamn eller lösenord."


def test_the_language_switch_turns_the_page_english_and_back(page):
    page.goto("/logga-in/")
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in"
    page.get_by_role("button", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.get_by_role("heading", level=1).inner_text() == "Sign in"
    page.get_by_role("button", name="Svenska").click()
    page.wait_for_function("document.documentElement.lang === 'sv'")
    assert page.get_by_role("heading", level=1).inner_text() == "Logga in"


def test_the_lock_out_page_is_accessible(page, user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        page.goto("/logga-in/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", "not-the-password")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.get_by_role("heading", level=1).inner_text() == "För många försök"
    assert_no_axe_violations(page)

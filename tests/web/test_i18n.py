"""Swedish by default, English on request; the English catalog is complete and sound."""

import re
from pathlib import Path

import pytest
from django.conf import settings

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%\(\w+\)\.\d+f|\{\w+\}")


def catalog() -> dict[str, str]:
    """msgid → msgstr of the English .po, without the header."""
    text = PO.read_text(encoding="utf-8")
    pairs = re.findall(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', text, flags=re.MULTILINE)

    def join(block: str) -> str:
        return "".join(re.findall(r'^"(.*)"$', block, flags=re.MULTILINE))

    return {join(msgid): join(msgstr) for msgid, msgstr in pairs if join(msgid)}


def test_every_text_has_english_with_the_same_placeholders():
    entries = catalog()
    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstr in entries.items() if not msgstr]
    assert not untranslated
    for msgid, msgstr in entries.items():
        assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), msgid


def test_the_compiled_catalog_is_committed_beside_the_source():
    assert PO.with_suffix(".mo").stat().st_size > 0


@pytest.mark.django_db
def test_pages_are_swedish_until_the_user_switches(client):
    assert "Logga in" in client.get("/logga-in/").content.decode()
    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/logga-in/"})
    assert switched.status_code == 302
    page = client.get("/logga-in/").content.decode()
    assert '<html lang="en">' in page
    assert "Sign in" in page
    assert "Logga in" not in page


@pytest.mark.django_db
def test_a_browser_set_to_english_still_gets_swedish_until_the_user_switches(client):
    page = client.get("/logga-in/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="sv">' in page
    assert "Logga in" in page

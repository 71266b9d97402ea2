"""Settings are checked when they load: the audit key must be set, long and its own."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECRET = "a-secret-key-for-these-tests-only-0123456789"
AUDIT_KEY = "an-audit-key-for-these-tests-only-0123456789"
PRINT_KEY = "from django.conf import settings; print(settings.AUDIT_HMAC_KEY)"


def load_settings(**env: str) -> subprocess.CompletedProcess[str]:
    """Load the settings in a fresh interpreter with exactly these variables."""
    environ = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DEBUG", "SECRET_KEY", "AUDIT_HMAC_KEY"}
    }
    environ |= {"DJANGO_SETTINGS_MODULE": "rollkoll.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", PRINT_KEY],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_valid_key_loads():
    loaded = load_settings(DEBUG="0", SECRET_KEY=SECRET, AUDIT_HMAC_KEY=AUDIT_KEY)

    assert (loaded.returncode, loaded.stdout) == (0, AUDIT_KEY + "\n")


@pytest.mark.parametrize(
    ("env", "error"),
    [
        ({"DEBUG": "0"}, "AUDIT_HMAC_KEY must be set when DEBUG is off"),
        (
            {"DEBUG": "0", "AUDIT_HMAC_KEY": "short"},
            "AUDIT_HMAC_KEY must be at least 32 characters long",
        ),
        (
            {"DEBUG": "1", "AUDIT_HMAC_KEY": "short"},
            "AUDIT_HMAC_KEY must be at least 32 characters long",
        ),
        ({"DEBUG": "0", "AUDIT_HMAC_KEY": SECRET}, "AUDIT_HMAC_KEY must differ from SECRET_KEY"),
    ],
)
def test_a_missing_short_or_reused_key_stops_the_start(env, error):
    loaded = load_settings(SECRET_KEY=SECRET, **env)

    assert loaded.returncode == 1
    assert f"ImproperlyConfigured: {error}" in loaded.stderr


def test_development_derives_a_key_of_its_own():
    loaded = load_settings(DEBUG="1", SECRET_KEY=SECRET)

    assert loaded.returncode == 0
    key = loaded.stdout.strip()
    assert len(key) >= 32
    assert key != SECRET
    assert load_settings(DEBUG="1", SECRET_KEY=SECRET).stdout.strip() == key

#!/usr/bin/env python3
"""Rollkoll's developer commands. Needs only Python 3.11+; installs the rest.

    python3 dev.py demo     install, load the demo and serve on http://127.0.0.1:8000
    python3 dev.py test     install the dev tools and run the whole test suite
    python3 dev.py check    lint, format check, import layers, security lint, type check,
                            migrations check, deploy check
    python3 dev.py help     this text

The virtual environment lives in .venv; dependencies come from uv.lock.
"""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / "bin"
UV_VERSION = "0.13.9"
SQLITE_TEST_ENV = {"DATABASE_URL": ""}
TEST_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "test-only",
    "AUDIT_HMAC_KEY": "test-only-audit-key-not-for-production",
    "SECURE_SSL_REDIRECT": "0",
}


def run(*args: str, env: dict[str, str] | None = None, check: bool = True) -> int:
    full_env = {**os.environ, **(env or {})}
    for name, value in (env or {}).items():
        if value == "":
            full_env.pop(name, None)
    print("+", " ".join(args), flush=True)
    code = subprocess.call(args, cwd=ROOT, env=full_env)  # noqa: S603
    if check and code != 0:
        sys.exit(code)
    return code


def install(*, dev: bool) -> None:
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", str(VENV))
    if not (BIN / "uv").exists():
        run(str(BIN / "python"), "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}")
    extras = ["--extra", "dev"] if dev else []
    run(
        str(BIN / "uv"),
        "sync",
        "--frozen",
        "--inexact",
        "--quiet",
        *extras,
        env={
            "UV_PROJECT_ENVIRONMENT": str(VENV),
            "UV_PYTHON": str(BIN / "python"),
            "UV_PYTHON_DOWNLOADS": "never",
        },
    )


def install_chromium() -> None:
    """Browser tests drive Debian's Chromium; install it when we may."""
    if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("Chromium is missing and cannot be installed here: browser tests will be skipped.")
        return
    run("apt-get", "update", "-qq", check=False)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", check=False)


def rollkoll(*args: str, env: dict[str, str] | None = None) -> int:
    return run(str(BIN / "rollkoll"), *args, env=env)


def demo() -> None:
    install(dev=False)
    rollkoll("demo", env={"DEBUG": "1"})


def test(*pytest_args: str) -> None:
    install(dev=True)
    install_chromium()
    pytest = [str(BIN / "python"), "-m", "pytest", "-n", "2", "--dist", "loadgroup", *pytest_args]
    run(*pytest, env=SQLITE_TEST_ENV | TEST_ENV)
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith(("postgres://", "postgresql://")):
        print("Running the suite again on PostgreSQL.", flush=True)
        run(*pytest, env=TEST_ENV)
    else:
        print("DATABASE_URL does not point at PostgreSQL: the suite ran on SQLite only.")


def check() -> None:
    install(dev=True)
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "AUDIT_HMAC_KEY": secrets.token_urlsafe(50),
        "DEBUG": "0",
    } | SQLITE_TEST_ENV
    run(str(BIN / "ruff"), "check", ".")
    run(str(BIN / "ruff"), "format", "--check", ".")
    run(str(BIN / "lint-imports"))
    run(str(BIN / "bandit"), "--quiet", "--configfile", "pyproject.toml", "--recursive", "rollkoll")
    run(str(BIN / "mypy"), "rollkoll", env=env)
    rollkoll("makemigrations", "--check", "--dry-run", env=env)
    rollkoll(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=env | {"ALLOWED_HOSTS": "rollkoll.example.org"},
    )


COMMANDS = {"demo": demo, "test": test, "check": check}


def main() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 (the system Python runs this file)
        sys.exit("Rollkoll needs Python 3.11 or newer.")
    name, *rest = sys.argv[1:] or ["help"]
    command = COMMANDS.get(name)
    if command is None:
        print(__doc__)
        sys.exit(0 if name == "help" else 2)
    command(*rest)


if __name__ == "__main__":
    main()

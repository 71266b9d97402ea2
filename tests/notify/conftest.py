"""A real SMTP server (aiosmtpd) in its own process, writing what it receives to a maildir."""

import mailbox
import socket
import subprocess
import sys
import time
from email import message_from_binary_file, policy
from email.message import EmailMessage
from functools import partial
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _accepts(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


class SmtpServer:
    def __init__(self, maildir: Path):
        self.port = _free_port()
        self.maildir = maildir
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                f"127.0.0.1:{self.port}",
                "-c",
                "aiosmtpd.handlers.Mailbox",
                str(self.maildir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until(up=True)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        self._wait_until(up=False)

    def messages(self) -> list[EmailMessage]:
        """What the server received, headers and body decoded."""
        parse = partial(message_from_binary_file, policy=policy.default)
        return list(mailbox.Maildir(self.maildir, factory=parse, create=False))

    def _wait_until(self, *, up: bool) -> None:
        deadline = time.monotonic() + 10
        while _accepts(self.port) != up:
            if time.monotonic() > deadline:
                raise TimeoutError(f"SMTP server on port {self.port} not {'up' if up else 'down'}")
            time.sleep(0.05)


@pytest.fixture
def smtp_server(tmp_path, settings):
    """A running SMTP server, and Django's mail pointed at it."""
    server = SmtpServer(tmp_path / "maildir")
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    server.start()
    yield server
    server.stop()

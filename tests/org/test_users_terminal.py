"""`rollkoll users add` typed at a real terminal (a pty), against its own installation."""

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import fictitious_personnummer

ROLLKOLL = str(Path(sys.executable).parent / "rollkoll")
PASSWORD = "hallon-och-vinbar-77"


@pytest.fixture(scope="module")
def installation(tmp_path_factory) -> dict[str, str]:
    """A migrated SQLite file with one unit and two people, imported as production would."""
    directory = tmp_path_factory.mktemp("installation")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{directory / 'rollkoll.sqlite3'}"}
    env.pop("ROLLKOLL_PASSWORD", None)
    (directory / "units.csv").write_text(
        "org_code,org_name,business_area_code,business_area_name,unit_code,unit_name,"
        "parent_unit_code\nSAS,SÄS,VO1,Medicin,4711,Avdelning 11,\n",
        encoding="utf-8",
    )
    people = "".join(
        f"E{n},{fictitious_personnummer(n)},Test,Person{n},e{n}@example.org,4711,,,2020-01-01,\n"
        for n in (1, 2)
    )
    (directory / "people.csv").write_text(
        "employee_id,personnummer,first_name,last_name,email,unit_code,title,manager_kind,"
        "employed_from,employed_to\n" + people,
        encoding="utf-8",
    )
    for command in (
        ["migrate", "--verbosity", "0"],
        ["import", "units", str(directory / "units.csv")],
        ["import", "people", str(directory / "people.csv")],
    ):
        subprocess.run([ROLLKOLL, *command], env=env, check=True, capture_output=True)
    return env


def at_terminal(args: list[str], env: dict[str, str], answers: list[str]) -> tuple[int, str]:
    """Run the command on a pty, answering each prompt in turn; its exit code and output."""
    pid, fd = pty.fork()
    if pid == 0:  # the child becomes the command
        os.execve(ROLLKOLL, [ROLLKOLL, *args], env)  # noqa: S606 (our own command, no shell)
    output = b""
    pending = list(answers)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:  # the command has exited
            break
        output += chunk
        if pending and output.rstrip().endswith(b":"):
            time.sleep(0.5)  # getpass flushes input typed before it turns echo off
            os.write(fd, pending.pop(0).encode() + b"\n")
    return _exit_code(pid, grace=5), output.decode(errors="replace")


def _exit_code(pid: int, *, grace: float) -> int:
    """The child's exit code; a child still running after the grace period is killed."""
    end = time.monotonic() + grace
    while time.monotonic() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def test_the_password_is_asked_twice_and_not_echoed(installation):
    code, output = at_terminal(
        ["users", "add", "kalle", "--employee-id", "E1"], installation, [PASSWORD, PASSWORD]
    )
    assert code == 0, output
    assert "Lösenord igen:" in output
    assert "Kontot kalle är skapat." in output
    assert PASSWORD not in output
    listed = subprocess.run(
        [ROLLKOLL, "users", "list"], env=installation, capture_output=True, text=True, check=True
    )
    assert listed.stdout.startswith("kalle\tE1")


def test_two_different_answers_write_nothing(installation):
    code, output = at_terminal(
        ["users", "add", "olle", "--employee-id", "E2"], installation, [PASSWORD, "annat-losen-99"]
    )
    assert code != 0
    assert "Lösenorden stämmer inte överens." in output
    listed = subprocess.run(
        [ROLLKOLL, "users", "list"], env=installation, capture_output=True, text=True, check=True
    )
    assert "olle" not in listed.stdout

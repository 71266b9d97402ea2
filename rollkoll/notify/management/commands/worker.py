"""`rollkoll worker`: the one background process.

It runs the task queue (django-tasks' database worker) and, once a minute, the
periodic jobs listed in settings.ROLLKOLL_PERIODIC_JOBS (dotted paths to
functions without arguments, e.g. the outbox sweep and the SLA reminders).

`--once` runs one pass (the periodic jobs, then every ready task) and exits.
Where a long-running process is not wanted, cron can run that every minute,
with the same environment variables as the server:

    * * * * *  rollkoll worker --once
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from types import FrameType
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import close_old_connections
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks_db.management.commands.db_worker import Worker

logger = logging.getLogger(__name__)

PERIOD_SECONDS = 60


class Command(BaseCommand):
    help = "Kör bakgrundsjobben: uppgiftskön och de periodiska jobben (varje minut)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Kör ett varv och avsluta.")
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Sekunder mellan kontrollerna av uppgiftskön (standard 1).",
        )

    def handle(self, *args: Any, once: bool, interval: float, **options: Any) -> None:
        self.stopping = threading.Event()
        self.tasks = tasks = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        if once:
            run_periodic_jobs()
            tasks.run()
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, self._stop)
        next_periodic = 0.0
        while not self.stopping.is_set():
            if time.monotonic() >= next_periodic:
                next_periodic = time.monotonic() + PERIOD_SECONDS
                run_periodic_jobs()
            tasks.run()
            close_old_connections()
            self.stopping.wait(interval)

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        """Finish the task or job under way, then leave."""
        logger.info("worker stopping on %s", signal.strsignal(signum))
        self.stopping.set()
        self.tasks.running = False


def run_periodic_jobs() -> None:
    """Run each job once; one job failing does not stop the others."""
    for path in settings.ROLLKOLL_PERIODIC_JOBS:
        try:
            import_string(path)()
        except Exception:
            logger.exception("periodic job %s failed", path)

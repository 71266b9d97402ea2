"""The hypothesis profile of the fuzz tests: few examples, no deadline.

Each example of a fuzz test writes a file or sends a request against a
database, so the default hundred examples and the 200 ms deadline would make
the suite slow and flaky. `FUZZ_EXAMPLES=500 python3 dev.py test -k fuzz`
fuzzes harder.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "25")),
    deadline=None,
    # One database (a function-scoped fixture) serves every example of a test:
    # each example compares the database before and after itself.
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
fuzz = settings.get_profile("fuzz")

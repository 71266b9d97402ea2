"""The engine is pure Python: it imports without Django."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import sys
sys.modules["django"] = None  # any `import django...` now fails
from rollkoll.catalog import rules
assert not [n for n, m in sys.modules.items() if n.startswith("django") and m is not None]
print(rules.Verdict.ELIGIBLE)
"""


def test_engine_imports_with_django_unimportable():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "eligible"

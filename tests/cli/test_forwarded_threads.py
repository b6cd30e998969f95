"""Commands forwarded to a running server run side by side in request threads; Typer's parameter
set-up must not trip over another thread's (the KeyError CI met once in test_with_server)."""

import subprocess
import sys

HAMMER = """
import os, sys, threading
os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
{prepare}
from typer._adapters import disabled_pydantic_plugins
sys.setswitchinterval(1e-6)   # switch threads as often as the interpreter allows
errors = []

def set_up_parameters():
    try:
        for _ in range(20000):
            with disabled_pydantic_plugins():
                pass
    except KeyError as error:
        errors.append(error)

threads = [threading.Thread(target=set_up_parameters) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(errors))
"""


def key_errors(prepare: str) -> int:
    result = subprocess.run([sys.executable, "-c", HAMMER.format(prepare=prepare)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return int(result.stdout)


def test_parameter_set_up_in_many_threads_is_safe_once_the_server_side_runner_is_loaded():
    assert sum(key_errors("import gaodi.cli.forwarded") for _ in range(3)) == 0


def test_without_the_runner_the_same_threads_fail():
    """The hazard is real, so the test above can fail: unguarded, some run meets the KeyError."""
    assert any(key_errors("") for _ in range(20))

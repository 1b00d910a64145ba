"""Mock set-up time of a downstream suite: the plugin's fixtures against a mock started per test.

A generated suite of N tests (each lists the credentials through the ``signalwire_sip_mock``
fixture) runs in its own pytest twice: with the plugin's fixtures (one server per session,
reset before each test), and with a conftest that starts a fresh ``MockServer`` for every test,
as the fixture did before 2026-11-27. pytest's own report durations of the set-up
and tear-down phases (where fixtures start and stop servers) are summed
(``pytest_runtest_logreport``): the figure is what a user's ``--durations`` shows.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SUITE = """
import pytest


@pytest.mark.parametrize("n", range({tests}))
def test_lists(signalwire_sip_mock, n):
    with signalwire_sip_mock.client() as sip:
        assert sip.list().data == []
"""

MEASURE = """
import json

import pytest

_setup = []


def pytest_runtest_logreport(report):
    if report.when in ("setup", "teardown"):
        _setup.append(report.duration)


def pytest_sessionfinish(session):
    with open({out!r}, "w") as f:
        json.dump(_setup, f)
"""

PER_TEST_SERVER = """

@pytest.fixture
def signalwire_sip_mock():
    from signalwire_sip_mock import MockServer, RunningMock

    with MockServer() as server:
        yield RunningMock(server.base_url, server.project, server.app)
"""


def _run(folder: Path, tests: int, per_test_server: bool) -> list[float]:
    out = folder / "setup.json"
    conftest = MEASURE.format(out=str(out)) + (PER_TEST_SERVER if per_test_server else "")
    (folder / "conftest.py").write_text(conftest)
    (folder / "test_downstream.py").write_text(SUITE.format(tests=tests))
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    durations: list[float] = json.loads(out.read_text())
    return durations


def fixture_setup(tests: int) -> dict[str, Any]:
    """Seconds a suite of TESTS tests spends setting up and tearing down the mock, both ways."""
    results: dict[str, Any] = {"tests": tests}
    for name, per_test in (("session_server", False), ("server_per_test", True)):
        with tempfile.TemporaryDirectory() as scratch:
            durations = _run(Path(scratch), tests, per_test)
        results[name] = {"total_s": sum(durations), "first_test_s": durations[0] + durations[1]}
    results["speed_up"] = (
        results["server_per_test"]["total_s"] / results["session_server"]["total_s"]
    )
    return results

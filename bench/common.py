"""What every section of ``make bench`` shares: the project, a quiet mock, a valid body, and
the side-by-side timing loop."""

from __future__ import annotations

import base64
import statistics
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from signalwire_sip_mock import MockProcess, Project, collection_path, request_example

ROOT = Path(__file__).resolve().parents[1]
COLLECTION = collection_path()
PROJECT = Project("bench-project", "PT-bench-token")
AUTH = "Basic " + base64.b64encode(f"{PROJECT.id}:{PROJECT.token}".encode()).decode()


def quiet_mock(**options: Any) -> MockProcess:
    """The mock as users run it (its console script, a child process), serving PROJECT."""
    return MockProcess([PROJECT], stderr=subprocess.DEVNULL, **options)


def body() -> dict[str, Any]:
    """The spec's create example with a fresh id and username."""
    key = str(uuid.uuid4())
    fresh = {"id": key, "username": f"bench-{key}"}
    return request_example("create_sip_credential", "default-handler") | fresh


def interleaved(
    calls: int, first: Callable[[], object], second: Callable[[], object]
) -> tuple[float, float]:
    """Median seconds per call of FIRST and SECOND, alternating call by call."""
    a, b = [], []
    for _ in range(calls):
        t0 = time.perf_counter()
        first()
        t1 = time.perf_counter()
        second()
        t2 = time.perf_counter()
        a.append(t1 - t0)
        b.append(t2 - t1)
    return statistics.median(a), statistics.median(b)

"""Start-up: from launching the mock's console script to its first 200 on the collection."""

from __future__ import annotations

import statistics
import time
from typing import Any

import httpx

from .common import COLLECTION, PROJECT, quiet_mock


def startup(runs: int) -> dict[str, Any]:
    seconds = []
    for _ in range(runs):
        t0 = time.perf_counter()
        # start() returns once the mock listens (its banner is out, read from its stdout).
        with quiet_mock() as mock:
            answer = httpx.get(
                f"{mock.base_url}{COLLECTION}", auth=(PROJECT.id, PROJECT.token), timeout=5
            )
            if answer.status_code != 200:
                raise RuntimeError(f"the mock's first answer was {answer.status_code}, not 200")
            seconds.append(time.perf_counter() - t0)
    return {"runs": runs, "median_s": statistics.median(seconds), "max_s": max(seconds)}

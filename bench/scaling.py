"""List scaling: a page's latency and the mock's memory as the store grows (seeded)."""

from __future__ import annotations

import re
import statistics
import time
from pathlib import Path
from typing import Any

import httpx

from signalwire_sip_mock.handlers import PageToken

from .common import COLLECTION, PROJECT, quiet_mock


def peak_rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def list_scaling(sizes: list[int], calls: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for size in sizes:
        with quiet_mock() as mock:
            http = httpx.Client(
                base_url=mock.base_url, auth=(PROJECT.id, PROJECT.token), timeout=60
            )
            http.post("/__mock__/seed", json={"count": size}).raise_for_status()
            first = http.get(COLLECTION, params={"page_size": 50}).json()
            # A page in the middle of the store, reached through its cursor.
            middle = PageToken(after=True, position=size // 2).encode()
            for _ in range(20):
                http.get(COLLECTION, params={"page_size": 50})
            timings_first, timings_middle = [], []
            for _ in range(calls):
                t0 = time.perf_counter()
                http.get(COLLECTION, params={"page_size": 50})
                t1 = time.perf_counter()
                http.get(COLLECTION, params={"page_size": 50, "page_token": middle})
                t2 = time.perf_counter()
                timings_first.append(t1 - t0)
                timings_middle.append(t2 - t1)
            assert len(first["data"]) == min(50, size)
            assert mock.process is not None
            results[str(size)] = {
                "first_page_ms": statistics.median(timings_first) * 1e3,
                "middle_page_ms": statistics.median(timings_middle) * 1e3,
                "peak_rss_mib": peak_rss_mib(mock.process.pid),
            }
            http.close()
    smallest, largest = results[str(sizes[0])], results[str(sizes[-1])]
    results["ratio_largest_to_smallest"] = max(
        largest["first_page_ms"] / smallest["first_page_ms"],
        largest["middle_page_ms"] / smallest["middle_page_ms"],
    )
    return results

"""Generation: what a spec change costs in ``make generate`` (the generator and ruff)."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from .common import ROOT


def generation(runs: int) -> dict[str, Any]:
    from scripts.check_generated import generate

    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            t0 = time.perf_counter()
            generate(ROOT, Path(scratch) / "pkg")
            seconds.append(time.perf_counter() - t0)
    return {"runs": runs, "median_s": statistics.median(seconds)}

"""`make bench` stays runnable: its quick mode, with tiny sizes, runs every section but the gate."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

pytestmark = pytest.mark.slow


def test_the_benchmark_runs_and_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(out.read_text())
    assert report["machine"]["cores"] and report["client"]["get_ratio"] > 0
    assert set(report["scaling"]) >= {"100", "1000", "ratio_largest_to_smallest"}
    assert report["startup"]["median_s"] > 0 and report["generate"]["median_s"] > 0
    if shutil.which("wrk"):
        assert report["mock"]["get_by_id_c16"]["non_2xx"] == 0
        assert report["mock"]["post_create_c16"]["non_2xx"] == 0
        # The mock cannot outrun a bare app under the same server: if it does, the ceiling
        # is broken (as it was once, at 23 req/s, when uvicorn got the socket as an fd).
        assert report["mock"]["get_by_id_c16"]["share_of_ceiling"] < 1.5
    assert (tmp_path / "bench-list-latency.png").stat().st_size > 1000
    assert "client get ratio" in result.stdout

"""``make bench``: the client and the mock measured side by side, in one run, as ratios.

Absolute numbers on a shared 2-core machine drift by a third between runs; each figure is
therefore printed next to its baseline measured in the same run (raw httpx for the client, a
bare Starlette app for the mock). Writes reports/bench.json and reports/bench-list-latency.png.

One module per section (client, throughput, scaling, startup, fixture_setup, generation, gate),
each returning its figures; report.py turns them into the table and the plot.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from pathlib import Path
from typing import Any

from .client import client_overhead
from .common import ROOT
from .fixture_setup import fixture_setup
from .gate import contract_gate
from .generation import generation
from .report import plot, table
from .scaling import list_scaling
from .startup import startup
from .throughput import ensure_wrk, mock_throughput


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes: checks the benchmark code runs"
    )
    parser.add_argument(
        "--skip-contract", action="store_true", help="leave out the contract gate run"
    )
    parser.add_argument("--out", default=str(ROOT / "reports" / "bench.json"))
    args = parser.parse_args(argv)
    quick = args.quick
    report: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": quick,
    }
    report["client"] = client_overhead(50 if quick else 3000)
    if ensure_wrk(install=not quick):
        report["mock"] = mock_throughput(1 if quick else 5)
    else:
        print("wrk is not installed and could not be: the mock throughput section is left out")
    report["scaling"] = list_scaling(
        [100, 1000] if quick else [100, 10_000, 100_000], 20 if quick else 300
    )
    report["startup"] = startup(2 if quick else 7)
    report["fixture_setup"] = fixture_setup(10 if quick else 100)
    report["generate"] = generation(1 if quick else 3)
    if not (quick or args.skip_contract):
        report["contract"] = contract_gate()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    plot(report["scaling"], out.with_name("bench-list-latency.png"))
    print(table(report))
    print(f"\nwritten: {out} and {out.with_name('bench-list-latency.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

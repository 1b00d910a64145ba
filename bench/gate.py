"""The contract gate: ``signalwire-sip-contract mock`` as CI runs it, its cases, phases and links."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .common import ROOT


def contract_gate() -> dict[str, Any]:
    t0 = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("signalwire-sip-contract")), "mock"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - t0
    out = result.stdout
    cases = re.search(r"(\d+) generated", out)
    phases = dict(re.findall(r"(Examples|Coverage|Fuzzing|Stateful) \(in ([\d.]+)s\)", out))
    links = re.search(r"declared links covered by the stateful phase: (\d+/\d+)", out)
    return {
        "exit_code": result.returncode,
        "wall_s": wall,
        "cases": int(cases.group(1)) if cases else 0,
        "phase_s": {k: float(v) for k, v in phases.items()},
        "links": links.group(1) if links else "?",
    }

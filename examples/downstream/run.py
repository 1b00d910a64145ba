"""``make downstream``: install the built wheel into a clean venv and run this project's tests.

The venv is new each time, outside the checkout, and gets the wheel from DIST (``make dist``)
with the versions requirements/constraints.txt pins; nothing of the checkout is importable
there, so the tests see the package exactly as a user installs it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main(dist: str) -> int:
    wheels = sorted(Path(dist).glob("signalwire_sip-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one signalwire_sip wheel in {dist}, found {wheels}")
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    with tempfile.TemporaryDirectory() as scratch:
        venv = Path(scratch) / "venv"
        project = Path(scratch) / "project"
        shutil.copytree(HERE, project, ignore=shutil.ignore_patterns("run.py", "__pycache__"))
        subprocess.run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True)
        python = venv / "bin" / "python"
        subprocess.run(
            [
                uv,
                "pip",
                "install",
                "--quiet",
                "--python",
                str(python),
                "-c",
                str(ROOT / "requirements" / "constraints.txt"),
                f"{wheels[0].resolve()}[mock]",
                "pytest",
            ],
            check=True,
        )
        return subprocess.run([str(python), "-m", "pytest", "-q"], cwd=project).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "dist"))

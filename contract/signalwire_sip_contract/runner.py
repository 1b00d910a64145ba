"""Running schemathesis: its CLI, with the gate's settings, against a base URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from signalwire_sip import ENV_API_TOKEN, ENV_PROJECT_ID
from signalwire_sip_mock import spec_path

from .links import LINKS_REPORT


def config_file() -> Path:
    """schemathesis.toml: the current folder's (a project's own), else the gate's (beside this
    module, in the wheel and in a checkout alike)."""
    for candidate in (
        Path.cwd() / "schemathesis.toml",
        Path(__file__).with_name("schemathesis.toml"),
    ):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no schemathesis.toml in the current folder or beside this package")


def run_schemathesis(
    base_url: str,
    project_id: str,
    token: str,
    reports: Path,
    extra: list[str],
    env: dict[str, str] | None = None,
) -> tuple[int, list[str]]:
    """Run the schemathesis CLI; its exit code and the declared links it covered."""
    reports.mkdir(parents=True, exist_ok=True)
    links_report = reports / "links.json"
    links_report.unlink(missing_ok=True)
    child_env = (
        dict(os.environ)
        | (env or {})
        | {
            # Credentials reach schemathesis through the environment (schemathesis.toml reads them),
            # never through the command line, where `ps` would show them.
            ENV_PROJECT_ID: project_id,
            ENV_API_TOKEN: token,
            LINKS_REPORT: str(links_report),
        }
    )
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config_file()),
        "run",
        str(spec_path()),
        "--url",
        base_url,
        *extra,
    ]
    started = time.monotonic()
    code = subprocess.run(command, env=child_env, check=False).returncode
    print(f"schemathesis finished in {time.monotonic() - started:.1f}s with exit code {code}")
    covered = json.loads(links_report.read_text())["covered"] if links_report.exists() else []
    return code, covered

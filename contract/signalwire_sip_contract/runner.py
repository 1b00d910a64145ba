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


class UnsafeConfiguration(Exception):
    """A setting that would take the sandbox's rails away; the message names its file."""


def config_file(sandbox: bool = False) -> Path:
    """schemathesis.toml: against the mock, the current folder's (a project's own) or else the
    gate's (beside this module, in the wheel and in a checkout alike). Against a real project
    (SANDBOX), only the gate's: a file of the current folder would replace its settings whole,
    so its presence is refused (UnsafeConfiguration) rather than silently used or ignored."""
    own = Path.cwd() / "schemathesis.toml"
    gate = Path(__file__).with_name("schemathesis.toml")
    if sandbox and own.is_file() and own.resolve() != gate.resolve():
        raise UnsafeConfiguration(
            f"{own} would replace the gate's settings, its safety hooks and limits included; "
            "against a real project the gate runs with its own settings only. Run it from "
            "another folder, or pass schemathesis options after `--`."
        )
    for candidate in (own, gate):
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
    sandbox: bool = False,
) -> tuple[int, list[str]]:
    """Run the schemathesis CLI; its exit code and the declared links it covered. It runs
    through ``launch``, so the gate's hooks are loaded whatever the configuration says: a
    project's own schemathesis.toml may add hooks, never drop the gate's."""
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
        sys.executable,
        "-m",
        "signalwire_sip_contract.launch",
        "--config-file",
        str(config_file(sandbox)),
        "run",
        str(spec_path()),
        "--url",
        base_url,
        # Every report in REPORTS, whatever a schemathesis.toml says (its paths are relative).
        "--report",
        "junit",
        "--report-dir",
        str(reports),
        "--report-junit-path",
        str(reports / "junit.xml"),
        *extra,
    ]
    started = time.monotonic()
    code = subprocess.run(command, env=child_env, check=False).returncode
    print(f"schemathesis finished in {time.monotonic() - started:.1f}s with exit code {code}")
    covered = json.loads(links_report.read_text())["covered"] if links_report.exists() else []
    return code, covered

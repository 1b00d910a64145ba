"""Running schemathesis: its CLI, with the gate's settings, against a base URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

from signalwire_sip import ENV_API_TOKEN, ENV_PROJECT_ID
from signalwire_sip_mock import load_spec, spec_path

from .links import LINKS_REPORT, uncovered_links
from .reports import combine, round_folder

# schemathesis' stateful phase ends at its first "inconsistent data generation" (Hypothesis
# replays a scenario's choices and a stateful server answers differently the second time), so
# one run walks ~17 scenarios of its 700 (measured with the spec of 1.4.0: 9 to 11 of its 11
# links). The gate adds stateful rounds with the next seeds until every declared link was
# followed, at most this many (each ~1.5 s against the mock); coverage is their union, and any
# round's failure fails the gate.
STATEFUL_ROUNDS = 8


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
        # Last, so no option before it undoes it: the API documents no redirect, so one is an
        # answer under test, never followed (requests would re-send a body to another host).
        # schemathesis 4.32.5 follows none even when told to (tests/test_sandbox_rails.py:
        # nothing reached the other host with --max-redirects 5 and this line removed); this
        # keeps it so whatever a later version or a schemathesis.toml does.
        "--max-redirects",
        "0",
    ]
    started = time.monotonic()
    code = subprocess.run(command, env=child_env, check=False).returncode
    print(f"schemathesis finished in {time.monotonic() - started:.1f}s with exit code {code}")
    covered = json.loads(links_report.read_text())["covered"] if links_report.exists() else []
    return code, covered


def run_gate(
    base_url: str,
    project_id: str,
    token: str,
    reports: Path,
    extra: list[str],
    env: dict[str, str] | None = None,
    sandbox: bool = False,
) -> tuple[int, list[str]]:
    """``run_schemathesis``, then stateful rounds (``STATEFUL_ROUNDS``, successive seeds, their
    reports in REPORTS/stateful-N) while a declared link is left and every run passed; the
    exit code of the last run, and the links all of them covered. The top of REPORTS holds
    every run's (``reports.combine``)."""
    code, covered = run_schemathesis(base_url, project_id, token, reports, extra, env, sandbox)
    if "stateful" not in _phases(extra):
        return code, covered
    spec, seed = load_spec(), _seed(extra, config_file(sandbox))
    rounds = 0
    for round in range(1, STATEFUL_ROUNDS + 1):
        if code != 0 or not uncovered_links(spec, covered):
            break
        print(f"stateful round {round}: {len(uncovered_links(spec, covered))} link(s) left")
        more = [*extra, "--phases", "stateful", "--seed", str(seed + round)]
        code, found = run_schemathesis(
            base_url, project_id, token, round_folder(reports, round), more, env, sandbox
        )
        covered, rounds = sorted(set(covered) | set(found)), round
    combine(reports, rounds, covered)
    return code, covered


def _phases(extra: list[str]) -> str:
    """The phases the command line selects (its last ``--phases``), all by default."""
    chosen = "examples,coverage,fuzzing,stateful"
    for index, option in enumerate(extra):
        if option == "--phases" and index + 1 < len(extra):
            chosen = extra[index + 1]
        elif option.startswith("--phases="):
            chosen = option.split("=", 1)[1]
    return chosen


def _seed(extra: list[str], config: Path) -> int:
    """The run's seed: the command line's ``--seed``, else the configuration's, else 0."""
    for index, option in enumerate(extra):
        if option == "--seed" and index + 1 < len(extra) and extra[index + 1].isdigit():
            return int(extra[index + 1])
    with open(config, "rb") as f:
        return int(tomllib.load(f).get("seed", 0))

"""The sandbox's rails cannot be switched off by a file: a ``schemathesis.toml`` in the folder
the gate runs from (the documented settings (docs/contract.md), plus ``[auth]``) against a stand-in "real
project" seeded with three credentials. Before the fix that file replaced the gate's settings
and hooks: two of the three were deleted, the third rewritten, unmarked usernames left behind.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from signalwire_sip_mock import MockProcess, Project

from .helpers import COLLECTION, ROOT, create_body

pytestmark = pytest.mark.slow
PROJECT = Project("6a1f0d3c-9b2e-4c7d-8e5f-0a1b2c3d4e5f", "PT" + "ef" * 20)


def readme_ci_settings() -> str:
    """The toml block of docs/contract.md's "Running schemathesis yourself", as a user would
    copy it."""
    section = (
        (ROOT / "docs" / "contract.md").read_text().split("## Running schemathesis yourself", 1)[1]
    )
    found = re.search(r"```toml\n(.*?)```", section, re.DOTALL)
    assert found, "docs/contract.md lost its settings"
    return found.group(1)


def test_a_schemathesis_toml_beside_the_sandbox_run_is_refused_and_nothing_changes(
    tmp_path: Path,
) -> None:
    settings = readme_ci_settings() + (
        '\n[auth]\nbasic = { username = "${SIGNALWIRE_PROJECT_ID}", '
        'password = "${SIGNALWIRE_API_TOKEN}" }\n'
    )
    (tmp_path / "schemathesis.toml").write_text(settings)
    with MockProcess([PROJECT]) as space:
        http = httpx.Client(base_url=space.base_url, auth=(PROJECT.id, PROJECT.token), timeout=10)
        seeded = [http.post(COLLECTION, json=create_body()).json() for _ in range(3)]
        http.delete("/__mock__/requests")
        env = dict(
            os.environ,
            SIGNALWIRE_SPACE=space.base_url.removeprefix("http://"),
            SIGNALWIRE_PROJECT_ID=PROJECT.id,
            SIGNALWIRE_API_TOKEN=PROJECT.token,
        )
        command = [sys.executable, "-m", "signalwire_sip_contract", "sandbox"]
        result = subprocess.run(
            [*command, "--rate-limit", "200/s", "--max-examples", "4"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 2, result.stdout + result.stderr
        assert str(tmp_path / "schemathesis.toml") in result.stderr
        after = http.get(COLLECTION, params={"page_size": 100}).json()["data"]
        assert after == seeded
        assert httpx.get(f"{space.base_url}/__mock__/requests").json()["requests"][1:] == []


def test_the_gate_loads_its_hooks_whatever_a_projects_file_says(tmp_path: Path) -> None:
    # Against the mock a project's own file is used, as docs/contract.md says; the gate's hooks (link
    # coverage, the sandbox's rails) are loaded all the same: the links report proves it.
    # The documented settings with the project's own hooks in place of the gate's.
    settings = readme_ci_settings().replace(
        'hooks = "signalwire_sip_contract.hooks"', 'hooks = "json"'
    )
    assert 'hooks = "json"' in settings
    (tmp_path / "schemathesis.toml").write_text(settings + "\n[generation]\nmax-examples = 3\n")
    reports = tmp_path / "reports"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "signalwire_sip_contract",
            "mock",
            "--reports",
            str(reports),
            "--",
            "--phases",
            "stateful",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert (reports / "links.json").exists(), result.stdout[-3000:] + result.stderr[-3000:]

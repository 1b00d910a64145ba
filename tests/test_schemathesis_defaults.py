"""What a user running schemathesis on the spec by hand gets, from an empty folder.

With schemathesis' defaults its stateful phase walks none of the spec's links (dependency
analysis takes `caller_id` and `calling_handler_resource_id` of the create body for references
to resources nothing produces, so no scenario starts with create); with the settings the
docs/contract.md gives, it walks most of them in one run and passes (the gate's
stateful rounds walk the rest). Both are run here, so the documented claim
is checked against the schemathesis version pinned in requirements/constraints.txt.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from signalwire_sip_mock import RunningMock

from .helpers import SPEC_PATH

pytestmark = pytest.mark.slow
README_SETTINGS = (
    'hooks = "signalwire_sip_contract.hooks"\n\n'
    '[phases.stateful.inference]\nalgorithms = ["location-headers"]\n\n'
    '[[operations]]\ninclude-operation-id = "update_sip_credential"\n'
    'checks.positive_data_acceptance.expected-statuses = ["2xx", "3xx", "401", "403", "404", '
    '"409", "422", "429", "5xx"]\n'
)


def stateful_run(folder: Path, mock: RunningMock) -> tuple[int, int, str]:
    """`schemathesis run` as a user types it, stateful phase only: (links covered, declared)."""
    schemathesis = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [
            str(schemathesis),
            "run",
            str(SPEC_PATH),
            "--url",
            mock.base_url,
            "--auth",
            f"{mock.project_id}:{mock.api_token}",
            "--phases",
            "stateful",
            "--seed",
            "20261127",
        ],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]
    found = re.search(r"API Links:\s+(\d+) covered / \d+ selected / (\d+) total", done.stdout)
    assert found, done.stdout[-2000:]
    return int(found.group(1)), int(found.group(2)), done.stdout


def test_with_schemathesis_defaults_no_link_is_walked(
    signalwire_sip_mock: RunningMock, tmp_path: Path
) -> None:
    covered, _, output = stateful_run(tmp_path, signalwire_sip_mock)
    assert covered == 0 and "inferred" in output, output[-1500:]
    assert not any(
        r["method"] == "POST" and r["status"] == 200 for r in signalwire_sip_mock.requests()
    )


def test_the_readme_settings_make_it_walk_every_declared_link_and_pass(
    signalwire_sip_mock: RunningMock, tmp_path: Path
) -> None:
    readme = (Path(__file__).resolve().parents[1] / "docs" / "contract.md").read_text()
    assert f"```toml\n{README_SETTINGS}```" in readme
    (tmp_path / "schemathesis.toml").write_text(README_SETTINGS)
    covered, total, output = stateful_run(tmp_path, signalwire_sip_mock)
    # One stateful run ends at schemathesis' first "inconsistent data generation" (see
    # signalwire_sip_contract.runner.STATEFUL_ROUNDS): it walks most links, the gate's rounds
    # the rest (tests/test_contract.py).
    assert total == 11 and covered >= 6, output[-1500:]

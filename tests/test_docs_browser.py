"""The API reference page in a real headless browser (Debian's chromium), offline.

The page must show every operation of the spec and of the hooks, and the resource-ID rule, once its JavaScript has run:
the DOM Chromium dumps is checked, and a screenshot is written under reports/docs/.
`make test` installs chromium when it is missing (`make browser`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from signalwire_sip_mock import RunningMock, load_spec
from signalwire_sip_mock import docs as mock_docs
from signalwire_sip_mock.spec import load_hooks

from .helpers import ROOT


def _operation_ids(document: dict[str, Any]) -> set[str]:
    return {
        op["operationId"]
        for item in document["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }


# Every operation of the spec, and the test hooks' own document rendered below it.
OPERATIONS = _operation_ids(load_spec())
HOOK_OPERATIONS = _operation_ids(load_hooks())
assert len(OPERATIONS) == 14 and {"add_fault", "add_subscriber"} <= HOOK_OPERATIONS
SCREENSHOT = ROOT / "reports" / "docs" / "docs-page.png"

pytestmark = pytest.mark.slow


def chromium(tmp_path: Path, *arguments: str) -> str:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is not installed: run `make browser` (Debian's chromium package)"
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=20000",
        "--window-size=1280,1600",
        *arguments,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def assert_shows_the_api(dom: str) -> None:
    shown = set(re.findall(r'class="opblock-summary-operation-id"[^>]*>([a-z_]+)<', dom))
    assert shown == OPERATIONS | HOOK_OPERATIONS, shown
    assert "The resource-ID rule." in re.sub(r"<[^>]+>", "", dom)
    assert "Failed to load API definition" not in dom


def test_the_served_page_shows_the_operations_and_the_rule(
    signalwire_sip_mock: RunningMock, tmp_path: Path
) -> None:
    url = f"{signalwire_sip_mock.base_url}/docs/"
    assert_shows_the_api(chromium(tmp_path, "--dump-dom", url))
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    SCREENSHOT.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={SCREENSHOT}", url)
    assert SCREENSHOT.stat().st_size > 20_000  # a rendered page, not a blank one


def test_the_page_written_as_a_file_shows_the_same(tmp_path: Path) -> None:
    page = mock_docs.write(tmp_path / "docs")
    assert page.read_bytes() == mock_docs.page()
    assert_shows_the_api(
        chromium(tmp_path, "--allow-file-access-from-files", "--dump-dom", page.as_uri())
    )


def test_a_page_that_fails_to_render_fails_the_check(tmp_path: Path) -> None:
    page = mock_docs.write(tmp_path / "docs")
    (page.parent / "swagger-ui-bundle.js").write_text("/* the renderer is missing */")
    with pytest.raises(AssertionError):
        assert_shows_the_api(chromium(tmp_path, "--dump-dom", page.as_uri()))

"""Shared fixtures. The mock server fixture itself comes from the package's pytest plugin."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from .helpers import ROOT, SPEC_PATH


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    with open(SPEC_PATH, encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project's wheel, built once per test process (packaging and the CI examples)."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    [built] = out.glob("signalwire_sip-*.whl")
    yield built


pytest_plugins = ["pytester"]

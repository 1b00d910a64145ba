"""Shared fixtures. The mock server fixture itself comes from the package's pytest plugin."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from .helpers import SPEC_PATH


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    with open(SPEC_PATH, encoding="utf-8") as f:
        document: dict[str, Any] = yaml.safe_load(f)
    return document


pytest_plugins = ["pytester"]

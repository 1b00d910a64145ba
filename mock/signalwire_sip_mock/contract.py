"""Moved: the contract gate is the package ``signalwire_sip_contract`` now.

This module keeps the 1.x import paths working (``python -m signalwire_sip_mock.contract``
included) and warns; it goes in 2.0. It is the one place the mock package imports the gate.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from signalwire_sip_contract.cli import gate_mock, gate_sandbox, main
from signalwire_sip_contract.links import declared_links, uncovered_links
from signalwire_sip_contract.links import judge as verdict
from signalwire_sip_contract.runner import config_file, run_schemathesis
from signalwire_sip_contract.sandbox import Space, cleanup

from .app import Project
from .process import MockProcess, wait_until_healthy
from .spec import collection_path

warnings.warn(
    "signalwire_sip_mock.contract moved to signalwire_sip_contract", DeprecationWarning, 2
)

COLLECTION = collection_path()
__all__ = [
    "COLLECTION",
    "Space",
    "cleanup",
    "config_file",
    "declared_links",
    "gate_mock",
    "gate_sandbox",
    "main",
    "mock_process",
    "run_schemathesis",
    "uncovered_links",
    "verdict",
    "wait_until_healthy",
]


@contextmanager
def mock_process(port: int, project_id: str, token: str, db: str | None = None) -> Iterator[str]:
    """Run the mock server in a child process; yield its base URL; always stop it.
    (``MockProcess`` does this now; PORT 0 lets the system choose.)"""
    options = ["--port", str(port)] if port else []
    with MockProcess([Project(project_id, token)], db=db, options=options) as mock:
        yield mock.base_url


if __name__ == "__main__":
    sys.exit(main())

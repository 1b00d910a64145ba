"""A stateful mock of SignalWire's SIP credential API, driven by the project's OpenAPI spec.

Start one with ``signalwire-sip-mock`` (the console script), ``MockProcess`` (that script as a
child process), ``MockServer`` (a background thread of this process), or the pytest fixtures
``signalwire_sip_mock`` / ``signalwire_sip_mock_server``, which yield a ``RunningMock``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Loaded on first use (PEP 562): the pytest plugin and ``MockProcess`` import this package in
# projects that installed the client without the ``mock`` extra, where the server's
# dependencies (uvicorn, jsonschema-rs) are missing; a name that needs them says so when used.
_HOMES = {
    "JournalEntry": "journal",
    "MockApp": "app",
    "create_app": "app",
    "MockProcess": "process",
    "wait_until_healthy": "process",
    "Project": "project",
    "MockControlError": "running",
    "RunningMock": "running",
    "MockServer": "server",
    "demo_project": "server",
    "free_port": "server",
    "collection_path": "spec",
    "load_spec": "spec",
    "operation_path": "spec",
    "request_example": "spec",
    "spec_path": "spec",
}
MOCK_EXTRA = "pip install 'signalwire-sip[mock]'"

if TYPE_CHECKING:
    from .app import MockApp, create_app
    from .journal import JournalEntry
    from .process import MockProcess, wait_until_healthy
    from .project import Project
    from .running import MockControlError, RunningMock
    from .server import MockServer, demo_project, free_port
    from .spec import collection_path, load_spec, operation_path, request_example, spec_path


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module = importlib.import_module(f".{home}", __name__)
    except ModuleNotFoundError as missing:
        raise ModuleNotFoundError(
            f"signalwire_sip_mock.{name} needs {missing.name}, of the mock extra: {MOCK_EXTRA}",
            name=missing.name,
        ) from missing
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "JournalEntry",
    "MockApp",
    "MockControlError",
    "MockProcess",
    "MockServer",
    "Project",
    "RunningMock",
    "collection_path",
    "create_app",
    "demo_project",
    "free_port",
    "load_spec",
    "operation_path",
    "request_example",
    "spec_path",
    "wait_until_healthy",
]

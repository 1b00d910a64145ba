"""A stateful mock of SignalWire's SIP credential API, driven by the project's OpenAPI spec.

Start one with ``signalwire-sip-mock`` (the console script), ``MockProcess`` (that script as a
child process), ``MockServer`` (a background thread of this process), or the pytest fixtures
``signalwire_sip_mock`` / ``signalwire_sip_mock_server``, which yield a ``RunningMock``.
"""

from .admin import JournalEntry
from .app import MockApp, Project, create_app
from .process import MockProcess, wait_until_healthy
from .running import MockControlError, RunningMock
from .server import MockServer, demo_project, free_port
from .spec import collection_path, load_spec, operation_path, request_example, spec_path

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

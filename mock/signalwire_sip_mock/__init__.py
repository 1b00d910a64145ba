"""A stateful mock of SignalWire's SIP credential API, driven by the project's OpenAPI spec.

Start one with ``signalwire-sip-mock`` (the console script), ``MockServer`` (a background
thread, for tests), or the pytest fixtures ``signalwire_sip_mock`` / ``signalwire_sip_mock_server``,
which yield a ``RunningMock``.
"""

from .admin import JournalEntry
from .app import MockApp, Project, create_app
from .running import MockControlError, RunningMock
from .server import MockServer, demo_project, free_port
from .spec import load_spec, spec_path

__all__ = [
    "JournalEntry",
    "MockApp",
    "MockControlError",
    "MockServer",
    "Project",
    "RunningMock",
    "create_app",
    "demo_project",
    "free_port",
    "load_spec",
    "spec_path",
]

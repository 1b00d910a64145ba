"""A stateful mock of SignalWire's SIP credential API, driven by the project's OpenAPI spec.

Start one with ``signalwire-sip-mock`` (the console script), ``MockServer`` (a background
thread, for tests), or the ``signalwire_sip_mock`` pytest fixture.
"""

from .app import MockApp, Project, create_app
from .server import MockServer, demo_project, free_port
from .spec import load_spec, spec_path

__all__ = [
    "MockApp",
    "MockServer",
    "Project",
    "create_app",
    "demo_project",
    "free_port",
    "load_spec",
    "spec_path",
]

"""pytest plugin (entry point ``pytest11``): the mock as fixtures, in pytest's usual shape.

- ``signalwire_sip_mock_server`` (session): one mock for the whole run, on a free loopback port
  (a background thread of the test process, in-memory store). Started once: about 0.2 s.
- ``signalwire_sip_mock`` (function): that server, reset before the test (store, request
  journal and faults emptied), as a ``RunningMock``: what most tests want.
- ``signalwire_sip_credentials`` (function): a ready ``SipCredentials`` pointed at it, closed
  after the test.

Importing this module is cheap: the server and the client load only when a fixture is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from . import MOCK_EXTRA
from .process import ENV_SHAPE
from .running import MockControlError, RunningMock

if TYPE_CHECKING:
    from signalwire_sip import SipCredentials

__all__ = ["MockControlError", "RunningMock"]


@pytest.fixture(scope="session")
def signalwire_sip_mock_server(request: pytest.FixtureRequest) -> Iterator[RunningMock]:
    """One running SignalWire SIP credential mock for the session (not reset between tests),
    answering in the shape ``$SIGNALWIRE_SIP_MOCK_SHAPE`` or the ini option
    ``signalwire_sip_mock_shape`` names (``flat``, the default, or ``fabric``)."""
    try:
        from .server import MockServer
    except ModuleNotFoundError as missing:
        raise pytest.UsageError(
            f"the signalwire_sip_mock fixtures need {missing.name}, of the mock extra: {MOCK_EXTRA}"
        ) from None

    shape = os.environ.get(ENV_SHAPE) or request.config.getini(SHAPE) or "flat"
    if shape not in ("flat", "fabric"):
        raise pytest.UsageError(f"signalwire_sip_mock_shape is flat or fabric, not {shape!r}")
    with MockServer(shape=shape) as server:
        running = RunningMock(server.base_url, server.project, server.app, shape=shape)
        try:
            yield running
        finally:
            running.close()


CHECK_FAULTS = "signalwire_sip_mock_check_faults"
SHAPE = "signalwire_sip_mock_shape"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        SHAPE,
        "the shape the signalwire_sip_mock fixtures answer credentials in: flat (default) or "
        f"fabric (production as observed); {ENV_SHAPE} overrides it",
        default="",
    )
    parser.addini(
        CHECK_FAULTS,
        "fail a test whose faults injected into the signalwire_sip_mock fixture were not used up",
        type="bool",
        default=False,
    )


@pytest.fixture
def signalwire_sip_mock(
    signalwire_sip_mock_server: RunningMock, request: pytest.FixtureRequest
) -> Iterator[RunningMock]:
    """The session's mock, emptied for this test: no credentials, no journal, no faults. With
    ``signalwire_sip_mock_check_faults = true`` (ini), a fault the test left unused fails it."""
    signalwire_sip_mock_server.reset()
    yield signalwire_sip_mock_server
    if request.config.getini(CHECK_FAULTS):
        signalwire_sip_mock_server.assert_faults_used()


@pytest.fixture
def signalwire_sip_credentials(signalwire_sip_mock: RunningMock) -> Iterator[SipCredentials]:
    """A ``SipCredentials`` client of the (emptied) mock's project."""
    with signalwire_sip_mock.client() as client:
        yield client

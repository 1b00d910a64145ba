"""pytest plugin (entry point ``pytest11``): a fixture that runs the mock for a test.

``signalwire_sip_mock`` starts the mock on a free loopback port (a background thread of the
test process, in-memory store) and yields a ``RunningMock`` with its base URL, the project's
credentials and a ready client; the server stops after the test. Importing this module is
cheap: the server and the client load only when the fixture is used.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx
import pytest

if TYPE_CHECKING:
    from .app import MockApp, Project


@dataclass
class RunningMock:
    """A mock server a test can talk to."""

    base_url: str
    project: Project
    app: MockApp = field(repr=False)

    @property
    def project_id(self) -> str:
        return self.project.id

    @property
    def api_token(self) -> str:
        return self.project.token

    def client(self, **options: Any) -> Any:
        """A ``signalwire_sip.SipCredentials`` pointed at this server (close it when done)."""
        from signalwire_sip import SipCredentials

        return SipCredentials(
            base_url=self.base_url,
            project_id=self.project.id,
            api_token=self.project.token,
            **options,
        )

    def async_client(self, **options: Any) -> Any:
        """A ``signalwire_sip.AsyncSipCredentials`` pointed at this server."""
        from signalwire_sip import AsyncSipCredentials

        return AsyncSipCredentials(
            base_url=self.base_url,
            project_id=self.project.id,
            api_token=self.project.token,
            **options,
        )

    def reset(self) -> None:
        """Empty the store, the request journal and the pending faults."""
        httpx.post(f"{self.base_url}/__mock__/reset").raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        """What the server received so far, oldest first (credentials redacted)."""
        response = httpx.get(f"{self.base_url}/__mock__/requests")
        response.raise_for_status()
        entries: list[dict[str, Any]] = response.json()["requests"]
        return entries

    def inject_fault(
        self,
        status: int | None = None,
        *,
        count: int = 1,
        method: str | None = None,
        path: str | None = None,
        retry_after: int | None = None,
        delay_ms: int = 0,
        after: bool = False,
    ) -> None:
        """Make the next COUNT matching requests answer STATUS (and/or wait DELAY_MS); with AFTER,
        only once the request was carried out (its answer is lost, its effect is not)."""
        fault = {
            "status": status,
            "count": count,
            "method": method,
            "path": path,
            "retry_after": retry_after,
            "delay_ms": delay_ms,
            "after": after,
        }
        httpx.post(f"{self.base_url}/__mock__/faults", json=fault).raise_for_status()


@pytest.fixture
def signalwire_sip_mock() -> Iterator[RunningMock]:
    """A running SignalWire SIP credential mock (fresh and empty for each test)."""
    from .server import MockServer

    with MockServer() as server:
        yield RunningMock(server.base_url, server.project, server.app)

"""``RunningMock``: a running mock server as a test sees it (the pytest fixtures yield one).

It names the server (``base_url``, ``project_id``, ``api_token``), makes clients pointed at it,
and drives the test hooks under ``/__mock__/`` (see ``admin``): ``reset()``, ``requests()``,
``inject_fault()``, ``faults()``, ``assert_faults_used()``, ``seed()``, and the subscribers and
resources credentials point at: ``add_subscriber()``, ``add_resource()``, ``subscribers()``,
``resources()``, ``remove_subscriber()``, ``remove_resource()``. It imports neither pytest nor the client until a client is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # httpx loads only when a hook is called: importing the package (the CLI does) stays fast.
    import httpx

    from signalwire_sip import AsyncSipCredentials, RetryPolicy, SipCredentials

    from .app import MockApp
    from .journal import JournalEntry
    from .project import Project


class MockControlError(ValueError):
    """The mock refused a test-hook call (say, a fault it cannot inject); the message says why."""


class _FabricHooks:
    """The subscriber and resource hooks of ``RunningMock`` (``fabric_hooks.py``)."""

    def _hook(self, method: str, name: str, **kwargs: Any) -> httpx.Response:
        raise NotImplementedError

    def add_subscriber(
        self,
        id: str | None = None,
        *,
        email: str | None = None,
        display_name: str | None = None,
        project: str | None = None,
    ) -> dict[str, Any]:
        """Add a Fabric subscriber (a new uuid unless ID) to PROJECT (default: the first)."""
        data = {"id": id, "email": email, "display_name": display_name, "project": project}
        return self._added("subscribers", data)

    def add_resource(
        self,
        id: str | None = None,
        *,
        name: str | None = None,
        display_name: str | None = None,
        type: str | None = None,
        project: str | None = None,
    ) -> dict[str, Any]:
        """Add a Fabric resource (an AI agent unless TYPE says otherwise) to PROJECT."""
        data = {"id": id, "name": name, "display_name": display_name, "type": type}
        return self._added("resources", data | {"project": project})

    def subscribers(self, *, project: str | None = None) -> list[dict[str, Any]]:
        """The subscribers of PROJECT, oldest first (the spec's own first)."""
        return self._listed("subscribers", project)

    def resources(self, *, project: str | None = None) -> list[dict[str, Any]]:
        """The Fabric resources of PROJECT, oldest first (the spec's own first)."""
        return self._listed("resources", project)

    def remove_subscriber(self, id: str, *, project: str | None = None) -> None:
        """Remove a subscriber and its SIP credentials."""
        self._hook("DELETE", f"subscribers/{id}", params=_project(project))

    def remove_resource(self, id: str, *, project: str | None = None) -> None:
        """Remove a resource and the addresses assigned from it."""
        self._hook("DELETE", f"resources/{id}", params=_project(project))

    def _added(self, name: str, data: dict[str, Any]) -> dict[str, Any]:
        given = {k: v for k, v in data.items() if v is not None}
        added: dict[str, Any] = self._hook("POST", name, json=given).json()
        return added

    def _listed(self, name: str, project: str | None) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self._hook("GET", name, params=_project(project)).json()[name]
        return found


def _project(project: str | None) -> dict[str, str]:
    return {} if project is None else {"project": project}


@dataclass
class RunningMock(_FabricHooks):
    """A mock server a test can talk to."""

    base_url: str
    project: Project
    app: MockApp | None = field(default=None, repr=False)
    #: The mock's hook token, sent as ``Authorization: Bearer`` with every hook call, if it has one.
    hooks_token: str | None = field(default=None, repr=False)
    #: The shape it answers credentials in: ``flat`` (the seed) or ``fabric`` (production).
    shape: str = "flat"
    _control: httpx.Client | None = field(default=None, init=False, repr=False)

    @property
    def project_id(self) -> str:
        return self.project.id

    @property
    def api_token(self) -> str:
        return self.project.token

    def client(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        http_client: httpx.Client | None = None,
    ) -> SipCredentials:
        """A new ``SipCredentials`` pointed at this server as its project (close it when done)."""
        from signalwire_sip import SipCredentials

        return SipCredentials(
            **self._settings(),
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            http_client=http_client,
        )

    def async_client(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int = 2,
        retry: RetryPolicy | None = None,
        http_client: httpx.AsyncClient | None = None,
    ) -> AsyncSipCredentials:
        """A new ``AsyncSipCredentials`` pointed at this server (``await client.close()``)."""
        from signalwire_sip import AsyncSipCredentials

        return AsyncSipCredentials(
            **self._settings(),
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            http_client=http_client,
        )

    def _settings(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "project_id": self.project.id,
            "api_token": self.project.token,
        }

    def reset(self) -> None:
        """Empty the store, the request journal and the pending faults (every project keeps
        the spec's subscriber and resource)."""
        self._hook("POST", "reset")

    def requests(self) -> list[JournalEntry]:
        """What the server received so far, oldest first (credentials redacted)."""
        entries: list[JournalEntry] = self._hook("GET", "requests").json()["requests"]
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
        """Make the next COUNT requests that match METHOD and PATH (a prefix) answer STATUS.

        STATUS is any failure status (400 to 599) and comes with the error body SignalWire sends
        for it; RETRY_AFTER adds a ``Retry-After`` header (seconds). DELAY_MS waits first (alone,
        it only slows the request down). With AFTER, the request is carried out first and only
        its answer is replaced: a write that happened but whose response was lost. A fault the
        mock cannot inject raises ``MockControlError`` saying what is allowed.
        """
        fault = {
            "status": status,
            "count": count,
            "method": method,
            "path": path,
            "retry_after": retry_after,
            "delay_ms": delay_ms,
            "after": after,
        }
        self._hook("POST", "faults", json=fault)

    def faults(self) -> list[dict[str, Any]]:
        """The faults still pending (not yet used up), in the order they were added."""
        pending: list[dict[str, Any]] = self._hook("GET", "faults").json()["faults"]
        return pending

    def assert_faults_used(self) -> None:
        """Fail (AssertionError) when an injected fault was never used up: the test set up a
        failure its code never met (pytest-httpserver's ``check_assertions``, respx's
        ``assert_all_called``). The ``signalwire_sip_mock`` fixture calls it after each test
        when the ini option ``signalwire_sip_mock_check_faults`` is true."""
        pending = self.faults()
        if pending:
            raise AssertionError(f"faults injected but never used up: {pending}")

    def seed(self, count: int, *, project: str | None = None) -> int:
        """Store COUNT synthetic credentials in PROJECT (default: this mock's first project)."""
        data: dict[str, Any] = {"count": count}
        if project is not None:
            data["project"] = project
        seeded: int = self._hook("POST", "seed", json=data).json()["seeded"]
        return seeded

    def close(self) -> None:
        """Release the connection the test hooks use."""
        if self._control is not None:
            self._control.close()
            self._control = None

    def _hook(self, method: str, name: str, **kwargs: Any) -> httpx.Response:
        if self._control is None:
            import httpx

            headers = {"authorization": f"Bearer {self.hooks_token}"} if self.hooks_token else {}
            self._control = httpx.Client(
                base_url=f"{self.base_url}/__mock__/", timeout=30, headers=headers
            )
        response = self._control.request(method, name, **kwargs)
        if response.status_code >= 400:
            try:
                errors = response.json().get("errors") or []
                reason = "; ".join(item["message"] for item in errors) or response.text
            except (ValueError, AttributeError, KeyError, TypeError):
                reason = response.text
            raise MockControlError(f"the mock refused {method} /__mock__/{name}: {reason}")
        return response

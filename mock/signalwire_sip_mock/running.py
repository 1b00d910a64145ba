"""``RunningMock``: a running mock server as a test sees it (the pytest fixtures yield one, and
``RunningMock(base_url, project_id, api_token)`` attaches to one started elsewhere).

It names the server (``base_url``, ``project_id``, ``api_token``), makes clients pointed at it,
and drives the test hooks under ``/__mock__/`` (see ``admin``): ``reset()``, ``requests()``,
``inject_fault()``, ``faults()``, ``assert_faults_used()``, ``seed()``, and the subscribers and
resources credentials point at: ``add_subscriber()``, ``add_resource()``, ``subscribers()``,
``resources()``, ``remove_subscriber()``, ``remove_resource()``. It imports neither pytest nor the client until a client is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, overload

# Tiny and dependency-free: needed at run time to tell a Project from a project id.
from .project import Project

if TYPE_CHECKING:
    # httpx loads only when a hook is called: importing the package (the CLI does) stays fast.
    import httpx

    from signalwire_sip import AsyncSipCredentials, RetryPolicy, SipCredentials

    from .app import MockApp
    from .journal import JournalEntry


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


class _TestHooks(_FabricHooks):
    """The journal, fault and store hooks of ``RunningMock`` (``admin.py``)."""

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


SHAPES = ("flat", "fabric")


def _checked_url(base_url: object) -> str:
    """BASE_URL as the hooks and clients join paths to it (no trailing slash), or ValueError."""
    if not isinstance(base_url, str) or not base_url.startswith(("http://", "https://")):
        raise ValueError(f"base_url: an http:// or https:// URL of the mock, not {base_url!r}")
    host = base_url.split("://", 1)[1].split("/", 1)[0]
    if not host or "@" in host:  # credentials in the URL would end up in reprs and logs
        raise ValueError("base_url: a URL naming the mock's host (and port), without user info")
    return base_url.rstrip("/")


def _project_of(project: Project | str, app: object, api_token: str | None) -> Project:
    """The Project the arguments name: a Project, or a project id and its token (the third
    positional argument or ``api_token=``). Errors name the argument, never the token."""
    if isinstance(project, Project):
        if api_token is not None or isinstance(app, str):
            raise TypeError("api_token goes with a project id; a Project carries its own token")
        return project
    if not isinstance(project, str) or not project.strip():
        raise ValueError("project_id: a non-empty project id (or a Project), not empty")
    token = api_token if api_token is not None else app if isinstance(app, str) else None
    if not token:
        raise ValueError("api_token: the project's API token is needed with a project id")
    return Project(project, token)


@dataclass(init=False)
class RunningMock(_TestHooks):
    """A mock server a test can talk to: the fixtures yield one; for a mock started elsewhere
    (a CI service, ``signalwire-sip-mock`` in another shell), make one from its base URL and a
    project it serves: ``RunningMock("http://127.0.0.1:8080", project_id, api_token)``."""

    base_url: str
    project: Project
    app: MockApp | None = field(default=None, repr=False)
    #: The mock's hook token, sent as ``Authorization: Bearer`` with every hook call, if it has one.
    hooks_token: str | None = field(default=None, repr=False)
    #: The shape it answers credentials in: ``flat`` (the seed) or ``fabric`` (production).
    shape: str = "flat"
    _control: httpx.Client | None = field(default=None, init=False, repr=False)

    @overload
    def __init__(
        self,
        base_url: str,
        project: Project,
        app: MockApp | None = None,
        hooks_token: str | None = None,
        shape: str = "flat",
    ) -> None: ...

    @overload
    def __init__(
        self,
        base_url: str,
        project: str,
        api_token: str,
        /,
        *,
        hooks_token: str | None = None,
        shape: str = "flat",
    ) -> None: ...

    @overload
    def __init__(
        self,
        base_url: str,
        project: str,
        *,
        api_token: str,
        hooks_token: str | None = None,
        shape: str = "flat",
    ) -> None: ...

    def __init__(
        self,
        base_url: str,
        project: Project | str,
        app: MockApp | str | None = None,
        hooks_token: str | None = None,
        shape: str = "flat",
        *,
        api_token: str | None = None,
    ) -> None:
        if shape not in SHAPES:
            raise ValueError(f"shape: flat or fabric, not {shape!r}")
        self.base_url = _checked_url(base_url)
        self.project = _project_of(project, app, api_token)
        self.app = None if isinstance(app, str) else app
        self.hooks_token, self.shape = hooks_token, shape
        self._control = None

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

"""Run the mock under uvicorn: in the foreground (the CLI) or on a background thread (tests)."""

from __future__ import annotations

import secrets
import socket
import threading
import time
import uuid
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import uvicorn

from .admin import HookAccess
from .app import MockApp, Project, create_app
from .limits import MAX_CONNECTIONS, MAX_HEAD_BYTES, Timeouts
from .protocol import GuardedHttpToolsProtocol


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (and somebody may take before you bind it: the
    mock itself binds port 0 and reports the port it got, see MockServer and MockProcess)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def demo_project() -> Project:
    """A project with a fresh random id and token."""
    return Project(str(uuid.uuid4()), "PT" + secrets.token_hex(24))


def uvicorn_config(
    app: MockApp,
    host: str,
    port: int,
    *,
    http: str = "auto",
    timeouts: Timeouts | None = None,
    **overrides: Any,
) -> uvicorn.Config:
    """The uvicorn settings the mock runs with: the fast loop, httptools behind the mock's
    limits (protocol.py; HTTP "h11" is uvicorn's h11 with its head capped at the same size), no
    access log of its own."""
    timeouts = timeouts or Timeouts()
    protocol: Any = "h11" if http == "h11" else GuardedHttpToolsProtocol.with_timeouts(timeouts)
    settings: dict[str, Any] = {
        "host": host,
        "port": port,
        "loop": "auto",
        "http": protocol,
        "h11_max_incomplete_event_size": MAX_HEAD_BYTES,
        "timeout_keep_alive": timeouts.keep_alive,
        "limit_concurrency": MAX_CONNECTIONS,
        # uvicorn's reading of X-Forwarded-* costs ~5 % of a GET's time (make bench) and
        # rewrites every request; the mock reads them itself, for list links only (origin.py).
        # The answers do not name uvicorn.
        "proxy_headers": False,
        "server_header": False,
        "lifespan": "on",
        "access_log": False,
        "log_config": None,
        "timeout_graceful_shutdown": 5,
    }
    return uvicorn.Config(app, **(settings | overrides))


@dataclass
class MockServer:
    """The mock on a background thread of this process, on a free loopback port.

    Use as a context manager: ``with MockServer() as mock: ... mock.base_url ...``.
    """

    projects: list[Project] = field(default_factory=lambda: [demo_project()])
    host: str = "127.0.0.1"
    port: int = 0
    db: str | None = None
    hooks_token: str | None = field(default=None, repr=False)
    timeouts: Timeouts = field(default_factory=Timeouts)
    #: How credentials are answered: ``flat`` (the seed) or ``fabric`` (production, observed).
    shape: str = "flat"
    #: The front it runs behind (``https://front:8443``): what its list links name.
    public_url: str | None = None

    def __post_init__(self) -> None:
        hooks = HookAccess.for_host(self.host, self.hooks_token)
        self.app = create_app(self.projects, self.db, hooks, self.shape, self.public_url)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def project(self) -> Project:
        """The first project: the one tests usually act as."""
        return self.projects[0]

    def start(self, timeout: float = 10.0) -> MockServer:
        # Port 0 is bound as it is: the system picks a free port at bind time, read back below.
        config = uvicorn_config(self.app, self.host, self.port, timeouts=self.timeouts)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, name="signalwire-sip-mock", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the mock server did not start on {self.base_url}")
            time.sleep(0.005)
        if self.port == 0:
            self.port = int(self._server.servers[0].sockets[0].getsockname()[1])
        return self

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=10)
        self._server = self._thread = None

    def __enter__(self) -> MockServer:
        return self.start()

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.stop()

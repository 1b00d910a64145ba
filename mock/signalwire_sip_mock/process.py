"""The mock as a child process: the one way the gate, the benchmarks and the tests launch it.

``MockProcess`` runs ``signalwire-sip-mock`` (by default ``python -m signalwire_sip_mock.cli``
with this interpreter) on port 0, so the operating system picks a free port at bind time and
nothing can take it in between; the port is read back from the banner the mock prints once it
listens. ``MockServer`` (server.py) is the same mock on a thread of this process.
"""

from __future__ import annotations

import os
import re
import selectors
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from types import TracebackType
from typing import IO, Any

from .project import Project

# The hook token reaches the CLI here when --hooks-token is not given (a command line shows in `ps`).
ENV_HOOKS_TOKEN = "SIGNALWIRE_SIP_MOCK_HOOKS_TOKEN"
#: The shape a mock answers credentials in when none is given (``--shape``): flat or fabric.
ENV_SHAPE = "SIGNALWIRE_SIP_MOCK_SHAPE"
_BASE_URL = re.compile(r"^\s*base URL\s+(https?://\S+)$", re.MULTILINE)
_EXPORT = re.compile(r"^\s*export (SIGNALWIRE_\w+)=(\S+)", re.MULTILINE)
_BANNER_END = "SIGNALWIRE_API_TOKEN"


class MockProcess:
    """``signalwire-sip-mock`` in a child process; ``with MockProcess(...) as mock: mock.base_url``.

    PROJECTS are the projects it serves (default: a demo project it makes, read back from its
    banner as ``project``). OPTIONS are further command-line options (``--http h11``);
    COMMAND replaces the program (an installed console script, say). STDERR is where its log
    goes (default: this process's stderr). HOOKS_TOKEN closes the test hooks to all but its
    holder; it reaches the child through its environment, never its command line.
    PUBLIC_URL is the front it runs behind: its list links name that scheme and host.
    """

    def __init__(
        self,
        projects: Sequence[Project] = (),
        *,
        db: str | os.PathLike[str] | None = None,
        host: str = "127.0.0.1",
        log_level: str = "warning",
        options: Sequence[str] = (),
        command: Sequence[str] | None = None,
        stderr: int | IO[Any] | None = None,
        cwd: str | os.PathLike[str] | None = None,
        hooks_token: str | None = None,
        shape: str | None = None,
        public_url: str | None = None,
    ) -> None:
        program = list(command or [sys.executable, "-m", "signalwire_sip_mock.cli"])
        self.args = [*program, "--host", host, "--port", "0", "--log-level", log_level]
        for project in projects:
            self.args += ["--project", f"{project.id}:{project.token}"]
        if db is not None:
            self.args += ["--db", os.fspath(db)]
        if shape is not None:  # else the child's default: $SIGNALWIRE_SIP_MOCK_SHAPE, or flat
            self.args += ["--shape", shape]
        if public_url is not None:
            self.args += ["--public-url", public_url]
        self.args += options
        self.projects = list(projects)
        self._stderr, self._cwd = stderr, cwd
        self.hooks_token = hooks_token
        self.process: subprocess.Popen[bytes] | None = None
        self.banner = ""
        self.base_url = ""

    def __repr__(self) -> str:
        return f"MockProcess({self.base_url or 'not started'!r})"

    @property
    def port(self) -> int:
        return int(self.base_url.rsplit(":", 1)[1])

    @property
    def project(self) -> Project:
        """The first project: the one given first, or the demo project the banner names."""
        if self.projects:
            return self.projects[0]
        exports = dict(_EXPORT.findall(self.banner))
        return Project(exports["SIGNALWIRE_PROJECT_ID"], exports["SIGNALWIRE_API_TOKEN"])

    def start(self, timeout: float = 30.0) -> MockProcess:
        """Start the process and return once it listens (its banner is out); RuntimeError if
        it exits or stays silent for TIMEOUT seconds."""
        self.process = subprocess.Popen(
            self.args,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=self._cwd,
            env=self._environment(),
        )
        try:
            self.banner = _read_banner(self.process, timeout)
        except BaseException:
            self.stop()
            raise
        found = _BASE_URL.search(self.banner)
        if found is None:
            self.stop()
            raise RuntimeError(f"the mock printed no base URL:\n{self.banner}")
        self.base_url = found.group(1)
        return self

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        env.pop(ENV_HOOKS_TOKEN, None)
        if self.hooks_token:
            env[ENV_HOOKS_TOKEN] = self.hooks_token
        return env

    def stop(self, timeout: float = 10.0) -> int | None:
        """Stop it (SIGTERM, then SIGKILL after TIMEOUT seconds); its exit code."""
        process = self.process
        if process is None:
            return None
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout is not None:
            process.stdout.close()
        return process.returncode

    def kill(self) -> None:
        """End it at once, as a crash would (SIGKILL: no shutdown, nothing flushed)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def __enter__(self) -> MockProcess:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def _read_banner(process: subprocess.Popen[bytes], timeout: float) -> str:
    """What the mock prints on stdout up to its last export line (it prints nothing after)."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    banner = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while _BANNER_END.encode() not in banner or not banner.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"the mock did not start within {timeout}s")
            if not selector.select(timeout=min(left, 0.5)):
                continue
            # Unbuffered reads: a buffered reader could hold lines the selector cannot see.
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                process.wait(timeout=5)
                raise RuntimeError(f"the mock exited with code {process.returncode}")
            banner += chunk
    return banner.decode()


def wait_until_healthy(
    base_url: str, process: subprocess.Popen[Any] | None = None, timeout: float = 20.0
) -> None:
    """Return once ``BASE_URL/__mock__/health`` answers 200 (for a mock started elsewhere);
    RuntimeError when PROCESS exits or TIMEOUT passes first."""
    import urllib.request  # here: the mock's CLI imports this package, and this costs it ~10 ms

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the mock server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/__mock__/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"the mock server at {base_url} did not answer within {timeout}s")

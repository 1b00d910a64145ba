"""``signalwire-sip-contract``: the contract gate.

``signalwire-sip-contract mock`` starts the mock server in its own process on a free loopback
port, runs schemathesis with the spec against it (settings in schemathesis.toml), stops the
server whatever happens, and fails when schemathesis fails or when a link the spec declares
was never followed by the stateful phase.

``signalwire-sip-contract sandbox`` runs the positive and stateful phases against a real
project (SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN): rate-limited, every
username marked with a run id, and every credential it created deleted at the end.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .spec import load_spec, spec_path

COLLECTION = "/api/fabric/resources/sip_endpoints"


def declared_links(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(source operation "METHOD path", link name) for every link the spec declares."""
    links = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for response in operation["responses"].values():
                for name in response.get("links", {}):
                    links.append((f"{method.upper()} {path}", name))
    return links


def uncovered_links(document: dict[str, Any], covered: list[str]) -> list[str]:
    """Declared links that no applied transition id names (ids read "SOURCE -> [status] NAME -> TARGET")."""
    missing = []
    for source, name in declared_links(document):
        if not any(t.startswith(source + " ") and f"] {name} ->" in t for t in covered):
            missing.append(f"{source} -> {name}")
    return missing


# Running schemathesis ------------------------------------------------------------------


def run_schemathesis(
    base_url: str,
    project_id: str,
    token: str,
    reports: Path,
    extra: list[str],
    env: dict[str, str] | None = None,
) -> tuple[int, list[str]]:
    """Run the schemathesis CLI; its exit code and the declared links it covered."""
    reports.mkdir(parents=True, exist_ok=True)
    links_report = reports / "links.json"
    links_report.unlink(missing_ok=True)
    child_env = (
        dict(os.environ)
        | (env or {})
        | {
            # Credentials reach schemathesis through the environment (schemathesis.toml reads them),
            # never through the command line, where `ps` would show them.
            "SIGNALWIRE_PROJECT_ID": project_id,
            "SIGNALWIRE_API_TOKEN": token,
            "SIGNALWIRE_SIP_LINKS_REPORT": str(links_report),
        }
    )
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "--config-file",
        str(config_file()),
        "run",
        str(spec_path()),
        "--url",
        base_url,
        *extra,
    ]
    started = time.monotonic()
    code = subprocess.run(command, env=child_env, check=False).returncode
    print(f"schemathesis finished in {time.monotonic() - started:.1f}s with exit code {code}")
    covered = json.loads(links_report.read_text())["covered"] if links_report.exists() else []
    return code, covered


def config_file() -> Path:
    """schemathesis.toml: the current folder's (a project's own), else the one shipped with this
    package (inside the wheel, or at the root of a source checkout)."""
    candidates = (
        Path.cwd() / "schemathesis.toml",
        Path(__file__).with_name("schemathesis.toml"),
        Path(__file__).resolve().parents[2] / "schemathesis.toml",
    )
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("no schemathesis.toml in the current folder or beside this package")


# The mock as a child process ----------------------------------------------------------


@contextmanager
def mock_process(port: int, project_id: str, token: str, db: str | None = None) -> Iterator[str]:
    """Run the mock server in a child process; yield its base URL; always stop it."""
    command = [
        sys.executable,
        "-m",
        "signalwire_sip_mock.cli",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--project",
        f"{project_id}:{token}",
        "--log-level",
        "warning",
    ]
    if db:
        command += ["--db", db]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(base_url, process)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_healthy(
    base_url: str, process: subprocess.Popen[bytes] | None = None, timeout: float = 20.0
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the mock server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/__mock__/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the mock server at {base_url} did not answer within {timeout}s")


# Talking to a space (for the sandbox clean-up) -----------------------------------------


class Space:
    """Minimal HTTP access to a space for listing and deleting what a run created.

    Deliberately not the typed client: the clean-up must work even where the real API
    disagrees with the spec under test (it needs nothing but ``id`` and ``username``).
    """

    def __init__(self, base_url: str, project_id: str, token: str) -> None:
        self.base_url = base_url
        self._auth = "Basic " + base64.b64encode(f"{project_id}:{token}".encode()).decode()

    def __repr__(self) -> str:
        return f"Space({self.base_url!r})"

    def request(self, method: str, url: str) -> tuple[int, Any]:
        request = urllib.request.Request(url, method=method, headers={"Authorization": self._auth})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                body = response.read()
                return response.status, json.loads(body) if body else None
        except urllib.error.HTTPError as error:
            return error.code, None

    def all_credentials(self) -> Iterator[dict[str, Any]]:
        url: str | None = f"{self.base_url}{COLLECTION}?page_size=1000"
        while url:
            status, page = self.request("GET", url)
            if status != 200:
                raise RuntimeError(f"listing credentials answered {status}")
            yield from page["data"]
            url = page["links"].get("next")

    def delete(self, credential_id: str) -> int:
        return self.request("DELETE", f"{self.base_url}{COLLECTION}/{credential_id}")[0]


# Commands ------------------------------------------------------------------------------


def gate_mock(args: argparse.Namespace) -> int:
    from .server import free_port

    project_id, token = "11111111-2222-4333-8444-555555555555", "PT" + secrets.token_hex(16)
    reports = Path(args.reports)
    with mock_process(args.port or free_port(), project_id, token) as base_url:
        print(f"contract gate: mock server at {base_url}")
        code, covered = run_schemathesis(
            base_url, project_id, token, reports, args.schemathesis_args
        )
    return verdict(code, covered)


def verdict(code: int, covered: list[str]) -> int:
    document = load_spec()
    missing = uncovered_links(document, covered)
    total = len(declared_links(document))
    print(f"declared links covered by the stateful phase: {total - len(missing)}/{total}")
    for link in missing:
        print(f"  not covered: {link}")
    if code != 0:
        print("contract gate FAILED: schemathesis reported failures")
        return code
    if missing:
        print("contract gate FAILED: the stateful phase did not follow every declared link")
        return 1
    print("contract gate passed")
    return 0


def gate_sandbox(args: argparse.Namespace) -> int:
    # The space-to-URL rule and the variable names are the client's; this tool shares its wheel.
    from signalwire_sip._config import ENV_API_TOKEN, ENV_PROJECT_ID, ENV_SPACE, base_url_for_space

    missing = [n for n in (ENV_SPACE, ENV_PROJECT_ID, ENV_API_TOKEN) if not os.environ.get(n)]
    if missing:
        print(f"contract-sandbox needs {', '.join(missing)} in the environment", file=sys.stderr)
        return 2
    base_url = base_url_for_space(os.environ[ENV_SPACE])
    project_id, token = os.environ["SIGNALWIRE_PROJECT_ID"], os.environ["SIGNALWIRE_API_TOKEN"]
    run_id = f"swsip-{secrets.token_hex(4)}-"
    workdir = Path(tempfile.mkdtemp(prefix="contract-sandbox-"))
    created_log = workdir / "created.txt"
    space = Space(base_url, project_id, token)
    print(
        f"contract-sandbox: {base_url}, run id {run_id!r} (every username it sends starts with it)"
    )
    extra = [
        "--phases",
        "examples,fuzzing,stateful",
        "--mode",
        "positive",
        "--rate-limit",
        args.rate_limit,
        "--max-examples",
        str(args.max_examples),
        # schemathesis harvests ids from list responses and aims updates and deletes at them;
        # the hooks redirect those (credentials this run did not create) to fresh ids, so the
        # 404 they get is by design, not a created resource gone missing.
        "--exclude-checks",
        "ensure_resource_availability",
        *args.schemathesis_args,
    ]
    code, covered = 1, list[str]()
    try:
        code, covered = run_schemathesis(
            base_url,
            project_id,
            token,
            Path(args.reports),
            extra,
            env={"SIGNALWIRE_SIP_RUN_ID": run_id, "SIGNALWIRE_SIP_CREATED_LOG": str(created_log)},
        )
    finally:
        cleanup(space, run_id, created_log)
        shutil.rmtree(workdir, ignore_errors=True)
    return verdict(code, covered)


def cleanup(space: Space, run_id: str, created_log: Path) -> None:
    """Delete what this run created: the ids it recorded, and any credential carrying its mark."""
    created = set(created_log.read_text().split()) if created_log.exists() else set()
    try:
        marked = {
            c["id"]
            for c in space.all_credentials()
            if str(c.get("username", "")).startswith(run_id)
        }
    except (RuntimeError, OSError) as error:
        print(f"could not list credentials to find marked leftovers: {error}")
        marked = set()
    targets = sorted(created | marked)
    print(f"created by this run: {len(created)} credential(s)")
    removed = 0
    for credential_id in targets:
        status = space.delete(credential_id)
        if status in (204, 404):
            removed += status == 204
            print(
                f"  removed {credential_id}" if status == 204 else f"  already gone {credential_id}"
            )
        else:
            print(f"  could NOT remove {credential_id}: {status}")
    print(f"removed {removed} credential(s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="signalwire-sip-contract",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    mock = commands.add_parser("mock", help="run the gate against the embedded mock server")
    mock.add_argument("--port", type=int, default=0, help="port for the mock (default: a free one)")
    sandbox = commands.add_parser("sandbox", help="run the safe subset against a real project")
    sandbox.add_argument(
        "--rate-limit", default="5/s", help="requests allowed, as LIMIT/DURATION (default 5/s)"
    )
    sandbox.add_argument(
        "--max-examples", type=int, default=10, help="cases per operation (default 10)"
    )
    for command in (mock, sandbox):
        command.add_argument("--reports", default="reports/contract", help="where reports go")
        command.add_argument(
            "schemathesis_args", nargs="*", help="passed to `schemathesis run` after --"
        )
    args = parser.parse_args(argv)
    return gate_mock(args) if args.command == "mock" else gate_sandbox(args)


if __name__ == "__main__":
    sys.exit(main())

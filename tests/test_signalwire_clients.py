"""SignalWire's own clients against the mock: its Python SDK (``signalwire-sdk`` 3.7.5) and its
CLI (``swsh`` 3.0.2, the ``sw`` command), installed from the registry at the versions
requirements/signalwire-sdk.txt and requirements/swsh.txt pin, each into a venv of its own under
.cache/signalwire-clients/ (swsh needs signalwire-sdk<3.1, so one venv cannot hold both), made
once and reused while its requirements file is unchanged. Every SIP credential operation each
client has is driven in a subprocess of that venv against a mock in the production shape
(``fabric``), the one both clients read. docs/signalwire-clients.md says what each client sends.

The SDK reaches a loopback host over plain http. The CLI builds ``https://<space>`` and nothing
else, so its tests need the mock's ``--tls``; they skip, saying so, on a mock without it (and
the tests of the resources and subscribers lists skip while the mock answers them 404).
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import uuid
import venv
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from signalwire_sip_mock import MockProcess, MockServer, Project

from .helpers import RESOURCE_ID, ROOT

pytestmark = pytest.mark.slow
CACHE = ROOT / ".cache" / "signalwire-clients"
REQUIREMENTS = ROOT / "requirements"
SUBSCRIBER = "d369a402-7b43-4512-8735-9d5e1f387814"  # every fresh project holds it (docs/mock.md)
SUBSCRIBER_CREDENTIAL = "bob-desk"
PASSWORD = "Pw-" + uuid.uuid4().hex  # a secret: asserted absent from every answer


def client_venv(name: str, requirements: Path) -> Path:
    """CACHE/NAME-pyX.Y with REQUIREMENTS installed; reused while the file and the Python are
    the same. One per Python version, so two versions never rebuild each other's; a lock keeps
    two xdist workers from building one at once."""
    where = CACHE / f"{name}-py{sys.version_info.major}.{sys.version_info.minor}"
    stamp = where / ".installed"
    wanted = f"{sys.version}\n{requirements.read_text()}"
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(f"{where}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if stamp.exists() and stamp.read_text() == wanted:
            return where
        # uv (pinned in the dev venv, as nox uses it) when there: from an empty cache it makes
        # the CLI's venv in 14 s where pip took 49 s, on a fresh CI machine every run.
        uv = Path(sys.executable).with_name("uv")
        if uv.exists():
            shutil.rmtree(where, ignore_errors=True)
            subprocess.run(
                [str(uv), "venv", "-q", "--python", sys.executable, str(where)], check=True
            )
            install = [str(uv), "pip", "install", "-q", "--python", str(where / "bin" / "python")]
        else:
            venv.create(where, with_pip=True, clear=True)
            python = str(where / "bin" / "python")
            install = [python, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
        done = subprocess.run(
            [*install, "-r", str(requirements)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        if done.returncode != 0:  # say what pip said (no network? a pin gone from the index?)
            raise RuntimeError(f"could not install {requirements}:\n{done.stderr[-4000:]}")
        stamp.write_text(wanted)
    return where


@pytest.fixture(scope="session")
def sdk_python() -> Path:
    return client_venv("sdk", REQUIREMENTS / "signalwire-sdk.txt") / "bin" / "python"


@pytest.fixture(scope="session")
def sw() -> Path:
    return client_venv("cli", REQUIREMENTS / "swsh.txt") / "bin" / "sw"


# --- the SDK ------------------------------------------------------------------------------------

# Runs in the SDK's venv: each call is [dotted method of RestClient, args, kwargs]; prints a JSON
# list with {"ok": value} or {"status": ..., "body": ...} (its SignalWireRestError) for each.
DRIVER = """
import json, sys
from signalwire.rest import RestClient
from signalwire.rest._base import SignalWireRestError
client, out = RestClient(), []
for path, args, kwargs in json.load(sys.stdin):
    target = client
    for part in path.split("."):
        target = getattr(target, part)
    try:
        value = target(*args, **kwargs)
        out.append({"ok": value if isinstance(value, (dict, list)) else list(value)})
    except SignalWireRestError as error:
        out.append({"status": error.status_code, "body": error.body})
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def mock() -> Iterator[MockServer]:
    project = Project(str(uuid.uuid4()), "sdk-" + uuid.uuid4().hex)
    with MockServer(projects=[project], shape="fabric") as server:
        yield server


Call = tuple[str, Sequence[Any], dict[str, Any]]


def sdk(python: Path, mock: MockServer, *calls: Call, token: str | None = None) -> list[Any]:
    """CALLS made by the SDK, configured as its docs say (the three SIGNALWIRE_* variables, the
    space a loopback host:port); each call's outcome. TOKEN replaces the project's."""
    env = dict(
        os.environ,
        SIGNALWIRE_SPACE=urlsplit(mock.base_url).netloc,
        SIGNALWIRE_PROJECT_ID=mock.project.id,
        SIGNALWIRE_API_TOKEN=token or mock.project.token,
    )
    done = subprocess.run(
        [str(python), "-c", DRIVER],
        input=json.dumps(calls),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout
    outcomes: list[Any] = json.loads(done.stdout)
    return outcomes


def create_call(username: str, **fields: Any) -> Call:
    """The SDK's create: eight keyword arguments it requires (None ones it leaves out of the
    body), the write-only password through its ``extras`` door."""
    arguments = {
        "username": username,
        "caller_id": f"{username} desk",
        "send_as": username,
        "ciphers": ["AES_CM_128_HMAC_SHA1_80"],
        "codecs": ["OPUS", "PCMU"],
        "encryption": "optional",
        "call_handler": "default",
        "calling_handler_resource_id": None,
        "extras": {"password": PASSWORD},
    }
    return "fabric.sip_endpoints.create", [], arguments | fields


def fresh() -> str:
    return f"sw-{uuid.uuid4().hex[:10]}"


def test_the_sdk_creates_gets_updates_and_deletes(sdk_python: Path, mock: MockServer) -> None:
    username = fresh()
    [created] = sdk(sdk_python, mock, create_call(username))
    endpoint = created["ok"]
    rid, inner = endpoint["id"], endpoint["sip_endpoint"]["id"]
    assert endpoint["type"] == "sip_endpoint" and endpoint["display_name"] == username
    assert endpoint["sip_endpoint"]["username"] == username
    assert endpoint["sip_endpoint"]["codecs"] == ["OPUS", "PCMU"]
    got, updated, again, by_inner, deleted, gone = sdk(
        sdk_python,
        mock,
        ("fabric.sip_endpoints.get", [rid], {}),
        ("fabric.sip_endpoints.update", [rid], {"caller_id": "front desk"}),  # a partial PUT
        ("fabric.sip_endpoints.get", [rid], {}),
        ("fabric.sip_endpoints.get", [inner], {}),  # paths take the resource's id, not this
        ("fabric.sip_endpoints.delete", [rid], {}),
        ("fabric.sip_endpoints.get", [rid], {}),
    )
    assert got["ok"] == endpoint
    assert updated["ok"]["sip_endpoint"]["caller_id"] == "front desk"
    assert updated["ok"]["sip_endpoint"]["send_as"] == username  # what the PUT left out stays
    assert again["ok"] == updated["ok"]
    assert by_inner == {"status": 404, "body": {"error": "Not Found"}}
    assert deleted == {"ok": {}}  # 204, which the SDK returns as {}
    assert gone == {"status": 404, "body": {"error": "Not Found"}}


def test_the_sdk_lists_a_page_and_pages_through_links_next(
    sdk_python: Path, mock: MockServer
) -> None:
    names = {fresh() for _ in range(3)}
    sdk(sdk_python, mock, *(create_call(name) for name in names))
    page, walked = sdk(
        sdk_python,
        mock,
        ("fabric.sip_endpoints.list", [], {"page_size": 2}),
        # paginate() follows links.next: it reads the next link's query and asks the same path
        ("fabric.sip_endpoints.paginate", [], {"page_size": 2}),
    )
    assert len(page["ok"]["data"]) == 2 and "page_token=" in page["ok"]["links"]["next"]
    rows = walked["ok"]
    usernames = [row["sip_endpoint"]["username"] for row in rows]
    assert names <= set(usernames) and len(usernames) == len(set(usernames))
    total = httpx.get(
        mock.base_url + "/api/fabric/resources/sip_endpoints",
        params={"page_size": 1000},
        auth=(mock.project.id, mock.project.token),
    ).json()["data"]
    assert len(rows) == len(total)


def test_the_sdk_lists_a_credentials_addresses(sdk_python: Path, mock: MockServer) -> None:
    username = fresh()
    [created] = sdk(sdk_python, mock, create_call(username))
    rid = created["ok"]["id"]
    # The SDK has no call for the assignment: made here through the API the mock serves.
    assigned = httpx.post(
        f"{mock.base_url}/api/fabric/resources/{RESOURCE_ID}/sip_endpoints",
        json={"sip_endpoint_id": rid},
        auth=(mock.project.id, mock.project.token),
    )
    assert assigned.status_code == 200, assigned.text
    [addresses] = sdk(sdk_python, mock, ("fabric.sip_endpoints.list_addresses", [rid], {}))
    [address] = addresses["ok"]["data"]
    assert address["channels"]["audio"] == f"/public/{username}?channel=audio"


def test_the_sdk_drives_a_subscribers_sip_endpoints(sdk_python: Path, mock: MockServer) -> None:
    username = fresh()
    subscriber = "fabric.subscribers"
    listed, created = sdk(
        sdk_python,
        mock,
        (f"{subscriber}.list_sip_endpoints", [SUBSCRIBER], {}),
        (
            f"{subscriber}.create_sip_endpoint",
            [SUBSCRIBER],
            {"username": username, "password": PASSWORD},
        ),
    )
    assert SUBSCRIBER_CREDENTIAL in [row["username"] for row in listed["ok"]["data"]]
    cid = created["ok"]["id"]
    assert created["ok"]["username"] == username and "password" not in created["ok"]
    got, updated, deleted, gone, after = sdk(
        sdk_python,
        mock,
        (f"{subscriber}.get_sip_endpoint", [SUBSCRIBER, cid], {}),
        (f"{subscriber}.update_sip_endpoint", [SUBSCRIBER, cid], {"caller_id": "Carol"}),  # PATCH
        (f"{subscriber}.delete_sip_endpoint", [SUBSCRIBER, cid], {}),
        (f"{subscriber}.get_sip_endpoint", [SUBSCRIBER, cid], {}),
        (f"{subscriber}.list_sip_endpoints", [SUBSCRIBER], {}),
    )
    assert got["ok"] == created["ok"]
    assert updated["ok"]["caller_id"] == "Carol" and updated["ok"]["username"] == username
    assert deleted == {"ok": {}}
    assert gone["status"] == 404
    assert username not in [row["username"] for row in after["ok"]["data"]]


def test_the_sdk_sees_the_rule_and_a_wrong_token_as_signalwire_answers_them(
    sdk_python: Path, mock: MockServer
) -> None:
    # The SDK drops a None calling_handler_resource_id from the body, so "resource" goes alone.
    [refused] = sdk(sdk_python, mock, create_call(fresh(), call_handler="resource"))
    assert refused["status"] == 422
    assert "calling_handler_resource_id" in [e["attribute"] for e in refused["body"]["errors"]]
    [unauthorized] = sdk(sdk_python, mock, ("fabric.sip_endpoints.list", [], {}), token="wrong")
    assert unauthorized == {"status": 401, "body": {"error": "Unauthorized"}}


def served(mock_url: str, path: str, auth: tuple[str, str], **tls: Any) -> bool:
    return httpx.get(mock_url + path, auth=auth, **tls).status_code != 404


FINDERS = (
    "GET /api/fabric/resources{,/subscribers} answers 404: this mock does not serve the lists yet"
)


def test_the_sdk_finds_ids_in_the_fabric_resources_and_subscribers_lists(
    sdk_python: Path, mock: MockServer
) -> None:
    auth = (mock.project.id, mock.project.token)
    if not served(mock.base_url, "/api/fabric/resources", auth):
        pytest.skip(FINDERS)
    resources, subscribers = sdk(
        sdk_python,
        mock,
        ("fabric.resources.list", [], {}),
        ("fabric.subscribers.list", [], {}),
    )
    assert RESOURCE_ID in [row["id"] for row in resources["ok"]["data"]]
    assert SUBSCRIBER in [row["id"] for row in subscribers["ok"]["data"]]


# --- the CLI ------------------------------------------------------------------------------------

_TLS: list[bool] = []


def tls_offered() -> bool:
    """Whether ``signalwire-sip-mock --help`` lists ``--tls`` (asked once, when a test needs it)."""
    if not _TLS:
        shown = subprocess.run(
            [sys.executable, "-m", "signalwire_sip_mock.cli", "--help"],
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        _TLS.append("--tls" in shown)
    return _TLS[0]


# A string condition: evaluated when a marked test is set up, so collecting this module (as
# `make quick` does, to deselect it) never starts the mock's CLI.
needs_tls = pytest.mark.skipif(
    "not tls_offered()",
    reason="sw speaks only https (swsh/config.py, Profile.base_url); "
    "this signalwire-sip-mock has no --tls",
)


class TlsMock:
    """A fabric-shaped ``signalwire-sip-mock --tls`` and the CA file its banner says to trust."""

    def __init__(self, process: MockProcess) -> None:
        self.process = process
        found = re.search(r"SSL_CERT_FILE=(\S+)", process.banner)
        assert found is not None, f"the banner names no CA file:\n{process.banner}"
        self.ca_file = found.group(1)
        self.base_url, self.project = process.base_url, process.project
        assert self.base_url.startswith("https://"), self.base_url

    def api(self, method: str, path: str, **options: Any) -> httpx.Response:
        auth = (self.project.id, self.project.token)
        trust = ssl.create_default_context(cafile=self.ca_file)
        with httpx.Client(base_url=self.base_url, verify=trust, auth=auth) as client:
            return client.request(method, path, **options)


@pytest.fixture(scope="module")
def tls_mock() -> Iterator[TlsMock]:
    project = Project(str(uuid.uuid4()), "cli-" + uuid.uuid4().hex)
    with MockProcess([project], shape="fabric", options=["--tls"]) as process:
        yield TlsMock(process)


@pytest.fixture
def run_sw(sw: Path, tls_mock: TlsMock, tmp_path: Path) -> Any:
    """``sw ARGS --json`` as a CI job would run it: credentials in the three SIGNALWIRE_*
    variables, the mock's CA in SSL_CERT_FILE (sw's httpx reads it), a home and a
    config directory of its own (no stored profile, no .env); the parsed output, or the failed
    process when EXIT is not 0."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SIGNALWIRE_SPACE": urlsplit(tls_mock.base_url).netloc,
        "SIGNALWIRE_PROJECT_ID": tls_mock.project.id,
        "SIGNALWIRE_API_TOKEN": tls_mock.project.token,
        "SSL_CERT_FILE": tls_mock.ca_file,
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }

    def run(*args: str, exit: int = 0) -> Any:
        done = subprocess.run(
            [str(sw), *args, "--json"],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == exit, done.stdout + done.stderr
        assert PASSWORD not in done.stdout + done.stderr
        return json.loads(done.stdout) if exit == 0 else done

    return run


@needs_tls
def test_the_cli_creates_lists_gets_updates_and_deletes(run_sw: Any) -> None:
    username = fresh()
    created = run_sw(
        "sip", "create", "--set", f"username={username}", "--set", f"password={PASSWORD}"
    )
    rid = created["id"]
    assert created["sip_endpoint"]["username"] == username
    assert rid in [row["id"] for row in run_sw("sip", "list", "--limit", "1000")]
    # A username is a handle: sw finds the id by walking the list (resources.py lookup_fields)
    assert run_sw("sip", "get", username)["id"] == rid
    updated = run_sw("sip", "update", username, "--set", "caller_id=Front desk")
    assert updated["sip_endpoint"]["caller_id"] == "Front desk"
    assert run_sw("sip", "delete", rid, "--yes") == {"deleted": [rid], "failed": {}}
    gone = run_sw("sip", "get", rid, exit=1)
    assert "HTTP 404" in gone.stderr


@needs_tls
def test_the_cli_follows_links_next_across_pages(run_sw: Any, tls_mock: TlsMock) -> None:
    # 60 rows make two pages of the 50 sw asks for: the second comes from links.next as written
    seeded = tls_mock.api("POST", "/__mock__/seed", json={"count": 60})
    assert seeded.status_code == 201, seeded.text
    total = tls_mock.api("GET", "/api/fabric/resources/sip_endpoints", params={"page_size": 1000})
    rows = run_sw("sip", "list", "--limit", "1000")
    assert len(rows) == len(total.json()["data"]) >= 60
    assert len({row["id"] for row in rows}) == len(rows)


@needs_tls
def test_the_cli_assigns_a_resource_and_lists_the_address(run_sw: Any) -> None:
    username = fresh()
    rid = run_sw("sip", "create", "--set", f"username={username}", "--set", f"password={PASSWORD}")[
        "id"
    ]
    assigned = run_sw("resources", "assign-to-sip-endpoint", RESOURCE_ID, "--sip-endpoint-id", rid)
    assert assigned["channels"]["audio"] == f"/public/{username}?channel=audio"
    shown = run_sw("sip", "addresses", rid)  # sw shows the rows of a page, or it when it is empty
    [address] = shown if isinstance(shown, list) else shown["data"]
    assert address["channels"] == assigned["channels"]


@needs_tls
def test_the_cli_lists_and_updates_a_subscribers_sip_credentials(run_sw: Any) -> None:
    rows = run_sw("subscribers", "sip-credentials", SUBSCRIBER)
    [credential] = [row for row in rows if row["username"] == SUBSCRIBER_CREDENTIAL]
    # sw fills a route placeholder from a --set key of the same name (swsh/client.py _invoke_rest)
    updated = run_sw(
        "subcreds",
        "update",
        credential["id"],
        "--set",
        f"fabric_subscriber_id={SUBSCRIBER}",
        "--set",
        "caller_id=Bob",
    )
    assert updated["caller_id"] == "Bob" and updated["username"] == SUBSCRIBER_CREDENTIAL


@needs_tls
def test_the_cli_finds_ids_in_the_fabric_resources_and_subscribers_lists(
    run_sw: Any, tls_mock: TlsMock
) -> None:
    if tls_mock.api("GET", "/api/fabric/resources").status_code == 404:
        pytest.skip(FINDERS)
    assert RESOURCE_ID in [row["id"] for row in run_sw("resources", "list")]
    assert SUBSCRIBER in [row["id"] for row in run_sw("subscribers", "list")]
    # A display name is a handle: sw finds the subscriber's id through the subscribers list
    name = f"Front office {uuid.uuid4().hex[:6]}"
    added = tls_mock.api("POST", "/__mock__/subscribers", json={"display_name": name})
    assert added.status_code == 201, added.text
    shown = run_sw("subscribers", "sip-credentials", name)  # an empty page: shown whole
    assert (shown if isinstance(shown, list) else shown["data"]) == []

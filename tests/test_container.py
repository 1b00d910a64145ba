"""The mock's container image (container/Containerfile), built and run as a CI service would.

No container registry is reachable here, so the base is made from Debian's packages
(mmdebstrap, then ``podman import``) and the image installs from a wheelhouse made on the host
for the base's own Python: no network inside the build. Then the contract gate runs against
the container with ``mock --url``. podman runs it with runc (crun refuses this kernel's hybrid
cgroups), explicit ulimits (raising them is not permitted) and the host's network.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from .helpers import COLLECTION, ROOT

sys.path.insert(0, str(ROOT / "container"))

pytestmark = pytest.mark.slow
TOOLS = ("podman", "mmdebstrap", "runc")
RUN = ["--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1000:1000"]
PROJECT_ID, TOKEN, HOOKS = "5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c", "PT-container-token", "hk-1"


def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(args[:3])}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
    return done


@pytest.fixture(scope="module")
def image(wheel: Path) -> Iterator[str]:
    """The image as the docs build it offline: ``container/build.py --debian-base``."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} missing: `make container-tools` installs them")
    tag = f"localhost/signalwire-sip-mock-test:{uuid.uuid4().hex[:8]}"
    recipe = [sys.executable, str(ROOT / "container" / "build.py"), "--debian-base"]
    built = run(*recipe, "--tag", tag, "--wheel", str(wheel), timeout=900)
    base = built.stdout.strip().rsplit(" on ", 1)[-1]
    try:
        yield tag
    finally:
        subprocess.run(["podman", "rmi", "-f", tag, base], capture_output=True, check=False)


@pytest.fixture(params=["arguments", "environment"])
def container(image: str, request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """The image running as a service: its id and the base URL it prints. Its project comes
    from its command line, or (as a CI service container, which gets no command line: see
    examples/ci/*-service.yml) from its environment, with the fabric shape."""
    given = ["-e", f"SIGNALWIRE_SIP_MOCK_HOOKS_TOKEN={HOOKS}"]
    arguments = ["--project", f"{PROJECT_ID}:{TOKEN}"]
    if request.param == "environment":
        given += ["-e", f"SIGNALWIRE_SIP_MOCK_PROJECTS={PROJECT_ID}:{TOKEN}",
                  "-e", "SIGNALWIRE_SIP_MOCK_SHAPE=fabric"]  # fmt: skip
        arguments = []
    cid = run("podman", "run", "-d", *RUN, "--network=host", *given, image,
              *arguments, "--port", "0").stdout.strip()  # fmt: skip
    try:
        deadline, url = time.monotonic() + 60, None
        while url is None and time.monotonic() < deadline:
            logs = subprocess.run(["podman", "logs", cid], capture_output=True, text=True)
            found = re.search(r"base URL\s+(http://\S+)", logs.stdout + logs.stderr)
            url = found.group(1) if found else None
            time.sleep(0.2)
        assert url, "the container printed no base URL"
        yield cid, url
    finally:
        subprocess.run(["podman", "rm", "-f", cid], capture_output=True, check=False)


def test_the_image_serves_as_a_non_root_service_with_closed_hooks(
    container: tuple[str, str],
) -> None:
    cid, url = container
    assert run("podman", "exec", cid, "id", "-u").stdout.strip() == "10001"
    assert run("podman", "healthcheck", "run", cid).returncode == 0
    answer = httpx.get(f"{url}{COLLECTION}", auth=(PROJECT_ID, TOKEN))
    assert answer.status_code == 200 and answer.json()["data"] == []
    assert httpx.get(f"{url}/__mock__/requests").status_code == 401
    hooks = {"authorization": f"Bearer {HOOKS}"}
    assert httpx.get(f"{url}/__mock__/requests", headers=hooks).status_code == 200


def test_the_contract_gate_passes_against_the_container(
    container: tuple[str, str], tmp_path: Path
) -> None:
    _, url = container
    env = dict(os.environ, SIGNALWIRE_PROJECT_ID=PROJECT_ID, SIGNALWIRE_API_TOKEN=TOKEN)
    done = subprocess.run(
        [sys.executable, "-m", "signalwire_sip_contract", "mock", "--url", url,
         "--reports", str(tmp_path), "--", "--phases", "examples,stateful",  # fuzzing: make contract
         "--max-examples", "50"],
        capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    assert (tmp_path / "junit.xml").is_file()

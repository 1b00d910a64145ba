"""One distribution: the wheel holds both packages, the mock, py.typed and the spec itself."""

from __future__ import annotations

import subprocess
import venv
import zipfile
from pathlib import Path

import httpx
import pytest

from signalwire_sip_mock import MockProcess, Project

from .helpers import COLLECTION, ROOT, SPEC_PATH

pytestmark = pytest.mark.slow


def test_the_wheel_ships_both_packages_the_mock_markers_and_the_spec(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        spec = archive.read("signalwire_sip_mock/sip-credentials.yaml")
        metadata = archive.read(next(n for n in names if n.endswith("METADATA"))).decode()
        entry_points = archive.read(
            next(n for n in names if n.endswith("entry_points.txt"))
        ).decode()
    for package in (
        "signalwire_sip",
        "signalwire_sip_client",
        "signalwire_sip_mock",
        "signalwire_sip_contract",
    ):
        assert f"{package}/__init__.py" in names
        assert f"{package}/py.typed" in names
    assert "signalwire_sip_client/models/sip_credential.py" in names
    assert spec == SPEC_PATH.read_bytes(), "the wheel's spec must be openapi/ itself, byte for byte"
    assert (
        "signalwire_sip_contract/schemathesis.toml" in names
    )  # the gate's settings travel with it
    assert "signalwire-sip-contract = signalwire_sip_contract.cli:main" in entry_points
    assert "Requires-Python: >=3.11" in metadata and "Provides-Extra: mock" in metadata
    assert "signalwire-sip-mock" in entry_points and "pytest11" in entry_points
    assert not any(n.startswith(("tests/", "openapi/", "generated/", "overrides/")) for n in names)


def test_the_wheel_installs_into_a_clean_venv_and_its_mock_serves_the_packaged_spec(
    wheel: Path, tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "requirements" / "constraints.txt"),
            f"{wheel}[mock]",
        ],
        check=True,
        timeout=600,
        cwd=tmp_path,
    )
    probe = (
        "import signalwire_sip, signalwire_sip_client, signalwire_sip_mock as m; "
        "print(m.spec_path())"
    )
    located = subprocess.run(
        [str(python), "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path
    ).stdout.strip()
    assert located.startswith(str(env_dir)) and located.endswith(
        "signalwire_sip_mock/sip-credentials.yaml"
    )
    script = str(env_dir / "bin" / "signalwire-sip-mock")
    with MockProcess([Project("p", "t")], command=[script], cwd=tmp_path) as server:
        answer = httpx.get(f"{server.base_url}{COLLECTION}", auth=("p", "t"))
        assert answer.status_code == 200 and answer.json()["data"] == []


def test_the_client_alone_installs_with_pytest_and_the_extras_are_named_when_missing(
    wheel: Path, tmp_path: Path
) -> None:
    # The base wheel registers the pytest plugin; without the mock extra it must load, stay out
    # of the way, and only a fixture that is used says what to install. Same for the gate.
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python, bin_dir = env_dir / "bin" / "python", env_dir / "bin"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    constraints = ["-c", str(ROOT / "requirements" / "constraints.txt")]
    subprocess.run([*pip, *constraints, str(wheel), "pytest"], check=True, timeout=600)
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_client.py").write_text(
        "import signalwire_sip\n\n"
        "def test_imports():\n    assert signalwire_sip.SipCredentials\n\n"
        "def test_fixture(signalwire_sip_mock):\n    pass\n"
    )
    run = subprocess.run(
        [str(bin_dir / "pytest"), "-q", "-p", "no:cacheprovider"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 passed, 1 error" in run.stdout, run.stdout + run.stderr
    assert "pip install 'signalwire-sip[mock]'" in run.stdout
    gate = str(bin_dir / "signalwire-sip-contract")
    helped = subprocess.run([gate, "--help"], capture_output=True, text=True, timeout=60)
    assert helped.returncode == 0 and "sandbox" in helped.stdout
    refused = subprocess.run([gate, "mock"], capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "signalwire-sip[contract]" in refused.stderr

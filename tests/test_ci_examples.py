"""The CI examples (examples/ci/) cannot rot: each is linted by the tool its platform's users
trust (check-jsonschema with GitHub's and GitLab's own schemas, zizmor for GitHub Actions'
security), each linter is shown to fail on a broken copy, and the steps each file runs are run
here, in a clean venv with the built wheel, against the mock they start."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import venv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from signalwire_sip_mock import free_port, wait_until_healthy

from .helpers import ROOT

pytestmark = pytest.mark.slow
EXAMPLES = ROOT / "examples" / "ci"
GITHUB, GITLAB = EXAMPLES / "github-actions.yml", EXAMPLES / "gitlab-ci.yml"
GITHUB_SERVICE = EXAMPLES / "github-actions-service.yml"
GITLAB_SERVICE = EXAMPLES / "gitlab-ci-service.yml"
IMAGE = EXAMPLES / "mock-image.yml"
BIN = Path(sys.executable).parent


def lint(path: Path) -> list[subprocess.CompletedProcess[str]]:
    github = "gitlab" not in path.name  # the rest are GitHub workflows
    schema = "vendor.github-workflows" if github else "vendor.gitlab-ci"
    runs = [[str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)]]
    if github:
        runs.append([str(BIN / "zizmor"), "--offline", "--no-progress", str(path)])
    return [subprocess.run(run, capture_output=True, text=True, timeout=120) for run in runs]


@pytest.mark.parametrize(
    "path",
    [GITHUB, GITLAB, GITHUB_SERVICE, GITLAB_SERVICE, IMAGE],
    ids=["github", "gitlab", "github-service", "gitlab-service", "github-image"],
)
def test_the_examples_pass_their_platforms_linters(path: Path) -> None:
    for done in lint(path):
        assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        (GITHUB, "runs-on:", "runs-onn:"),  # a key GitHub does not know
        (GITHUB, "          persist-credentials: false\n", ""),  # zizmor: credentials kept
        (GITLAB, "  script:", "  scripts:"),
    ],
)
def test_the_linters_fail_on_a_broken_copy(path: Path, old: str, new: str, tmp_path: Path) -> None:
    broken = tmp_path / path.name
    text = path.read_text()
    assert old in text
    broken.write_text(text.replace(old, new, 1))
    assert any(done.returncode != 0 for done in lint(broken))


@pytest.fixture(scope="module")
def clean_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A venv with nothing in it: each example installs the gate itself."""
    where = tmp_path_factory.mktemp("ci-venv")
    venv.create(where, with_pip=True)
    yield where


# The gate the examples run, shortened here: the wiring is what these tests prove; the gate's
# full run (the coverage phase alone takes 18 s) is `make contract`'s.
# Fuzzing is `make contract`'s (both shapes, full strength): here the steps must run, the
# gate start and walk every link.
SHORTER = " -- --phases examples,stateful --max-examples 20"


def shortened(command: str) -> str:
    """COMMAND with each contract gate run in it shortened (SHORTER)."""
    return "\n".join(
        line + SHORTER if "signalwire-sip-contract mock" in line else line
        for line in command.splitlines()
    )


def environment(job_env: dict[str, Any], venv_dir: Path, wheel: Path) -> dict[str, str]:
    """The job's variables, the package spec pointing at the built wheel, the venv first."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SIGNALWIRE_", "VIRTUAL_ENV"))}
    env |= {k: str(v) for k, v in job_env.items()}
    env["SIGNALWIRE_SIP"] = f"{wheel}[contract]"
    env["PATH"] = f"{venv_dir / 'bin'}:{env['PATH']}"
    env["PIP_CONSTRAINT"] = str(ROOT / "requirements" / "constraints.txt")
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def install_lines(path: Path) -> list[str]:
    """The lines of PATH's one job that run pip, in their order."""
    document = yaml.safe_load(path.read_text())
    if "jobs" in document:  # GitHub's
        [job] = document["jobs"].values()
        script = [step["run"] for step in job["steps"] if "run" in step]
    else:
        [job] = [j for j in document.values() if isinstance(j, dict) and "script" in j]
        script = job["script"]
    return [line.strip() for line in "\n".join(script).splitlines() if "pip install" in line]


@pytest.mark.parametrize("path", [GITHUB, GITLAB, GITHUB_SERVICE, GITLAB_SERVICE, IMAGE])
def test_every_example_upgrades_pip_before_it_installs(path: Path) -> None:
    first, *rest = install_lines(path)
    assert first == "python -m pip install --upgrade pip" and rest, install_lines(path)


# The oldest pip a supported Python ships: 23.2.1 with 3.12.0 and 3.12.1 (the examples'
# Python), 22.3 with 3.11.0 (requires-python's oldest).
@pytest.mark.parametrize("oldest", ["23.2.1", "22.3"])
def test_the_install_step_works_on_the_oldest_pip(oldest: str, wheel: Path, tmp_path: Path) -> None:
    where = tmp_path / "venv"
    venv.create(where, with_pip=True)
    python = str(where / "bin" / "python")
    job = yaml.safe_load(GITHUB.read_text())["jobs"]["contract"]
    env = environment(job["env"], where, wheel)
    # Not under the constraints file: it pins today's pip.
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", f"pip=={oldest}"],
        env={k: v for k, v in env.items() if k != "PIP_CONSTRAINT"},
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    assert pip_version(python, env) == oldest
    [step] = [s for s in job["steps"] if s.get("name") == "Install the contract gate"]
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert pip_version(python, env) != oldest  # the step upgraded it before it installed
    gate = subprocess.run(
        [str(where / "bin" / "signalwire-sip-contract"), "mock", "--help"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert gate.returncode == 0 and "--reports" in gate.stdout


def pip_version(python: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [python, "-m", "pip", "--version"], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split()[1]


def test_the_github_workflow_runs_its_steps(clean_venv: Path, wheel: Path, tmp_path: Path) -> None:
    job = yaml.safe_load(GITHUB.read_text())["jobs"]["contract"]
    env = environment(job["env"], clean_venv, wheel)
    ran, failed = [], False
    for step in job["steps"]:
        if "run" not in step or (failed and step.get("if") != "always()"):
            continue
        done = subprocess.run(
            ["bash", "-e", "-c", shortened(step["run"])],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        ran.append((step.get("name"), done.returncode))
        failed = failed or done.returncode != 0
        assert done.returncode == 0, (
            f"{step.get('name')}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
        )
    assert [name for name, _ in ran] == [
        "Install the contract gate",
        "Start the mock",
        "Run the contract gate",
        "Stop the mock",
    ]
    assert (tmp_path / "reports" / "contract" / "junit.xml").is_file()


def test_the_gitlab_job_runs_its_script(clean_venv: Path, wheel: Path, tmp_path: Path) -> None:
    job = yaml.safe_load(GITLAB.read_text())["contract"]
    env = environment(job["variables"], clean_venv, wheel)
    # GitLab runs a job's script lines in one shell, stopping at the first failure.
    script = subprocess.run(
        ["bash", "-e", "-c", shortened("\n".join(job["script"]))],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    after = subprocess.run(
        ["bash", "-c", "\n".join(job["after_script"])], cwd=tmp_path, env=env, timeout=60
    )
    assert script.returncode == 0, script.stdout[-3000:] + script.stderr[-3000:]
    assert after.returncode == 0
    assert (tmp_path / job["artifacts"]["reports"]["junit"]).is_file()


@contextlib.contextmanager
def service(variables: dict[str, Any]) -> Iterator[int]:
    """The mock as the service container starts it: no command line, its projects, hook token
    and shape from its variables (tests/test_container.py runs the image itself that way); on
    loopback and a free port here, which the job's URL is pointed at."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNALWIRE_")}
    env |= {k: str(v) for k, v in variables.items()}
    process = subprocess.Popen(
        [sys.executable, "-m", "signalwire_sip_mock", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_healthy(f"http://127.0.0.1:{port}", timeout=30)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_github_service_workflow_runs_its_steps(
    clean_venv: Path, wheel: Path, tmp_path: Path
) -> None:
    job = yaml.safe_load(GITHUB_SERVICE.read_text())["jobs"]["contract"]
    mock = job["services"]["mock"]
    assert mock["ports"] == ["8080:8080"] and "SIGNALWIRE_SIP_MOCK_PROJECTS" in mock["env"]
    env = environment(job["env"], clean_venv, wheel)
    with service(mock["env"]) as port:
        for step in (s for s in job["steps"] if "run" in s):
            done = subprocess.run(
                ["bash", "-e", "-c", shortened(step["run"].replace(":8080", f":{port}"))],
                cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
            )  # fmt: skip
            assert done.returncode == 0, (
                f"{step['name']}: {done.stdout[-2000:]}{done.stderr[-2000:]}"
            )
    assert (tmp_path / "reports" / "contract" / "junit.xml").is_file()


def test_the_gitlab_service_job_runs_its_script(
    clean_venv: Path, wheel: Path, tmp_path: Path
) -> None:
    job = yaml.safe_load(GITLAB_SERVICE.read_text())["contract"]
    [mock] = job["services"]
    assert mock["alias"] == "mock" and job["variables"]["MOCK_URL"] == "http://mock:8080"
    with service(mock["variables"]) as port:
        # The service's alias resolves only inside GitLab's network: here it is loopback.
        env = environment(
            job["variables"] | {"MOCK_URL": f"http://127.0.0.1:{port}"}, clean_venv, wheel
        )
        script = subprocess.run(
            ["bash", "-e", "-c", shortened("\n".join(job["script"]))],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert script.returncode == 0, script.stdout[-3000:] + script.stderr[-3000:]
    assert (tmp_path / job["artifacts"]["reports"]["junit"]).is_file()

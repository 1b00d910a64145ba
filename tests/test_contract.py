"""The contract inside pytest: schemathesis against the mock, the gate's teeth, the sandbox run."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from signalwire_sip_contract import (
    config_file,
    declared_links,
    judge,
    run_schemathesis,
    uncovered_links,
)
from signalwire_sip_mock import MockServer, Project, request_example
from signalwire_sip_mock.app import MockApp
from signalwire_sip_mock.pytest_plugin import RunningMock
from signalwire_sip_mock.spec import load_spec
from signalwire_sip_mock.store import Store

from .helpers import COLLECTION, ROOT, SPEC_PATH, create_body

pytestmark = pytest.mark.slow


def load_contract_schema(base_url: str, project: Project, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The spec as schemathesis sees it, with the gate's own schemathesis.toml (seed, checks)."""
    monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", project.id)
    monkeypatch.setenv("SIGNALWIRE_API_TOKEN", project.token)
    config = SchemathesisConfig.from_path(config_file())
    config.projects.default.update(base_url=base_url)
    # pytest reports on its own; the gate's JUnit file belongs to `make contract`.
    config.reports.junit.enabled = False
    return schemathesis.openapi.from_path(SPEC_PATH, config=config)


@pytest.fixture
def contract_schema(signalwire_sip_mock: RunningMock, monkeypatch: pytest.MonkeyPatch) -> Any:
    return load_contract_schema(
        signalwire_sip_mock.base_url, signalwire_sip_mock.project, monkeypatch
    )


schema = schemathesis.pytest.from_fixture("contract_schema")


# The matrix (noxfile.py) runs a shortened contract: CONTRACT_EXAMPLES examples per operation.
@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("CONTRACT_EXAMPLES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_conforms(case: Any) -> None:
    case.call_and_validate()


def test_stateful_walks_keep_the_contract(
    signalwire_sip_mock: RunningMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load_contract_schema(
        signalwire_sip_mock.base_url, signalwire_sip_mock.project, monkeypatch
    )
    walked: list[str] = []

    class Walk(loaded.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            signalwire_sip_mock.reset()  # every scenario starts from an empty project

        def after_call(self, response: Any, case: Any) -> None:
            walked.append(f"{case.method} {case.operation.path} {response.status_code}")

    Walk.run(
        settings=settings(
            max_examples=30,
            stateful_step_count=6,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
    assert f"POST {COLLECTION} 200" in walked
    assert any(
        (step.startswith(("GET", "PUT", "DELETE")) and step.endswith(" 200"))
        or step.endswith(" 204")
        for step in walked
        if "{id}" in step
    )


def test_link_coverage_is_judged_on_declared_links() -> None:
    document = load_spec()
    declared = declared_links(document)
    assert {name for _, name in declared} == {
        "GetSipCredential",
        "UpdateSipCredential",
        "DeleteSipCredential",
        "ListSipCredentialAddresses",
        "AssignResourceToSipCredential",
        "GetUpdatedSipCredential",
        "ListAssignedSipCredentialAddresses",
        "GetSubscriberSipCredential",
        "UpdateSubscriberSipCredential",
        "DeleteSubscriberSipCredential",
        "GetUpdatedSubscriberSipCredential",
    }
    walked = [f"{source} -> [200] {name} -> X" for source, name in declared]
    covered = [t for t in walked if "] GetUpdatedSipCredential ->" not in t]
    assert uncovered_links(document, covered) == [
        f"PUT {COLLECTION}/{{id}} -> GetUpdatedSipCredential"
    ]
    assert judge(0, covered) == 1 and judge(0, walked) == 0


def broken_mock(project: Project) -> MockServer:
    """A mock that accepts `resource` with a null resource id: the spec it validates with lost the rule."""
    spec = copy.deepcopy(load_spec())
    for name in ("SipCredentialCreate", "SipCredentialUpdate"):
        for branch in ("if", "then", "else"):
            spec["components"]["schemas"][name].pop(branch, None)
    server = MockServer([project])
    server.app = MockApp([project], Store(), spec)
    return server


def test_the_gate_fails_against_a_mock_that_breaks_the_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    project = Project(str(uuid.uuid4()), "PT-gate-test")
    with broken_mock(project) as server:
        body = create_body(call_handler="resource", calling_handler_resource_id=None)
        accepted = httpx.post(
            server.base_url + COLLECTION, json=body, auth=(project.id, project.token)
        )
        assert accepted.status_code == 200  # it really is broken
        code, covered = run_schemathesis(
            server.base_url,
            project.id,
            project.token,
            tmp_path,
            # The rule lives in the writes: only they are run (38 s for all twelve operations).
            [
                "--phases",
                "examples,coverage,fuzzing",
                "--max-examples",
                "30",
                "--include-operation-id",
                "create_sip_credential",
                "--include-operation-id",
                "update_sip_credential",
            ],
        )
    assert code != 0
    assert judge(code, covered) != 0


FIDELITY = {
    "flat": [
        "create answer: flat",
        "a client-chosen id: kept",
        "get answer: flat",
        "paths take: the one id",
        "list rows: flat",
    ],
    "fabric": [
        "create answer: wrapped",
        "a client-chosen id: not kept (the server chose its own)",
        "get answer: wrapped",
        "paths take: the outer (resource) id; the inner (endpoint) id answers 404",
        "list rows: wrapped",
    ],
}
ACCEPTED = [
    "a create without id: accepted",
    "a create without password: accepted",
    "a create of only username, password, caller_id, encryption: accepted",
]


def _example_ids() -> list[str]:
    """The ids the spec's create examples send: the examples phase sends them too."""
    spec = load_spec(SPEC_PATH)
    create = spec["paths"][COLLECTION]["post"]["requestBody"]["content"]["application/json"]
    return [request_example("create_sip_credential", name)["id"] for name in create["examples"]]


@pytest.mark.parametrize("shape", ["flat", "fabric"])
def test_the_sandbox_run_touches_only_what_it_created(tmp_path: Path, shape: str) -> None:
    project = Project(str(uuid.uuid4()), "PT" + uuid.uuid4().hex)
    # Rows that already hold the ids the spec's examples send (written in the flat shape, which
    # keeps a client's id, then served in SHAPE): a run that trusted the id it sent would update
    # and delete them where the server picks its own ids (#23: a PUT 200 and a DELETE 204).
    db = str(tmp_path / "project.sqlite3")
    with MockServer([project], db=db) as seeding:
        auth = (project.id, project.token)
        for id in _example_ids():
            made = httpx.post(seeding.base_url + COLLECTION, json=create_body(id=id), auth=auth)
            assert made.status_code == 200, made.text
    with MockServer([project], shape=shape, db=db) as server:
        http = httpx.Client(base_url=server.base_url, auth=(project.id, project.token), timeout=10)
        foreign = [http.post(COLLECTION, json=create_body()).json() for _ in range(6)]
        foreign += [http.get(f"{COLLECTION}/{id}").json() for id in _example_ids()]
        before = {r["id"]: http.get(f"{COLLECTION}/{r['id']}").content for r in foreign}
        env = dict(
            os.environ,
            SIGNALWIRE_SPACE=server.base_url.removeprefix("http://"),
            SIGNALWIRE_PROJECT_ID=project.id,
            SIGNALWIRE_API_TOKEN=project.token,
        )
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "signalwire_sip_contract",
                "sandbox",
                "--rate-limit",
                "200/s",
                "--max-examples",
                "8",
                "--reports",
                str(tmp_path),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output[max(output.find("FAILURES"), 0) :][:5000]
        assert "created by this run:" in output and "removed" in output
        # The fidelity report tells the shapes apart, line by line.
        reported = [
            line.split("fidelity: ", 1)[1] for line in output.splitlines() if "  fidelity: " in line
        ]
        assert reported == FIDELITY[shape] + ACCEPTED, output[-3000:]
        created = int(output.split("created by this run:")[1].split()[0])
        assert created > 0
        # Everything it created is gone; everything that was there is untouched.
        remaining = http.get(COLLECTION, params={"page_size": 1000}).json()["data"]
        assert sorted(remaining, key=lambda r: r["id"]) == sorted(foreign, key=lambda r: r["id"])
        after = {id: http.get(f"{COLLECTION}/{id}").content for id in before}
        assert after == before  # byte for byte
        journal = httpx.get(server.base_url + "/__mock__/requests").json()["requests"]
        foreign_ids = {r["id"] for r in foreign}
        touched = [
            e
            for e in journal
            if e["method"] in ("PUT", "DELETE") and e["path"].rsplit("/", 1)[-1] in foreign_ids
        ]
        assert touched == []
        run_id = output.split("run id '")[1].split("'")[0]
        ours = journal[len(foreign) + len(before) :]
        named = [
            json.loads(e["body"]).get("username")
            for e in ours
            if e["method"] in ("POST", "PUT") and e["status"] == 200 and '"username"' in e["body"]
        ]
        assert named and all(name.startswith(run_id) for name in named)


def test_the_sandbox_run_refuses_to_start_without_credentials() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNALWIRE_")}
    env["SIGNALWIRE_PROJECT_ID"] = "p"
    result = subprocess.run(
        [sys.executable, "-m", "signalwire_sip_contract", "sandbox"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "SIGNALWIRE_SPACE" in result.stderr and "SIGNALWIRE_API_TOKEN" in result.stderr
    assert "SIGNALWIRE_PROJECT_ID" not in result.stderr


def test_the_1x_import_paths_of_the_gate_still_work_and_warn() -> None:
    probe = (
        "import warnings; warnings.simplefilter('always')\n"
        "with warnings.catch_warnings(record=True) as seen:\n"
        "    from signalwire_sip_mock.contract import main, mock_process, verdict, COLLECTION\n"
        "    from signalwire_sip_mock.contract_hooks import LinkCoverage, before_call\n"
        "print(COLLECTION, sorted({str(w.message) for w in seen}))\n"
        "with mock_process(0, 'p', 't') as url:\n"
        "    import httpx; print(httpx.get(url + COLLECTION, auth=('p', 't')).status_code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith(COLLECTION) and "moved to signalwire_sip_contract" in lines[0]
    assert "contract_hooks moved to signalwire_sip_contract.hooks" in lines[0]
    assert lines[1] == "200"


def test_the_link_coverage_handler_is_registered_and_still_a_class() -> None:
    # schemathesis.cli.handler() returns None: used as a decorator it once bound the name to None.
    probe = (
        "from schemathesis.cli.ext.handlers import CUSTOM_HANDLERS\n"
        "from signalwire_sip_contract.hooks import LinkCoverage\n"
        "print(isinstance(LinkCoverage, type), CUSTOM_HANDLERS.count(LinkCoverage))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.split() == ["True", "1"]

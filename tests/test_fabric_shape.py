"""Production as observed: the mock's ``--shape fabric`` and the client's tolerant reader.

In ``fabric`` a credential is a Fabric resource wrapping the endpoint: two ids, the paths take
the resource's, the endpoint's is a 404, the server picks both, the minimal create works, and
the password is stored and never returned. The client reads either shape into the same
``SipCredential``, handing out the id the paths take, so a round trip leaves nothing behind.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import uuid
from typing import Any

import httpx
import jsonschema
import pytest

from signalwire_sip import SipCredentials
from signalwire_sip_mock import MockProcess, MockServer, Project, load_spec

from .helpers import COLLECTION, create_body

PASSWORD = "fabric-secret-password-0042"
SPEC = load_spec()


def validator(schema: str) -> jsonschema.Draft202012Validator:
    root = {"$ref": f"#/components/schemas/{schema}", "components": SPEC["components"]}
    return jsonschema.Draft202012Validator(root)


@pytest.fixture
def fabric() -> Any:
    with MockServer(shape="fabric") as server:
        yield server


def test_answers_are_wrapped_with_two_ids_and_paths_take_the_outer(fabric: MockServer) -> None:
    auth = (fabric.project.id, fabric.project.token)
    with httpx.Client(base_url=fabric.base_url, auth=auth, timeout=10) as http:
        minimal = {
            "username": "bob",
            "password": PASSWORD,
            "caller_id": "Bob",
            "encryption": "optional",
        }
        made = http.post(COLLECTION, json=minimal)
        assert made.status_code == 200, made.text
        wrapped = made.json()
        validator("FabricSipCredential").validate(wrapped)
        validator("SipCredentialAnswer").validate(wrapped)
        outer, inner = wrapped["id"], wrapped["sip_endpoint"]["id"]
        assert outer != inner and wrapped["display_name"] == "bob"
        assert wrapped["sip_endpoint"]["send_as"] == "bob"  # the documented default
        # A client-chosen id is not kept: the server picks both.
        chosen = create_body()
        assert http.post(COLLECTION, json=chosen).json()["id"] != chosen["id"]
        # Paths take the outer id; the inner one is a 404 that leaves the credential in place.
        assert http.get(f"{COLLECTION}/{outer}").json() == wrapped
        assert http.delete(f"{COLLECTION}/{inner}").status_code == 404
        page = http.get(COLLECTION).json()
        validator("FabricSipCredentialPage").validate(page)
        assert outer in [row["id"] for row in page["data"]]
        assert http.delete(f"{COLLECTION}/{outer}").status_code == 204
        assert http.get(f"{COLLECTION}/{outer}").status_code == 404
        for text in (made.text, json.dumps(page), http.get("/__mock__/requests").text):
            assert PASSWORD not in text


def test_the_client_round_trip_in_fabric_uses_only_the_ids_it_hands_out(
    fabric: MockServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with SipCredentials(
        base_url=fabric.base_url, project_id=fabric.project.id, api_token=fabric.project.token
    ) as sip:
        made = sip.create(username="desk", password=PASSWORD, caller_id="Desk")
        assert made.sip_endpoint_id is not None and made.sip_endpoint_id != made.id
        assert made.display_name == "desk" and made.send_as == "desk"
        assert sip.get(made.id) == made
        updated = sip.update(made.id, caller_id="Front", password=PASSWORD + "-2")
        assert updated.caller_id == "Front" and updated.id == made.id
        assert [c.id for c in sip.iter_all()] == [made.id]
        shown = [repr(made), str(updated), repr(sip)]
        sip.delete(made.id)
        assert sip.list().data == []
    assert fabric.app.store.count() == 0  # nothing left behind
    journal = json.dumps(fabric.app.journal.as_json(), ensure_ascii=False)
    shown += [journal, *(r.getMessage() for r in caplog.records)]
    assert [s for s in shown if PASSWORD in s] == []


def test_a_create_whose_answer_is_lost_finds_its_credential_by_username(
    fabric: MockServer,
) -> None:
    # The server picks the id, so the retry's 409 cannot be matched by id: by username it is.
    running = httpx.post(
        f"{fabric.base_url}/__mock__/faults",
        json={"status": 503, "method": "POST", "after": True, "retry_after": 0},
    )
    assert running.status_code == 201
    with SipCredentials(
        base_url=fabric.base_url, project_id=fabric.project.id, api_token=fabric.project.token
    ) as sip:
        sip._sleep = lambda seconds: None
        made = sip.create(username="once", password=PASSWORD)
        assert [c.id for c in sip.iter_all()] == [made.id]  # one credential, not two
    statuses = [e["status"] for e in fabric.app.journal.as_json() if e["method"] == "POST"]
    assert statuses == [503, 409]


def test_a_wrapped_answer_missing_endpoint_fields_still_reads() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200,
            json={
                "id": "7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d10",
                "type": "sip_endpoint",
                "sip_endpoint": {"id": str(uuid.uuid4()), "username": "alice"},
            },
        )

    with httpx.Client(transport=httpx.MockTransport(answer)) as http:
        sip = SipCredentials(
            base_url="http://127.0.0.1:9",
            project_id="p",
            api_token="PT" + "0" * 30,
            http_client=http,
        )
        credential = sip.get("7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d10")
    assert str(credential.id) == "7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d10"
    assert (credential.username, credential.send_as, credential.codecs) == ("alice", "alice", [])


def test_the_shape_is_an_option_of_the_cli_the_process_and_the_fixtures(
    pytester: pytest.Pytester,
) -> None:
    project = Project("shape-project", "PT" + uuid.uuid4().hex)
    with MockProcess([project], shape="fabric") as mock:
        made = httpx.post(
            mock.base_url + COLLECTION,
            json={"username": "x"},
            auth=(project.id, project.token),
            timeout=10,
        ).json()
        assert "sip_endpoint" in made
    refused = subprocess.run(
        [sys.executable, "-m", "signalwire_sip_mock", "--shape", "round"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "--shape" in refused.stderr
    pytester.makeini("[pytest]\nsignalwire_sip_mock_shape = fabric\n")
    pytester.makepyfile(
        "def test_wrapped(signalwire_sip_mock):\n"
        "    assert signalwire_sip_mock.shape == 'fabric'\n"
        "    with signalwire_sip_mock.client() as sip:\n"
        "        made = sip.create(username='x')\n"
        "        assert made.sip_endpoint_id not in (None, made.id)\n"
    )
    pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q").assert_outcomes(passed=1)

"""Keeping up with SignalWire: `make upstream-diff` and `make upstream-conformance` on
upstream-like definitions made here (SignalWire's own text stays out of the repository).

The upstream-like baseline is our spec with SignalWire's known slips put back: the list as an
array of pages, no paging parameters, no 409, no response headers, uuids as a bare format,
its own security scheme name and wording. Every difference it shows must be known; each
scripted upstream change on top of it must be reported as new.
"""

from __future__ import annotations

import copy
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import upstream
from signalwire_sip_mock import operation_path

from .helpers import COLLECTION, ROOT, SPEC_PATH

pytestmark = pytest.mark.slow
LIST = COLLECTION
ITEM = operation_path("get_sip_credential")


def upstream_like() -> dict[str, Any]:
    doc: dict[str, Any] = copy.deepcopy(yaml.safe_load(SPEC_PATH.read_text()))
    listing = doc["paths"][LIST]["get"]
    listing["responses"]["200"]["content"]["application/json"] = {
        "schema": {"type": "array", "items": {"$ref": "#/components/schemas/SipCredentialPage"}}
    }
    listing["parameters"] = []
    for item in doc["paths"].values():
        for method, operation in item.items():
            if method not in upstream.HTTP_METHODS:
                continue
            operation["responses"].pop("409", None)
            for response in operation["responses"].values():
                if isinstance(response, dict):
                    response.pop("headers", None)
    doc["components"]["schemas"]["Uuid"] = {"type": "string", "format": "uuid"}
    doc["components"]["securitySchemes"] = {
        "SignalWireBasicAuth": doc["components"]["securitySchemes"].pop("basicAuth")
    }
    doc["security"] = [{"SignalWireBasicAuth": []}]
    doc["paths"][ITEM]["get"]["description"] = "Returns a SIP Credential by ID"
    # A SIP operation of SignalWire's that the spec leaves out (the Legacy endpoints are).
    doc["paths"]["/api/relay/rest/endpoints/sip"] = {
        "get": {
            "operationId": "list_sip_endpoints",
            "tags": ["SIP Endpoints (Legacy)"],
            "responses": {"200": {"description": "ok"}},
        }
    }
    return doc


def write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    target = tmp_path / "upstream.yaml"
    target.write_text(yaml.safe_dump(doc, sort_keys=False))
    return target


def test_the_known_deviations_are_reported_as_known(tmp_path: Path) -> None:
    # Through the command line `make upstream-diff` runs.
    done = subprocess.run(
        [sys.executable, "scripts/upstream.py", "diff", str(write(tmp_path, upstream_like()))],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    for deviation in (
        "list-is-one-page",
        "list-paging-parameters",
        "conflict-409",
        "response-headers",
        "uuid-spelled-out",
        "document-metadata",
        "wording",
    ):
        assert f"known ({deviation})" in done.stdout, deviation
    assert "not covered  list_sip_endpoints (GET /api/relay/rest/endpoints/sip)" in done.stdout
    assert "NEW" not in done.stdout


def _add_codec(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["Codec"]["enum"].append("AV1")


def _require_realm(doc: dict[str, Any]) -> None:
    create = doc["components"]["schemas"]["SipCredentialCreate"]
    create["properties"]["realm"] = {"type": "string"}
    create["required"].append("realm")


def _remove_delete(doc: dict[str, Any]) -> None:
    del doc["paths"][ITEM]["delete"]


def _retype_caller_id(doc: dict[str, Any]) -> None:
    doc["components"]["schemas"]["SipCredentialCreate"]["properties"]["caller_id"] = {
        "type": "integer"
    }


CHANGES: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "a new enum value upstream": (_add_codec, "request codecs: enum value 'AV1' removed"),
    "a new required field upstream": (
        _require_realm,
        "POST /api/fabric/resources/sip_endpoints request realm removed",
    ),
    "an operation upstream no longer has": (
        _remove_delete,
        "DELETE /api/fabric/resources/sip_endpoints/{id} added",
    ),
    "a field whose type changed upstream": (_retype_caller_id, "request caller_id"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_an_upstream_change_is_reported_as_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: str
) -> None:
    mutate, named = CHANGES[change]
    doc = upstream_like()
    mutate(doc)
    assert upstream.cmd_diff(ROOT, write(tmp_path, doc)) == 1
    new = [line for line in capsys.readouterr().out.splitlines() if line.startswith("NEW")]
    assert any(named in line for line in new), new


def test_conformance_against_the_mock_knows_the_list_shape_and_fails_on_a_new_slip(
    tmp_path: Path,
) -> None:
    found, _ = upstream.conformance(ROOT, write(tmp_path, upstream_like()), seed=1)
    assert found and all(deviation for _, deviation in found), found
    assert any(deviation == "list-is-one-page" for _, deviation in found)
    doc = upstream_like()  # upstream now says a credential's `type` is an integer
    sip_credential = doc["components"]["schemas"]["SipCredential"]["properties"]
    sip_credential["type"] = {"type": "integer"}
    found, _ = upstream.conformance(ROOT, write(tmp_path, doc), seed=1)
    assert any(deviation is None and "Response violates schema" in f for f, deviation in found), (
        found
    )

"""The downstream project's tests, against the mock the installed wheel brings."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from provisioning import provision_desk

import signalwire_sip
from signalwire_sip import InvalidArgumentError, ServerError, SipCredentials
from signalwire_sip_mock import RunningMock


def test_the_installed_wheel_is_what_runs() -> None:
    installed = Path(signalwire_sip.__file__).resolve()
    assert Path(sys.prefix).resolve() in installed.parents, installed
    assert signalwire_sip.__version__.count(".") == 2


def test_provisioning_is_idempotent(signalwire_sip_credentials: SipCredentials) -> None:
    first = provision_desk(signalwire_sip_credentials, "front-desk", "+15551230000")
    again = provision_desk(signalwire_sip_credentials, "front-desk", "+15551230000")
    assert first.id == again.id
    assert [c.username for c in signalwire_sip_credentials.iter_all()] == ["front-desk"]


def test_a_flaky_api_is_retried(signalwire_sip_mock: RunningMock) -> None:
    signalwire_sip_mock.inject_fault(502, method="GET")
    with signalwire_sip_mock.client() as sip:
        provision_desk(sip, "lobby", "+15551230001")
    assert [r["status"] for r in signalwire_sip_mock.requests()][:2] == [502, 200]


def test_an_outage_surfaces_as_a_typed_error(signalwire_sip_mock: RunningMock) -> None:
    signalwire_sip_mock.inject_fault(503, count=3)
    with signalwire_sip_mock.client(max_retries=0) as sip, pytest.raises(ServerError):
        provision_desk(sip, "lobby", "+15551230001")


def test_a_bad_number_type_is_refused_before_sending(signalwire_sip_mock: RunningMock) -> None:
    with (
        signalwire_sip_mock.client() as sip,
        pytest.raises(InvalidArgumentError, match="caller_id"),
    ):
        provision_desk(sip, "lobby", 15551230001)  # type: ignore[arg-type]
    assert [r["method"] for r in signalwire_sip_mock.requests()] == ["GET"]

"""The pytest fixtures as a downstream project uses them: one server per session, a clean
mock for each test, typed clients. Run in a separate pytest (pytester) with the installed plugin."""

from __future__ import annotations

import re
from pathlib import Path
from typing import assert_type

import pytest

from signalwire_sip import AsyncSipCredentials, SipCredentials
from signalwire_sip_mock import RunningMock

DOWNSTREAM = """
import httpx
import pytest

seen = []


@pytest.mark.parametrize("n", range(5))
def test_each_test_starts_from_an_empty_mock(signalwire_sip_mock, signalwire_sip_credentials, n):
    faults = httpx.get(signalwire_sip_mock.base_url + "/__mock__/faults").json()["faults"]
    assert faults == [] and signalwire_sip_mock.requests() == []
    assert signalwire_sip_credentials.list().data == []
    signalwire_sip_credentials.create(
        username=f"desk-{n}", caller_id="x", send_as="x", ciphers=[], codecs=[]
    )
    signalwire_sip_mock.inject_fault(503, method="DELETE")
    seen.append(signalwire_sip_mock.base_url)


def test_one_server_served_the_whole_session(signalwire_sip_mock_server):
    assert set(seen) == {signalwire_sip_mock_server.base_url}
"""


def test_downstream_tests_share_one_server_and_each_starts_clean(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(test_downstream=DOWNSTREAM)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
    result.assert_outcomes(passed=6)


def test_a_test_that_leaves_state_behind_would_be_caught(pytester: pytest.Pytester) -> None:
    # The same suite against a fixture that does not reset fails: the check above has teeth.
    pytester.makeconftest(
        """
import pytest

@pytest.fixture
def signalwire_sip_mock(signalwire_sip_mock_server):
    return signalwire_sip_mock_server
"""
    )
    pytester.makepyfile(test_downstream=DOWNSTREAM)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) == 4 and outcomes.get("passed", 0) == 2


def test_the_clients_are_typed(signalwire_sip_mock: RunningMock) -> None:
    # mypy --strict (make lint) checks these statically: a client typed Any would fail it.
    with signalwire_sip_mock.client() as sip:
        assert_type(sip, SipCredentials)
        assert sip.list().data == []
    asynchronous = signalwire_sip_mock.async_client()
    assert_type(asynchronous, AsyncSipCredentials)
    assert isinstance(asynchronous, AsyncSipCredentials)


def test_the_readme_testing_example_passes(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SIGNALWIRE_SIP_MOCK_SHAPE", raising=False)  # the README's default: flat
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    example = re.search(r"```python\n(# testing your code.*?)```", readme, re.S)
    assert example, "README has no 'testing your code' block"
    pytester.makepyfile(test_readme=example.group(1))
    pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q").assert_outcomes(passed=3)

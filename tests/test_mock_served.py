"""How the mock is served to clients no one here wrote: its banner, a mock started elsewhere
(``RunningMock`` attached by URL), list links behind a proxy, and https (``--tls``)."""

from __future__ import annotations

import re
from dataclasses import astuple
from pathlib import Path
from typing import Any

import pytest

from signalwire_sip_mock import MockProcess, Project, RunningMock

from .helpers import ROOT

TOKEN = "PT" + "5e" * 20
MINE = Project("0d6b5c4e-3f2a-4b1c-9d8e-7f6a5b4c3d2e", TOKEN)


@pytest.mark.parametrize("shape", ["flat", "fabric"])
def test_the_banner_names_the_shape_it_plays(shape: str) -> None:
    with MockProcess(shape=shape) as mock:
        line = next(x for x in mock.banner.splitlines() if x.strip().startswith("shape"))
    assert line.split()[1] == shape


def docs_block(title: str) -> str:
    """The python block of docs/mock.md whose first line is ``# TITLE``."""
    text = (ROOT / "docs" / "mock.md").read_text()
    found = re.search(rf"```python\n(# {re.escape(title)}\n.*?)```", text, re.S)
    assert found, f"docs/mock.md has no '# {title}' block"
    return found.group(1)


DOWNSTREAM = """
def test_it_talks_to_the_mock_started_elsewhere(signalwire_sip_mock, signalwire_sip_credentials):
    assert signalwire_sip_mock.app is None  # attached by URL: no app of this process
    signalwire_sip_credentials.create(username="desk", caller_id="x", send_as="x",
                                      ciphers=[], codecs=[])
    assert [e["status"] for e in signalwire_sip_mock.requests()] == [200]


def test_and_each_test_starts_clean(signalwire_sip_credentials):
    assert signalwire_sip_credentials.list().data == []
"""


def test_the_documented_attachment_drives_a_mock_started_elsewhere(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    with MockProcess([MINE], hooks_token="hook-secret") as mock:
        monkeypatch.setenv("MOCK_URL", mock.base_url)
        monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", MINE.id)
        monkeypatch.setenv("SIGNALWIRE_API_TOKEN", MINE.token)
        monkeypatch.setenv("SIGNALWIRE_SIP_MOCK_HOOKS_TOKEN", "hook-secret")
        pytester.makeconftest(docs_block("a mock started elsewhere"))
        pytester.makepyfile(test_downstream=DOWNSTREAM)
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
        result.assert_outcomes(passed=2)


@pytest.mark.slow
def test_the_documented_attachment_is_clean_under_mypy_strict(tmp_path: Path) -> None:
    import mypy.api

    example = tmp_path / "conftest.py"
    example.write_text(docs_block("a mock started elsewhere"))
    out, err, status = mypy.api.run(
        ["--strict", "--no-incremental", "--python-version", "3.11", str(example)]
    )
    assert status == 0, out + err


def test_every_documented_form_names_the_same_project() -> None:
    url = "http://127.0.0.1:8080"
    forms = [
        RunningMock(url, MINE.id, MINE.token),
        RunningMock(url, MINE.id, api_token=MINE.token),
        RunningMock(url, MINE),
        RunningMock(url + "/", MINE, None, None, "flat"),
    ]
    assert {(m.base_url, m.project_id, m.api_token) for m in forms} == {(url, *astuple(MINE))}
    assert all(MINE.token not in repr(m) for m in forms)


@pytest.mark.parametrize(
    ("arguments", "keywords", "named"),
    [
        (("127.0.0.1:8080", "pid", TOKEN), {}, "base_url"),
        ((f"http://pid:{TOKEN}@127.0.0.1", "pid", TOKEN), {}, "base_url"),
        ((b"http://127.0.0.1", "pid", TOKEN), {}, "base_url"),
        (("http://127.0.0.1", "", TOKEN), {}, "project_id"),
        (("http://127.0.0.1", "pid"), {}, "api_token"),
        (("http://127.0.0.1", "pid", ""), {}, "api_token"),
        (("http://127.0.0.1", MINE, TOKEN), {}, "api_token"),
        (("http://127.0.0.1", MINE), {"api_token": TOKEN}, "api_token"),
        (("http://127.0.0.1", "pid", TOKEN), {"shape": "round"}, "shape"),
    ],
)
def test_a_wrong_argument_is_named_and_the_token_never_shown(
    arguments: tuple[Any, ...], keywords: dict[str, Any], named: str
) -> None:
    with pytest.raises((ValueError, TypeError)) as raised:
        RunningMock(*arguments, **keywords)
    assert named in str(raised.value) and TOKEN not in str(raised.value)

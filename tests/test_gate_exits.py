"""The gate's exits, each worded for what it is (#26): the preflight's (a refused token, an
unreachable target, a --url without a scheme), schemathesis refusing its options, the
contract's own; the exit-code table of docs/contract.md; one JUnit and one links report of
every round at the top of --reports."""

from __future__ import annotations

import itertools
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from junitparser import JUnitXml

from signalwire_sip_contract import cli, judge, runner
from signalwire_sip_contract.preflight import Unreachable, preflight, url_problem
from signalwire_sip_contract.reports import FIRST_RUN
from signalwire_sip_mock import RunningMock

from .helpers import ROOT

TOKEN = "PT-not-this-projects-token-5e1f"  # said nowhere in the gate's output
GATE = [sys.executable, "-m", "signalwire_sip_contract"]


def gate(*args: str, **variables: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """The gate's command line with VARIABLES its only SIGNALWIRE_ ones; its seconds too."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SIGNALWIRE_")} | variables
    started = time.monotonic()
    done = subprocess.run([*GATE, *args], capture_output=True, text=True, timeout=120, env=env)
    return done, time.monotonic() - started


def credentials(mock: RunningMock, token: str | None = None) -> dict[str, str]:
    return {
        "SIGNALWIRE_PROJECT_ID": mock.project.id,
        "SIGNALWIRE_API_TOKEN": token or mock.project.token,
    }


def unused_port() -> int:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        return int(unused.getsockname()[1])


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_exit_2_in_seconds_naming_the_variable(
    signalwire_sip_mock: RunningMock, status: int
) -> None:
    if status == 403:  # the mock answers 403 to no credentials: a fault plays the scoped token
        signalwire_sip_mock.inject_fault(403, method="GET")
    token = TOKEN if status == 401 else signalwire_sip_mock.project.token
    url = signalwire_sip_mock.base_url
    done, seconds = gate("mock", "--url", url, **credentials(signalwire_sip_mock, token))
    output = done.stdout + done.stderr
    assert done.returncode == 2, output
    assert seconds < 15 and "schemathesis" not in output.lower(), output  # it never started
    assert "SIGNALWIRE_API_TOKEN" in done.stderr and f"({status} on GET" in done.stderr
    assert token not in output and "contract gate FAILED" not in output


def test_an_unreachable_space_exits_3_in_seconds_and_the_wait_is_bounded() -> None:
    space = f"127.0.0.1:{unused_port()}"
    done, seconds = gate(
        "sandbox", SIGNALWIRE_SPACE=space, SIGNALWIRE_PROJECT_ID="p", SIGNALWIRE_API_TOKEN=TOKEN
    )
    assert done.returncode == 3 and seconds < 15, done.stdout + done.stderr
    assert "could not reach http://" + space in done.stderr and "SIGNALWIRE_SPACE" in done.stderr
    assert TOKEN not in done.stdout + done.stderr and "contract gate FAILED" not in done.stdout
    # A space that takes the connection and never answers: the preflight gives up on time.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        started = time.monotonic()
        with pytest.raises(Unreachable, match=r"within 0\.5s"):
            preflight(f"http://127.0.0.1:{silent.getsockname()[1]}", "p", TOKEN, timeout=0.5)
        assert time.monotonic() - started < 3


def test_a_url_without_a_scheme_is_named_as_such(signalwire_sip_mock: RunningMock) -> None:
    given = signalwire_sip_mock.base_url.removeprefix("http://")  # the mock is up there
    done, seconds = gate("mock", "--url", given, **credentials(signalwire_sip_mock))
    assert done.returncode == 2 and seconds < 15, done.stdout + done.stderr
    assert f"--url {given} has no scheme: add http://" in done.stderr
    assert "did not answer" not in done.stderr
    # Parsed, `localhost:8080` has the scheme `localhost`: named all the same.
    assert "has no scheme" in str(url_problem("localhost:8080"))
    assert "http:// or https://" in str(url_problem("ftp://mock:8080"))
    assert url_problem("http://mock:8080") is None


def test_options_schemathesis_refused_are_no_contract_failure(
    signalwire_sip_mock: RunningMock, tmp_path: Path
) -> None:
    done, _ = gate(
        "mock", "--url", signalwire_sip_mock.base_url, "--reports", str(tmp_path),
        "--", "--no-such-opt",
        **credentials(signalwire_sip_mock),
    )  # fmt: skip
    assert done.returncode == 2, done.stdout + done.stderr
    assert "schemathesis refused its options" in done.stdout
    assert "FAILED" not in done.stdout and "not covered" not in done.stdout


@pytest.mark.parametrize("code", [2, 130, 7])
def test_a_code_that_is_no_verdict_is_passed_on_without_coverage(
    code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert judge(code, []) == code
    said = capsys.readouterr().out
    assert said.startswith("contract gate: no verdict: ") and "FAILED" not in said
    assert "covered" not in said


def test_contract_failures_alone_say_failed(capsys: pytest.CaptureFixture[str]) -> None:
    assert judge(1, []) == 1
    assert "contract gate FAILED: schemathesis reported failures" in capsys.readouterr().out
    assert judge(0, []) == 1  # no link walked
    assert "contract gate FAILED: the stateful phase did not" in capsys.readouterr().out


def exit_table(path: Path, after: str) -> dict[str, str]:
    """The first table after AFTER (a heading, some words) in PATH: code to meaning."""
    lines = path.read_text().split(after, 1)[1].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| code |"))
    rows = "\n".join(itertools.takewhile(lambda line: line.startswith("|"), lines[start:]))
    return dict(re.findall(r"^\| (\d+|other) \| (.+) \|$", rows, re.MULTILINE))


@pytest.mark.parametrize(
    ("path", "after"), [("docs/contract.md", "## Exit codes"), ("README.md", "Exit codes (")]
)
def test_the_exit_code_table_names_every_code_the_gate_returns(path: str, after: str) -> None:
    table = exit_table(ROOT / path, after)
    ours = {cli.PASSED, cli.FAILED, cli.USAGE_ERROR, cli.MOCK_FAILED}
    assert {int(code) for code in table if code != "other"} == ours
    assert "130" in table["other"] and "contract gate FAILED" in table[str(cli.FAILED)]


@pytest.fixture
def rounds(
    signalwire_sip_mock: RunningMock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, list[str]]]:
    """A gate of the stateful phase alone, one scenario a run, so that one run leaves links a
    stateful round (one, at most, here) then walks: REPORTS and what the gate said it covered."""
    monkeypatch.chdir(tmp_path)  # the gate's own schemathesis.toml
    monkeypatch.setattr(runner, "STATEFUL_ROUNDS", 1)
    reports = tmp_path / "reports"
    _, covered = runner.run_gate(
        signalwire_sip_mock.base_url,
        signalwire_sip_mock.project.id,
        signalwire_sip_mock.project.token,
        reports,
        ["--phases", "stateful", "--max-examples", "1"],
    )
    yield reports, covered


def cases(path: Path) -> list[tuple[str, str]]:
    return [(suite.name, case.name) for suite in JUnitXml.fromfile(str(path)) for case in suite]


@pytest.mark.slow
def test_the_top_level_reports_hold_every_round(rounds: tuple[Path, list[str]]) -> None:
    reports, covered = rounds
    first, second = reports / FIRST_RUN, reports / "stateful-1"
    assert (second / "junit.xml").is_file(), "no round ran: the test proves nothing"
    first_cases, round_cases = cases(first / "junit.xml"), cases(second / "junit.xml")
    assert first_cases and round_cases
    assert cases(reports / "junit.xml") == first_cases + [
        (f"{suite} stateful round 1", case) for suite, case in round_cases
    ]
    merged = JUnitXml.fromfile(str(reports / "junit.xml"))
    assert merged.tests == len(first_cases) + len(round_cases)
    walked = [json.loads((run / "links.json").read_text())["covered"] for run in (first, second)]
    top = json.loads((reports / "links.json").read_text())["covered"]
    assert top == sorted(set(walked[0]) | set(walked[1])) == covered  # the console's count's
    assert set(walked[1]) - set(walked[0]), "the round walked nothing new"


def test_a_preflight_target_that_answers_is_left_to_schemathesis() -> None:
    # Any answer but 401 and 403 is the API's to judge: a 500 does not stop the run here.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()

        def answer() -> None:
            connection, _ = server.accept()
            with connection:
                connection.recv(65536)
                connection.sendall(
                    b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 0\r\n\r\n"
                )

        threading.Thread(target=answer, daemon=True).start()
        assert preflight(f"http://127.0.0.1:{server.getsockname()[1]}", "p", TOKEN) == 500

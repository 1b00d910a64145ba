"""``signalwire-sip-contract``: the contract gate.

``signalwire-sip-contract mock`` starts the mock server in its own process on a free loopback
port, runs schemathesis with the spec against it (settings in schemathesis.toml), stops the
server whatever happens, and fails when schemathesis fails or when a link the spec declares
was never followed by the stateful phase.

``signalwire-sip-contract mock --url URL`` runs the same gate against a mock started
elsewhere (a CI service container), as the project SIGNALWIRE_PROJECT_ID / _API_TOKEN name.

``signalwire-sip-contract sandbox`` runs the positive and stateful phases against a real
project (SIGNALWIRE_SPACE, SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN): rate-limited, every
username marked with a run id, and every credential it created deleted at the end.

Before schemathesis starts, one request with the project's credentials (preflight.py) names
a refused token or an unreachable target in seconds.

Exit codes (docs/contract.md): 0 the contract holds; 1 it does not (schemathesis found
failures, or a declared link was never followed), the only code that says `contract gate
FAILED`; 2 a usage or environment error (a missing variable or extra, a --url without a
scheme, an unsafe schemathesis.toml, credentials the target refused, options schemathesis
refused); 3 the target could not be reached (the mock did not start or answer, the space gave
no answer); any other is schemathesis' own (130: interrupted), no verdict.
Every report (JUnit XML, links.json) goes to --reports.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from signalwire_sip import (
    ENV_API_TOKEN,
    ENV_PROJECT_ID,
    ENV_SPACE,
    ConfigurationError,
    base_url_for_space,
)
from signalwire_sip_contract import CONTRACT_EXTRA

# The commands' parts load when a command runs (gate_mock, gate_sandbox), so that --help works
# without the contract extra and a missing one is named rather than shown as a traceback.
PASSED, FAILED, USAGE_ERROR, MOCK_FAILED = 0, 1, 2, 3
# The gate's fail-on warnings but missing_test_data (see gate_sandbox).
SANDBOX_WARNINGS = (
    "missing_auth",
    "base_url_mismatch",
    "missing_deserializer",
    "unused_openapi_auth",
    "unsupported_regex",
    "method_not_allowed",
    "constants_extraction",
    "unmatched_filter",
    "unresolvable_reference",
    "low_valid_rate",
    "rate_limited",
    "dictionary_mismatch",
    "timeout_units",
)


def exit_code(code: int, covered: list[str]) -> int:
    """The gate's exit code: ``links.judge`` over schemathesis' CODE, in the codes above
    (schemathesis' usage error is 2, as the gate's)."""
    from .links import judge

    return judge(code, covered)


def checked(prefix: str, base_url: str, project_id: str, token: str, where: str) -> int | None:
    """The preflight (preflight.py) at BASE_URL: None when the run may start, else the exit
    code, its reason said on stderr after PREFIX (an unreachable target's with WHERE, the
    setting that named it)."""
    from .preflight import Refused, Unreachable, preflight

    try:
        preflight(base_url, project_id, token)
    except Refused as refused:
        print(f"{prefix}: {refused}", file=sys.stderr)
        return USAGE_ERROR
    except Unreachable as unreachable:
        print(f"{prefix}: {unreachable}: check {where}", file=sys.stderr)
        return MOCK_FAILED
    return None


def gate_mock(args: argparse.Namespace) -> int:
    from signalwire_sip_mock import MockProcess, Project, wait_until_healthy

    from .runner import run_gate

    if args.url:
        from .preflight import url_problem

        problem = url_problem(args.url)
        if problem:
            print(f"contract gate: {problem}", file=sys.stderr)
            return USAGE_ERROR
        missing = [n for n in (ENV_PROJECT_ID, ENV_API_TOKEN) if not os.environ.get(n)]
        if missing:
            print(f"mock --url needs {', '.join(missing)} (the mock's project)", file=sys.stderr)
            return USAGE_ERROR
        url = args.url.rstrip("/")
        try:
            wait_until_healthy(url, timeout=args.wait)
        except RuntimeError as error:
            print(f"contract gate: {error}", file=sys.stderr)
            return MOCK_FAILED
        print(f"contract gate: mock server at {url}")
        project_id, token = os.environ[ENV_PROJECT_ID], os.environ[ENV_API_TOKEN]
        stopped = checked("contract gate", url, project_id, token, "--url")
        if stopped is not None:
            return stopped
        code, covered = run_gate(url, project_id, token, Path(args.reports), args.schemathesis_args)
        return exit_code(code, covered)
    project = Project("11111111-2222-4333-8444-555555555555", "PT" + secrets.token_hex(16))
    options = ["--port", str(args.port)] if args.port else []
    try:
        mock = MockProcess([project], options=options, shape=args.shape).start()
    except RuntimeError as error:
        print(f"contract gate: the mock did not start: {error}", file=sys.stderr)
        return MOCK_FAILED
    try:
        print(f"contract gate: mock server at {mock.base_url}")
        code, covered = run_gate(
            mock.base_url, project.id, project.token, Path(args.reports), args.schemathesis_args
        )
    finally:
        mock.stop()
    return exit_code(code, covered)


def fidelity(space: Any, run_id: str, created_log: Path) -> None:
    """Print the fidelity report (fidelity.py); what it creates goes to CREATED_LOG."""
    from .fidelity import report

    def record(credential_id: str) -> None:
        with open(created_log, "a", encoding="utf-8") as f:
            f.write(credential_id + "\n")

    try:
        lines = report(space, run_id, record)
    except OSError as error:
        print(f"fidelity report: not made ({error})")
        return
    print("fidelity report (please send these lines: README, Against a real project):")
    for line in lines:
        print(f"  fidelity: {line}")


def gate_sandbox(args: argparse.Namespace) -> int:
    missing = [n for n in (ENV_SPACE, ENV_PROJECT_ID, ENV_API_TOKEN) if not os.environ.get(n)]
    if missing:
        print(f"contract-sandbox needs {', '.join(missing)} in the environment", file=sys.stderr)
        return USAGE_ERROR
    from .runner import UnsafeConfiguration, config_file, run_gate
    from .sandbox import CREATED_LOG, RUN_ID, Space, cleanup

    try:
        config_file(sandbox=True)
    except UnsafeConfiguration as refused:
        print(f"contract-sandbox: {refused}", file=sys.stderr)
        return USAGE_ERROR
    try:
        base_url = base_url_for_space(os.environ[ENV_SPACE])
    except ConfigurationError as refused:
        print(f"contract-sandbox: {ENV_SPACE}: {refused}", file=sys.stderr)
        return USAGE_ERROR
    project_id, token = os.environ[ENV_PROJECT_ID], os.environ[ENV_API_TOKEN]
    # Before the run, so a refused token or an unreachable space has nothing to clean up.
    stopped = checked("contract-sandbox", base_url, project_id, token, ENV_SPACE)
    if stopped is not None:
        return stopped
    run_id = f"swsip-{secrets.token_hex(4)}-"
    workdir = Path(tempfile.mkdtemp(prefix="contract-sandbox-"))
    created_log = workdir / "created.txt"
    space = Space(base_url, project_id, token)
    print(
        f"contract-sandbox: {base_url}, run id {run_id!r} (every username it sends starts with it)"
    )
    extra = [
        "--phases",
        "examples,fuzzing,stateful",
        "--mode",
        "positive",
        "--rate-limit",
        args.rate_limit,
        "--max-examples",
        str(args.max_examples),
        # schemathesis harvests ids from list responses and aims updates and deletes at them;
        # the hooks redirect those (credentials this run did not create) to fresh ids, so the
        # 404 they get is by design, not a created resource gone missing.
        "--exclude-checks",
        "ensure_resource_availability",
        # For the same reason an operation of what the run did not make (a subscriber's
        # credentials, say) may meet only 404s: schemathesis' "missing test data" warning is
        # then the rails working, not a gap, and is not shown (so it fails nothing here).
        "--warnings",
        ",".join(SANDBOX_WARNINGS),
        *args.schemathesis_args,
    ]
    code, covered = 1, list[str]()
    try:
        code, covered = run_gate(
            base_url,
            project_id,
            token,
            Path(args.reports),
            extra,
            env={RUN_ID: run_id, CREATED_LOG: str(created_log)},
            sandbox=True,
        )
        fidelity(space, run_id, created_log)
    finally:
        cleanup(space, run_id, created_log)
        shutil.rmtree(workdir, ignore_errors=True)
    return exit_code(code, covered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="signalwire-sip-contract",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    mock = commands.add_parser(
        "mock",
        help="run the gate against the embedded mock server, or one at --url",
        description="The contract gate against a mock: one it starts, or one at --url.",
    )
    mock.add_argument("--port", type=int, default=0, help="port for the mock (default: a free one)")
    mock.add_argument(
        "--shape",
        choices=["flat", "fabric"],
        default="flat",
        help="how the mock it starts answers credentials: flat (the seed) or fabric (production "
        "as observed: wrapped, two ids)",
    )
    mock.add_argument(
        "--url",
        help="a mock started elsewhere (a CI service), e.g. http://mock:8080; its project comes "
        "from SIGNALWIRE_PROJECT_ID and SIGNALWIRE_API_TOKEN",
    )
    mock.add_argument(
        "--wait",
        type=float,
        default=30.0,
        help="seconds to wait for the mock at --url to answer /__mock__/health (default 30)",
    )
    sandbox = commands.add_parser(
        "sandbox",
        help="run the safe subset against a real project",
        description="The safe subset of the gate against a real project (SIGNALWIRE_SPACE, "
        "SIGNALWIRE_PROJECT_ID, SIGNALWIRE_API_TOKEN); refuses to start beside a schemathesis.toml.",
    )
    sandbox.add_argument(
        "--rate-limit", default="5/s", help="requests allowed, as LIMIT/DURATION (default 5/s)"
    )
    sandbox.add_argument(
        "--max-examples", type=int, default=10, help="cases per operation (default 10)"
    )
    for command in (mock, sandbox):
        command.add_argument(
            "--reports",
            default="reports/contract",
            help="where every report goes: junit.xml, links.json (default reports/contract)",
        )
        command.add_argument(
            "schemathesis_args", nargs="*", help="passed to `schemathesis run` after --"
        )
    args = parser.parse_args(argv)
    try:
        return gate_mock(args) if args.command == "mock" else gate_sandbox(args)
    except ModuleNotFoundError as missing:
        if missing.name not in _EXTRA_MODULES:
            raise
        print(
            f"signalwire-sip-contract needs {missing.name}, of the contract extra: {CONTRACT_EXTRA}",
            file=sys.stderr,
        )
        return USAGE_ERROR


# What the contract extra (schemathesis, and the mock's own extra) brings.
_EXTRA_MODULES = frozenset(
    {"schemathesis", "uvicorn", "jsonschema_rs", "yaml", "starlette", "hypothesis", "junitparser"}
)


if __name__ == "__main__":
    sys.exit(main())

"""Keeping up with SignalWire: ``make upstream-diff`` and ``make upstream-conformance``.

SignalWire publishes a compiled OpenAPI definition of its REST API (repository signalwire/docs,
``fern/apis/signalwire-rest/openapi.yaml``). Both commands cut it down to the operations our
spec has (by operationId; its other SIP operations are reported as not covered) and hold it
against ours:

- ``diff``: the same optic setup as ``make changes`` (upstream is the base, ours the head, so
  "breaking" means a client written for SignalWire's definition may break against ours);
- ``conformance``: schemathesis with SignalWire's definition against the mock (status codes,
  content types and response bodies it declares; no server errors).

Each difference or failure is *known* when an entry of openapi/upstream-deviations.yaml (the
reviewed list of intended differences, each with its reason) matches it, else *new*; a new one
fails the command. SignalWire's text never enters this repository: pass the file with UPSTREAM=.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script, too
from scripts.release import ROOT, SPEC, Change, optic_changes

DEVIATIONS = Path("openapi/upstream-deviations.yaml")
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SIP = re.compile(r"sip_(endpoint|credential)", re.IGNORECASE)


@dataclass(frozen=True)
class Deviation:
    id: str
    reason: str
    diff: tuple[re.Pattern[str], ...]
    conformance: tuple[re.Pattern[str], ...]


def load_deviations(path: Path) -> list[Deviation]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["deviations"]
    deviations = []
    for entry in entries:
        missing = {"id", "upstream", "ours", "reason"} - set(entry)
        if missing:
            raise SystemExit(f"{path}: deviation {entry.get('id', '?')} lacks {sorted(missing)}")
        deviations.append(
            Deviation(
                entry["id"],
                entry["reason"],
                tuple(re.compile(p) for p in entry.get("diff", [])),
                tuple(re.compile(p) for p in entry.get("conformance", [])),
            )
        )
    return deviations


def explained(text: str, patterns: list[tuple[str, re.Pattern[str]]]) -> str | None:
    """The id of the first deviation whose pattern matches TEXT, or None."""
    return next((ident for ident, pattern in patterns if pattern.search(text)), None)


# Cutting SignalWire's definition down to our operations ---------------------------------------


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document.get("paths", {}).items():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and method in item:
                yield path, method, item[method]


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            yield ref
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def cut(upstream: dict[str, Any], wanted: set[str]) -> tuple[dict[str, Any], list[str]]:
    """UPSTREAM with only the operations whose ids are WANTED (and the components they reach);
    and its other SIP operations, as ``operationId (METHOD path)``."""
    paths: dict[str, dict[str, Any]] = {}
    not_covered = []
    for path, method, operation in operations(upstream):
        ident = operation.get("operationId", "")
        if ident in wanted:
            shared = {k: v for k, v in upstream["paths"][path].items() if k not in HTTP_METHODS}
            paths.setdefault(path, dict(shared))[method] = operation
        elif SIP.search(ident) or SIP.search(path):
            not_covered.append(f"{ident} ({method.upper()} {path})")
    components: dict[str, dict[str, Any]] = {}
    pending = list(_refs(paths))
    while pending:
        ref = pending.pop()
        _, _, kind, name = ref.split("/", 3)
        if name in components.get(kind, {}):
            continue
        target = upstream["components"][kind][name]
        components.setdefault(kind, {})[name] = target
        pending.extend(_refs(target))
    document: dict[str, Any] = {
        key: upstream[key] for key in ("openapi", "info", "servers", "security") if key in upstream
    }
    document["paths"] = paths
    document["components"] = components | {
        "securitySchemes": upstream.get("components", {}).get("securitySchemes", {})
    }
    return document, sorted(not_covered)


def our_operation_ids(root: Path) -> set[str]:
    ours = yaml.safe_load((root / SPEC).read_text(encoding="utf-8"))
    return {op["operationId"] for _, _, op in operations(ours)}


def cut_file(root: Path, upstream_file: Path, folder: Path) -> tuple[Path, list[str]]:
    upstream = yaml.safe_load(upstream_file.read_text(encoding="utf-8"))
    wanted = our_operation_ids(root)
    document, not_covered = cut(upstream, wanted)
    found = {op["operationId"] for _, _, op in operations(document)}
    for ident in sorted(wanted - found):
        not_covered.insert(0, f"{ident}: ours, not in SignalWire's definition")
    target = folder / "upstream-cut.yaml"
    target.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return target, not_covered


# Commands ----------------------------------------------------------------------------------


def diff(root: Path, upstream_file: Path) -> tuple[list[tuple[Change, str | None]], list[str]]:
    """Each difference from SignalWire's definition to ours, with the deviation explaining it."""
    patterns = [(d.id, p) for d in load_deviations(root / DEVIATIONS) for p in d.diff]
    with tempfile.TemporaryDirectory() as scratch:
        cut_spec, not_covered = cut_file(root, upstream_file, Path(scratch))
        # Loose: optic's validator wants `unevaluatedProperties` boolean, which OpenAPI 3.1
        # does not (SignalWire writes `{not: {}}`).
        changes = optic_changes(root, cut_spec, root / SPEC, strict=False)
    return [(c, explained(f"{c.kind} {c.text}", patterns)) for c in changes], not_covered


def cmd_diff(root: Path, upstream_file: Path) -> int:
    found, not_covered = diff(root, upstream_file)
    for line in not_covered:
        print(f"not covered  {line}")
    for change, deviation in found:
        verdict = f"known ({deviation})" if deviation else "NEW"
        print(f"{verdict:<40} {change.kind:<9} {change.text}")
    new = [c for c, d in found if d is None]
    print(
        f"\n{len(found)} differences: {len(found) - len(new)} known, {len(new)} new; "
        f"{len(not_covered)} SIP operations of SignalWire's not covered"
    )
    if new:
        print("a new difference: change the spec, or add a reviewed entry to " + str(DEVIATIONS))
    return 1 if new else 0


_CHECK = re.compile(r"^- (?:ST\d+ )?(?P<title>.+)$")


def conformance_failures(junit: Path) -> list[str]:
    """``METHOD path: failure: first line of its detail`` for each failure in schemathesis'
    JUnit report (a test case per operation; each failure's text lists its checks as
    ``- ST108 Title``, the detail on the next line that is not empty)."""
    failures: list[str] = []
    for case in ElementTree.parse(junit).getroot().iter("testcase"):
        operation = case.get("name", "")
        for failure in case.iter("failure"):
            title = None
            for raw in (failure.text or "").splitlines():
                line = raw.strip()
                if check := _CHECK.match(line):
                    title = check["title"]
                elif title and line:
                    failures.append(f"{operation}: {title}: {line}")
                    title = None
    return sorted(set(failures))


def conformance(
    root: Path, upstream_file: Path, seed: int
) -> tuple[list[tuple[str, str | None]], str]:
    from signalwire_sip_mock import MockServer  # the mock, on a free loopback port

    # schemathesis sends requests uvicorn itself refuses (say, NUL bytes): not ours to report.
    logging.getLogger("uvicorn.error").setLevel(logging.ERROR)

    patterns = [(d.id, p) for d in load_deviations(root / DEVIATIONS) for p in d.conformance]
    schemathesis = Path(sys.executable).with_name("schemathesis")
    with tempfile.TemporaryDirectory() as scratch, MockServer() as mock:
        cut_spec, _ = cut_file(root, upstream_file, Path(scratch))
        done = subprocess.run(
            [
                str(schemathesis),
                "run",
                str(cut_spec),
                "--url",
                mock.base_url,
                "--auth",
                f"{mock.project.id}:{mock.project.token}",
                "--phases",
                "examples,fuzzing,stateful",
                "--mode",
                "positive",
                "--checks",
                "not_a_server_error,status_code_conformance,content_type_conformance,"
                "response_schema_conformance",
                "--max-examples",
                "25",
                "--seed",
                str(seed),
                "--no-color",
                # The verdict is read from the JUnit report, not from the terminal's text.
                "--report",
                "junit",
                "--report-junit-path",
                str(Path(scratch) / "junit.xml"),
            ],
            cwd=scratch,  # not this repository's schemathesis.toml: SignalWire's definition alone
            capture_output=True,
            text=True,
            env=os.environ | {"SCHEMATHESIS_HOOKS": ""},
            check=False,
        )
        junit = Path(scratch) / "junit.xml"
        failures = conformance_failures(junit) if junit.is_file() else []
    if done.returncode not in (0, 1) or (done.returncode == 1 and not failures):
        raise SystemExit(f"schemathesis did not run:\n{done.stdout[-3000:]}\n{done.stderr[-2000:]}")
    return [(f, explained(f, patterns)) for f in failures], done.stdout


def cmd_conformance(root: Path, upstream_file: Path, seed: int) -> int:
    found, _ = conformance(root, upstream_file, seed)
    for failure, deviation in found:
        verdict = f"known ({deviation})" if deviation else "NEW"
        print(f"{verdict:<40} {failure}")
    new = [f for f, d in found if d is None]
    print(f"\n{len(found)} kinds of failure: {len(found) - len(new)} known, {len(new)} new")
    return 1 if new else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/upstream.py", description=__doc__)
    parser.add_argument("command", choices=["diff", "conformance"])
    parser.add_argument("upstream", help="SignalWire's compiled OpenAPI definition")
    parser.add_argument("--seed", type=int, default=20261127)
    args = parser.parse_args(argv)
    root = Path(os.environ.get("RELEASE_ROOT", ROOT))
    upstream = Path(args.upstream)
    if not args.upstream or not upstream.is_file():
        raise SystemExit(
            f"no such file: {args.upstream!r}: pass UPSTREAM=<SignalWire's definition>, e.g. "
            "fern/apis/signalwire-rest/openapi.yaml of a clone of signalwire/docs"
        )
    if args.command == "diff":
        return cmd_diff(root, upstream)
    return cmd_conformance(root, upstream, args.seed)


if __name__ == "__main__":
    sys.exit(main())

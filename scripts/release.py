"""Releases: ``make changes``, ``make check-release`` and ``make bump``.

The version lives in one place, the spec's ``info.version``; the distribution reads it from
there at build time (hatchling's regex version source, pyproject.toml) and
``signalwire_sip.__version__`` from the installed metadata.

A release is known from main's history alone, no tags needed: it is the commit that puts a new
version section at the top of CHANGELOG.md (``make bump`` writes it; committing it releases).
``changes`` compares the working tree with the last release (or ``--base REF``) in two layers,
each judged by a maintained tool:

- the HTTP contract: optic (``optic diff --check``) with its ``breaking-changes`` ruleset and
  the rules in release/optic-rules.js for what that ruleset does not see;
- the Python API of the packages people import: griffe (``griffe check``).

Each change is one line, classed breaking (needs a major release), additive (minor) or fix
(patch). Code-only fixes, which neither layer sees, are released with ``make bump PART=patch``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe
import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = Path("openapi/sip-credentials.yaml")
CHANGELOG = Path("CHANGELOG.md")
OPTIC_STANDARD = Path("release/optic.yml")
# The packages whose Python API users import, and the folder each lives in.
PACKAGES = {
    "signalwire_sip": "overrides",
    "signalwire_sip_client": "generated",
    "signalwire_sip_mock": "mock",
    "signalwire_sip_contract": "contract",
}
# The one version line of the spec; pyproject.toml's [tool.hatch.version] reads the same one.
VERSION_LINE = re.compile(r"(?m)^  version: (?P<version>\d+\.\d+\.\d+)$")
SECTION = re.compile(r"(?m)^## (?P<version>\d+\.\d+\.\d+)\b")
CLASSES = ("breaking", "additive", "fix")
PART_FOR = {"breaking": "major", "additive": "minor", "fix": "patch"}
HEADINGS = {"breaking": "Breaking", "additive": "Added", "fix": "Fixed"}


@dataclass(frozen=True, order=True)
class Change:
    """One change, classed, in one layer (``http`` or ``python``)."""

    kind: str
    layer: str
    text: str

    def line(self) -> str:
        return f"{self.kind:<9} {self.layer:<7} {self.text}"


# Versions -------------------------------------------------------------------------------


def parse_version(text: str) -> tuple[int, int, int]:
    major, minor, patch = (int(p) for p in text.split("."))
    return major, minor, patch


def bumped(version: str, part: str) -> str:
    major, minor, patch = parse_version(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def spec_version(text: str) -> str:
    found = VERSION_LINE.search(text)
    if not found:
        raise SystemExit(f"{SPEC}: no `  version: X.Y.Z` line under info")
    return found.group("version")


def changelog_versions(text: str) -> list[str]:
    return [m.group("version") for m in SECTION.finditer(text)]


# History ----------------------------------------------------------------------------------


def git(root: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise SystemExit(f"git {' '.join(args)}: {done.stderr.strip()}")
    return done.stdout


def last_release(root: Path) -> tuple[str, str]:
    """(commit, version) of the newest commit that put a new version atop CHANGELOG.md."""
    for commit in git(root, "log", "--format=%H", "--", str(CHANGELOG)).split():
        mine = changelog_versions(git(root, "show", f"{commit}:{CHANGELOG}"))
        parents = git(root, "show", "--no-patch", "--format=%P", commit).split()
        theirs = (
            changelog_versions(git(root, "show", f"{parents[0]}:{CHANGELOG}", check=False))
            if parents
            else []
        )
        if mine and mine[:1] != theirs[:1]:
            return commit, mine[0]
    raise SystemExit(
        "no release in this history: no commit puts a version section atop CHANGELOG.md "
        "(a shallow clone must reach back to the last release)"
    )


# The HTTP contract: optic -------------------------------------------------------------------

_OPERATION = re.compile(
    r"^(?:[x✔⚠ⓘ] )?(?P<method>GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) (?P<path>\S+?):"
    r"\s*(?P<status>added|removed|changed)?\s*$"
)
_NODE = re.compile(r"^(?P<indent>\s*)- (?P<label>.+?):?\s*(?P<status>added|removed|changed)?\s*$")
_RULE = re.compile(r"^(?P<indent>\s*)(?P<icon>[x⚠ⓘ]) \[(?P<rule>[^\]]+)\] (?P<message>.+?)\s*$")
_TAIL = re.compile(r"\s*This is (an? (breaking|additive) change|a fix)\.$")


def _readable(label: str) -> str:
    """``property /schema/properties/data/items/properties/codecs`` -> ``data[].codecs``."""
    if not label.startswith("property "):
        return label
    parts = [p for p in label.removeprefix("property /schema").split("/") if p]
    name, i = "", 0
    while i < len(parts):
        if parts[i] == "properties" and i + 1 < len(parts):
            name += ("." if name else "") + parts[i + 1]
            i += 2
        else:
            name += "[]" if parts[i] == "items" else ""
            i += 1
    return name


@dataclass
class _Node:
    indent: int
    where: str
    status: str | None
    label: str = ""  # this node's own part of WHERE ("" for an operation)
    rules: list[tuple[str, str]] = field(default_factory=list)  # (icon, message)


def parse_optic(output: str) -> list[Change]:
    """The changes optic's terminal report lists, classed by the checks that judged them.

    The terminal report, because it is the only place optic gives its checks' verdicts:
    ``optic diff --check --json`` (the only machine-readable output it has) holds the diff
    alone, each change with its ``before`` and ``after`` and no rule that judged it (measured
    with the pinned optic on the H264 removal: ``{"operations": [...]}``, no "breaking").
    griffe (below) and schemathesis (scripts/upstream.py) are read through their APIs and
    reports."""
    nodes: list[_Node] = []
    stack: list[_Node] = []
    for raw in output.splitlines():
        line = raw.rstrip()
        if line == "specification details:":  # info, servers, security: the document itself
            stack = [_Node(-1, "document", None)]
        elif operation := _OPERATION.match(line):
            where = f"{operation['method']} {operation['path']}"
            stack = [_Node(-1, where, operation["status"])]
            nodes.append(stack[0])
        elif stack and (rule := _RULE.match(line)):
            indent = len(rule["indent"])
            owner = next((n for n in reversed(stack) if n.status and n.indent < indent), None)
            if owner is None and nodes and nodes[-1].status and nodes[-1].indent <= indent:
                owner = nodes[-1]  # a parameter's check follows the attribute it judges
            if owner is None:  # a check on something unchanged itself: report it on its own
                owner = _Node(indent, stack[-1].where, "changed")
                nodes.append(owner)
            owner.rules.append((rule["icon"], _TAIL.sub("", rule["message"])))
        elif stack and (found := _NODE.match(line)):
            indent = len(found["indent"])
            while len(stack) > 1 and stack[-1].indent >= indent:
                stack.pop()
            label = _readable(found["label"])
            if label.startswith("body "):
                label = ""  # one media type here: the body is the body
            where = " ".join(p for p in (stack[-1].where, label) if p)
            child = _Node(indent, where, found["status"], label)
            stack.append(child)
            if child.status:
                nodes.append(child)
    changes = []
    for node in nodes:
        if not node.status:
            continue
        if node.rules:
            # The gravest verdict classes the change: x breaking, i additive, ! a fix.
            icon = next(i for i in "xⓘ⚠" if any(r[0] == i for r in node.rules))
            kind = {"x": "breaking", "ⓘ": "additive", "⚠": "fix"}[icon]
            messages = list(dict.fromkeys(m for i, m in node.rules if i == icon))
            extra = f" (+{len(messages) - 1} more)" if len(messages) > 1 else ""
            status = "" if node.status == "changed" else f" {node.status}"
            text = f"{node.where}{status}: {messages[0]}{extra}"
        elif node.label.startswith("/"):
            # Attributes (/description, /example ...): wording. Their effect on shape, if any,
            # is what the checks judge.
            kind, text = "fix", f"{node.where} {node.status}"
        else:
            kind = {"added": "additive", "removed": "breaking"}.get(node.status, "fix")
            text = f"{node.where} {node.status}"
        changes.append(Change(kind, "http", text))
    return changes


def without_links(source: Path, target: Path) -> Path:
    """SOURCE written to TARGET without its responses' links. optic's strict validator refuses
    a link whose ``requestBody`` is an object of expressions (``{sip_endpoint_id:
    $response.body#/id}``), which OpenAPI 3.1 allows (Link Object: ``Any | {expression}``) and
    openapi-spec-validator and Redocly accept in ``make lint``; links are no part of what
    optic's checks class, so optic reads both documents without them, strictly."""
    document = yaml.safe_load(source.read_text(encoding="utf-8"))
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict):
                for response in operation.get("responses", {}).values():
                    if isinstance(response, dict):
                        response.pop("links", None)
    target.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), "utf-8")
    return target


def optic_changes(root: Path, base: Path, head: Path, *, strict: bool = True) -> list[Change]:
    """The changes from the spec BASE to the spec HEAD, as optic and its checks class them.
    STRICT off for documents optic's validator misreads (SignalWire's, see scripts/upstream.py)."""
    with tempfile.TemporaryDirectory() as scratch:
        base = without_links(base, Path(scratch) / "base.yaml")
        head = without_links(head, Path(scratch) / "head.yaml")
        return _optic(root, base, head, strict)


def _optic(root: Path, base: Path, head: Path, strict: bool) -> list[Change]:
    done = subprocess.run(
        [
            str(root / "node_modules" / ".bin" / "optic"),  # npx would add 0.6 s a run
            "diff",
            str(base),
            str(head),
            "--check",
            "--standard",
            str(root / OPTIC_STANDARD),
            "--validation",
            "strict" if strict else "loose",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        # CI=false: under CI=true (as CI runs) optic writes ci-run-details.json into the
        # folder it runs in, the repository's root.
        env=os.environ | {"OPTIC_TELEMETRY_LEVEL": "off", "NO_COLOR": "1", "CI": "false"},
        check=False,
    )
    # optic carries on without a ruleset it cannot load: a report without every check is
    # no report.
    output = done.stdout + done.stderr
    if "Checks:" not in done.stdout or re.search(
        r"(?m)^Error\b|Cannot find module|had configuration errors|^invalid openapi", output
    ):
        raise SystemExit(f"optic did not run every check:\n{output}")
    return parse_optic(done.stdout)


def http_changes(root: Path, base_spec: str) -> list[Change]:
    head = (root / SPEC).read_text(encoding="utf-8")
    if head == base_spec:
        return []
    with tempfile.TemporaryDirectory() as scratch:
        base_file = Path(scratch) / "base.yaml"
        base_file.write_text(base_spec, encoding="utf-8")
        changes = optic_changes(root, base_file, root / SPEC)
    if not changes:  # the text changed outside the operations: info, comments, unused parts
        changes = [Change("fix", "http", f"{SPEC} changed outside its operations")]
    return changes


# The Python API: griffe -----------------------------------------------------------------------


def _public_names(obj: Any, prefix: str, found: set[str], seen: set[str]) -> set[str]:
    """Every public name under OBJ, by the path a user imports it by (PREFIX): aliases (the
    names a package re-exports) are followed to what they name, once each."""
    for name, member in obj.members.items():
        try:
            if not member.is_public:
                continue
            target = member.final_target if member.is_alias else member
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue  # a name re-exported from another distribution: not ours to list
        if member.is_alias and target.kind is griffe.Kind.MODULE:
            continue  # an imported module is listed under its own name
        path = f"{prefix}.{name}"
        found.add(path)
        if target.kind in (griffe.Kind.MODULE, griffe.Kind.CLASS) and target.path not in seen:
            seen.add(target.path)
            _public_names(target, path, found, seen)
    return found


def python_changes(root: Path, base: str) -> list[Change]:
    """The Python layer's changes, read through griffe's API: its breakages (breaking), and
    the public names the base did not have (additive)."""
    changes = []
    for package, folder in PACKAGES.items():
        known = subprocess.run(
            ["git", "cat-file", "-e", f"{base}:{folder}/{package}/__init__.py"],
            cwd=root,
            capture_output=True,
            check=False,
        )
        if known.returncode != 0:  # not in the base release: all of it is new
            changes.append(Change("additive", "python", f"{package}: new package"))
            continue
        try:
            old = griffe.load_git(package, ref=base, repo=root, search_paths=[folder])
            new = griffe.load(package, search_paths=[root / folder])
        except (griffe.GriffeError, OSError, ValueError) as error:
            raise SystemExit(f"griffe could not load {package}: {error}") from None
        for breakage in griffe.find_breaking_changes(old, new):
            text = f"{breakage.obj.path}: {breakage.kind.value}"
            changes.append(Change("breaking", "python", text))
        before = _public_names(old, package, set(), set())
        added = _public_names(new, package, set(), set()) - before
        # A new module or class is one line: its members are new with it.
        tops = sorted(n for n in added if n.rsplit(".", 1)[0] not in added)
        changes += [Change("additive", "python", f"{name}: new public name") for name in tops]
    return changes


# Commands ----------------------------------------------------------------------------------


def changes_since(root: Path, base: str) -> list[Change]:
    base_spec = git(root, "show", f"{base}:{SPEC}")
    found = http_changes(root, base_spec) + python_changes(root, base)
    return sorted(set(found), key=lambda c: (CLASSES.index(c.kind), c.layer, c.text))


def needed_part(changes: list[Change]) -> str | None:
    kinds = {c.kind for c in changes}
    return next((PART_FOR[k] for k in CLASSES if k in kinds), None)


def report(changes: list[Change]) -> str:
    return "\n".join(c.line() for c in changes) if changes else "no changes"


def cmd_changes(root: Path, base: str | None) -> int:
    if base is None:
        base, version = last_release(root)
        print(f"changes since {version} ({base[:12]}):")
    else:
        print(f"changes since {base}:")
    print(report(changes_since(root, base)))
    return 0


def check_release(root: Path, changes: list[Change] | None = None) -> list[str]:
    """What is wrong with the working tree as a release; empty when nothing is. CHANGES are
    those since the last release, when the caller has them already."""
    commit, released = last_release(root)
    current = spec_version((root / SPEC).read_text(encoding="utf-8"))
    sections = changelog_versions((root / CHANGELOG).read_text(encoding="utf-8"))
    if changes is None:
        changes = changes_since(root, commit)
    part = needed_part(changes)
    problems = []
    if parse_version(current) < parse_version(released):
        problems.append(f"the version {current} is older than the last release {released}")
    elif part and parse_version(current) < parse_version(bumped(released, part)):
        problems.append(
            f"the changes since {released} ({commit[:12]}) need a {part} release, "
            f"{bumped(released, part)}, but the version is {current}: run `make bump`\n"
            + report(changes)
        )
    if current not in sections:
        problems.append(f"CHANGELOG.md has no section for {current}: run `make bump`")
    return problems


def cmd_check(root: Path) -> int:
    problems = check_release(root)
    for problem in problems:
        print(f"check-release: {problem}", file=sys.stderr)
    if not problems:
        print(f"check-release: {spec_version((root / SPEC).read_text())} covers every change")
    return 1 if problems else 0


def changelog_section(version: str, changes: list[Change], today: datetime.date) -> str:
    lines = [f"## {version} — {today.isoformat()}", ""]
    for kind in CLASSES:
        mine = [c for c in changes if c.kind == kind]
        if mine:
            lines += [f"### {HEADINGS[kind]}", ""]
            lines += [f"- {c.layer}: {c.text}" for c in mine]
            lines.append("")
    return "\n".join(lines) + "\n"


def cmd_bump(
    root: Path, part: str | None, today: datetime.date, changes: list[Change] | None = None
) -> int:
    commit, released = last_release(root)
    if changes is None:
        changes = changes_since(root, commit)
    part = part or needed_part(changes)
    if part is None:
        print(f"nothing changed since {released}: no release needed")
        return 0
    new = bumped(released, part)
    spec_text = (root / SPEC).read_text(encoding="utf-8")
    current = spec_version(spec_text)
    if parse_version(current) < parse_version(new):
        (root / SPEC).write_text(
            VERSION_LINE.sub(f"  version: {new}", spec_text, count=1), encoding="utf-8"
        )
    else:
        new = current
    changelog = (root / CHANGELOG).read_text(encoding="utf-8")
    if new not in changelog_versions(changelog):
        at = SECTION.search(changelog)
        cut = at.start() if at else len(changelog)
        section = changelog_section(new, changes, today)
        (root / CHANGELOG).write_text(changelog[:cut] + section + "\n" + changelog[cut:])
    print(f"{released} -> {new} ({part}); CHANGELOG.md has its section: reword it, then commit")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/release.py", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    changes = sub.add_parser("changes", help="every change since BASE (default: the last release)")
    changes.add_argument("--base", default=None)
    sub.add_parser("check", help="fail when the version or CHANGELOG.md does not cover the changes")
    bump = sub.add_parser("bump", help="raise the version as the changes need; write CHANGELOG.md")
    bump.add_argument("--part", choices=["major", "minor", "patch"], default=None)
    args = parser.parse_args(argv)
    root = Path(os.environ.get("RELEASE_ROOT", ROOT))
    if args.command == "changes":
        return cmd_changes(root, args.base or None)
    if args.command == "check":
        return cmd_check(root)
    return cmd_bump(root, args.part, datetime.date.today())


if __name__ == "__main__":
    sys.exit(main())

"""Releases: scripted spec changes, each in a scratch clone, through generate -> changes ->
check-release -> bump -> check-release. The clone has no tags: releases come from history."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

import signalwire_sip
from scripts import release
from scripts.check_generated import generate

from .helpers import ROOT, SPEC_PATH

pytestmark = pytest.mark.slow
TODAY = datetime.date(2026, 11, 27)
TOOLING = ("scripts/release.py", "release/optic-rules.js", "release/optic.yml")


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", *args],
        cwd=root,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of HEAD whose last commit is a release with nothing pending (made once)."""
    root = tmp_path_factory.mktemp("released") / "repo"
    git(ROOT, "clone", "-q", str(ROOT), str(root))
    for name in TOOLING:  # the release tooling as it is in this working tree
        shutil.copy(ROOT / name, root / name)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    git(root, "commit", "-qam", "tooling under test", "--allow-empty")
    if release.check_release(root):  # HEAD carries unreleased changes: release them here
        release.cmd_bump(root, None, TODAY)
        git(root, "commit", "-qam", "release")
    assert release.check_release(root) == []
    return root


@pytest.fixture
def scratch(released: Path, tmp_path: Path) -> Path:
    """A copy of that clone, this test's own."""
    root = tmp_path / "repo"
    shutil.copytree(released, root, symlinks=True)
    return root


def regenerate(root: Path) -> None:
    shutil.rmtree(root / "generated" / "signalwire_sip_client")
    generate(root, root / "generated" / "signalwire_sip_client")


def edit_spec(root: Path, old: str, new: str) -> None:
    spec = root / "openapi" / "sip-credentials.yaml"
    text = spec.read_text()
    assert text.count(old) >= 1, old
    spec.write_text(text.replace(old, new, 1))
    regenerate(root)


CALLER_ID = (
    "        caller_id:\n          type: string\n"
    "          description: The caller ID shown when dialing from this SIP endpoint.\n"
)
LIST_503 = "        '503':\n          $ref: '#/components/responses/ServiceUnavailable'\n    post:"
CREATE_REQUIRED = (
    '      required: [username]\n      x-source: "required: the seed names nine fields, production'
    ' took four (api-facts); the client sends what it is given"\n      properties:\n'
)
RESPONSE_USERNAME = "        username:\n          type: string\n          description: The username for the SIP endpoint."
Edit = Callable[[Path], None]

SCENARIOS: dict[str, tuple[Edit, str, str, list[str]]] = {
    # name: (edit, class, part, what `changes` must name)
    "an optional response field added": (
        lambda root: edit_spec(
            root,
            RESPONSE_USERNAME,
            "        region:\n          type: string\n" + RESPONSE_USERNAME,
        ),
        "additive",
        "minor",
        ["GET /api/fabric/resources/sip_endpoints/{id} response 200 region added"],
    ),
    "an enum value added": (
        lambda root: edit_spec(root, "VP8, H264]", "VP8, H264, AV1]"),
        "additive",
        "minor",
        ["POST /api/fabric/resources/sip_endpoints request codecs: enum value 'AV1' added"],
    ),
    "a required request field added": (
        lambda root: edit_spec(
            root,
            CREATE_REQUIRED,
            CREATE_REQUIRED.replace("]\n", ", realm]\n")
            + "        realm:\n          type: string\n",
        ),
        "breaking",
        "major",
        [
            "POST /api/fabric/resources/sip_endpoints request realm added: cannot add a required",
            "python  signalwire_sip_client.models.SipCredentialCreate.realm: new public name",
        ],
    ),
    "a request constraint tightened (invisible to the Python API)": (
        lambda root: edit_spec(root, CALLER_ID, CALLER_ID + "          maxLength: 100\n"),
        "breaking",
        "major",
        [
            "POST /api/fabric/resources/sip_endpoints request caller_id: accepts less: maxLength 100 added"
        ],
    ),
    "a response status removed": (
        lambda root: edit_spec(root, LIST_503, "    post:"),
        "breaking",
        "major",
        ["GET /api/fabric/resources/sip_endpoints response 503 removed"],
    ),
    "a description reworded": (
        lambda root: edit_spec(root, "Returns one page of", "Returns a single page of"),
        "fix",
        "patch",
        ["GET /api/fabric/resources/sip_endpoints /description changed"],
    ),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_a_spec_change_is_classed_gated_and_released(scratch: Path, scenario: str) -> None:
    edit, kind, part, named = SCENARIOS[scenario]
    root = scratch
    commit, released = release.last_release(root)
    edit(root)
    changes = release.changes_since(root, commit)
    # The most severe change decides; a new field is also a new public Python name (additive).
    assert min(release.CLASSES.index(c.kind) for c in changes) == release.CLASSES.index(kind)
    assert {c.kind for c in changes} <= {kind, "additive"}, release.report(changes)
    text = release.report(changes)
    for name in named:
        assert name in text, text
    if "constraint" in scenario:
        assert not [c for c in changes if c.layer == "python"]  # only the HTTP layer sees it
    problems = release.check_release(root, changes)
    assert problems and f"need a {part} release" in problems[0] and named[0] in problems[0]
    release.cmd_bump(root, None, TODAY, changes)
    new = release.bumped(released, part)
    spec = yaml.safe_load((root / "openapi" / "sip-credentials.yaml").read_text())
    assert spec["info"]["version"] == new
    changelog = (root / "CHANGELOG.md").read_text()
    assert release.changelog_versions(changelog)[:2] == [new, released]
    assert named[0] in changelog.split(f"## {released}")[0]
    assert release.check_release(root, changes) == []


def test_the_h264_removal_through_the_commands_then_released_by_a_commit(scratch: Path) -> None:
    root = scratch
    script = [sys.executable, "scripts/release.py"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*script, *args], cwd=root, capture_output=True, text=True)

    edit_spec(root, "VP8, H264]", "VP8]")
    listed = run("changes")
    assert listed.returncode == 0
    assert (
        "breaking  python  signalwire_sip_client.models.codec.Codec.H264: Public object was removed"
        in listed.stdout
    )
    assert "request codecs: enum value 'H264' removed" in listed.stdout
    gate = run("check")
    assert (
        gate.returncode == 1
        and "need a major release" in gate.stderr
        and "Codec.H264" in gate.stderr
    )
    assert run("bump").returncode == 0
    assert run("check").returncode == 0
    git(root, "commit", "-qam", "Release: H264 removed")
    commit, version = release.last_release(root)
    assert (commit, version[0]) == (git(root, "rev-parse", "HEAD").strip(), "2")
    assert "no changes" in run("changes").stdout
    assert not (root / "ci-run-details.json").exists()  # optic wrote nothing into the tree


def test_a_changelog_without_the_current_version_fails_the_gate(scratch: Path) -> None:
    root = scratch
    spec = root / "openapi" / "sip-credentials.yaml"
    version = release.spec_version(spec.read_text())
    bumped = release.bumped(version, "minor")
    spec.write_text(spec.read_text().replace(f"  version: {version}", f"  version: {bumped}", 1))
    problems = release.check_release(root, [])
    assert problems == [f"CHANGELOG.md has no section for {bumped}: run `make bump`"]


def test_one_version_for_spec_distribution_and_module() -> None:
    spec = yaml.safe_load(SPEC_PATH.read_text())
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert signalwire_sip.__version__ == spec["info"]["version"]
    assert release.changelog_versions(changelog)[0] == spec["info"]["version"]
    assert "version =" not in (ROOT / "pyproject.toml").read_text().split("[project.optional")[0]

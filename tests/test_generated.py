"""generated/ is output: regenerating gives the same bytes, and any drift is caught and named."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import ROOT

SCRIPT = ROOT / "scripts" / "check_generated.py"
PACKAGE = Path("generated/signalwire_sip_client")

pytestmark = pytest.mark.slow


def copy_inputs(target: Path) -> Path:
    """The spec, the generator settings and the committed output, in a scratch checkout."""
    shutil.copytree(ROOT / "openapi", target / "openapi")
    shutil.copytree(ROOT / PACKAGE, target / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True, timeout=120
    )


def test_the_committed_client_is_what_the_spec_generates() -> None:
    result = check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_one_changed_byte_in_generated_code_is_caught_and_named(tmp_path: Path) -> None:
    root = copy_inputs(tmp_path)
    target = root / PACKAGE / "models" / "sip_credential.py"
    text = target.read_text()
    target.write_text(text.replace("class SipCredential:", "class SipCredentiaL:", 1))
    result = check(root)
    assert result.returncode == 1
    assert "differs: models/sip_credential.py" in result.stdout


def test_a_spec_change_without_regenerating_is_caught(tmp_path: Path) -> None:
    root = copy_inputs(tmp_path)
    spec = root / "openapi" / "sip-credentials.yaml"
    spec.write_text(
        spec.read_text().replace(
            "The username for the SIP endpoint.", "The username of the endpoint."
        )
    )
    result = check(root)
    assert result.returncode == 1 and "models/sip_credential.py" in result.stdout


def test_stray_and_missing_files_are_named(tmp_path: Path) -> None:
    root = copy_inputs(tmp_path)
    (root / PACKAGE / "models" / "handwritten.py").write_text("x = 1\n")
    (root / PACKAGE / "types.py").unlink()
    result = check(root)
    assert result.returncode == 1
    assert "not produced by the generator: models/handwritten.py" in result.stdout
    assert "missing from generated/: types.py" in result.stdout


def test_make_generate_writes_what_the_check_expects(tmp_path: Path) -> None:
    """`make generate` is this script with --write: one command line (templates included) for
    both, so a stray file goes and a hand edit is undone."""
    root = copy_inputs(tmp_path)
    (root / PACKAGE / "models" / "handwritten.py").write_text("x = 1\n")
    target = root / PACKAGE / "models" / "sip_credential_update.py"
    target.write_text(target.read_text().replace(", repr=False)", ")"))
    assert check(root).returncode == 1
    written = subprocess.run(
        [sys.executable, str(SCRIPT), "--write", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert written.returncode == 0, written.stdout + written.stderr
    result = check(root)
    assert result.returncode == 0, result.stdout
    assert not (root / PACKAGE / "models" / "handwritten.py").exists()


def test_generating_twice_gives_identical_bytes(tmp_path: Path) -> None:
    from scripts.check_generated import compare, generate

    generate(ROOT, tmp_path / "first" / "pkg")
    generate(ROOT, tmp_path / "second" / "pkg")
    assert compare(tmp_path / "first" / "pkg", tmp_path / "second" / "pkg") == []
    leftovers = [
        p.name
        for p in (tmp_path / "first" / "pkg").rglob("*")
        if p.name in (".ruff_cache", "__pycache__")
    ]
    assert leftovers == []


def test_the_sync_client_drift_gate_fails_on_a_hand_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from scripts import make_sync

    sync = tmp_path / "_sync"
    shutil.copytree(make_sync.SYNC, sync)
    monkeypatch.setattr(make_sync, "SYNC", sync)
    assert make_sync.main(["--check"]) == 0
    core = sync / "_core.py"
    core.write_text(core.read_text().replace("time.sleep", "time.snooze"))
    assert make_sync.main(["--check"]) == 1
    core.write_text(core.read_text().replace("time.snooze", "time.sleep"))
    assert make_sync.main(["--check"]) == 0
    (sync / "orphan.py").write_text("")  # a twin whose source is gone
    assert make_sync.main(["--check"]) == 1

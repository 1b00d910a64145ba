"""ARCHITECTURE.md's rules, held: which package may import which, public names only across
packages, and the size limits of hand-written modules and classes."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import ROOT

PACKAGES = {
    "signalwire_sip_client": ROOT / "generated" / "signalwire_sip_client",
    "signalwire_sip": ROOT / "overrides" / "signalwire_sip",
    "signalwire_sip_mock": ROOT / "mock" / "signalwire_sip_mock",
    "signalwire_sip_contract": ROOT / "contract" / "signalwire_sip_contract",
}
# What each package may import of the others (ARCHITECTURE.md's table).
ALLOWED = {
    "signalwire_sip_client": set(),
    "signalwire_sip": {"signalwire_sip_client"},
    "signalwire_sip_mock": set(),
    "signalwire_sip_contract": {"signalwire_sip", "signalwire_sip_mock"},
}
# The mock's test kit hands out clients; the 1.x shims re-export the gate (removed in 2.0).
EXCEPTIONS = {
    ("signalwire_sip_mock", "running.py"): {"signalwire_sip"},
    ("signalwire_sip_mock", "pytest_plugin.py"): {"signalwire_sip"},
    ("signalwire_sip_mock", "contract.py"): {"signalwire_sip_contract"},
    ("signalwire_sip_mock", "contract_hooks.py"): {"signalwire_sip_contract"},
}
HAND_WRITTEN = ("signalwire_sip", "signalwire_sip_mock", "signalwire_sip_contract")
MODULE_LINES, CLASS_LINES = 350, 150


def imports(path: Path) -> Iterator[str]:
    """Every absolute module name PATH imports (relative imports stay inside its package)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def violations(package: str, folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        allowed = ALLOWED[package] | EXCEPTIONS.get((package, path.name), set())
        for name in imports(path):
            top = name.split(".")[0]
            if top in PACKAGES and top != package:
                if top not in allowed:
                    found.append(f"{path.name} imports {name}")
                elif any(part.startswith("_") for part in name.split(".")[1:]):
                    found.append(f"{path.name} imports private {name}")
    return found


@pytest.mark.parametrize("package", list(PACKAGES))
def test_each_package_imports_only_what_the_architecture_allows(package: str) -> None:
    assert violations(package, PACKAGES[package]) == []


def test_the_import_check_catches_a_forbidden_and_a_private_import(tmp_path: Path) -> None:
    folder = tmp_path / "signalwire_sip"
    folder.mkdir()
    (folder / "leak.py").write_text(
        "import signalwire_sip_mock\nfrom signalwire_sip_client._private import x\n"
    )
    assert len(violations("signalwire_sip", folder)) == 2


def oversized(path: Path) -> list[str]:
    text = path.read_text()
    found = []
    if len(text.splitlines()) > MODULE_LINES:
        found.append(f"{path.name}: {len(text.splitlines())} lines")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ClassDef) and node.end_lineno:
            length = node.end_lineno - node.lineno + 1
            if length > CLASS_LINES:
                found.append(f"{path.name}: class {node.name} {length} lines")
    return found


@pytest.mark.parametrize("package", HAND_WRITTEN)
def test_hand_written_modules_and_classes_stay_small(package: str) -> None:
    assert [o for p in sorted(PACKAGES[package].rglob("*.py")) for o in oversized(p)] == []


def test_the_size_check_catches_a_long_class(tmp_path: Path) -> None:
    module = tmp_path / "big.py"
    module.write_text("class Big:\n" + "    x = 1\n" * CLASS_LINES)
    assert oversized(module) == [f"big.py: class Big {CLASS_LINES + 1} lines"]

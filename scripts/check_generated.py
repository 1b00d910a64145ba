"""Regenerate the client into a scratch folder and fail, naming the files, if generated/ differs.

This is the gate that keeps generated/ honest: it is output of openapi/ and the generator
settings, never hand-edited. `make generate` runs this script with --write, so that the check
and the generation share one command line and cannot drift apart.
Usage: python scripts/check_generated.py [--write] [REPO_ROOT]
"""

from __future__ import annotations

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SPEC = Path("openapi/sip-credentials.yaml")
CONFIG = Path("openapi/generator.yaml")
# Our templates over the generator's own (a writeOnly property is left out of repr()). The
# generator's config file has no key for them, so the command line below names the folder.
TEMPLATES = Path("openapi/templates")
PACKAGE = Path("generated/signalwire_sip_client")
IGNORED = {"__pycache__"}


def generate(root: Path, out: Path) -> None:
    """Run the pinned generator on ROOT's spec and config, writing the package to OUT."""
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    cmd = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path",
        str(root / SPEC),
        "--config",
        str(root / CONFIG),
        "--custom-template-path",
        str(root / TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(out),
        "--fail-on-warning",
    ]
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)


def files_under(folder: Path) -> set[Path]:
    return {
        p.relative_to(folder)
        for p in folder.rglob("*")
        if p.is_file() and not IGNORED.intersection(p.parts)
    }


def compare(expected: Path, actual: Path) -> list[str]:
    """Describe every difference between the fresh output EXPECTED and the tree ACTUAL."""
    want, have = files_under(expected), files_under(actual)
    problems = [f"missing from generated/: {p}" for p in sorted(want - have)]
    problems += [f"not produced by the generator: {p}" for p in sorted(have - want)]
    for rel in sorted(want & have):
        if not filecmp.cmp(expected / rel, actual / rel, shallow=False):
            diff = difflib.unified_diff(
                (actual / rel).read_text().splitlines(),
                (expected / rel).read_text().splitlines(),
                f"committed/{rel}",
                f"regenerated/{rel}",
                lineterm="",
                n=1,
            )
            problems.append(f"differs: {rel}\n" + "\n".join(list(diff)[:40]))
    return problems


def main(argv: list[str]) -> int:
    write = "--write" in argv[1:]
    args = [a for a in argv[1:] if a != "--write"]
    root = Path(args[0]) if args else Path.cwd()
    if write:
        shutil.rmtree(root / PACKAGE, ignore_errors=True)
        generate(root, root / PACKAGE)
        print(f"{PACKAGE} regenerated from {SPEC}.")
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="check-generated-"))
    try:
        fresh = scratch / PACKAGE.name
        generate(root, fresh)
        problems = compare(fresh, root / PACKAGE)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if problems:
        print(f"{PACKAGE} is out of date with {SPEC}; run `make generate` and commit the result:")
        print("\n".join(problems))
        return 1
    print(f"{PACKAGE} matches what {SPEC} generates.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

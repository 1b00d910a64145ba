"""Build the mock's container image: the one recipe the docs, the CI example and the tests run.

    python container/build.py --tag signalwire-sip-mock            # on python:3.12-slim
    python container/build.py --tag signalwire-sip-mock --debian-base   # offline: no registry

It builds the wheel (an isolated ``python -m build``, unless ``--wheel`` names one), downloads
the wheelhouse for the base image's own Python (asked of the base itself, so the wheels always
suit it), and builds ``container/Containerfile`` with no network. ``--debian-base`` makes the base
from Debian's packages with mmdebstrap and ``podman import`` (needs mmdebstrap and podman: for
teams without a registry); otherwise the base is pulled (``--base``, default python:3.12-slim).
``--tool docker`` builds with docker instead of podman (the offline base needs podman).
Run from anywhere; it works in a scratch folder and removes it.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTAINER = ROOT / "container"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
DEFAULT_BASE = "python:3.12-slim"
# podman on hosts whose kernel crun refuses (hybrid cgroups) and where ulimits cannot be raised.
PODMAN_RUN = ["--runtime", "runc", "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1000:1000"]
PLATFORMS = ["manylinux_2_36_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64"]


def run(command: Sequence[str]) -> str:
    """COMMAND's output; a failure stops the build with its output."""
    done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = f"{done.stdout[-3000:]}{done.stderr[-3000:]}"
        raise SystemExit(f"{command[0]} {command[1]} failed:\n{output}")
    return done.stdout


def run_options(tool: str) -> list[str]:
    return PODMAN_RUN if tool == "podman" else []


def debian_base(tool: str, scratch: Path, suite: str = "bookworm") -> str:
    """A local base image made from Debian's packages (python3 and venv), its tag."""
    if tool != "podman":
        raise SystemExit("--debian-base needs podman (podman import)")
    tar = scratch / "base.tar"
    packages = "--include=python3,python3-venv"
    run(["mmdebstrap", "--quiet", "--variant=minbase", packages, suite, str(tar)])
    tag = f"localhost/signalwire-sip-base:{uuid.uuid4().hex[:8]}"
    run(["podman", "import", str(tar), tag])
    tar.unlink()
    return tag


def python_of(tool: str, base: str) -> str:
    """The base image's Python version (``3.11``), asked of the image."""
    code = "import sys; print('%d.%d' % sys.version_info[:2])"
    return run([tool, "run", "--rm", *run_options(tool), base, "python3", "-c", code]).strip()


def wheel_of(scratch: Path) -> Path:
    """The package's wheel, built in isolation from this checkout."""
    out = scratch / "dist"
    run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)])
    return next(out.glob("*.whl"))


def build(tag: str, *, base: str | None, debian: bool, tool: str, wheel: Path | None) -> str:
    """Build the image TAG; the base image it was built on."""
    with tempfile.TemporaryDirectory(prefix="signalwire-sip-image-") as name:
        scratch = Path(name)
        base = debian_base(tool, scratch) if debian else (base or DEFAULT_BASE)
        version = python_of(tool, base)
        context = scratch / "context"
        shutil.copytree(CONTAINER, context, ignore=shutil.ignore_patterns("wheelhouse", "*.py"))
        wheel = wheel or wheel_of(scratch)
        # The wheels the base's Python takes, fetched here: the build itself has no network.
        run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "-c", str(CONSTRAINTS), "--dest", str(context / "wheelhouse"), "--only-binary=:all:",
             "--python-version", version, "--implementation", "cp",
             *(f"--platform={p}" for p in PLATFORMS), f"{wheel}[mock]"])  # fmt: skip
        podman_only = [*PODMAN_RUN, "--format", "docker"] if tool == "podman" else []
        run([tool, "build", *podman_only, "--network=none", "--build-arg", f"BASE={base}",
             "-f", str(context / "Containerfile"), "-t", tag, str(context)])  # fmt: skip
    return base


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag", default="signalwire-sip-mock", help="the image's tag")
    parser.add_argument("--base", help=f"the base image to pull (default {DEFAULT_BASE})")
    parser.add_argument(
        "--debian-base", action="store_true", help="make the base from Debian (offline, podman)"
    )
    parser.add_argument("--tool", choices=["podman", "docker"], default="podman")
    parser.add_argument("--wheel", type=Path, help="a built wheel to install (default: build one)")
    args = parser.parse_args(argv)
    if args.base and args.debian_base:
        parser.error("--base and --debian-base exclude each other")
    base = build(
        args.tag, base=args.base, debian=args.debian_base, tool=args.tool, wheel=args.wheel
    )
    print(f"built {args.tag} on {base}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

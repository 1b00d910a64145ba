"""Produce the synchronous client from the asyncio one (httpcore's approach, with unasync).

    python scripts/make_sync.py          # write overrides/signalwire_sip/_sync/*.py
    python scripts/make_sync.py --check  # fail, with a diff, when a file is not what it makes

Every module of ``_async/`` but ``__init__.py`` has its twin in ``_sync/``.

unasync (python-trio) removes ``async``/``await`` and renames tokens; the names below are the
ones our source uses that its default table does not know. The result is formatted with the
project's ruff settings (imports sorted, then formatted), so the file in git is exactly what this script writes.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "overrides" / "signalwire_sip"
SOURCES = sorted(p for p in (PACKAGE / "_async").glob("*.py") if p.name != "__init__.py")
SOURCE = PACKAGE / "_async" / "client.py"  # the client's own module, produce()'s default
REPLACEMENTS = {
    "AsyncSipCredentials": "SipCredentials",
    "AsyncSubscriberSipCredentials": "SubscriberSipCredentials",
    "_AsyncCredentialOperations": "_CredentialOperations",
    "_AsyncAddressOperations": "_AddressOperations",
    "_AsyncCore": "_Core",
    "AsyncRawSipCredentials": "RawSipCredentials",
    "AsyncRawSubscriberSipCredentials": "RawSubscriberSipCredentials",
    "_AsyncResult": "_SyncResult",
    "AsyncClient": "Client",
    "aclose": "close",
    "aiter_bytes": "iter_bytes",
    "aread": "read",
    "AsyncByteStream": "SyncByteStream",
    "_async_deadline": "_sync_deadline",
    "asyncio_detailed": "sync_detailed",
    "set_async_httpx_client": "set_httpx_client",
    "asyncio": "time",
}
HEADER = (
    "# Produced from _async/{name} by scripts/make_sync.py (unasync): edit that file, then run\n"
    "# `make sync-client`. `make check-generated` fails when this file differs from what it makes.\n"
)


SYNC = PACKAGE / "_sync"


def target_of(source: Path) -> Path:
    return SYNC / source.name


def produce(source_file: Path = SOURCE) -> str:
    """The synchronous twin of SOURCE_FILE, as the script writes it."""
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch) / "_async" / source_file.name
        source.parent.mkdir()
        shutil.copyfile(source_file, source)
        rule = unasync.Rule("/_async/", "/_sync/", additional_replacements=REPLACEMENTS)
        unasync.unasync_files([str(source)], rules=[rule])
        produced = Path(scratch) / "_sync" / source_file.name
        produced.write_text(HEADER.format(name=source_file.name) + produced.read_text())
        ruff = [
            str(Path(sys.executable).with_name("ruff")),
            "--config",
            str(ROOT / "pyproject.toml"),
        ]
        # Renamed imports may need sorting again (AsyncIterator became Iterator), then format.
        ruff_check = [*ruff[:1], "check", *ruff[1:], "--quiet", "--select", "I", "--fix"]
        subprocess.run([*ruff_check, str(produced)], check=True)
        subprocess.run([ruff[0], "format", *ruff[1:], "--quiet", str(produced)], check=True)
        return produced.read_text()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    drifted = 0
    for source_file in SOURCES:
        wanted, target_file = produce(source_file), target_of(source_file)
        target, source = _shown(target_file), _shown(source_file)
        if not args.check:
            target_file.write_text(wanted)
            print(f"wrote {target}")
            continue
        have = target_file.read_text() if target_file.exists() else ""
        if have == wanted:
            print(f"{target} is what {source} produces")
            continue
        drifted += 1
        sys.stdout.writelines(
            difflib.unified_diff(
                have.splitlines(keepends=True),
                wanted.splitlines(keepends=True),
                f"{target} (in the tree)",
                f"{target} (produced)",
            )
        )
        print(f"\n{target} drifted from its source: run `make sync-client`")
    stray = {p.name for p in SYNC.glob("*.py")} - {"__init__.py"}
    stray -= {p.name for p in SOURCES}
    for name in sorted(stray):
        drifted += 1
        print(f"_sync/{name} has no source in _async/: remove it")
    return 1 if drifted else 0


def _shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


if __name__ == "__main__":
    sys.exit(main())

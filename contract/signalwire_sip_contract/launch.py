"""``python -m signalwire_sip_contract.launch ...``: schemathesis' own command line (its console
script's entry point), with the gate's hooks imported first.

schemathesis loads one hooks module: the one a configuration names (``hooks = ...``), or else
``SCHEMATHESIS_HOOKS``. A project's ``schemathesis.toml`` that names its own would silently drop
the gate's (link coverage, the sandbox's rails). Imported here before schemathesis starts, the
gate's are registered whatever the configuration says: a project's hooks add to them.
"""

from __future__ import annotations

import sys

from schemathesis.cli import schemathesis

from . import hooks

__all__ = ["hooks", "schemathesis"]

if __name__ == "__main__":
    sys.exit(schemathesis(prog_name="schemathesis"))

"""The contract gate: schemathesis with the spec against the mock or a real project.

``signalwire-sip-contract mock`` (``make contract``) and ``signalwire-sip-contract sandbox``
(``make contract-sandbox``). One module per job: ``cli`` (the commands), ``runner`` (running
schemathesis with ``schemathesis.toml``), ``links`` (which declared links the stateful phase
followed, and the verdict), ``sandbox`` (safety and clean-up on a real account), ``hooks``
(what schemathesis loads: the two extensions registered), ``preflight`` (the credentials and
the target checked before schemathesis starts), ``reports`` (every run's reports in one).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Loaded on first use (PEP 562), so ``signalwire-sip-contract --help`` works, and says what to
# install, where the ``contract`` extra (schemathesis) is missing.
_HOMES = {
    "main": "cli",
    "declared_links": "links",
    "judge": "links",
    "uncovered_links": "links",
    "config_file": "runner",
    "run_schemathesis": "runner",
}
CONTRACT_EXTRA = "pip install 'signalwire-sip[contract]'"

if TYPE_CHECKING:
    from .cli import main
    from .links import declared_links, judge, uncovered_links
    from .runner import config_file, run_schemathesis


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "config_file",
    "declared_links",
    "judge",
    "main",
    "run_schemathesis",
    "uncovered_links",
]

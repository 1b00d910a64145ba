"""The contract gate: schemathesis with the spec against the mock or a real project.

``signalwire-sip-contract mock`` (``make contract``) and ``signalwire-sip-contract sandbox``
(``make contract-sandbox``). One module per job: ``cli`` (the commands), ``runner`` (running
schemathesis with ``schemathesis.toml``), ``links`` (which declared links the stateful phase
followed, and the verdict), ``sandbox`` (safety and clean-up on a real account), ``hooks``
(what schemathesis loads: the two extensions registered).
"""

from .cli import main
from .links import declared_links, judge, uncovered_links
from .runner import config_file, run_schemathesis

__all__ = [
    "config_file",
    "declared_links",
    "judge",
    "main",
    "run_schemathesis",
    "uncovered_links",
]

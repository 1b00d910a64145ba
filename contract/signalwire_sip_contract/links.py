"""Link coverage: which of the spec's declared OpenAPI links the stateful phase followed.

schemathesis reports a run as passed even when its stateful phase walked none of the links the
spec declares (docs/contract.md); the gate fails then. ``LinkCoverage`` (registered
by ``hooks``) writes the transitions applied into ``SIGNALWIRE_SIP_LINKS_REPORT``; ``judge``
compares them with the spec's links.
"""

from __future__ import annotations

import json
import os
from typing import Any

from schemathesis.cli.commands.run.handlers import EventHandler
from schemathesis.engine import events
from schemathesis.engine.run import PhaseName

from signalwire_sip_mock import load_spec

LINKS_REPORT = "SIGNALWIRE_SIP_LINKS_REPORT"


def declared_links(document: dict[str, Any]) -> list[tuple[str, str]]:
    """(source operation "METHOD path", link name) for every link the spec declares."""
    links = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for response in operation["responses"].values():
                for name in response.get("links", {}):
                    links.append((f"{method.upper()} {path}", name))
    return links


def uncovered_links(document: dict[str, Any], covered: list[str]) -> list[str]:
    """Declared links that no applied transition id names (ids read "SOURCE -> [status] NAME -> TARGET")."""
    missing = []
    for source, name in declared_links(document):
        if not any(t.startswith(source + " ") and f"] {name} ->" in t for t in covered):
            missing.append(f"{source} -> {name}")
    return missing


# schemathesis' exit codes that are no verdict on the contract (its ExitCode): said as what
# they are, without the link coverage of a run that did not happen.
NO_VERDICT = {
    2: "schemathesis refused its options or configuration, or could not run (exit 2; its "
    "message is above)",
    130: "schemathesis was interrupted (exit 130)",
}


def judge(code: int, covered: list[str], document: dict[str, Any] | None = None) -> int:
    """The gate's exit code from schemathesis' CODE and the transitions COVERED; says why.
    ``contract gate FAILED`` is said of contract failures alone (schemathesis' failures, a
    declared link not walked); a CODE that is no verdict (NO_VERDICT) is returned as it is."""
    if code not in (0, 1):
        reason = NO_VERDICT.get(code, f"schemathesis stopped with exit code {code}")
        print(f"contract gate: no verdict: {reason}")
        return code
    document = document or load_spec()
    missing = uncovered_links(document, covered)
    total = len(declared_links(document))
    print(f"declared links covered by the stateful phase: {total - len(missing)}/{total}")
    for link in missing:
        print(f"  not covered: {link}")
    if code != 0:
        print("contract gate FAILED: schemathesis reported failures")
        return code
    if missing:
        print("contract gate FAILED: the stateful phase did not follow every declared link")
        return 1
    print("contract gate passed")
    return 0


class LinkCoverage(EventHandler):  # type: ignore[type-arg]
    """Collects the declared (not inferred) links the stateful phase applied."""

    def __init__(self, *args: Any, **params: Any) -> None:
        self.covered: set[str] = set()

    def handle_event(self, ctx: Any, event: Any) -> None:
        if isinstance(event, events.ScenarioFinished) and event.phase == PhaseName.STATEFUL_TESTING:
            for node in event.recorder.cases.values():
                transition = node.transition
                if (
                    transition is not None
                    and node.is_transition_applied
                    and not transition.is_inferred
                ):
                    self.covered.add(transition.id)
        elif isinstance(event, events.EngineFinished):
            target = os.environ.get(LINKS_REPORT)
            if target:
                with open(target, "w", encoding="utf-8") as f:
                    json.dump({"covered": sorted(self.covered)}, f, indent=2)

"""Schemathesis extensions the contract gate loads (``hooks`` in schemathesis.toml).

- Link coverage: records which of the spec's declared OpenAPI links the stateful phase really
  followed, into the file named by ``SIGNALWIRE_SIP_LINKS_REPORT``; the gate fails on any gap.
- Sandbox safety, active when ``SIGNALWIRE_SIP_RUN_ID`` is set: every username this run sends is
  prefixed with the run id, every credential it creates is recorded (one id per line) in
  ``SIGNALWIRE_SIP_CREATED_LOG`` for the clean-up, and a PUT or DELETE aimed at an id this run
  did not create is redirected to a fresh random id, so nothing else on the account is touched.
"""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

import schemathesis
import schemathesis.cli
from schemathesis.cli.commands.run.handlers import EventHandler
from schemathesis.engine import events
from schemathesis.engine.run import PhaseName

COLLECTION = "/api/fabric/resources/sip_endpoints"
RUN_ID = os.environ.get("SIGNALWIRE_SIP_RUN_ID", "")
CREATED_LOG = os.environ.get("SIGNALWIRE_SIP_CREATED_LOG", "")
_created: set[str] = set()


@schemathesis.cli.handler()
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
            target = os.environ.get("SIGNALWIRE_SIP_LINKS_REPORT")
            if target:
                with open(target, "w", encoding="utf-8") as f:
                    json.dump({"covered": sorted(self.covered)}, f, indent=2)


def _marked(username: Any) -> Any:
    if isinstance(username, str) and not username.startswith(RUN_ID):
        return f"{RUN_ID}{username}"[:128]
    return username


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    if not RUN_ID:
        return
    method = case.method.upper()
    if isinstance(case.body, dict) and "username" in case.body:
        case.body["username"] = _marked(case.body["username"])
    if method in ("PUT", "DELETE") and case.path_parameters:
        target = str(case.path_parameters.get("id", ""))
        if target not in _created:
            case.path_parameters["id"] = str(uuid.uuid4())


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    if not RUN_ID or case.method.upper() != "POST" or response.status_code != 200:
        return
    # The id is the client's choice: a 200 means the credential named in the body now exists.
    created = case.body.get("id") if isinstance(case.body, dict) else None
    if not isinstance(created, str):
        return
    _created.add(created)
    if CREATED_LOG:
        with open(CREATED_LOG, "a", encoding="utf-8") as f:
            f.write(created + "\n")

"""Which subscriber and which Fabric resource the gate's requests name.

Subscriber credentials live under a subscriber, and an assignment names a resource: neither is
made by an operation of the spec, so a uuid schemathesis invents names none, every create
under it is a 404, and the links from a created subscriber credential are never walked. The
gate therefore aims the two producers at ones that exist: ``create_subscriber_sip_credential``
at the subscriber ``SIGNALWIRE_SIP_SUBSCRIBER_ID``, ``assign_resource_to_sip_credential`` at the
resource ``SIGNALWIRE_SIP_RESOURCE_ID``; by default the ones the spec's examples name, which
every project of the mock holds (against a real project they name nothing: 404, no harm). Every
other operation keeps the ids schemathesis generated (so unknown ones still meet their 404), or
the ones its links carry. A value that is not a uuid (a negative case) is left alone.

``Fresh`` keeps the stateful phase's scenarios apart. Hypothesis replays a scenario's choices
and demands the same answers, but the server remembers earlier scenarios: a create colliding
with an earlier credential answers 409 the second time, no link follows, and Hypothesis ends
the phase as flaky ("Inconsistent data generation"): measured, after 19 of its 700 scenarios.
So there, a body whose ``id`` or ``username`` the run already sent gets a fresh one (and a
later path a link set to the old id, reading the request, the new one). Path ids are
otherwise left alone: schemathesis counts a changed path parameter as one a link set, and
a 404 for it as a created resource gone (ST302). Conflicts stay tested by the other phases,
which this leaves alone; the stateful rounds (runner.STATEFUL_ROUNDS) make up for the
scenarios that replays still cut short.
"""

from __future__ import annotations

import os
import re
import uuid
from typing import Any

from signalwire_sip_mock import load_spec, operation_path

SUBSCRIBER_ID = "SIGNALWIRE_SIP_SUBSCRIBER_ID"
RESOURCE_ID = "SIGNALWIRE_SIP_RESOURCE_ID"


class Targets:
    """The subscriber and resource ids the two producers are aimed at."""

    def __init__(self, subscriber_id: str, resource_id: str) -> None:
        self.subscriber_id, self.resource_id = subscriber_id, resource_id
        self.aims = {
            ("POST", operation_path("create_subscriber_sip_credential")): (
                "fabric_subscriber_id",
                subscriber_id,
            ),
            ("POST", operation_path("assign_resource_to_sip_credential")): ("id", resource_id),
        }

    @classmethod
    def from_environment(cls) -> Targets:
        parameters = load_spec()["components"]["parameters"]
        return cls(
            os.environ.get(SUBSCRIBER_ID) or str(parameters["SubscriberId"]["example"]),
            os.environ.get(RESOURCE_ID) or str(parameters["ResourceId"]["example"]),
        )

    def before_call(self, case: Any) -> None:
        aim = self.aims.get((case.method.upper(), case.operation.path))
        if aim is None or not case.path_parameters or not _positive(case):
            return
        name, target = aim
        if _is_uuid(case.path_parameters.get(name)):
            case.path_parameters[name] = target


class Fresh:
    """In the stateful phase, ids and usernames never sent twice (see the module's note)."""

    def __init__(self) -> None:
        self.sent: set[tuple[str, str]] = set()
        # Body ids replaced, old to new: a link that reads the request (schemathesis' inferred
        # ones do) still names the credential the server made.
        self.renamed: dict[str, str] = {}

    def before_call(self, case: Any) -> None:
        if getattr(getattr(case.meta, "phase", None), "name", None) is None:
            return
        if getattr(case.meta.phase.name, "value", "") != "stateful":
            return
        path = case.path_parameters or {}
        aimed = str(path.get("id", "")).lower()
        linked = getattr(getattr(case, "_override", None), "path_parameters", None) or {}
        if case.method.upper() != "POST" and "id" in linked and aimed in self.renamed:
            path["id"] = self.renamed[aimed]
        body = case.body
        if not isinstance(body, dict):
            return
        for name in ("id", "username"):
            value = body.get(name)
            if not isinstance(value, str):
                continue
            if (name, value) in self.sent:
                fresh = str(uuid.uuid4()) if name == "id" else f"{value}-{len(self.sent)}"
                if name == "id":
                    self.renamed[value.lower()] = fresh
                body[name] = value = fresh
            self.sent.add((name, value))


def _positive(case: Any) -> bool:
    """Whether CASE is meant to be valid (a negative one keeps its mutation)."""
    mode = getattr(getattr(getattr(case, "meta", None), "generation", None), "mode", None)
    return getattr(mode, "value", mode) in (None, "positive")


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _is_uuid(value: Any) -> bool:
    """Whether VALUE is a uuid as the spec spells it (``uuid.UUID`` takes more: hyphens
    anywhere, braces, a urn)."""
    return isinstance(value, str) and _UUID.fullmatch(value) is not None

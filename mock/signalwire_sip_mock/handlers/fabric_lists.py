"""The two Fabric lists SignalWire's CLI finds ids through: ``GET /api/fabric/resources`` (the
SIP credentials, each a Fabric resource of type ``sip_endpoint``, and the resources the hooks
hold, an AI agent say, by their own type) and ``GET
/api/fabric/resources/subscribers``, paged as every list (``paging``), from what the store holds.

In either ``--shape`` the resource list answers the wrapped form (it is a list of resources):
a credential stored flat gets its project and its username as display name, and no times
(it was stored without). A subscriber's fields the mock does not keep are null.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ..store import CREDENTIALS, Store
from .fabric import FABRIC_RESOURCES, SUBSCRIBERS
from .paging import Call, Handler, page
from .shapes import Shape

#: A subscriber's own fields (SignalWire's ``Subscriber``) the mock answers null: it keeps only
#: an email and a display name (the hooks' ``Subscriber``).
UNKNOWN_SUBSCRIBER_FIELDS = (
    "first_name",
    "last_name",
    "job_title",
    "timezone",
    "country",
    "company_name",
)


class FabricLists:
    """The resource and subscriber lists of every project, over STORE."""

    def __init__(self, store: Store, spec: Mapping[str, Any]) -> None:
        self.store = store
        self._wrapped = Shape("fabric", spec, {})
        self.handlers: dict[str, Handler] = {
            "list_fabric_resources": self.resources,
            "list_subscribers": self.subscribers,
        }

    def resources(self, call: Call) -> tuple[int, bytes]:
        def render(stored: str) -> str:
            held = json.loads(stored)
            if "username" not in held:  # a resource of the hooks' (an AI agent, say)
                return json.dumps(
                    {
                        "id": held["id"],
                        "project_id": call.project,
                        "display_name": held.get("display_name") or held.get("name"),
                        "type": held.get("type") or "ai_agent",
                        "created_at": None,
                        "updated_at": None,
                    },
                    ensure_ascii=False,
                )
            resource = json.loads(self._wrapped.render(stored))
            resource["project_id"] = resource.get("project_id") or call.project
            resource["display_name"] = (
                resource.get("display_name") or resource["sip_endpoint"]["username"]
            )
            return json.dumps(resource, ensure_ascii=False)

        # One list of both, in the order they were made (the store's seq is shared).
        return page(self.store, call, (CREDENTIALS, FABRIC_RESOURCES), render=render)

    def subscribers(self, call: Call) -> tuple[int, bytes]:
        def render(stored: str) -> str:
            held = json.loads(stored)
            own = {
                "id": held["id"],
                "email": held.get("email"),
                **dict.fromkeys(UNKNOWN_SUBSCRIBER_FIELDS),
                "display_name": held.get("display_name"),
            }
            return json.dumps(
                {
                    "id": held["id"],
                    "project_id": call.project,
                    # Upstream's display name is a string: the best name the mock has.
                    "display_name": held.get("display_name") or held.get("email") or held["id"],
                    "type": "subscriber",
                    "created_at": None,
                    "updated_at": None,
                    "subscriber": own,
                },
                ensure_ascii=False,
            )

        return page(self.store, call, SUBSCRIBERS, render=render)

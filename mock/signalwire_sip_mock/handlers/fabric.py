"""What SIP credentials point at, in each project: Fabric subscribers (who own subscriber
credentials) and Fabric resources (AI agents, SWML scripts, call flows ... that answer a
credential's calls).

The mock's API has no operation that makes either (SignalWire's has, outside the SIP family),
so they come from the spec and the test hooks: every project starts with the subscriber and
the resource the spec's examples name (``x-mock-fixture`` on the ``SubscriberId`` and
``ResourceId`` parameters), and ``POST /__mock__/subscribers`` / ``/__mock__/resources`` add
more. Removing one removes what hangs on it: a subscriber's credentials, a resource's
addresses.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from typing import Any

from ..store import Conflict, Store
from .paging import key

SUBSCRIBERS = "subscribers"
FABRIC_RESOURCES = "resources"
SUBSCRIBER_CREDENTIALS = "subscriber_sip_credentials"
ADDRESSES = "addresses"
#: What a hook may say of a subscriber or a resource, beyond its id.
FIELDS = {
    SUBSCRIBERS: ("email", "display_name"),
    FABRIC_RESOURCES: ("name", "display_name", "type"),
}


def fixtures(spec: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The subscriber and the resource every project starts with, by collection, and the
    subscriber's credentials (the examples marked ``x-mock-fixture``)."""
    parameters = spec["components"]["parameters"]
    found: dict[str, Any] = {
        collection: {"id": parameters[name]["example"], **parameters[name]["x-mock-fixture"]}
        for collection, name in ((SUBSCRIBERS, "SubscriberId"), (FABRIC_RESOURCES, "ResourceId"))
    }
    examples = spec["components"].get("examples", {})
    found[SUBSCRIBER_CREDENTIALS] = [
        e["value"] for e in examples.values() if e.get("x-mock-fixture") is True
    ]
    return found


class Fabric:
    """The subscribers and resources of every project, over STORE."""

    def __init__(self, store: Store, spec: Mapping[str, Any], projects: list[str]) -> None:
        self.store, self.projects = store, projects
        self._fixtures: dict[str, Any] = fixtures(spec)
        self.install()

    def install(self) -> None:
        """Give every project the spec's subscriber and resource (at start and after a reset)."""
        subscriber = self._fixtures[SUBSCRIBERS]["id"]
        for project in self.projects:
            for collection in (SUBSCRIBERS, FABRIC_RESOURCES):
                fixture = self._fixtures[collection]
                if self.store.get(project, fixture["id"], collection=collection) is None:
                    self.add(collection, project, fixture)
            for credential in self._fixtures[SUBSCRIBER_CREDENTIALS]:
                with contextlib.suppress(Conflict):
                    self.store.insert(
                        project,
                        credential["id"],
                        key(credential["username"]),
                        json.dumps(credential),
                        collection=SUBSCRIBER_CREDENTIALS,
                        parent=subscriber,
                    )

    def add(self, collection: str, project: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """Store a subscriber or resource (DATA as the hooks document's schema accepted it)."""
        id = str(data["id"]).lower()
        document: dict[str, Any] = {"id": id} | {n: data.get(n) for n in FIELDS[collection]}
        if collection == FABRIC_RESOURCES:
            document["name"] = document["name"] or f"resource-{id[:8]}"
            document["display_name"] = document["display_name"] or document["name"]
            document["type"] = document["type"] or "ai_agent"
        try:
            self.store.insert(project, id, id, json.dumps(document), collection=collection)
        except Conflict:
            raise ValueError(f"{collection[:-1]} {id} already exists") from None
        return document

    def remove(self, collection: str, project: str, id: str) -> bool:
        """Remove a subscriber (and its credentials) or a resource (and its addresses)."""
        id = id.lower()
        if not self.store.delete(project, id, collection=collection):
            return False
        if collection == SUBSCRIBERS:
            self.store.delete_under(project, SUBSCRIBER_CREDENTIALS, id)
        else:
            for credential, address in self.store.ids_where_key(project, ADDRESSES, id):
                self.store.delete(project, address, collection=ADDRESSES, parent=credential)
        return True

    def get(self, collection: str, project: str, id: str) -> dict[str, Any] | None:
        document = self.store.get(project, id, collection=collection)
        return None if document is None else dict(json.loads(document))

    def listed(self, collection: str, project: str) -> list[dict[str, Any]]:
        """Every subscriber or resource of PROJECT, oldest first (for the hooks)."""
        found, after = [], None
        while True:
            page = self.store.page(project, 1000, after=after, collection=collection)
            found += [json.loads(d) for d in page.documents]
            if not page.has_next:
                return found
            after = page.last_seq

"""A SIP credential's addresses, and the resource assigned to answer its inbound calls.

A credential has at most one resource answering its inbound calls: assigning one stores the
resource's call address under the credential (``ADDRESSES``, its parent the credential), which
``list_sip_credential_addresses`` pages through; assigning another replaces it, the same one
again changes nothing. Deleting the credential or the resource removes the address.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ..request import not_found
from ..store import CREDENTIALS, Store
from .fabric import ADDRESSES, FABRIC_RESOURCES, Fabric
from .paging import Call, Handler, page


class Addresses:
    """The addresses of every project's credentials, over STORE and its FABRIC."""

    def __init__(self, store: Store, fabric: Fabric) -> None:
        self.store, self.fabric = store, fabric
        self.handlers: dict[str, Handler] = {
            "list_sip_credential_addresses": self.page,
            "assign_resource_to_sip_credential": self.assign,
        }

    def page(self, call: Call) -> tuple[int, bytes]:
        id = call.path_params["id"]
        if self.store.get(call.project, id) is None:
            raise not_found()
        return page(self.store, call, ADDRESSES, parent=id)

    def assign(self, call: Call) -> tuple[int, bytes]:
        resource = self.fabric.get(FABRIC_RESOURCES, call.project, call.path_params["id"])
        if resource is None:
            raise not_found()
        credential_id = str(call.body["sip_endpoint_id"]).lower()
        stored = self.store.get(call.project, credential_id, collection=CREDENTIALS)
        if stored is None:
            # SignalWire's definition answers a missing resource with 404; a missing credential
            # is as missing (a 422 would say the valid body was wrong).
            raise not_found()
        credential = json.loads(stored)
        held = self.store.ids_where_key(call.project, ADDRESSES, resource["id"])
        if not any(parent == credential_id for parent, _ in held):
            self.store.delete_under(call.project, ADDRESSES, credential_id)
            address = address_of(resource)
            self.store.insert(
                call.project,
                address["id"],
                resource["id"],
                json.dumps(address),
                collection=ADDRESSES,
                parent=credential_id,
            )
        assigned = {
            "id": credential_id,
            "name": credential["username"],
            "type": "call",
            "cover_url": None,
            "preview_url": None,
            "channels": channels(resource),
        }
        return 200, json.dumps(assigned).encode()


def channels(resource: Mapping[str, Any]) -> dict[str, str]:
    return {"audio": f"/public/{resource['name']}?channel=audio"}


def address_of(resource: Mapping[str, Any]) -> dict[str, Any]:
    """The call address through which RESOURCE answers a credential's calls."""
    return {
        "id": str(uuid.uuid4()),
        "name": resource["name"],
        "display_name": resource["display_name"],
        "type": "call",
        "cover_url": None,
        "preview_url": None,
        "locked": False,
        "channels": channels(resource),
        "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }

"""Stage two of the mock's pipeline: the operations over the store, one module per resource.

- ``sip_credentials``: a project's SIP credentials (create, get, update, delete, list);
- ``addresses``: a credential's addresses, and assigning the resource that answers it;
- ``subscriber_sip_credentials``: the SIP credentials of a project's subscribers;
- ``fabric``: the subscribers and resources those point at (from the spec and the hooks);
- ``fabric_lists``: the Fabric resource and subscriber lists (SignalWire's CLI finds ids there);
- ``paging``: the one implementation of pages, tokens and links every list shares.

``Resources`` maps each operationId of the spec to its handler; ``MockApp`` refuses at
start-up a spec that declares an operation with none. A new resource is a new module here,
whose class adds its ``handlers``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..store import Store
from .addresses import Addresses
from .fabric import Fabric
from .fabric_lists import FabricLists
from .paging import DEFAULT_PAGE_SIZE, Call, Handler, PageToken, base_url, key
from .sip_credentials import (
    RESPONSE_ONLY,
    SipCredentials,
    rule_messages,
    seed_documents,
    uuid_fields,
)
from .subscriber_sip_credentials import SubscriberSipCredentials

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "RESPONSE_ONLY",
    "Call",
    "Handler",
    "PageToken",
    "Resources",
    "base_url",
    "key",
    "rule_messages",
    "seed_documents",
    "uuid_fields",
]


class Resources(SipCredentials):
    """Every resource of every project, in STORE, shaped by the SPEC, credentials answered in
    SHAPE (``flat`` or ``fabric``, see ``shapes``). PROJECTS (ids) each start with the spec's
    subscriber and resource. (The credential handlers stay its own
    methods, as in 1.x: ``resources.create(call)``.)"""

    def __init__(
        self,
        store: Store,
        spec: Mapping[str, Any],
        projects: list[str] | None = None,
        shape: str = "flat",
    ) -> None:
        super().__init__(store, spec, shape)
        self.fabric = Fabric(store, spec, list(projects or []))
        self.addresses = Addresses(store, self.fabric)
        self.subscriber_credentials = SubscriberSipCredentials(store, spec, self.fabric)
        self.fabric_lists = FabricLists(store, spec)
        self.handlers |= self.addresses.handlers | self.subscriber_credentials.handlers
        self.handlers |= self.fabric_lists.handlers
        self.handlers["update_sip_credential"] = self.update_and_rename

    def update_and_rename(self, call: Call) -> tuple[int, bytes]:
        """An update; a new username renames the credential's addresses too."""
        status, answer = self.update(call)
        if "username" in call.body:
            self.addresses.rename(call.project, call.path_params["id"], call.body["username"])
        return status, answer

    def reset(self) -> None:
        """Empty the store; every project gets its subscriber and resource back."""
        self.store.reset()
        self.fabric.install()

"""The SIP credentials of a project's Fabric subscribers: list, create (201, the server
chooses the id), get, update (PATCH) and delete, each under its subscriber (404 when the
project has no such subscriber). The ``password`` is stored beside the document, never in it:
no answer, page or journal entry carries it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from ..errors import validation_error
from ..request import Answer, decode, encode, not_found, problems
from ..store import Conflict, Store
from .fabric import SUBSCRIBER_CREDENTIALS, SUBSCRIBERS, Fabric
from .paging import Call, Handler, key, page
from .shapes import SECRET


class SubscriberSipCredentials:
    """The subscribers' credentials of every project, over STORE; defaults from the SPEC."""

    def __init__(self, store: Store, spec: Mapping[str, Any], fabric: Fabric) -> None:
        self.store, self.fabric = store, fabric
        schemas = spec["components"]["schemas"]
        create = schemas["SubscriberSipCredentialCreate"]["properties"]
        # A new credential: every response field null, then the create schema's defaults
        # (ciphers, codecs, encryption), then what the body says.
        self._blank: dict[str, Any] = dict.fromkeys(
            schemas["SubscriberSipCredential"]["properties"]
        )
        for name, node in create.items():
            default = node.get("default", _ref_default(schemas, node))
            if name in self._blank and default is not None:
                self._blank[name] = default
        self.handlers: dict[str, Handler] = {
            "list_subscriber_sip_credentials": self.page,
            "create_subscriber_sip_credential": self.create,
            "get_subscriber_sip_credential": self.get,
            "update_subscriber_sip_credential": self.update,
            "delete_subscriber_sip_credential": self.delete,
        }

    def _subscriber(self, call: Call) -> str:
        subscriber = str(call.path_params["fabric_subscriber_id"])
        if self.store.get(call.project, subscriber, collection=SUBSCRIBERS) is None:
            raise not_found()
        return subscriber

    def page(self, call: Call) -> tuple[int, bytes]:
        return page(self.store, call, SUBSCRIBER_CREDENTIALS, parent=self._subscriber(call))

    def create(self, call: Call) -> tuple[int, bytes]:
        subscriber = self._subscriber(call)
        body = dict(call.body)
        secret = body.pop(SECRET)
        document = self._blank | body | {"id": str(uuid.uuid4())}
        encoded = encode(document)
        try:
            self.store.insert(
                call.project,
                document["id"],
                key(document["username"]),
                encoded,
                collection=SUBSCRIBER_CREDENTIALS,
                parent=subscriber,
                secret=secret,
            )
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 201, encoded.encode()

    def get(self, call: Call) -> tuple[int, bytes]:
        return 200, self._stored(call, self._subscriber(call)).encode()

    def _stored(self, call: Call, subscriber: str) -> str:
        document = self.store.get(
            call.project,
            call.path_params["id"],
            collection=SUBSCRIBER_CREDENTIALS,
            parent=subscriber,
        )
        if document is None:
            raise not_found()
        return document

    def update(self, call: Call) -> tuple[int, bytes]:
        subscriber = self._subscriber(call)
        body = dict(call.body)
        secret = body.pop(SECRET, None)
        document = decode(self._stored(call, subscriber)) | body
        encoded = encode(document)
        try:
            self.store.replace(
                call.project,
                call.path_params["id"],
                key(document["username"]),
                encoded,
                collection=SUBSCRIBER_CREDENTIALS,
                parent=subscriber,
                secret=secret,
            )
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 200, encoded.encode()

    def delete(self, call: Call) -> tuple[int, bytes]:
        subscriber = self._subscriber(call)
        if not self.store.delete(
            call.project,
            call.path_params["id"],
            collection=SUBSCRIBER_CREDENTIALS,
            parent=subscriber,
        ):
            raise not_found()
        return 204, b""


def _ref_default(schemas: Mapping[str, Any], node: Mapping[str, Any]) -> Any:
    """The default of the component NODE refers to (``Encryption``'s), if any."""
    ref = node.get("$ref")
    return schemas[ref.rsplit("/", 1)[-1]].get("default") if ref else None


def _conflict(conflict: Conflict) -> Answer:
    # The id is the server's own (a fresh uuid): only the username can collide.
    message = "username is already in use by this subscriber"
    return problems(409, [validation_error("already_exists", message, "username")])

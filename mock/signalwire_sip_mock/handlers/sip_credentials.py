"""The SIP credentials of a project: create, get, update, delete and list.

A handler gets a ``Call`` (the project the checks authenticated, the typed path and query
parameters, the body the schema accepted) and returns the status and body to send, or raises
``Answer`` (404, 409, and the 422 of an update whose lone ``calling_handler_resource_id`` does
not fit the stored handler).
"""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import validation_error
from ..limits import MAX_SEED, SEED_CHUNK
from ..request import Answer, decode, encode, not_found, problems
from ..store import Conflict, Store
from .fabric import ADDRESSES
from .paging import Call, Handler, key, page
from .shapes import ENDPOINT_ID, WRAPPER, Shape

# Stored credentials carry every field of the response; those the create body has no say in
# start as null (inbound routing is configured elsewhere).
RESPONSE_ONLY = {"type": "sip_endpoint"}


class SipCredentials:
    """The SIP credentials of every project, stored in STORE, shaped by the SPEC."""

    def __init__(self, store: Store, spec: Mapping[str, Any], shape: str = "flat") -> None:
        self.store = store
        # Not in a flat answer unless set: the wrapper's fields, and hold_music_url (the seed's
        # credential has none, and SignalWire's definition closes its objects).
        wrapper = {*WRAPPER, ENDPOINT_ID, "hold_music_url"}
        properties = spec["components"]["schemas"]["SipCredential"]["properties"]
        self.fields = tuple(name for name in properties if name not in wrapper)
        self._uuid_fields = uuid_fields(spec, "SipCredential")
        self._needs_uuid, self._needs_null = rule_messages(spec)
        # A new credential: every response field null, then the defaults and the create body.
        self._blank: dict[str, Any] = dict.fromkeys(self.fields) | RESPONSE_ONLY
        self.shape = Shape(shape, spec, self._blank)
        self.handlers: dict[str, Handler] = {
            "list_sip_credentials": self.page,
            "create_sip_credential": self.create,
            "get_sip_credential": self.get,
            "update_sip_credential": self.update,
            "delete_sip_credential": self.delete,
        }

    def create(self, call: Call) -> tuple[int, bytes]:
        # The body is the request's own parsed JSON, used by nothing after the handler.
        id, document, secret = self.shape.new(call.project, self.canonical(call.body))
        encoded = encode(document)
        try:
            self.store.insert(call.project, id, key(document["username"]), encoded, secret=secret)
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 200, self.shape.render(encoded).encode()

    def get(self, call: Call) -> tuple[int, bytes]:
        document = self.store.get(call.project, call.path_params["id"])
        if document is None:
            raise not_found()
        return 200, self.shape.render(document).encode()

    def update(self, call: Call) -> tuple[int, bytes]:
        id, body = call.path_params["id"], self.canonical(call.body)
        stored = self.store.get(call.project, id)
        if stored is None:
            raise not_found()
        before = decode(stored)
        document = dict(before)
        secret = self.shape.changed(document, body)
        if "call_handler" in body:
            # A body that sets the handler sets its resource id as well, absent meaning null.
            # The spec's schema already decided that the pair is valid.
            document["calling_handler_resource_id"] = body.get("calling_handler_resource_id")
        elif "calling_handler_resource_id" in body:
            # A resource id alone (SignalWire's own update shape) must fit the stored handler.
            self.check_stored_handler(before["call_handler"], body["calling_handler_resource_id"])
        encoded = encode(document)
        try:
            self.store.replace(call.project, id, key(document["username"]), encoded, secret=secret)
        except Conflict as conflict:
            raise _conflict(conflict) from None
        return 200, self.shape.render(encoded).encode()

    def canonical(self, body: dict[str, Any]) -> dict[str, Any]:
        """BODY with its uuids in lower case, the form they are stored and compared in (uuids
        are case-insensitive: ``get`` with either spelling finds one credential)."""
        for name in self._uuid_fields:
            value = body.get(name)
            if isinstance(value, str) and not value.islower():
                body[name] = value.lower()
        return body

    def check_stored_handler(self, handler: Any, resource_id: Any) -> None:
        """422 unless RESOURCE_ID, sent without a handler, keeps the rule with the stored HANDLER."""
        if handler == "resource" and resource_id is None:
            message = f"{self._needs_uuid} (the stored call_handler)"
        elif handler != "resource" and resource_id is not None:
            message = f"{self._needs_null} (the stored call_handler is {handler!r})"
        else:
            return
        item = validation_error("invalid_parameter_value", message, "calling_handler_resource_id")
        raise problems(422, [item])

    def delete(self, call: Call) -> tuple[int, bytes]:
        id = call.path_params["id"]
        if not self.store.delete(call.project, id):
            raise not_found()
        # Its addresses go with it (an assignment to a gone credential would dangle).
        self.store.delete_under(call.project, ADDRESSES, id)
        return 204, b""

    def page(self, call: Call) -> tuple[int, bytes]:
        return page(self.store, call, render=self.shape.render if self.shape.wrapped else None)

    def seed(self, data: Any, projects: list[str]) -> int:
        """Store COUNT synthetic credentials in PROJECT (default: the first), all at once."""
        return sum(self._seed_chunks(data, projects))

    async def seed_yielding(self, data: Any, projects: list[str]) -> int:
        """``seed``, letting other requests in between its chunks (the hook's way)."""
        seeded = 0
        for chunk in self._seed_chunks(data, projects):
            seeded += chunk
            await asyncio.sleep(0)
        return seeded

    def _seed_chunks(self, data: Any, projects: list[str]) -> Iterator[int]:
        """Store what DATA asks for, SEED_CHUNK credentials to a transaction; each chunk's size."""
        if not isinstance(data, dict) or set(data) - {"count", "project"}:
            raise ValueError('seed takes {"count": N, "project": "ID"}')
        count, project = data.get("count"), data.get("project", projects[0])
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_SEED:
            raise ValueError(f"count must be an integer from 1 to {MAX_SEED}")
        if project not in projects:
            raise ValueError("unknown project")
        held = self.store.count()
        if held + count > MAX_SEED:  # seeds together: once unbounded (1,000,000 more each time)
            raise ValueError(
                f"the mock holds at most {MAX_SEED} credentials ({held} now): reset it first"
            )
        documents = seed_documents(count, list(self.fields))
        for start in range(0, count, SEED_CHUNK):
            chunk = min(SEED_CHUNK, count - start)
            self.store.bulk_insert([(project, *next(documents)) for _ in range(chunk)])
            yield chunk


def uuid_fields(spec: Mapping[str, Any], schema: str) -> tuple[str, ...]:
    """The properties of SCHEMA that hold a uuid (``format: uuid``, directly or by reference)."""
    schemas = spec["components"]["schemas"]

    def is_uuid(node: Any) -> bool:
        if not isinstance(node, Mapping):
            return False
        if "$ref" in node:
            node = schemas.get(str(node["$ref"]).rsplit("/", 1)[-1], {})
        return node.get("format") == "uuid" or any(is_uuid(n) for n in node.get("anyOf", []))

    return tuple(n for n, node in schemas[schema]["properties"].items() if is_uuid(node))


def rule_messages(spec: Mapping[str, Any]) -> tuple[str, str]:
    """The spec's wording of the rule (its update schema's branch descriptions): what a
    `resource` handler needs, and what any other handler needs."""
    update = spec["components"]["schemas"]["SipCredentialUpdate"]
    needs_uuid = update.get("then", {}).get("description")
    needs_null = update.get("else", {}).get("then", {}).get("description")
    return (
        str(needs_uuid or "calling_handler_resource_id must be a uuid"),
        str(needs_null or "calling_handler_resource_id must be null"),
    )


def seed_documents(count: int, fields: list[str]) -> Iterator[tuple[str, str, str]]:
    """COUNT valid credentials (id, username key, document) for load and pagination tests."""
    base: dict[str, Any] = {name: None for name in fields} | RESPONSE_ONLY
    base |= {
        "caller_id": "seed",
        "send_as": "seed",
        "ciphers": [],
        "codecs": [],
        "encryption": "default",
        "call_handler": "default",
    }
    for _ in range(count):
        id = str(uuid.uuid4())
        username = f"seed-{id}"
        yield id, key(username), json.dumps(base | {"id": id, "username": username})


def _conflict(conflict: Conflict) -> Answer:
    message = {
        "id": "a SIP credential with this id already exists",
        "username": "username is already in use in this project",
    }[conflict.field]
    return problems(409, [validation_error("already_exists", message, conflict.field)])

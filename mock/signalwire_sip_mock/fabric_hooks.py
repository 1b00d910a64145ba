"""The test hooks that add and remove Fabric subscribers and resources (what subscriber
credentials hang on, and what a credential's calls are assigned to), in the first project
unless ``project`` says which:

- ``POST /__mock__/subscribers`` ``{"id", "email", "display_name", "project"}`` (all optional;
  the id defaults to a new uuid) adds one (201, the subscriber); ``GET`` lists them
  (``?project=ID``); ``DELETE /__mock__/subscribers/{id}`` removes one and its credentials.
- ``POST /__mock__/resources`` ``{"id", "name", "display_name", "type", "project"}`` and the same
  ``GET`` and ``DELETE``; removing a resource removes the addresses assigned from it.

Bodies are validated against ``hooks.yaml`` (422 listing each problem).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any
from urllib.parse import parse_qs

from .errors import request_error, simple_error
from .handlers.fabric import FABRIC_RESOURCES, SUBSCRIBERS, Fabric
from .request import Headers, Receive, Scope, parse_json, read_body, valid_body
from .spec import hook_operations

Reply = tuple[int, bytes, Headers]
COLLECTIONS = {"subscribers": SUBSCRIBERS, "resources": FABRIC_RESOURCES}
HOOKS = {
    "subscribers": "POST: add a subscriber; GET: list them; DELETE subscribers/{id}: remove one",
    "resources": "POST: add a Fabric resource; GET: list them; DELETE resources/{id}: remove one",
}


class FabricHooks:
    """The subscriber and resource hooks over FABRIC, as ``(method, name)`` routes."""

    def __init__(self, fabric: Fabric) -> None:
        self.fabric = fabric

    def routes(self) -> dict[tuple[str, str], Callable[[Scope, Receive], Awaitable[Reply]]]:
        table: dict[tuple[str, str], Callable[[Scope, Receive], Awaitable[Reply]]] = {}
        for name in COLLECTIONS:
            table[("POST", name)] = partial(self.add, name)
            table[("GET", name)] = partial(self.listed, name)
        return table

    def removal(
        self, method: str, name: str
    ) -> Callable[[Scope, Receive], Awaitable[Reply]] | None:
        """The handler of ``DELETE NAME`` when NAME is ``subscribers/ID`` or ``resources/ID``."""
        collection, _, id = name.partition("/")
        if method != "DELETE" or collection not in COLLECTIONS or not id or "/" in id:
            return None
        return partial(self.remove, collection, id)

    def _project(self, given: Any) -> str:
        if given is None:
            return self.fabric.projects[0]
        if given not in self.fabric.projects:
            raise ValueError("unknown project")
        return str(given)

    async def add(self, name: str, scope: Scope, receive: Receive) -> Reply:
        raw = await read_body(scope, receive)
        operation = hook_operations()[f"add_{name[:-1]}"]
        data = dict(valid_body(operation, parse_json(raw), len(raw)))
        try:
            project = self._project(data.pop("project", None))
            data.setdefault("id", str(uuid.uuid4()))
            added = self.fabric.add(COLLECTIONS[name], project, data)
        except ValueError as error:
            return 422, request_error(f"invalid_{name[:-1]}", str(error)), []
        return 201, json.dumps(added).encode(), []

    async def listed(self, name: str, scope: Scope, receive: Receive) -> Reply:
        try:
            project = self._project(_query_project(scope))
        except ValueError as error:
            return 422, request_error("invalid_project", str(error)), []
        found = self.fabric.listed(COLLECTIONS[name], project)
        return 200, json.dumps({name: found}).encode(), []

    async def remove(self, name: str, id: str, scope: Scope, receive: Receive) -> Reply:
        try:
            project = self._project(_query_project(scope))
        except ValueError as error:
            return 422, request_error("invalid_project", str(error)), []
        if not self.fabric.remove(COLLECTIONS[name], project, id):
            return 404, simple_error(404), []
        return 204, b"", []


def _query_project(scope: Scope) -> str | None:
    values = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("project")
    return values[0] if values else None

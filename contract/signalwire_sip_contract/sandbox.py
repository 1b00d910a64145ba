"""Running against a real project without harm: every username this run sends carries its run
id, every credential it creates (a project's or a subscriber's) is recorded, a PUT, PATCH or
DELETE aimed at anything else goes to a fresh random id, an assignment may name only a
credential this run created, and at the end everything the run made is deleted (``cleanup``;
a credential's assignment goes with it).

What the run created is known from the server's answers alone, never from what it sent: a
server that picks its own ids (production does) ignores an id a create sends, so that id may
be anybody's credential. The clean-up talks only to the target's own origin: no redirect is
followed and a ``links.next`` to another scheme, host or port is refused, so the project's
token is sent nowhere else.

``Sandbox`` holds the run's state inside schemathesis (``hooks`` calls it); it is active only
when ``SIGNALWIRE_SIP_RUN_ID`` is set, which ``signalwire-sip-contract sandbox`` does.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from signalwire_sip_mock import collection_path, operation_path

from .targets import Targets

RUN_ID = "SIGNALWIRE_SIP_RUN_ID"
CREATED_LOG = "SIGNALWIRE_SIP_CREATED_LOG"
USERNAME_LIMIT = 128
#: How a subscriber's credential is written in the created log: ``subscriber/SUBSCRIBER/ID``.
SUBSCRIBER_MARK = "subscriber/"


class Sandbox:
    """What one run sends and creates: RUN_ID marks it, CREATED_LOG lists its credentials."""

    def __init__(self, run_id: str, created_log: str = "") -> None:
        self.run_id, self.created_log = run_id, created_log
        self.created: set[str] = set()

    @classmethod
    def from_environment(cls) -> Sandbox:
        return cls(os.environ.get(RUN_ID, ""), os.environ.get(CREATED_LOG, ""))

    def marked(self, username: Any) -> Any:
        if isinstance(username, str) and not username.startswith(self.run_id):
            return f"{self.run_id}{username}"[:USERNAME_LIMIT]
        return username

    def before_call(self, case: Any) -> None:
        """Mark the username; aim a PUT or DELETE at an id this run did not create elsewhere."""
        if not self.run_id:
            return
        if isinstance(case.body, dict) and "username" in case.body:
            case.body["username"] = self.marked(case.body["username"])
        aimed = str((case.path_parameters or {}).get("id", ""))
        method = case.method.upper()
        if method in ("PUT", "PATCH", "DELETE") and aimed and aimed not in self.created:
            case.path_parameters["id"] = str(uuid.uuid4())
        # An assignment changes the credential's routing: only this run's own credentials.
        body = case.body if isinstance(case.body, dict) else {}
        assigning = (method, case.operation.path) == ("POST", _ASSIGN) and body
        if assigning and str(body.get("sip_endpoint_id", "")) not in self.created:
            body["sip_endpoint_id"] = str(uuid.uuid4())

    def after_call(self, case: Any, status: int, answered: Any = None) -> None:
        """Record the credential a successful create made: the id the ANSWERED body names, the
        one its paths take (the outer resource id in the wrapped shape). Never an id the request
        sent: a server that picks its own ignores it, and it may then be anybody's; an answer
        that names no id records nothing (the username's mark still finds it at clean-up)."""
        if not self.run_id or case.method.upper() != "POST" or not 200 <= status < 300:
            return
        if case.operation.path == _ASSIGN:
            return  # it answers with the credential's id: nothing new was made
        created = answered.get("id") if isinstance(answered, dict) else None
        if not isinstance(created, str) or not created or created in self.created:
            return
        self.created.add(created)
        subscriber = (case.path_parameters or {}).get("fabric_subscriber_id")
        line = f"{SUBSCRIBER_MARK}{subscriber}/{created}" if subscriber else created
        if self.created_log:
            with open(self.created_log, "a", encoding="utf-8") as f:
                f.write(line + "\n")


class Space:
    """Minimal HTTP access to a space for listing and deleting what a run created.

    Deliberately not the typed client: the clean-up must work even where the real API
    disagrees with the spec under test (it needs nothing but ``id`` and ``username``).
    """

    def __init__(self, base_url: str, project_id: str, token: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.origin = _origin(self.base_url)
        self.collection = f"{self.base_url}{collection_path()}"
        self._auth = "Basic " + base64.b64encode(f"{project_id}:{token}".encode()).decode()

    def __repr__(self) -> str:
        return f"Space({self.base_url!r})"

    def request(self, method: str, url: str, body: Any = None) -> tuple[int, Any]:
        """METHOD URL (with BODY as JSON): the status, and the answer parsed (None when empty,
        not JSON or an error). URL must be on the space's own origin (else ``OffOrigin``); a
        redirect is answered as its own status, never followed."""
        if _origin(url) != self.origin:
            raise OffOrigin(f"refused to send the project's token to {_origin(url)!r}")
        headers = {"Authorization": self._auth}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with _OPENER.open(request, timeout=30) as response:
                answer = response.read()
                try:
                    return response.status, json.loads(answer) if answer else None
                except ValueError:
                    return response.status, None
        except urllib.error.HTTPError as error:
            return error.code, None

    def all_credentials(self, subscriber: str | None = None) -> Iterator[dict[str, Any]]:
        """The project's credentials, or the subscriber SUBSCRIBER's."""
        collection = self.collection
        if subscriber is not None:
            path = operation_path("list_subscriber_sip_credentials")
            collection = self.base_url + path.format(fabric_subscriber_id=subscriber)
        url: str | None = f"{collection}?page_size=1000"
        seen: set[str] = set()
        while url and url not in seen and len(seen) < MAX_PAGES:
            seen.add(url)
            status, page = self.request("GET", url)
            if status != 200 or not isinstance(page, dict):
                raise RuntimeError(f"listing credentials answered {status}")
            yield from (row for row in page.get("data") or () if isinstance(row, dict))
            following = (page.get("links") or {}).get("next")
            url = urllib.parse.urljoin(url, following) if isinstance(following, str) else None

    def delete(self, credential_id: str) -> int:
        """Delete a credential: a project's by id, a subscriber's as ``subscriber/SUB/ID``."""
        if credential_id.startswith(SUBSCRIBER_MARK):
            subscriber, _, id = credential_id.removeprefix(SUBSCRIBER_MARK).partition("/")
            path = operation_path("list_subscriber_sip_credentials").format(
                fabric_subscriber_id=subscriber
            )
            return self.request("DELETE", f"{self.base_url}{path}/{id}")[0]
        return self.request("DELETE", f"{self.collection}/{credential_id}")[0]


_ASSIGN = operation_path("assign_resource_to_sip_credential")
#: A listing the clean-up walks stops after this many pages (a server whose ``next`` never
#: ends must not hold the run): 1,000 rows a page, far beyond any project's credentials.
MAX_PAGES = 1000


class OffOrigin(RuntimeError):
    """A request (a ``links.next``) aimed outside the space's own scheme, host and port."""


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A 3xx is the answer (an HTTPError), not an instruction: following one would send the
    ``Authorization`` header wherever the server points."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)


def username_of(row: dict[str, Any]) -> str:
    """A listed credential's username, in either shape (flat, or wrapped under the endpoint)."""
    endpoint = row.get("sip_endpoint")
    inner = endpoint.get("username") if isinstance(endpoint, dict) else None
    return str(row.get("username") or inner or "")


def cleanup(space: Space, run_id: str, created_log: Path) -> None:
    """Delete what this run created: the ids it recorded, and any credential carrying its mark."""
    created = set(created_log.read_text().split()) if created_log.exists() else set()
    marked: set[str] = set()
    subscriber = Targets.from_environment().subscriber_id
    for owner, prefix in ((None, ""), (subscriber, f"{SUBSCRIBER_MARK}{subscriber}/")):
        try:
            marked |= {
                prefix + c["id"]
                for c in space.all_credentials(owner)
                if username_of(c).startswith(run_id) and isinstance(c.get("id"), str)
            }
        except (RuntimeError, OSError) as error:
            whose = f"subscriber {owner}'s" if owner else "the project's"
            print(f"could not list {whose} credentials to find marked leftovers: {error}")
    targets = sorted(created | marked)
    print(f"created by this run: {len(created)} credential(s)")
    removed = 0
    for credential_id in targets:
        try:
            status = space.delete(credential_id)
        except OSError as error:  # one unreachable delete must not leave the rest behind
            print(f"  could NOT remove {credential_id}: {error}")
            continue
        if status in (204, 404):
            removed += status == 204
            print(
                f"  removed {credential_id}" if status == 204 else f"  already gone {credential_id}"
            )
        else:
            print(f"  could NOT remove {credential_id}: {status}")
    print(f"removed {removed} credential(s)")

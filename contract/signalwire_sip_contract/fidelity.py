"""The fidelity report: what a real project answers, where SignalWire's documents disagree.

``signalwire-sip-contract sandbox`` ends with it: a few requests of its own, each username
marked with the run id and every credential it makes recorded for the clean-up, and one line
per question the seed, SignalWire's definition and the probes of the live API answer
differently (openapi/decisions.md): the shape of create, get and list answers, which id the
paths take, whether a client-chosen id is kept, and which creates are accepted. The README's
"Against a real project" asks whoever runs it to send the lines, and says what each changes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from .sandbox import Space

PASSWORD_LENGTH = 24


def shape(answer: Any) -> str:
    """``wrapped`` (a Fabric resource around ``sip_endpoint``), ``flat``, or what it is."""
    if isinstance(answer, dict) and isinstance(answer.get("sip_endpoint"), dict):
        return "wrapped"
    if isinstance(answer, dict) and "username" in answer:
        return "flat"
    return "neither (not a credential)"


def _verdict(status: int) -> str:
    return "accepted" if 200 <= status < 300 else f"refused ({status})"


def report(space: Space, run_id: str, record: Callable[[str], None]) -> list[str]:
    """Probe SPACE; the report's lines. RECORD is given the id of everything it creates."""
    lines: list[str] = []

    def create(body: dict[str, Any]) -> tuple[int, Any]:
        status, answer = space.request("POST", space.collection, body)
        if 200 <= status < 300 and isinstance(answer, dict) and isinstance(answer.get("id"), str):
            record(answer["id"])
        return status, answer

    def name(what: str) -> str:
        return f"{run_id}fidelity-{what}-{uuid.uuid4().hex[:6]}"

    secret = uuid.uuid4().hex[:PASSWORD_LENGTH]
    chosen = str(uuid.uuid4())
    full = {
        "id": chosen,
        "username": name("full"),
        "password": secret,
        "caller_id": "fidelity",
        "send_as": "fidelity",
        "ciphers": [],
        "codecs": ["PCMU"],
        "encryption": "default",
        "call_handler": "default",
        "calling_handler_resource_id": None,
    }
    status, made = create(full)
    lines.append(f"create answer: {shape(made) if status < 300 else _verdict(status)}")
    if status < 300 and isinstance(made, dict):
        outer = str(made.get("id"))
        inner = made.get("sip_endpoint", {}).get("id") if shape(made) == "wrapped" else None
        lines.append(
            f"a client-chosen id: {'kept' if chosen in (outer, inner) else 'not kept (the server chose its own)'}"
        )
        got_status, got = space.request("GET", f"{space.collection}/{outer}")
        lines.append(f"get answer: {shape(got) if got_status < 300 else _verdict(got_status)}")
        if inner:
            inner_status, _ = space.request("GET", f"{space.collection}/{inner}")
            taken = "the outer (resource) id" + (
                f"; the inner (endpoint) id answers {inner_status}"
                if inner_status >= 300
                else "; the inner (endpoint) id answers too"
            )
            lines.append(f"paths take: {taken}")
        else:
            lines.append("paths take: the one id")
    list_status, page = space.request("GET", f"{space.collection}?page_size=1")
    rows = page.get("data") if isinstance(page, dict) else None
    listed = shape(rows[0]) if rows else ("no rows" if list_status < 300 else _verdict(list_status))
    lines.append(f"list rows: {listed}")
    without_id = {k: v for k, v in full.items() if k != "id"} | {"username": name("noid")}
    lines.append(f"a create without id: {_verdict(create(without_id)[0])}")
    without_password = {k: v for k, v in full.items() if k != "password"}
    without_password |= {"id": str(uuid.uuid4()), "username": name("nopw")}
    lines.append(f"a create without password: {_verdict(create(without_password)[0])}")
    minimal = {
        "username": name("min"),
        "password": secret,
        "caller_id": "f",
        "encryption": "default",
    }
    lines.append(
        "a create of only username, password, caller_id, encryption: "
        f"{_verdict(create(minimal)[0])}"
    )
    return lines

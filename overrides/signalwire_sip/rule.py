"""The conditional resource-ID rule: the one place this package implements it.

``call_handler == "resource"`` needs a uuid in ``calling_handler_resource_id``; every other
handler needs ``null`` there. A create body always carries both fields. An update body is
partial: ``resource`` only with its id, any other handler with ``null`` or no id at all. A
resource id sent without ``call_handler`` (SignalWire's own update shape) depends on the
stored handler, which only the server knows: the client lets it through and the server judges.

The spec states the same rule as ``if``/``then``/``else`` in its schemas, which the generator
cannot express; ``tests/test_rule_agreement.py`` proves that this module and the spec agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import Enum
from typing import Any
from uuid import UUID

from signalwire_sip_client.models import SipCredentialCreate, SipCredentialUpdate

from ._exceptions import ResourceIdRuleError

RESOURCE = "resource"
HANDLER = "call_handler"
RESOURCE_ID = "calling_handler_resource_id"
# The spec's Uuid: 8-4-4-4-12 ASCII hex digits.
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _is_uuid(value: Any) -> bool:
    return isinstance(value, str) and _UUID.fullmatch(value) is not None


def _wire(value: Any) -> Any:
    # Mappings may hold enum members and UUID objects; the rule speaks of their JSON values.
    if isinstance(value, Enum):
        return value.value
    return str(value) if isinstance(value, UUID) else value


def rule_problem(body: Mapping[str, Any], *, partial: bool = False) -> str | None:
    """What BODY (its JSON form) does wrong under the rule, or None when it keeps it.

    PARTIAL selects the update reading. A create without ``call_handler`` gets the ``default``
    handler, so its resource id, if any, must be null.
    """
    has_handler, has_id = HANDLER in body, RESOURCE_ID in body
    if not partial and not has_handler:
        resource_id = _wire(body.get(RESOURCE_ID))
        if resource_id is not None:
            return (
                f"{HANDLER} is absent (the default handler), so {RESOURCE_ID} must be null "
                f"(only 'resource' takes a resource id), not {resource_id!r}"
            )
        return None
    if not has_handler:
        # Whether a resource id alone fits depends on the stored handler: the server judges
        # that. Its form, a uuid or null, the client can judge.
        resource_id = _wire(body.get(RESOURCE_ID))
        if has_id and resource_id is not None and not _is_uuid(resource_id):
            return f"{RESOURCE_ID} must be a uuid or null, not {resource_id!r}"
        return None
    handler, resource_id = _wire(body[HANDLER]), _wire(body.get(RESOURCE_ID))
    if handler == RESOURCE:
        if not _is_uuid(resource_id):
            return (
                f"{HANDLER} is 'resource', so {RESOURCE_ID} must be the uuid of the resource "
                f"to dial, not {resource_id!r}"
            )
        return None
    if resource_id is not None:
        return (
            f"{HANDLER} is {handler!r}, so {RESOURCE_ID} must be null "
            f"(only 'resource' takes a resource id), not {resource_id!r}"
        )
    return None


def check_create(body: SipCredentialCreate | Mapping[str, Any]) -> None:
    """Raise ResourceIdRuleError unless the create BODY keeps the rule."""
    data = body.to_dict() if isinstance(body, SipCredentialCreate) else body
    problem = rule_problem(data)
    if problem:
        raise ResourceIdRuleError(problem)


def check_update(body: SipCredentialUpdate | Mapping[str, Any]) -> None:
    """Raise ResourceIdRuleError unless the partial update BODY keeps the rule."""
    data = body.to_dict() if isinstance(body, SipCredentialUpdate) else body
    problem = rule_problem(data, partial=True)
    if problem:
        raise ResourceIdRuleError(problem)

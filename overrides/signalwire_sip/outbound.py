"""Outbound call policies: the typed way to set ``call_handler`` and its resource id together.

``OutboundPolicy.resource(resource_id)`` is the only policy that takes a resource id, so a
rule-breaking pair cannot be written with it::

    client.create(..., outbound=OutboundPolicy.resource(agent_id))
    client.update(credential_id, outbound=OutboundPolicy.block_pstn())
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from signalwire_sip_client.models import CallHandler

from ._arguments import enum_argument, uuid_argument
from ._exceptions import ResourceIdRuleError
from .rule import rule_problem


@dataclass(frozen=True)
class OutboundPolicy:
    """What a SIP credential's outbound calls do: a ``call_handler`` and, for ``resource``, its id."""

    handler: CallHandler
    resource_id: UUID | None = None

    def __post_init__(self) -> None:
        # Built from enums or their text alike at run time: OutboundPolicy("resource", "5f0c...")
        # (the annotations say what the fields hold once built).
        object.__setattr__(self, "handler", enum_argument("handler", CallHandler, self.handler))
        if self.resource_id is not None:
            resource_id = uuid_argument("resource_id", self.resource_id)
            object.__setattr__(self, "resource_id", resource_id)
        problem = rule_problem(self.as_fields())
        if problem:
            raise ResourceIdRuleError(problem)

    @classmethod
    def default(cls) -> OutboundPolicy:
        """Follow the outbound policy of the space's SIP profile settings."""
        return cls(CallHandler.DEFAULT)

    @classmethod
    def passthrough(cls) -> OutboundPolicy:
        """Allow dialing PSTN numbers."""
        return cls(CallHandler.PASSTHROUGH)

    @classmethod
    def block_pstn(cls) -> OutboundPolicy:
        """Refuse dialing PSTN numbers."""
        return cls(CallHandler.BLOCK_PSTN)

    @classmethod
    def resource(cls, resource_id: UUID | str) -> OutboundPolicy:
        """Dial the resource RESOURCE_ID (an AI agent, a SWML script ...) for every outbound call."""
        return cls(CallHandler.RESOURCE, uuid_argument("resource_id", resource_id))

    def as_fields(self) -> dict[str, Any]:
        """The two body fields, in their JSON form."""
        return {
            "call_handler": self.handler.value,
            "calling_handler_resource_id": None
            if self.resource_id is None
            else str(self.resource_id),
        }

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ResourceAssignment")


@_attrs_define
class ResourceAssignment:
    """Which SIP credential the resource in the path answers the inbound calls of."""

    sip_endpoint_id: UUID

    def to_dict(self) -> dict[str, Any]:
        sip_endpoint_id = str(self.sip_endpoint_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sip_endpoint_id": sip_endpoint_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sip_endpoint_id = UUID(d.pop("sip_endpoint_id"))

        resource_assignment = cls(
            sip_endpoint_id=sip_endpoint_id,
        )

        return resource_assignment

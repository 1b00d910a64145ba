from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FabricOtherResource")


@_attrs_define
class FabricOtherResource:
    """A Fabric resource of another kind than a SIP endpoint (an AI agent, a call flow ...), by
    the fields every resource has; the object it wraps (`ai_agent`, ...) is not this API's
    to describe, and may be present.

    """

    id: UUID
    project_id: str
    display_name: None | str
    type_: str
    created_at: None | str
    updated_at: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = self.project_id

        display_name: None | str
        display_name = self.display_name

        type_ = self.type_

        created_at: None | str
        created_at = self.created_at

        updated_at: None | str
        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "project_id": project_id,
                "display_name": display_name,
                "type": type_,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = d.pop("project_id")

        def _parse_display_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        display_name = _parse_display_name(d.pop("display_name"))

        type_ = d.pop("type")

        def _parse_created_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        fabric_other_resource = cls(
            id=id,
            project_id=project_id,
            display_name=display_name,
            type_=type_,
            created_at=created_at,
            updated_at=updated_at,
        )

        fabric_other_resource.additional_properties = d
        return fabric_other_resource

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    @property
    def type(self) -> str:
        """``type``, as the API names it (``type_``: deprecated)."""
        return self.type_

    @type.setter
    def type(self, value: str) -> None:
        self.type_ = value

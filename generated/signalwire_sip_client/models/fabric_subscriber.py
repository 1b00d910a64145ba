from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fabric_subscriber_details import FabricSubscriberDetails


T = TypeVar("T", bound="FabricSubscriber")


@_attrs_define
class FabricSubscriber:
    """A Fabric subscriber as a resource wrapping its own fields."""

    id: UUID
    project_id: str
    display_name: str
    type_: str
    created_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    subscriber: FabricSubscriberDetails
    """ A subscriber's own fields, inside its resource. A field the API does not know is `null`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        project_id = self.project_id

        display_name = self.display_name

        type_ = self.type_

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        subscriber = self.subscriber.to_dict()

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
                "subscriber": subscriber,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fabric_subscriber_details import FabricSubscriberDetails  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        project_id = d.pop("project_id")

        display_name = d.pop("display_name")

        type_ = d.pop("type")

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        subscriber = FabricSubscriberDetails.from_dict(d.pop("subscriber"))

        fabric_subscriber = cls(
            id=id,
            project_id=project_id,
            display_name=display_name,
            type_=type_,
            created_at=created_at,
            updated_at=updated_at,
            subscriber=subscriber,
        )

        fabric_subscriber.additional_properties = d
        return fabric_subscriber

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

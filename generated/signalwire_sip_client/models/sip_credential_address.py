from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_channels import AddressChannels


T = TypeVar("T", bound="SipCredentialAddress")


@_attrs_define
class SipCredentialAddress:
    """A Fabric call address of a SIP credential (SignalWire's `FabricAddressCall`): the path
    that rings it (`/public/<username>`), answered by the resource assigned to it, whose
    name `display_name` shows.

    """

    id: UUID
    name: str
    """ The address's name, the last part of its paths (the credential's username). """
    display_name: str
    """ The name for people (the resource that answers). """
    type_: str
    """ The kind of address; `call` for these. """
    channels: AddressChannels
    """ The paths that reach the address, by channel. """
    created_at: datetime.datetime
    cover_url: None | str | Unset = UNSET
    """ An image for the address, if it has one. """
    preview_url: None | str | Unset = UNSET
    """ A preview image for the address, if it has one. """
    locked: bool | Unset = UNSET
    """ Whether the address refuses calls. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        display_name = self.display_name

        type_ = self.type_

        channels = self.channels.to_dict()

        created_at = self.created_at.isoformat()

        cover_url: None | str | Unset
        if isinstance(self.cover_url, Unset):
            cover_url = UNSET
        else:
            cover_url = self.cover_url

        preview_url: None | str | Unset
        if isinstance(self.preview_url, Unset):
            preview_url = UNSET
        else:
            preview_url = self.preview_url

        locked = self.locked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "display_name": display_name,
                "type": type_,
                "channels": channels,
                "created_at": created_at,
            }
        )
        if cover_url is not UNSET:
            field_dict["cover_url"] = cover_url
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url
        if locked is not UNSET:
            field_dict["locked"] = locked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_channels import AddressChannels  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        display_name = d.pop("display_name")

        type_ = d.pop("type")

        channels = AddressChannels.from_dict(d.pop("channels"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_cover_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cover_url = _parse_cover_url(d.pop("cover_url", UNSET))

        def _parse_preview_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preview_url = _parse_preview_url(d.pop("preview_url", UNSET))

        locked = d.pop("locked", UNSET)

        sip_credential_address = cls(
            id=id,
            name=name,
            display_name=display_name,
            type_=type_,
            channels=channels,
            created_at=created_at,
            cover_url=cover_url,
            preview_url=preview_url,
            locked=locked,
        )

        sip_credential_address.additional_properties = d
        return sip_credential_address

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

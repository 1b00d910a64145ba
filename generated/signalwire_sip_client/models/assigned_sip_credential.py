from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_channels import AddressChannels


T = TypeVar("T", bound="AssignedSipCredential")


@_attrs_define
class AssignedSipCredential:
    """A SIP credential as an address answered by the resource assigned to it (SignalWire's
    `ResourceSipEndpointResponse`): `id` and `name` are the credential's, `channels` the
    paths that now reach the resource.

    """

    id: UUID
    name: str
    """ The credential's username. """
    type_: str
    """ The handler the resource answers with; `call` for these. """
    channels: AddressChannels
    """ The paths that reach the address, by channel. """
    cover_url: None | str | Unset = UNSET
    preview_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        type_ = self.type_

        channels = self.channels.to_dict()

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "channels": channels,
            }
        )
        if cover_url is not UNSET:
            field_dict["cover_url"] = cover_url
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_channels import AddressChannels  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        type_ = d.pop("type")

        channels = AddressChannels.from_dict(d.pop("channels"))

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

        assigned_sip_credential = cls(
            id=id,
            name=name,
            type_=type_,
            channels=channels,
            cover_url=cover_url,
            preview_url=preview_url,
        )

        assigned_sip_credential.additional_properties = d
        return assigned_sip_credential

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

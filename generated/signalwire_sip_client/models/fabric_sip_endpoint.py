from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FabricSipEndpoint")


@_attrs_define
class FabricSipEndpoint:
    """The endpoint inside a Fabric resource (SignalWire's `FabricSipEndpoint`): the fields of
    `SipCredential`, its own `id` (which paths do not take). Read tolerantly: beside its id
    and username, a field may be absent.

    """

    id: UUID
    username: str
    caller_id: None | str | Unset = UNSET
    send_as: None | str | Unset = UNSET
    ciphers: list[str] | Unset = UNSET
    codecs: list[str] | Unset = UNSET
    encryption: None | str | Unset = UNSET
    call_handler: None | str | Unset = UNSET
    calling_handler_resource_id: None | str | Unset = UNSET
    hold_music_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        caller_id: None | str | Unset
        if isinstance(self.caller_id, Unset):
            caller_id = UNSET
        else:
            caller_id = self.caller_id

        send_as: None | str | Unset
        if isinstance(self.send_as, Unset):
            send_as = UNSET
        else:
            send_as = self.send_as

        ciphers: list[str] | Unset = UNSET
        if not isinstance(self.ciphers, Unset):
            ciphers = self.ciphers

        codecs: list[str] | Unset = UNSET
        if not isinstance(self.codecs, Unset):
            codecs = self.codecs

        encryption: None | str | Unset
        if isinstance(self.encryption, Unset):
            encryption = UNSET
        else:
            encryption = self.encryption

        call_handler: None | str | Unset
        if isinstance(self.call_handler, Unset):
            call_handler = UNSET
        else:
            call_handler = self.call_handler

        calling_handler_resource_id: None | str | Unset
        if isinstance(self.calling_handler_resource_id, Unset):
            calling_handler_resource_id = UNSET
        else:
            calling_handler_resource_id = self.calling_handler_resource_id

        hold_music_url: None | str | Unset
        if isinstance(self.hold_music_url, Unset):
            hold_music_url = UNSET
        else:
            hold_music_url = self.hold_music_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
            }
        )
        if caller_id is not UNSET:
            field_dict["caller_id"] = caller_id
        if send_as is not UNSET:
            field_dict["send_as"] = send_as
        if ciphers is not UNSET:
            field_dict["ciphers"] = ciphers
        if codecs is not UNSET:
            field_dict["codecs"] = codecs
        if encryption is not UNSET:
            field_dict["encryption"] = encryption
        if call_handler is not UNSET:
            field_dict["call_handler"] = call_handler
        if calling_handler_resource_id is not UNSET:
            field_dict["calling_handler_resource_id"] = calling_handler_resource_id
        if hold_music_url is not UNSET:
            field_dict["hold_music_url"] = hold_music_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        def _parse_caller_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        caller_id = _parse_caller_id(d.pop("caller_id", UNSET))

        def _parse_send_as(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        send_as = _parse_send_as(d.pop("send_as", UNSET))

        ciphers = cast(list[str], d.pop("ciphers", UNSET))

        codecs = cast(list[str], d.pop("codecs", UNSET))

        def _parse_encryption(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        encryption = _parse_encryption(d.pop("encryption", UNSET))

        def _parse_call_handler(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_handler = _parse_call_handler(d.pop("call_handler", UNSET))

        def _parse_calling_handler_resource_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        calling_handler_resource_id = _parse_calling_handler_resource_id(
            d.pop("calling_handler_resource_id", UNSET)
        )

        def _parse_hold_music_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hold_music_url = _parse_hold_music_url(d.pop("hold_music_url", UNSET))

        fabric_sip_endpoint = cls(
            id=id,
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            call_handler=call_handler,
            calling_handler_resource_id=calling_handler_resource_id,
            hold_music_url=hold_music_url,
        )

        fabric_sip_endpoint.additional_properties = d
        return fabric_sip_endpoint

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

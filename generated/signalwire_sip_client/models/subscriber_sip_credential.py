from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption

T = TypeVar("T", bound="SubscriberSipCredential")


@_attrs_define
class SubscriberSipCredential:
    """A subscriber's SIP credential as the server reports it (never its password). Enumerated fields are open, as in
    `SipCredential`.

    """

    id: UUID
    username: str
    caller_id: None | str
    send_as: None | str
    ciphers: list[Cipher | str]
    codecs: list[Codec | str]
    encryption: Encryption | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        caller_id: None | str
        caller_id = self.caller_id

        send_as: None | str
        send_as = self.send_as

        ciphers = []
        for ciphers_item_data in self.ciphers:
            ciphers_item: str
            if isinstance(ciphers_item_data, Cipher):
                ciphers_item = ciphers_item_data.value
            else:
                ciphers_item = ciphers_item_data
            ciphers.append(ciphers_item)

        codecs = []
        for codecs_item_data in self.codecs:
            codecs_item: str
            if isinstance(codecs_item_data, Codec):
                codecs_item = codecs_item_data.value
            else:
                codecs_item = codecs_item_data
            codecs.append(codecs_item)

        encryption: str
        if isinstance(self.encryption, Encryption):
            encryption = self.encryption.value
        else:
            encryption = self.encryption

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "username": username,
                "caller_id": caller_id,
                "send_as": send_as,
                "ciphers": ciphers,
                "codecs": codecs,
                "encryption": encryption,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        def _parse_caller_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        caller_id = _parse_caller_id(d.pop("caller_id"))

        def _parse_send_as(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        send_as = _parse_send_as(d.pop("send_as"))

        ciphers = []
        _ciphers = d.pop("ciphers")
        for ciphers_item_data in _ciphers:

            def _parse_ciphers_item(data: object) -> Cipher | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    ciphers_item_type_0 = Cipher(data)

                    return ciphers_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Cipher | str, data)

            ciphers_item = _parse_ciphers_item(ciphers_item_data)

            ciphers.append(ciphers_item)

        codecs = []
        _codecs = d.pop("codecs")
        for codecs_item_data in _codecs:

            def _parse_codecs_item(data: object) -> Codec | str:
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    codecs_item_type_0 = Codec(data)

                    return codecs_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(Codec | str, data)

            codecs_item = _parse_codecs_item(codecs_item_data)

            codecs.append(codecs_item)

        def _parse_encryption(data: object) -> Encryption | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                encryption_type_0 = Encryption(data)

                return encryption_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Encryption | str, data)

        encryption = _parse_encryption(d.pop("encryption"))

        subscriber_sip_credential = cls(
            id=id,
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        )

        subscriber_sip_credential.additional_properties = d
        return subscriber_sip_credential

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

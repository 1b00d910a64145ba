from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriberSipCredentialCreate")


@_attrs_define
class SubscriberSipCredentialCreate:
    """A new SIP credential of a subscriber; `username` and `password` are required, the rest defaults."""

    username: str
    """ The SIP username devices register with; unique within the project, without white
    space or `@`.
     """
    password: str = _attrs_field(repr=False)
    """ The password the SIP device registers with. Write-only; never returned. """
    caller_id: str | Unset = UNSET
    """ The caller ID shown on SIP-to-SIP calls (default none). """
    send_as: str | Unset = UNSET
    """ The number outbound calls are sent from (default none). """
    ciphers: list[Cipher] | Unset = UNSET
    """ Ciphers that can be enabled for calls (default none). """
    codecs: list[Codec] | Unset = UNSET
    """ Codecs that can be enabled for calls (default none). """
    encryption: Encryption | Unset = UNSET
    """ Whether calls to this endpoint must, may, or by default do use encryption. """

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        caller_id = self.caller_id

        send_as = self.send_as

        ciphers: list[str] | Unset = UNSET
        if not isinstance(self.ciphers, Unset):
            ciphers = []
            for ciphers_item_data in self.ciphers:
                ciphers_item = ciphers_item_data.value
                ciphers.append(ciphers_item)

        codecs: list[str] | Unset = UNSET
        if not isinstance(self.codecs, Unset):
            codecs = []
            for codecs_item_data in self.codecs:
                codecs_item = codecs_item_data.value
                codecs.append(codecs_item)

        encryption: str | Unset = UNSET
        if not isinstance(self.encryption, Unset):
            encryption = self.encryption.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "username": username,
                "password": password,
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username")

        password = d.pop("password")

        caller_id = d.pop("caller_id", UNSET)

        send_as = d.pop("send_as", UNSET)

        _ciphers = d.pop("ciphers", UNSET)
        ciphers: list[Cipher] | Unset = UNSET
        if _ciphers is not UNSET:
            ciphers = []
            for ciphers_item_data in _ciphers:
                ciphers_item = Cipher(ciphers_item_data)

                ciphers.append(ciphers_item)

        _codecs = d.pop("codecs", UNSET)
        codecs: list[Codec] | Unset = UNSET
        if _codecs is not UNSET:
            codecs = []
            for codecs_item_data in _codecs:
                codecs_item = Codec(codecs_item_data)

                codecs.append(codecs_item)

        _encryption = d.pop("encryption", UNSET)
        encryption: Encryption | Unset
        if isinstance(_encryption, Unset):
            encryption = UNSET
        else:
            encryption = Encryption(_encryption)

        subscriber_sip_credential_create = cls(
            username=username,
            password=password,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        )

        return subscriber_sip_credential_create

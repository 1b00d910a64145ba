from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriberSipCredentialUpdate")


@_attrs_define
class SubscriberSipCredentialUpdate:
    """A partial update of a subscriber's SIP credential; only the fields present change."""

    username: str | Unset = UNSET
    """ The SIP username devices register with; unique within the project, without white
    space or `@`.
     """
    password: str | Unset = _attrs_field(default=UNSET, repr=False)
    """ The password the SIP device registers with. Write-only; never returned. """
    caller_id: str | Unset = UNSET
    send_as: str | Unset = UNSET
    ciphers: list[Cipher] | Unset = UNSET
    codecs: list[Codec] | Unset = UNSET
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

        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
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
        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

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

        subscriber_sip_credential_update = cls(
            username=username,
            password=password,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
        )

        return subscriber_sip_credential_update

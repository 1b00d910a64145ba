from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_handler import CallHandler
from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption
from ..types import UNSET, Unset

T = TypeVar("T", bound="SipCredentialUpdate")


@_attrs_define
class SipCredentialUpdate:
    """A partial update: only the fields present change. The schema judges what the body
    alone decides (`call_handler` with its resource id); a resource id without
    `call_handler` is judged against the stored handler (see the operation), so that every
    accepted update leaves a valid credential.

    """

    username: str | Unset = UNSET
    """ The SIP username devices register with; unique within the project, without white
    space or `@`.
     """
    password: str | Unset = _attrs_field(default=UNSET, repr=False)
    """ The password the SIP device registers with. Write-only; never returned. """
    hold_music_url: str | Unset = UNSET
    """ What callers put on hold by this endpoint hear. """
    caller_id: str | Unset = UNSET
    """ The caller ID shown when dialing from this SIP endpoint. """
    send_as: str | Unset = UNSET
    """ The SIP username shown to the called party; overrides `username`. """
    ciphers: list[Cipher] | Unset = UNSET
    codecs: list[Codec] | Unset = UNSET
    encryption: Encryption | Unset = UNSET
    """ Whether calls to this endpoint must, may, or by default do use encryption. """
    call_handler: CallHandler | Unset = UNSET
    """ How the SIP endpoint handles outbound calls.
    - `default`: follow the outbound policy of the space's SIP profile settings.
    - `passthrough`: the endpoint may dial PSTN numbers.
    - `block-pstn`: the endpoint may not dial PSTN numbers.
    - `resource`: outbound calls dial the resource named by `calling_handler_resource_id`.
     """
    calling_handler_resource_id: None | Unset | UUID = UNSET
    """ Beside `call_handler`: a uuid when it is `resource`, otherwise `null` or absent.
    Alone: judged against the stored credential, `null` unless its handler is
    `resource`, then a uuid (this re-points it).
     """

    def to_dict(self) -> dict[str, Any]:
        username = self.username

        password = self.password

        hold_music_url = self.hold_music_url

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

        call_handler: str | Unset = UNSET
        if not isinstance(self.call_handler, Unset):
            call_handler = self.call_handler.value

        calling_handler_resource_id: None | str | Unset
        if isinstance(self.calling_handler_resource_id, Unset):
            calling_handler_resource_id = UNSET
        elif isinstance(self.calling_handler_resource_id, UUID):
            calling_handler_resource_id = str(self.calling_handler_resource_id)
        else:
            calling_handler_resource_id = self.calling_handler_resource_id

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if hold_music_url is not UNSET:
            field_dict["hold_music_url"] = hold_music_url
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        hold_music_url = d.pop("hold_music_url", UNSET)

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

        _call_handler = d.pop("call_handler", UNSET)
        call_handler: CallHandler | Unset
        if isinstance(_call_handler, Unset):
            call_handler = UNSET
        else:
            call_handler = CallHandler(_call_handler)

        def _parse_calling_handler_resource_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calling_handler_resource_id_type_0 = UUID(data)

                return calling_handler_resource_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        calling_handler_resource_id = _parse_calling_handler_resource_id(
            d.pop("calling_handler_resource_id", UNSET)
        )

        sip_credential_update = cls(
            username=username,
            password=password,
            hold_music_url=hold_music_url,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            call_handler=call_handler,
            calling_handler_resource_id=calling_handler_resource_id,
        )

        return sip_credential_update

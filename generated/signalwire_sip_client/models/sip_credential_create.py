from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.call_handler import CallHandler
from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption

T = TypeVar("T", bound="SipCredentialCreate")


@_attrs_define
class SipCredentialCreate:
    """A new SIP credential. All nine fields are required; `calling_handler_resource_id` may be `null` and must be unless
    `call_handler` is `resource`.

    """

    id: UUID
    username: str
    """ The SIP username devices register with; unique within the project, without white
    space or `@`.
     """
    caller_id: str
    """ The caller ID shown when dialing from this SIP endpoint. """
    send_as: str
    """ The SIP username shown to the called party; overrides `username`. """
    ciphers: list[Cipher]
    """ Ciphers that can be enabled for calls on this SIP endpoint. """
    codecs: list[Codec]
    """ Codecs that can be enabled for calls on this SIP endpoint. """
    encryption: Encryption
    """ Whether calls to this endpoint must, may, or by default do use encryption. """
    call_handler: CallHandler
    """ How the SIP endpoint handles outbound calls.
    - `default`: follow the outbound policy of the space's SIP profile settings.
    - `passthrough`: the endpoint may dial PSTN numbers.
    - `block-pstn`: the endpoint may not dial PSTN numbers.
    - `resource`: outbound calls dial the resource named by `calling_handler_resource_id`.
     """
    calling_handler_resource_id: None | UUID
    """ The uuid of the resource outbound calls dial when `call_handler` is `resource`; `null` otherwise. """

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        username = self.username

        caller_id = self.caller_id

        send_as = self.send_as

        ciphers = []
        for ciphers_item_data in self.ciphers:
            ciphers_item = ciphers_item_data.value
            ciphers.append(ciphers_item)

        codecs = []
        for codecs_item_data in self.codecs:
            codecs_item = codecs_item_data.value
            codecs.append(codecs_item)

        encryption = self.encryption.value

        call_handler = self.call_handler.value

        calling_handler_resource_id: None | str
        if isinstance(self.calling_handler_resource_id, UUID):
            calling_handler_resource_id = str(self.calling_handler_resource_id)
        else:
            calling_handler_resource_id = self.calling_handler_resource_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "username": username,
                "caller_id": caller_id,
                "send_as": send_as,
                "ciphers": ciphers,
                "codecs": codecs,
                "encryption": encryption,
                "call_handler": call_handler,
                "calling_handler_resource_id": calling_handler_resource_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        username = d.pop("username")

        caller_id = d.pop("caller_id")

        send_as = d.pop("send_as")

        ciphers = []
        _ciphers = d.pop("ciphers")
        for ciphers_item_data in _ciphers:
            ciphers_item = Cipher(ciphers_item_data)

            ciphers.append(ciphers_item)

        codecs = []
        _codecs = d.pop("codecs")
        for codecs_item_data in _codecs:
            codecs_item = Codec(codecs_item_data)

            codecs.append(codecs_item)

        encryption = Encryption(d.pop("encryption"))

        call_handler = CallHandler(d.pop("call_handler"))

        def _parse_calling_handler_resource_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                calling_handler_resource_id_type_0 = UUID(data)

                return calling_handler_resource_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        calling_handler_resource_id = _parse_calling_handler_resource_id(
            d.pop("calling_handler_resource_id")
        )

        sip_credential_create = cls(
            id=id,
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            call_handler=call_handler,
            calling_handler_resource_id=calling_handler_resource_id,
        )

        return sip_credential_create

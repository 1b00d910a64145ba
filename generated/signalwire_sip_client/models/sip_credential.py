from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.call_handler import CallHandler
from ..models.cipher import Cipher
from ..models.codec import Codec
from ..models.encryption import Encryption
from ..models.http_method import HttpMethod
from ..models.inbound_call_handler import InboundCallHandler
from ..types import UNSET, Unset

T = TypeVar("T", bound="SipCredential")


@_attrs_define
class SipCredential:
    """A SIP credential as the server reports it. Enumerated fields are open: a value this
    document does not list still parses (see the comment on `call_handler`).

    """

    type_: str
    """ The kind of record; `sip_endpoint` for these. """
    id: UUID
    username: str
    """ The username for the SIP endpoint. """
    caller_id: None | str
    """ Caller ID used as the CNAM when dialing a phone number, or the From when dialing another SIP endpoint. """
    send_as: str
    """ The number or SIP username outbound calls are sent from. """
    ciphers: list[Cipher | str]
    """ The encryption ciphers this endpoint supports. """
    codecs: list[Codec | str]
    """ The codecs this endpoint supports. """
    encryption: Encryption | str
    call_handler: CallHandler | InboundCallHandler | None | str
    """ What handles calls of this endpoint. """
    calling_handler_resource_id: None | UUID
    """ The uuid of the resource outbound calls dial; set only when `call_handler` is `resource`. """
    call_request_url: None | str | Unset = UNSET
    """ The LaML URL fetched when a call is received (for `laml_webhooks`). """
    call_request_method: HttpMethod | None | str | Unset = UNSET
    """ The HTTP method used with `call_request_url`. """
    call_fallback_url: None | str | Unset = UNSET
    """ The LaML URL fetched when `call_request_url` fails. """
    call_fallback_method: HttpMethod | None | str | Unset = UNSET
    """ The HTTP method used with `call_fallback_url`. """
    call_status_callback_url: None | str | Unset = UNSET
    """ A URL that receives call status changes. """
    call_status_callback_method: HttpMethod | None | str | Unset = UNSET
    """ The HTTP method used with `call_status_callback_url`. """
    call_laml_application_id: None | str | Unset = UNSET
    """ The LaML application incoming calls go to (for `laml_application`). """
    call_dialogflow_agent_id: None | str | Unset = UNSET
    """ The Dialogflow agent incoming calls go to (for `dialogflow`). """
    call_relay_topic: None | str | Unset = UNSET
    """ The Relay topic incoming calls go to (for `relay_topic`). """
    call_relay_topic_status_callback_url: None | str | Unset = UNSET
    """ A URL that receives status changes (for `relay_topic`). """
    call_relay_context: None | str | Unset = UNSET
    """ The Relay context incoming calls go to (for `relay_context`). """
    call_relay_context_status_callback_url: None | str | Unset = UNSET
    """ A URL that receives status changes (for `relay_context`). """
    call_relay_application: None | str | Unset = UNSET
    """ The Relay application incoming calls go to (for `relay_application`). """
    call_video_room_id: None | Unset | UUID = UNSET
    """ The video room incoming calls go to (for `video_room`). """
    call_relay_script_url: None | str | Unset = UNSET
    """ A SWML script that answers incoming calls (for `relay_script`). """
    hold_music_url: None | str | Unset = UNSET
    """ What callers put on hold by this endpoint hear. """
    sip_endpoint_id: None | Unset | UUID = UNSET
    """ The endpoint's own id, where the API wraps the endpoint in a Fabric resource (see
    `FabricSipCredential`); `id` is then the resource's, the one paths take. Absent in
    the flat shape, where the two are one.
     """
    display_name: None | str | Unset = UNSET
    """ The Fabric resource's name for people (the wrapped shape). """
    project_id: None | str | Unset = UNSET
    """ The project the Fabric resource belongs to (the wrapped shape). """
    created_at: datetime.datetime | None | Unset = UNSET
    """ When the Fabric resource was made (the wrapped shape). """
    updated_at: datetime.datetime | None | Unset = UNSET
    """ When the Fabric resource last changed (the wrapped shape). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        username = self.username

        caller_id: None | str
        caller_id = self.caller_id

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

        call_handler: None | str
        if isinstance(self.call_handler, CallHandler):
            call_handler = self.call_handler.value
        elif isinstance(self.call_handler, InboundCallHandler):
            call_handler = self.call_handler.value
        else:
            call_handler = self.call_handler

        calling_handler_resource_id: None | str
        if isinstance(self.calling_handler_resource_id, UUID):
            calling_handler_resource_id = str(self.calling_handler_resource_id)
        else:
            calling_handler_resource_id = self.calling_handler_resource_id

        call_request_url: None | str | Unset
        if isinstance(self.call_request_url, Unset):
            call_request_url = UNSET
        else:
            call_request_url = self.call_request_url

        call_request_method: None | str | Unset
        if isinstance(self.call_request_method, Unset):
            call_request_method = UNSET
        elif isinstance(self.call_request_method, HttpMethod):
            call_request_method = self.call_request_method.value
        else:
            call_request_method = self.call_request_method

        call_fallback_url: None | str | Unset
        if isinstance(self.call_fallback_url, Unset):
            call_fallback_url = UNSET
        else:
            call_fallback_url = self.call_fallback_url

        call_fallback_method: None | str | Unset
        if isinstance(self.call_fallback_method, Unset):
            call_fallback_method = UNSET
        elif isinstance(self.call_fallback_method, HttpMethod):
            call_fallback_method = self.call_fallback_method.value
        else:
            call_fallback_method = self.call_fallback_method

        call_status_callback_url: None | str | Unset
        if isinstance(self.call_status_callback_url, Unset):
            call_status_callback_url = UNSET
        else:
            call_status_callback_url = self.call_status_callback_url

        call_status_callback_method: None | str | Unset
        if isinstance(self.call_status_callback_method, Unset):
            call_status_callback_method = UNSET
        elif isinstance(self.call_status_callback_method, HttpMethod):
            call_status_callback_method = self.call_status_callback_method.value
        else:
            call_status_callback_method = self.call_status_callback_method

        call_laml_application_id: None | str | Unset
        if isinstance(self.call_laml_application_id, Unset):
            call_laml_application_id = UNSET
        else:
            call_laml_application_id = self.call_laml_application_id

        call_dialogflow_agent_id: None | str | Unset
        if isinstance(self.call_dialogflow_agent_id, Unset):
            call_dialogflow_agent_id = UNSET
        else:
            call_dialogflow_agent_id = self.call_dialogflow_agent_id

        call_relay_topic: None | str | Unset
        if isinstance(self.call_relay_topic, Unset):
            call_relay_topic = UNSET
        else:
            call_relay_topic = self.call_relay_topic

        call_relay_topic_status_callback_url: None | str | Unset
        if isinstance(self.call_relay_topic_status_callback_url, Unset):
            call_relay_topic_status_callback_url = UNSET
        else:
            call_relay_topic_status_callback_url = self.call_relay_topic_status_callback_url

        call_relay_context: None | str | Unset
        if isinstance(self.call_relay_context, Unset):
            call_relay_context = UNSET
        else:
            call_relay_context = self.call_relay_context

        call_relay_context_status_callback_url: None | str | Unset
        if isinstance(self.call_relay_context_status_callback_url, Unset):
            call_relay_context_status_callback_url = UNSET
        else:
            call_relay_context_status_callback_url = self.call_relay_context_status_callback_url

        call_relay_application: None | str | Unset
        if isinstance(self.call_relay_application, Unset):
            call_relay_application = UNSET
        else:
            call_relay_application = self.call_relay_application

        call_video_room_id: None | str | Unset
        if isinstance(self.call_video_room_id, Unset):
            call_video_room_id = UNSET
        elif isinstance(self.call_video_room_id, UUID):
            call_video_room_id = str(self.call_video_room_id)
        else:
            call_video_room_id = self.call_video_room_id

        call_relay_script_url: None | str | Unset
        if isinstance(self.call_relay_script_url, Unset):
            call_relay_script_url = UNSET
        else:
            call_relay_script_url = self.call_relay_script_url

        hold_music_url: None | str | Unset
        if isinstance(self.hold_music_url, Unset):
            hold_music_url = UNSET
        else:
            hold_music_url = self.hold_music_url

        sip_endpoint_id: None | str | Unset
        if isinstance(self.sip_endpoint_id, Unset):
            sip_endpoint_id = UNSET
        elif isinstance(self.sip_endpoint_id, UUID):
            sip_endpoint_id = str(self.sip_endpoint_id)
        else:
            sip_endpoint_id = self.sip_endpoint_id

        display_name: None | str | Unset
        if isinstance(self.display_name, Unset):
            display_name = UNSET
        else:
            display_name = self.display_name

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
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
        if call_request_url is not UNSET:
            field_dict["call_request_url"] = call_request_url
        if call_request_method is not UNSET:
            field_dict["call_request_method"] = call_request_method
        if call_fallback_url is not UNSET:
            field_dict["call_fallback_url"] = call_fallback_url
        if call_fallback_method is not UNSET:
            field_dict["call_fallback_method"] = call_fallback_method
        if call_status_callback_url is not UNSET:
            field_dict["call_status_callback_url"] = call_status_callback_url
        if call_status_callback_method is not UNSET:
            field_dict["call_status_callback_method"] = call_status_callback_method
        if call_laml_application_id is not UNSET:
            field_dict["call_laml_application_id"] = call_laml_application_id
        if call_dialogflow_agent_id is not UNSET:
            field_dict["call_dialogflow_agent_id"] = call_dialogflow_agent_id
        if call_relay_topic is not UNSET:
            field_dict["call_relay_topic"] = call_relay_topic
        if call_relay_topic_status_callback_url is not UNSET:
            field_dict["call_relay_topic_status_callback_url"] = (
                call_relay_topic_status_callback_url
            )
        if call_relay_context is not UNSET:
            field_dict["call_relay_context"] = call_relay_context
        if call_relay_context_status_callback_url is not UNSET:
            field_dict["call_relay_context_status_callback_url"] = (
                call_relay_context_status_callback_url
            )
        if call_relay_application is not UNSET:
            field_dict["call_relay_application"] = call_relay_application
        if call_video_room_id is not UNSET:
            field_dict["call_video_room_id"] = call_video_room_id
        if call_relay_script_url is not UNSET:
            field_dict["call_relay_script_url"] = call_relay_script_url
        if hold_music_url is not UNSET:
            field_dict["hold_music_url"] = hold_music_url
        if sip_endpoint_id is not UNSET:
            field_dict["sip_endpoint_id"] = sip_endpoint_id
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = UUID(d.pop("id"))

        username = d.pop("username")

        def _parse_caller_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        caller_id = _parse_caller_id(d.pop("caller_id"))

        send_as = d.pop("send_as")

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

        def _parse_call_handler(data: object) -> CallHandler | InboundCallHandler | None | str:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_handler_type_0 = CallHandler(data)

                return call_handler_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_handler_type_1 = InboundCallHandler(data)

                return call_handler_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallHandler | InboundCallHandler | None | str, data)

        call_handler = _parse_call_handler(d.pop("call_handler"))

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

        def _parse_call_request_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_request_url = _parse_call_request_url(d.pop("call_request_url", UNSET))

        def _parse_call_request_method(data: object) -> HttpMethod | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_request_method_type_0 = HttpMethod(data)

                return call_request_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HttpMethod | None | str | Unset, data)

        call_request_method = _parse_call_request_method(d.pop("call_request_method", UNSET))

        def _parse_call_fallback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_fallback_url = _parse_call_fallback_url(d.pop("call_fallback_url", UNSET))

        def _parse_call_fallback_method(data: object) -> HttpMethod | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_fallback_method_type_0 = HttpMethod(data)

                return call_fallback_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HttpMethod | None | str | Unset, data)

        call_fallback_method = _parse_call_fallback_method(d.pop("call_fallback_method", UNSET))

        def _parse_call_status_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_status_callback_url = _parse_call_status_callback_url(
            d.pop("call_status_callback_url", UNSET)
        )

        def _parse_call_status_callback_method(data: object) -> HttpMethod | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_status_callback_method_type_0 = HttpMethod(data)

                return call_status_callback_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HttpMethod | None | str | Unset, data)

        call_status_callback_method = _parse_call_status_callback_method(
            d.pop("call_status_callback_method", UNSET)
        )

        def _parse_call_laml_application_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_laml_application_id = _parse_call_laml_application_id(
            d.pop("call_laml_application_id", UNSET)
        )

        def _parse_call_dialogflow_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_dialogflow_agent_id = _parse_call_dialogflow_agent_id(
            d.pop("call_dialogflow_agent_id", UNSET)
        )

        def _parse_call_relay_topic(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_topic = _parse_call_relay_topic(d.pop("call_relay_topic", UNSET))

        def _parse_call_relay_topic_status_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_topic_status_callback_url = _parse_call_relay_topic_status_callback_url(
            d.pop("call_relay_topic_status_callback_url", UNSET)
        )

        def _parse_call_relay_context(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_context = _parse_call_relay_context(d.pop("call_relay_context", UNSET))

        def _parse_call_relay_context_status_callback_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_context_status_callback_url = _parse_call_relay_context_status_callback_url(
            d.pop("call_relay_context_status_callback_url", UNSET)
        )

        def _parse_call_relay_application(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_application = _parse_call_relay_application(
            d.pop("call_relay_application", UNSET)
        )

        def _parse_call_video_room_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                call_video_room_id_type_0 = UUID(data)

                return call_video_room_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        call_video_room_id = _parse_call_video_room_id(d.pop("call_video_room_id", UNSET))

        def _parse_call_relay_script_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        call_relay_script_url = _parse_call_relay_script_url(d.pop("call_relay_script_url", UNSET))

        def _parse_hold_music_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hold_music_url = _parse_hold_music_url(d.pop("hold_music_url", UNSET))

        def _parse_sip_endpoint_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sip_endpoint_id_type_0 = UUID(data)

                return sip_endpoint_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        sip_endpoint_id = _parse_sip_endpoint_id(d.pop("sip_endpoint_id", UNSET))

        def _parse_display_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        display_name = _parse_display_name(d.pop("display_name", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("project_id", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        sip_credential = cls(
            type_=type_,
            id=id,
            username=username,
            caller_id=caller_id,
            send_as=send_as,
            ciphers=ciphers,
            codecs=codecs,
            encryption=encryption,
            call_handler=call_handler,
            calling_handler_resource_id=calling_handler_resource_id,
            call_request_url=call_request_url,
            call_request_method=call_request_method,
            call_fallback_url=call_fallback_url,
            call_fallback_method=call_fallback_method,
            call_status_callback_url=call_status_callback_url,
            call_status_callback_method=call_status_callback_method,
            call_laml_application_id=call_laml_application_id,
            call_dialogflow_agent_id=call_dialogflow_agent_id,
            call_relay_topic=call_relay_topic,
            call_relay_topic_status_callback_url=call_relay_topic_status_callback_url,
            call_relay_context=call_relay_context,
            call_relay_context_status_callback_url=call_relay_context_status_callback_url,
            call_relay_application=call_relay_application,
            call_video_room_id=call_video_room_id,
            call_relay_script_url=call_relay_script_url,
            hold_music_url=hold_music_url,
            sip_endpoint_id=sip_endpoint_id,
            display_name=display_name,
            project_id=project_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        sip_credential.additional_properties = d
        return sip_credential

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

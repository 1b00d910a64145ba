"""Contains all the data models used in inputs/outputs"""

from .address_channels import AddressChannels
from .assigned_sip_credential import AssignedSipCredential
from .call_handler import CallHandler
from .cipher import Cipher
from .codec import Codec
from .encryption import Encryption
from .error import Error
from .error_item import ErrorItem
from .error_list import ErrorList
from .fabric_other_resource import FabricOtherResource
from .fabric_resource_page import FabricResourcePage
from .fabric_sip_credential import FabricSipCredential
from .fabric_sip_credential_page import FabricSipCredentialPage
from .fabric_sip_endpoint import FabricSipEndpoint
from .fabric_subscriber import FabricSubscriber
from .fabric_subscriber_details import FabricSubscriberDetails
from .fabric_subscriber_page import FabricSubscriberPage
from .http_method import HttpMethod
from .inbound_call_handler import InboundCallHandler
from .resource_assignment import ResourceAssignment
from .sip_credential import SipCredential
from .sip_credential_address import SipCredentialAddress
from .sip_credential_address_page import SipCredentialAddressPage
from .sip_credential_create import SipCredentialCreate
from .sip_credential_page import SipCredentialPage
from .sip_credential_page_links import SipCredentialPageLinks
from .sip_credential_update import SipCredentialUpdate
from .subscriber_sip_credential import SubscriberSipCredential
from .subscriber_sip_credential_create import SubscriberSipCredentialCreate
from .subscriber_sip_credential_page import SubscriberSipCredentialPage
from .subscriber_sip_credential_update import SubscriberSipCredentialUpdate

__all__ = (
    "AddressChannels",
    "AssignedSipCredential",
    "CallHandler",
    "Cipher",
    "Codec",
    "Encryption",
    "Error",
    "ErrorItem",
    "ErrorList",
    "FabricOtherResource",
    "FabricResourcePage",
    "FabricSipCredential",
    "FabricSipCredentialPage",
    "FabricSipEndpoint",
    "FabricSubscriber",
    "FabricSubscriberDetails",
    "FabricSubscriberPage",
    "HttpMethod",
    "InboundCallHandler",
    "ResourceAssignment",
    "SipCredential",
    "SipCredentialAddress",
    "SipCredentialAddressPage",
    "SipCredentialCreate",
    "SipCredentialPage",
    "SipCredentialPageLinks",
    "SipCredentialUpdate",
    "SubscriberSipCredential",
    "SubscriberSipCredentialCreate",
    "SubscriberSipCredentialPage",
    "SubscriberSipCredentialUpdate",
)

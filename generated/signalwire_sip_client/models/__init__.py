"""Contains all the data models used in inputs/outputs"""

from .call_handler import CallHandler
from .cipher import Cipher
from .codec import Codec
from .encryption import Encryption
from .error import Error
from .error_item import ErrorItem
from .error_list import ErrorList
from .http_method import HttpMethod
from .inbound_call_handler import InboundCallHandler
from .sip_credential import SipCredential
from .sip_credential_create import SipCredentialCreate
from .sip_credential_page import SipCredentialPage
from .sip_credential_page_links import SipCredentialPageLinks
from .sip_credential_update import SipCredentialUpdate

__all__ = (
    "CallHandler",
    "Cipher",
    "Codec",
    "Encryption",
    "Error",
    "ErrorItem",
    "ErrorList",
    "HttpMethod",
    "InboundCallHandler",
    "SipCredential",
    "SipCredentialCreate",
    "SipCredentialPage",
    "SipCredentialPageLinks",
    "SipCredentialUpdate",
)

"""SignalWire SIP credentials for Python.

``SipCredentials`` / ``AsyncSipCredentials`` are the clients (a project's credentials, their
addresses and assigned resources; ``.subscriber(id)`` a subscriber's credentials); ``OutboundPolicy`` builds the
``call_handler`` / ``calling_handler_resource_id`` pair; ``check_create`` and ``check_update``
apply the resource-ID rule to bodies built with the generated models directly. The models
themselves come from the generated package ``signalwire_sip_client.models`` and are re-exported.
``__version__`` is the installed distribution's version (SemVer; see CHANGELOG.md).
"""

from importlib.metadata import version as _version

from signalwire_sip_client.models import (
    AddressChannels,
    AssignedSipCredential,
    CallHandler,
    Cipher,
    Codec,
    Encryption,
    HttpMethod,
    InboundCallHandler,
    SipCredential,
    SipCredentialAddress,
    SipCredentialAddressPage,
    SipCredentialCreate,
    SipCredentialPage,
    SipCredentialPageLinks,
    SipCredentialUpdate,
    SubscriberSipCredential,
    SubscriberSipCredentialPage,
)
from signalwire_sip_client.types import UNSET, Unset

from ._async.client import AsyncSipCredentials, AsyncSubscriberSipCredentials
from ._base import generated_client
from ._config import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_BYTES,
    ENV_API_TOKEN,
    ENV_PROJECT_ID,
    ENV_SPACE,
    ClientConfig,
    RetryPolicy,
    base_url_for_space,
)
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ErrorDetail,
    InvalidArgumentError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResourceIdRuleError,
    ResponseTooLargeError,
    ServerError,
    SignalWireError,
    UnexpectedResponseError,
    ValidationError,
)
from ._raw import RawResponse
from ._sync.client import SipCredentials, SubscriberSipCredentials
from .outbound import OutboundPolicy
from .rule import check_create, check_update, rule_problem

__version__ = _version("signalwire-sip")

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "ENV_API_TOKEN",
    "ENV_PROJECT_ID",
    "ENV_SPACE",
    "UNSET",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AddressChannels",
    "AssignedSipCredential",
    "AsyncSipCredentials",
    "AsyncSubscriberSipCredentials",
    "AuthenticationError",
    "BadRequestError",
    "CallHandler",
    "Cipher",
    "ClientConfig",
    "Codec",
    "ConfigurationError",
    "ConflictError",
    "Encryption",
    "ErrorDetail",
    "HttpMethod",
    "InboundCallHandler",
    "InvalidArgumentError",
    "NotFoundError",
    "OutboundPolicy",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "ResourceIdRuleError",
    "ResponseTooLargeError",
    "RetryPolicy",
    "ServerError",
    "SignalWireError",
    "SipCredential",
    "SipCredentialAddress",
    "SipCredentialAddressPage",
    "SipCredentialCreate",
    "SipCredentialPage",
    "SipCredentialPageLinks",
    "SipCredentialUpdate",
    "SipCredentials",
    "SubscriberSipCredential",
    "SubscriberSipCredentialPage",
    "SubscriberSipCredentials",
    "UnexpectedResponseError",
    "Unset",
    "ValidationError",
    "base_url_for_space",
    "check_create",
    "check_update",
    "generated_client",
    "rule_problem",
]

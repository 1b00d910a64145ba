"""A client library for accessing SignalWire SIP Credentials API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)

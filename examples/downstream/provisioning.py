"""A downstream team's code: provision a desk phone's SIP credential, idempotently."""

from __future__ import annotations

from signalwire_sip import Codec, OutboundPolicy, SipCredential, SipCredentials


def provision_desk(sip: SipCredentials, name: str, number: str) -> SipCredential:
    """The desk's credential: the existing one if the username is taken, else a new one."""
    for credential in sip.iter_all():
        if credential.username == name:
            return credential
    return sip.create(
        username=name,
        caller_id=number,
        send_as=number,
        ciphers=["AES_CM_128_HMAC_SHA1_80"],
        codecs=[Codec.OPUS, Codec.PCMU],
        outbound=OutboundPolicy.block_pstn(),
    )

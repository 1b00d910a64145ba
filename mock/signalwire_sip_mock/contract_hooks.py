"""Moved: the gate's schemathesis extensions are ``signalwire_sip_contract.hooks`` now.

A schemathesis.toml that still names this module (``hooks = "signalwire_sip_mock.contract_hooks"``)
keeps working; it warns, and goes in 2.0.
"""

from __future__ import annotations

import warnings

from signalwire_sip_contract.hooks import SANDBOX, after_call, before_call
from signalwire_sip_contract.links import LinkCoverage

from .spec import collection_path

warnings.warn(
    "signalwire_sip_mock.contract_hooks moved to signalwire_sip_contract.hooks",
    DeprecationWarning,
    2,
)

COLLECTION = collection_path()
RUN_ID = SANDBOX.run_id
CREATED_LOG = SANDBOX.created_log
__all__ = ["COLLECTION", "CREATED_LOG", "RUN_ID", "LinkCoverage", "after_call", "before_call"]

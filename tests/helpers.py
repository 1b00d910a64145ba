"""Helpers the tests share."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from signalwire_sip_mock import collection_path

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi" / "sip-credentials.yaml"
# The collection's path, read from the spec: the tests name it, they never spell it.
COLLECTION = collection_path()
RESOURCE_ID = "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"


def create_body(**overrides: Any) -> dict[str, Any]:
    """A valid create body (JSON form) with a fresh id and username, changed by OVERRIDES."""
    body: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "username": f"user-{uuid.uuid4().hex[:12]}",
        "caller_id": "+15551234567",
        "send_as": "+15551234567",
        "ciphers": ["AEAD_AES_256_GCM_8"],
        "codecs": ["OPUS", "PCMU"],
        "encryption": "default",
        "call_handler": "default",
        "calling_handler_resource_id": None,
    }
    body.update(overrides)
    return body

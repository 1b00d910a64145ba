"""Helpers the tests share."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from signalwire_sip_mock import collection_path, request_example

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi" / "sip-credentials.yaml"
# The collection's path, read from the spec: the tests name it, they never spell it.
COLLECTION = collection_path()
RESOURCE_ID = "5f0c2d8e-1b7a-4c3e-9d6f-8a2b4c6d8e0f"


def create_body(**overrides: Any) -> dict[str, Any]:
    """The spec's own create example with a fresh id and username, changed by OVERRIDES."""
    fresh = {"id": str(uuid.uuid4()), "username": f"user-{uuid.uuid4().hex[:12]}"}
    return request_example("create_sip_credential", "default-handler") | fresh | overrides

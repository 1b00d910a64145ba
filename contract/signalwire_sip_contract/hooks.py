"""What schemathesis loads (``hooks`` in schemathesis.toml): the gate's two extensions,
registered here and nowhere else, so importing the gate's other modules registers nothing.

- ``LinkCoverage`` (links.py): the declared links the stateful phase followed.
- The sandbox's safety (sandbox.py), active when ``SIGNALWIRE_SIP_RUN_ID`` is set.
- The subscriber and resource the producers are aimed at (targets.py).
"""

from __future__ import annotations

from typing import Any

import schemathesis
import schemathesis.cli

from .links import LinkCoverage
from .sandbox import Sandbox
from .targets import Fresh, Targets

schemathesis.cli.handler()(LinkCoverage)
__all__ = ["SANDBOX", "TARGETS", "LinkCoverage", "after_call", "before_call"]
SANDBOX = Sandbox.from_environment()
TARGETS = Targets.from_environment()
FRESH = Fresh()


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    TARGETS.before_call(case)
    FRESH.before_call(case)
    SANDBOX.before_call(case)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    answered = None
    if SANDBOX.run_id and 200 <= response.status_code < 300:
        try:
            answered = response.json()
        except Exception:
            answered = None
    SANDBOX.after_call(case, response.status_code, answered)

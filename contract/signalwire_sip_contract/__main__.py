"""``python -m signalwire_sip_contract``: the same as ``signalwire-sip-contract``."""

import sys

from .cli import main

sys.exit(main())

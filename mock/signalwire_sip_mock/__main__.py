"""``python -m signalwire_sip_mock``: the same as ``signalwire-sip-mock``."""

import sys

from .cli import main

sys.exit(main())

"""How the mock is served to clients no one here wrote: its banner, a mock started elsewhere
(``RunningMock`` attached by URL), list links behind a proxy, and https (``--tls``)."""

from __future__ import annotations

import pytest

from signalwire_sip_mock import MockProcess


@pytest.mark.parametrize("shape", ["flat", "fabric"])
def test_the_banner_names_the_shape_it_plays(shape: str) -> None:
    with MockProcess(shape=shape) as mock:
        line = next(x for x in mock.banner.splitlines() if x.strip().startswith("shape"))
    assert line.split()[1] == shape

"""How the mock is served to clients no one here wrote: its banner, a mock started elsewhere
(``RunningMock`` attached by URL), list links behind a proxy, and https (``--tls``)."""

from __future__ import annotations

import asyncio
import os
import re
import ssl
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from cryptography import x509

from signalwire_sip_mock import MockProcess, MockServer, Project, RunningMock, create_app
from signalwire_sip_mock.origin import SCOPE_KEY, is_loopback, origin
from signalwire_sip_mock.tls import host_names

from .helpers import COLLECTION, ROOT

TOKEN = "PT" + "5e" * 20
MINE = Project("0d6b5c4e-3f2a-4b1c-9d8e-7f6a5b4c3d2e", TOKEN)


@pytest.mark.parametrize("shape", ["flat", "fabric"])
def test_the_banner_names_the_shape_it_plays(shape: str) -> None:
    with MockProcess(shape=shape) as mock:
        line = next(x for x in mock.banner.splitlines() if x.strip().startswith("shape"))
    assert line.split()[1] == shape


def docs_block(title: str) -> str:
    """The python block of docs/mock.md whose first line is ``# TITLE``."""
    text = (ROOT / "docs" / "mock.md").read_text()
    found = re.search(rf"```python\n(# {re.escape(title)}\n.*?)```", text, re.S)
    assert found, f"docs/mock.md has no '# {title}' block"
    return found.group(1)


DOWNSTREAM = """
def test_it_talks_to_the_mock_started_elsewhere(signalwire_sip_mock, signalwire_sip_credentials):
    assert signalwire_sip_mock.app is None  # attached by URL: no app of this process
    signalwire_sip_credentials.create(username="desk", caller_id="x", send_as="x",
                                      ciphers=[], codecs=[])
    assert [e["status"] for e in signalwire_sip_mock.requests()] == [200]


def test_and_each_test_starts_clean(signalwire_sip_credentials):
    assert signalwire_sip_credentials.list().data == []
"""


def test_the_documented_attachment_drives_a_mock_started_elsewhere(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    with MockProcess([MINE], hooks_token="hook-secret") as mock:
        monkeypatch.setenv("MOCK_URL", mock.base_url)
        monkeypatch.setenv("SIGNALWIRE_PROJECT_ID", MINE.id)
        monkeypatch.setenv("SIGNALWIRE_API_TOKEN", MINE.token)
        monkeypatch.setenv("SIGNALWIRE_SIP_MOCK_HOOKS_TOKEN", "hook-secret")
        pytester.makeconftest(docs_block("a mock started elsewhere"))
        pytester.makepyfile(test_downstream=DOWNSTREAM)
        result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "-q")
        result.assert_outcomes(passed=2)


@pytest.mark.slow
def test_the_documented_attachment_is_clean_under_mypy_strict(tmp_path: Path) -> None:
    import mypy.api

    example = tmp_path / "conftest.py"
    example.write_text(docs_block("a mock started elsewhere"))
    out, err, status = mypy.api.run(
        ["--strict", "--no-incremental", "--python-version", "3.11", str(example)]
    )
    assert status == 0, out + err


def test_every_documented_form_names_the_same_project() -> None:
    url = "http://127.0.0.1:8080"
    forms = [
        RunningMock(url, MINE.id, MINE.token),
        RunningMock(url, MINE.id, api_token=MINE.token),
        RunningMock(url, MINE),
        RunningMock(url + "/", MINE, None, None, "flat"),
    ]
    assert {(m.base_url, m.project_id, m.api_token) for m in forms} == {(url, *astuple(MINE))}
    assert all(MINE.token not in repr(m) for m in forms)


@pytest.mark.parametrize(
    ("arguments", "keywords", "named"),
    [
        (("127.0.0.1:8080", "pid", TOKEN), {}, "base_url"),
        ((f"http://pid:{TOKEN}@127.0.0.1", "pid", TOKEN), {}, "base_url"),
        ((b"http://127.0.0.1", "pid", TOKEN), {}, "base_url"),
        (("http://127.0.0.1", "", TOKEN), {}, "project_id"),
        (("http://127.0.0.1", "pid"), {}, "api_token"),
        (("http://127.0.0.1", "pid", ""), {}, "api_token"),
        (("http://127.0.0.1", MINE, TOKEN), {}, "api_token"),
        (("http://127.0.0.1", MINE), {"api_token": TOKEN}, "api_token"),
        (("http://127.0.0.1", "pid", TOKEN), {"shape": "round"}, "shape"),
    ],
)
def test_a_wrong_argument_is_named_and_the_token_never_shown(
    arguments: tuple[Any, ...], keywords: dict[str, Any], named: str
) -> None:
    with pytest.raises((ValueError, TypeError)) as raised:
        RunningMock(*arguments, **keywords)
    assert named in str(raised.value) and TOKEN not in str(raised.value)


# -- list links behind a front (origin.py) ------------------------------------------------------

FRONT = {"x-forwarded-proto": "https", "x-forwarded-host": "front.example:8443"}


def scope_of(peer: Any, headers: dict[str, str], public: str | None = None) -> dict[str, Any]:
    """An ASGI scope as uvicorn makes one: PEER the direct peer, HEADERS the request's."""
    head = [(b"host", b"mock.internal:8080")]
    head += [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]
    scope: dict[str, Any] = {"scheme": "http", "server": ("127.0.0.1", 8080), "headers": head}
    scope["client"] = peer
    return scope if public is None else scope | {SCOPE_KEY: public}


@pytest.mark.parametrize(
    ("peer", "honoured"),
    [
        (("127.0.0.1", 50000), True),
        (("127.8.9.10", 50000), True),
        (("::1", 50000), True),
        (("::ffff:127.0.0.1", 50000), True),
        (("192.0.2.7", 50000), False),
        (("10.0.0.5", 50000), False),
        (("2001:db8::1", 50000), False),
        (("::ffff:192.0.2.7", 50000), False),
        (("not-an-address", 50000), False),
        (None, False),
    ],
)
def test_forwarded_headers_count_only_from_a_loopback_peer(peer: Any, honoured: bool) -> None:
    expected = "https://front.example:8443" if honoured else "http://mock.internal:8080"
    assert origin(scope_of(peer, FRONT)) == expected
    assert is_loopback(peer) is honoured


@pytest.mark.parametrize(
    "hostile",
    [
        "evil.example/path",
        "evil.example?x=1",
        "evil.example#x",
        "user@evil.example",
        "https://evil.example",
        "evil.example\r\nset-cookie: x=1",
        "evil example",
        "evil.example:80:80",
        "evil.example:port",
        "[::1",
        '"evil.example"',
        "<script>",
        "",
        "é.example",
    ],
)
def test_a_hostile_forwarded_host_is_ignored(hostile: str) -> None:
    scope = scope_of(("127.0.0.1", 50000), {"x-forwarded-host": hostile})
    assert origin(scope) == "http://mock.internal:8080"  # the Host header, as without it


@pytest.mark.parametrize("proto", ["ftp", "javascript", "https://", "http s", ""])
def test_a_forwarded_proto_that_is_no_scheme_is_ignored(proto: str) -> None:
    scope = scope_of(("127.0.0.1", 50000), {"x-forwarded-proto": proto})
    assert origin(scope) == "http://mock.internal:8080"


def test_of_a_list_the_value_the_nearest_proxy_wrote_counts() -> None:
    # A client may send its own X-Forwarded-Host; the proxy on loopback appends the real one.
    headers = {"x-forwarded-host": "evil.example, front.example", "x-forwarded-proto": "HTTPS"}
    assert origin(scope_of(("127.0.0.1", 1), headers)) == "https://front.example"


def test_a_public_url_wins_over_every_header() -> None:
    scope = scope_of(("127.0.0.1", 1), FRONT, public="https://ci-mock:9443")
    assert origin(scope) == "https://ci-mock:9443"


@pytest.fixture(scope="module")
def served() -> Iterator[MockServer]:
    with MockServer([MINE]) as server:
        yield server


def listed_links(base_url: str, headers: dict[str, str], path: str = "") -> Any:
    with httpx.Client(base_url=base_url, auth=astuple(MINE), timeout=10) as http:
        answer = http.get(path or f"{COLLECTION}?page_size=1", headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()["links"]


def test_list_links_name_the_front_a_loopback_proxy_forwards_for(served: MockServer) -> None:
    with httpx.Client(base_url=served.base_url, auth=astuple(MINE), timeout=10) as http:
        for n in range(3):
            body = {"username": f"front-{n}", "caller_id": "x", "send_as": "x"}
            assert http.post(COLLECTION, json=body | {"ciphers": [], "codecs": []}).is_success
    links = listed_links(served.base_url, FRONT)
    assert set(links) == {"self", "first", "next"}
    for link in links.values():
        assert link.startswith(f"https://front.example:8443{COLLECTION}?"), link
    # The path and query of the link, asked of the mock itself, are the next page.
    next_page = listed_links(served.base_url, FRONT, links["next"].split("8443", 1)[1])
    assert next_page["self"] == links["next"]
    plain = listed_links(served.base_url, {})
    assert plain["self"].startswith(f"{served.base_url}{COLLECTION}?")


@pytest.mark.parametrize(("peer", "moved"), [("192.0.2.7", False), ("127.0.0.1", True)])
def test_a_peer_beyond_loopback_cannot_move_the_links(peer: str, moved: bool) -> None:
    # The direct peer as the ASGI server reports it (no second interface needed).
    transport = httpx.ASGITransport(app=cast(Any, create_app([MINE])), client=(peer, 50000))

    async def links() -> Any:
        async with httpx.AsyncClient(transport=transport, base_url="http://mock:8080") as c:
            answer = await c.get(COLLECTION, headers=FRONT, auth=astuple(MINE))
            return answer.json()["links"]

    expected = "https://front.example:8443" if moved else "http://mock:8080"
    assert asyncio.run(links())["self"].startswith(f"{expected}{COLLECTION}?")


def test_a_public_url_sets_the_links_outright() -> None:
    with MockProcess([MINE], public_url="https://ci-mock:9443/") as mock:
        assert "list links  https://ci-mock:9443 (--public-url)" in mock.banner
        links = listed_links(mock.base_url, FRONT)
    assert links["self"].startswith(f"https://ci-mock:9443{COLLECTION}?")


@pytest.mark.parametrize(
    "url", ["ci-mock:9443", "ftp://ci-mock", "https://ci-mock/prefix", "https://u:p@ci-mock", ""]
)
def test_a_public_url_that_is_no_origin_is_refused_naming_the_argument(url: str) -> None:
    with pytest.raises(ValueError, match="public_url"):
        create_app([MINE], public_url=url or " ")
    run = subprocess.run(
        [sys.executable, "-m", "signalwire_sip_mock.cli", "--public-url", url],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 2 and "--public-url" in run.stderr


# -- https (--tls, tls.py) ----------------------------------------------------------------------


def trusted_file(banner: str) -> str:
    """The CA file the banner says to trust, as its SSL_CERT_FILE line gives it."""
    found = re.search(r"^\s*export SSL_CERT_FILE=(\S+)", banner, re.MULTILINE)
    assert found, banner
    bundle = re.search(r"^\s*export REQUESTS_CA_BUNDLE=(\S+)", banner, re.MULTILINE)
    assert bundle and bundle.group(1) == found.group(1)
    return found.group(1)


def test_tls_serves_https_that_a_client_trusting_the_printed_ca_verifies(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with MockProcess([MINE], options=["--tls"]) as mock:
        assert mock.base_url.startswith("https://127.0.0.1:")
        ca = trusted_file(mock.banner)
        trusting = ssl.create_default_context(cafile=ca)
        with httpx.Client(verify=trusting, auth=astuple(MINE), timeout=10) as http:
            answer = http.get(f"{mock.base_url}{COLLECTION}")
            assert answer.status_code == 200
            assert answer.json()["links"]["self"].startswith(f"{mock.base_url}{COLLECTION}?")
            port = mock.base_url.rsplit(":", 1)[1]
            assert http.get(f"https://localhost:{port}/__mock__/health").status_code == 200
        # The line as printed, in a shell of its own: httpx reads SSL_CERT_FILE.
        probe = (
            f"import httpx; print(httpx.get({mock.base_url + '/__mock__/health'!r}).status_code)"
        )
        run = subprocess.run(
            [sys.executable, "-c", probe],
            env=dict(os.environ, SSL_CERT_FILE=ca),
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert run.stdout.strip() == "200", run.stderr
        # Without the CA (the default trust store), verification fails.
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(f"{mock.base_url}/__mock__/health", verify=ssl.create_default_context())
        # Nor does it answer plain http on that port.
        with pytest.raises(httpx.HTTPError):
            httpx.get(mock.base_url.replace("https", "http", 1) + "/__mock__/health", timeout=5)
        folder = Path(ca).parent
        assert folder.is_dir()
        # This project's client and test kit, given the base URL, trust it the same way.
        monkeypatch.setenv("SSL_CERT_FILE", ca)
        running = RunningMock(mock.base_url, MINE.id, MINE.token)
        running.reset()
        with running.client() as sip:
            sip.create(username="over-tls", caller_id="x", send_as="x", ciphers=[], codecs=[])
        assert [e["status"] for e in running.requests()] == [200]
        running.close()
    assert not folder.exists()  # the temporary folder goes with the mock


def test_a_chosen_tls_dir_is_kept_its_key_private_its_names_the_mocks(tmp_path: Path) -> None:
    folder = tmp_path / "tls" / "here"
    options = ["--tls", "--tls-dir", str(folder), "--public-url", "https://Mock.CI:9443"]
    with MockProcess([MINE], options=options) as mock:
        assert trusted_file(mock.banner) == str(folder / "ca.pem")
        assert "https for 127.0.0.1, localhost, ::1, mock.ci" in mock.banner
    assert sorted(p.name for p in folder.iterdir()) == ["ca.pem", "server.key", "server.pem"]
    assert stat.S_IMODE((folder / "server.key").stat().st_mode) == 0o600
    certificate = x509.load_pem_x509_certificate((folder / "server.pem").read_bytes())
    names = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert set(names.get_values_for_type(x509.DNSName)) == {"localhost", "mock.ci"}
    addresses = {str(a) for a in names.get_values_for_type(x509.IPAddress)}
    assert addresses == {"127.0.0.1", "::1"}


@pytest.mark.parametrize(
    ("host", "public", "expected"),
    [
        ("127.0.0.1", None, ["127.0.0.1", "localhost", "::1"]),
        ("0.0.0.0", None, ["127.0.0.1", "localhost", "::1"]),
        ("::", "https://front:8443", ["127.0.0.1", "localhost", "::1", "front"]),
        ("[::0:1]", None, ["127.0.0.1", "localhost", "::1"]),
        (
            "192.0.2.7",
            "https://[2001:db8::7]",
            ["127.0.0.1", "localhost", "::1", "192.0.2.7", "2001:db8::7"],
        ),
        ("Mock", "http://mock:8080", ["127.0.0.1", "localhost", "::1", "mock"]),
    ],
)
def test_the_certificate_names_loopback_the_host_and_the_public_host(
    host: str, public: str | None, expected: list[str]
) -> None:
    assert host_names(host, public) == expected


@pytest.mark.parametrize(
    ("options", "says"),
    [
        (["--tls-dir", "somewhere"], "--tls-dir goes with --tls"),
        (["--tls", "--tls-dir", "/proc/no-such/dir"], "cannot write the --tls files"),
    ],
)
def test_a_tls_option_that_cannot_work_stops_the_mock_with_exit_2(
    options: list[str], says: str
) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "signalwire_sip_mock.cli", "--port", "0", *options],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert run.returncode == 2 and says in run.stderr, run.stderr

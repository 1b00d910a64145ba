"""The sandbox's rails (#23): what a run created is known from the server's answers alone, its
clean-up sends the project's token only to the target's own origin, and it finds a marked
leftover in either shape. The whole run against the mock: tests/test_contract.py."""

from __future__ import annotations

import http.server
import json
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from signalwire_sip_contract.runner import run_schemathesis
from signalwire_sip_contract.sandbox import OffOrigin, Sandbox, Space, cleanup
from signalwire_sip_mock import MockServer, Project

from .helpers import COLLECTION, create_body

RUN = "swsip-test0001-"


def _case(body: Any, **path: str) -> Any:
    return SimpleNamespace(
        method="POST",
        body=body,
        path_parameters=path,
        operation=SimpleNamespace(path=COLLECTION),
    )


def test_a_create_records_the_id_the_server_answered_never_the_one_it_sent(tmp_path: Path) -> None:
    log = tmp_path / "created.txt"
    sandbox = Sandbox(RUN, str(log))
    sent, chosen = str(uuid.uuid4()), str(uuid.uuid4())
    sandbox.after_call(_case({"id": sent, "username": RUN + "a"}), 200, {"id": chosen})
    assert sandbox.created == {chosen}
    assert log.read_text().split() == [chosen]


@pytest.mark.parametrize("answered", [None, {}, {"id": 7}, {"id": ""}, ["x"], "text"])
def test_an_answer_naming_no_id_records_nothing_not_even_the_id_sent(answered: Any) -> None:
    sandbox = Sandbox(RUN)
    sandbox.after_call(_case({"id": str(uuid.uuid4()), "username": RUN + "b"}), 201, answered)
    assert sandbox.created == set()


def test_a_subscriber_credential_is_recorded_with_its_parent_from_the_path(tmp_path: Path) -> None:
    log = tmp_path / "created.txt"
    sandbox = Sandbox(RUN, str(log))
    subscriber, chosen = str(uuid.uuid4()), str(uuid.uuid4())
    case = _case({"username": RUN + "c"}, fabric_subscriber_id=subscriber)
    sandbox.after_call(case, 201, {"id": chosen})
    assert log.read_text().split() == [f"subscriber/{subscriber}/{chosen}"]


# A hostile target: links.next and redirects that point at another host --------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request 200 with an empty page, and remembers its Authorization header."""

    seen: list[str | None]

    def do_GET(self) -> None:
        self.seen.append(self.headers.get("Authorization"))
        body = json.dumps({"data": [], "links": {}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.do_GET()

    do_DELETE = do_GET
    do_PUT = do_POST

    def log_message(self, *args: Any) -> None:
        pass


def _serve(handler: type[http.server.BaseHTTPRequestHandler], host: str) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer((host, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[str | None]]]:
    """Another loopback address (127.0.0.2): the host a hostile target points at."""
    seen: list[str | None] = []
    handler = type("Elsewhere", (_Recorder,), {"seen": seen})
    for url in _serve(handler, "127.0.0.2"):
        yield url, seen


def _hostile(pointing_at: str, how: str) -> type[http.server.BaseHTTPRequestHandler]:
    class Hostile(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if how == "redirect":
                self.send_response(302)
                self.send_header("Location", pointing_at + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            page = {"data": [], "links": {"next": pointing_at + COLLECTION + "?page_token=x"}}
            body = json.dumps(page).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_DELETE = do_GET

        def log_message(self, *args: Any) -> None:
            pass

    return Hostile


@pytest.mark.parametrize("how", ["redirect", "next-link", "next-link-other-scheme"])
def test_the_clean_up_never_sends_the_token_to_another_origin(
    elsewhere: tuple[str, list[str | None]], how: str, tmp_path: Path, capsys: Any
) -> None:
    target, seen = elsewhere
    if how == "next-link-other-scheme":
        target = target.replace("http://127.0.0.2", "https://127.0.0.1")
    for base in _serve(_hostile(target, how.removesuffix("-other-scheme")), "127.0.0.1"):
        space = Space(base, "project", "the-token")
        if how == "redirect":
            assert space.request("GET", space.collection)[0] == 302
        else:
            with pytest.raises(OffOrigin):
                list(space.all_credentials())
        log = tmp_path / "created.txt"
        log.write_text(f"{uuid.uuid4()}\n")
        cleanup(space, RUN, log)  # lists (refused or redirected) and deletes: nothing escapes
    assert seen == []
    assert "the-token" not in capsys.readouterr().out


@pytest.mark.parametrize("shape", ["flat", "fabric"])
def test_the_clean_up_finds_a_marked_leftover_in_either_shape(shape: str, tmp_path: Path) -> None:
    project = Project(str(uuid.uuid4()), "PT" + uuid.uuid4().hex)
    with MockServer([project], shape=shape) as server:
        http_ = httpx.Client(base_url=server.base_url, auth=(project.id, project.token))
        foreign = http_.post(COLLECTION, json=create_body()).json()
        before = http_.get(f"{COLLECTION}/{foreign['id']}").content
        # A create whose answer was lost: the created log never heard of it, only its mark.
        leftover = http_.post(COLLECTION, json=create_body(username=RUN + "lost")).json()
        cleanup(Space(server.base_url, project.id, project.token), RUN, tmp_path / "none.txt")
        assert http_.get(f"{COLLECTION}/{leftover['id']}").status_code == 404
        assert http_.get(f"{COLLECTION}/{foreign['id']}").content == before


def _redirecting(pointing_at: str) -> type[http.server.BaseHTTPRequestHandler]:
    class Redirecting(http.server.BaseHTTPRequestHandler):
        """Answers every request with a 307 (which re-sends the body) to POINTING_AT."""

        def _redirect(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(307)
            self.send_header("Location", pointing_at + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = do_PUT = do_DELETE = _redirect

        def log_message(self, *args: Any) -> None:
            pass

    return Redirecting


def test_schemathesis_follows_no_redirect_even_when_asked_to(
    elsewhere: tuple[str, list[str | None]], tmp_path: Path
) -> None:
    url, seen = elsewhere
    for target in _serve(_redirecting(url), "127.0.0.1"):
        extra = ["--phases", "examples", "--max-examples", "1", "--max-redirects", "5"]
        code, _ = run_schemathesis(target, "p", "t", tmp_path / "reports", extra)
        assert code != 0  # a 307 is no documented answer: the gate fails, and stops there
    assert seen == []

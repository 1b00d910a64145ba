"""``signalwire-sip-mock``: run the mock SIP credential API in the foreground."""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import signal
import socket
import sys
from collections.abc import Callable

import uvicorn

from .admin import HookAccess
from .app import Project, create_app
from .limits import Timeouts
from .origin import public_origin
from .process import ENV_HOOKS_TOKEN, ENV_SHAPE
from .server import demo_project, uvicorn_config
from .store import StoreUnavailable
from .tls import host_names, make_certificate

#: The projects of a mock given no --project (a CI service container gets no command line).
ENV_PROJECTS = "SIGNALWIRE_SIP_MOCK_PROJECTS"

BANNER = """signalwire-sip mock serving the SIP credential API
  base URL    {base_url}
  API docs    {base_url}/docs/
  spec        {base_url}/openapi.yaml  {base_url}/openapi.json
  test hooks  {base_url}/__mock__/  (requests, faults, seed, reset, subscribers, resources, health)
              described by {base_url}/openapi-hooks.yaml
              {hooks}
  shape       {shape}
  list links  {links}
  TLS         {tls}
  store       {store}
  projects    {projects}

Point a client at it (paste into a shell):
{trust}  export SIGNALWIRE_SPACE={space}
  export SIGNALWIRE_PROJECT_ID={project_id}
  {token_line}
"""

#: What the banner says of each shape (docs/mock.md, "Two shapes").
SHAPES = {
    "flat": "flat (a credential is one object, the seed's; --shape fabric plays production)",
    "fabric": "fabric (a credential is a Fabric resource wrapping its SIP endpoint, as production)",
}

# SSL_CERT_FILE is OpenSSL's (curl, httpx, urllib, Python's ssl); requests reads its own.
TRUST = """  export SSL_CERT_FILE={ca}  # trust its CA: this shell then trusts it alone
  export REQUESTS_CA_BUNDLE={ca}  # the same for requests
"""
LINKS = "the scheme and host each request names (X-Forwarded-* from a proxy on this machine)"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="signalwire-sip-mock", description=__doc__)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=int, default=8080, help="port to listen on (default 8080; 0 picks one)"
    )
    parser.add_argument(
        "--project",
        action="append",
        default=[],
        metavar="ID:TOKEN",
        type=_project,
        help="a project the mock accepts; repeat for more (default: $"
        f"{ENV_PROJECTS}, ID:TOKEN pairs separated by commas, as a CI service container takes "
        "them; else a new demo project)",
    )
    parser.add_argument(
        "--db", metavar="FILE", help="SQLite file that survives restarts (default: in memory)"
    )
    parser.add_argument(
        "--hooks-token",
        default=os.environ.get(ENV_HOOKS_TOKEN) or None,
        metavar="TOKEN",
        help="require 'Authorization: Bearer TOKEN' for the test hooks under /__mock__/ "
        f"(default: ${ENV_HOOKS_TOKEN}; without one the hooks are open on loopback and closed "
        "when --host listens beyond it)",
    )
    parser.add_argument(
        "--read-timeout",
        type=_seconds,
        default=Timeouts.read,
        metavar="SECONDS",
        help=f"time a request may take to arrive, head and body (default {Timeouts.read:g}); "
        "a connection that sends nothing for as long is closed",
    )
    parser.add_argument(
        "--port-file",
        metavar="FILE",
        help="write the port it listens on to FILE once it does (with --port 0: for scripts "
        "and a container's health check)",
    )
    parser.add_argument(
        "--log-level", default="info", choices=["debug", "info", "warning", "error"]
    )
    parser.add_argument(
        "--shape",
        default=os.environ.get(ENV_SHAPE, "flat"),
        choices=["flat", "fabric"],
        help="how SIP credentials are answered: flat (the seed's one object, default) or fabric "
        "(production as observed: a Fabric resource wrapping the endpoint, two ids, the paths "
        f"taking the resource's); also {ENV_SHAPE}",
    )
    parser.add_argument(
        "--public-url",
        type=_public_url,
        metavar="URL",
        help="the scheme and host clients reach the mock by (https://front:8443, behind a proxy "
        "or a CI service name): list links name it; without it they name what each request "
        "says, X-Forwarded-Proto/-Host included when the proxy is on this machine",
    )
    parser.add_argument(
        "--tls",
        action="store_true",
        help="serve https, with a certificate made at start-up for 127.0.0.1, localhost, ::1, "
        "--host and the --public-url host; the banner names the CA file to trust",
    )
    parser.add_argument(
        "--tls-dir",
        metavar="DIR",
        help="with --tls: write the CA (ca.pem), certificate and key there and keep them "
        "(default: a temporary folder removed at exit)",
    )
    parser.add_argument(
        "--http",
        default="auto",
        choices=["auto", "httptools", "h11"],
        help="HTTP parser: httptools (auto, the fast one) answers methods it does not know with a "
        "plain-text 400 before the mock sees them; h11 lets the mock answer every method (405)",
    )
    args = parser.parse_args(argv)
    if args.tls_dir and not args.tls:
        parser.error("--tls-dir goes with --tls")
    return args


def _projects_from_environment() -> list[Project]:
    """The projects $SIGNALWIRE_SIP_MOCK_PROJECTS names (``ID:TOKEN,ID:TOKEN``); a malformed
    one stops the mock (exit 2, the token not shown)."""
    value = os.environ.get(ENV_PROJECTS, "")
    if not value.strip():
        return []
    given = [part.strip() for part in value.split(",")]
    problem = None
    if any(not part for part in given):
        problem = "an empty entry (two commas, or one at an end)"
    elif any(char in part for part in given for char in " \t\r\n;"):
        problem = "pairs separated by something else than a comma (space, newline or ';')"
    try:
        projects = [] if problem else [Project.parse(part) for part in given]
    except ValueError:
        problem = "an entry that is not PROJECT_ID:TOKEN"
    if not problem and len({p.id for p in projects}) != len(projects):
        problem = "one project id given twice"
    if problem:  # the tokens are never shown: the variable holds the caller's secrets
        print(
            f"{ENV_PROJECTS}: {problem}; give PROJECT_ID:TOKEN pairs separated by commas",
            file=sys.stderr,
        )
        raise SystemExit(2)
    return projects


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"a number of seconds from 0 to 3600, not {text!r}")
    return value


def _public_url(text: str) -> str:
    try:
        return public_origin(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--public-url: ")) from None


def _project(text: str) -> Project:
    try:
        return Project.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class _AnnouncingServer(uvicorn.Server):
    """A uvicorn server that calls ``on_ready(port)`` once it listens."""

    on_ready: Callable[[int], None] = staticmethod(lambda port: None)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self.on_ready(
                self.servers[0].sockets[0].getsockname()[1] if self.servers else self.config.port
            )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    from_environment = [] if args.project else _projects_from_environment()
    projects: list[Project] = args.project or from_environment or [demo_project()]
    # A token given on the command line or in the environment is the caller's own: never print it.
    if args.project:
        token_line = "export SIGNALWIRE_API_TOKEN=...  # the token you passed with --project"
    elif from_environment:
        token_line = f"export SIGNALWIRE_API_TOKEN=...  # the token you gave in ${ENV_PROJECTS}"
    else:
        token_line = (
            f"export SIGNALWIRE_API_TOKEN={projects[0].token}"
            "  # a fresh demo project: --project ID:TOKEN chooses"
        )
    if args.port_file:
        try:  # refused now, with its reason, rather than inside the server once it listens
            open(args.port_file, "w", encoding="ascii").close()
        except OSError as error:
            print(f"signalwire-sip-mock: cannot write --port-file: {error}", file=sys.stderr)
            return 2
    hooks = HookAccess.for_host(args.host, args.hooks_token)
    try:
        app = create_app(projects, args.db, hooks, args.shape, args.public_url)
    except StoreUnavailable as error:
        print(f"signalwire-sip-mock: {error}", file=sys.stderr)
        return 2
    if not hooks.open and not hooks.token:
        logging.getLogger("signalwire_sip_mock").warning(
            "listening on %s, beyond loopback: the test hooks are closed (--hooks-token opens them)",
            args.host,
        )
    tls = None
    if args.tls:
        try:
            tls = make_certificate(host_names(args.host, args.public_url), args.tls_dir)
        except OSError as error:
            print(f"signalwire-sip-mock: cannot write the --tls files: {error}", file=sys.stderr)
            return 2
    served = {"ssl_certfile": str(tls.certfile), "ssl_keyfile": str(tls.keyfile)} if tls else {}
    timeouts = Timeouts(read=args.read_timeout)
    config = uvicorn_config(
        app,
        args.host,
        args.port,
        log_level=args.log_level,
        http=args.http,
        timeouts=timeouts,
        **served,
    )
    server = _AnnouncingServer(config)

    def banner(port: int) -> None:
        if args.port_file:
            with open(args.port_file, "w", encoding="ascii") as f:
                f.write(f"{port}\n")
        # A wildcard address listens on loopback too; the URLs name one a client can dial.
        host = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(args.host, args.host)
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        print(
            BANNER.format(
                base_url=f"{'https' if tls else 'http'}://{host}:{port}",
                space=f"{host}:{port}",
                shape=SHAPES[args.shape],
                links=f"{args.public_url} (--public-url)" if args.public_url else LINKS,
                tls=tls.describe() if tls else "off (--tls serves https)",
                trust=TRUST.format(ca=shlex.quote(str(tls.ca))) if tls else "",
                store=args.db or "in memory",
                hooks=hooks.describe(),
                projects=", ".join(p.id for p in projects),
                project_id=projects[0].id,
                token_line=token_line,
            ),
            flush=True,
        )

    server.on_ready = banner
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal through the
    # handlers that were in place before it ran: make those end the process with success.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, lambda signum, frame: sys.exit(0))
    try:
        server.run()
    finally:
        if tls:
            tls.remove()
    return 0


if __name__ == "__main__":
    sys.exit(main())

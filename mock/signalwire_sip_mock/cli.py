"""``signalwire-sip-mock``: run the mock SIP credential API in the foreground."""

from __future__ import annotations

import argparse
import logging
import signal
import socket
import sys
from collections.abc import Callable

import uvicorn

from .app import Project, create_app
from .server import demo_project, uvicorn_config

BANNER = """signalwire-sip mock serving the SIP credential API
  base URL    {base_url}
  projects    {projects}
{demo}  store       {store}
  test hooks  {base_url}/__mock__/ (requests, faults, reset)
"""


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
        help="a project the mock accepts; repeat for more (default: a new demo project)",
    )
    parser.add_argument(
        "--db", metavar="FILE", help="SQLite file that survives restarts (default: in memory)"
    )
    parser.add_argument(
        "--log-level", default="info", choices=["debug", "info", "warning", "error"]
    )
    parser.add_argument(
        "--http",
        default="auto",
        choices=["auto", "httptools", "h11"],
        help="HTTP parser: httptools (auto, the fast one) answers methods it does not know with a "
        "plain-text 400 before the mock sees them; h11 lets the mock answer every method (405)",
    )
    return parser.parse_args(argv)


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
    projects: list[Project] = args.project or [demo_project()]
    # The token of a project given on the command line is the caller's own: never print it.
    demo = ""
    if not args.project:
        demo = f"  demo token  {projects[0].token}   (a fresh demo project: pass --project ID:TOKEN to choose)\n"
    app = create_app(projects, args.db)
    config = uvicorn_config(app, args.host, args.port, log_level=args.log_level, http=args.http)
    server = _AnnouncingServer(config)

    def banner(port: int) -> None:
        host = f"[{args.host}]" if ":" in args.host else args.host
        store = args.db or "in memory"
        ids = ", ".join(p.id for p in projects)
        print(
            BANNER.format(base_url=f"http://{host}:{port}", projects=ids, demo=demo, store=store),
            flush=True,
        )

    server.on_ready = banner
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then re-raises the signal through the
    # handlers that were in place before it ran: make those end the process with success.
    for stop in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop, lambda signum, frame: sys.exit(0))
    server.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())

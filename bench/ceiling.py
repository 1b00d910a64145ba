"""The ceiling: a bare Starlette app under uvicorn that returns a fixed JSON body.

Run with the same uvicorn settings as the mock, it shows what this machine can serve at all,
so the mock's figures can be read as a share of it.
"""

from __future__ import annotations

import socket

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

BODY = b'{"type":"sip_endpoint","id":"7d3c1a52-3f5e-4a9b-9a61-2f1e0c6b8d10","username":"alice"}'


async def fixed(request: Request) -> Response:
    await request.body()
    return Response(BODY, media_type="application/json")


app = Starlette(routes=[Route("/{path:path}", fixed, methods=["GET", "POST"])])

if __name__ == "__main__":
    # Port 0: the system picks a free port at bind time; the first line out names it. (Not
    # uvicorn's fd=: it wraps a passed descriptor as AF_UNIX, so asyncio never sets TCP_NODELAY
    # and every answer waits ~40 ms for a delayed ACK; measured: 23 req/s instead of ~3,000.)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    print(listener.getsockname()[1], flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    uvicorn.Server(config).run(sockets=[listener])

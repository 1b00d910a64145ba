"""The ceiling: a bare Starlette app under uvicorn that returns a fixed JSON body.

Run with the same uvicorn settings as the mock, it shows what this machine can serve at all,
so the mock's figures can be read as a share of it.
"""

from __future__ import annotations

import sys

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
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)

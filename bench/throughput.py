"""Mock throughput: wrk against the mock and against the ceiling (a bare Starlette app under the
same uvicorn settings) in one run, so each figure reads as a share of what this machine serves."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from .common import AUTH, COLLECTION, PROJECT, ROOT, body, quiet_mock


@contextmanager
def ceiling() -> Iterator[str]:
    """The ceiling app in a child process, on a port it binds as 0 and names; its URL."""
    script = str(ROOT / "bench" / "ceiling.py")
    process = subprocess.Popen(
        [sys.executable, script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        url = f"http://127.0.0.1:{int(process.stdout.readline())}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the ceiling app did not start") from None
                time.sleep(0.02)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def wrk(
    url: str, connections: int, seconds: int, *options: str, script_args: tuple[str, ...] = ()
) -> dict[str, float]:
    command = [
        "wrk",
        "-t",
        str(min(connections, 2)),
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--latency",
        *options,
        url,
    ]
    if script_args:
        command += ["--", *script_args]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: .*", out)

    def latency(label: str) -> float:
        match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        assert match, out
        return float(match.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[match.group(2)]

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
        "p50_ms": latency("50%"),
        "p99_ms": latency("99%"),
        "non_2xx": float(non_2xx.group(1)) if non_2xx else 0.0,
        "socket_errors": 1.0 if errors else 0.0,
    }


def ensure_wrk(install: bool) -> bool:
    """Whether wrk (Debian's package) is there, installing it first when INSTALL and we are root."""
    if shutil.which("wrk"):
        return True
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], capture_output=True)
    return shutil.which("wrk") is not None


def mock_throughput(seconds: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    lua = str(ROOT / "bench" / "post.lua")
    template = json.dumps(body() | {"id": "@ID@", "username": "load-@ID@"})
    with ceiling() as ceiling_url, quiet_mock() as mock:
        base = mock.base_url
        http = httpx.Client(base_url=base, auth=(PROJECT.id, PROJECT.token))
        one = http.post(COLLECTION, json=body()).json()["id"]
        http.post("/__mock__/seed", json={"count": 99})
        targets = {
            "get_by_id": (f"{base}{COLLECTION}/{one}", ["-H", f"Authorization: {AUTH}"]),
            "get_list": (f"{base}{COLLECTION}?page_size=50", ["-H", f"Authorization: {AUTH}"]),
            "post_create": (f"{base}{COLLECTION}", ["-s", lua]),
        }
        for connections in (1, 16):
            run = random.randrange(1, 2**31)
            ceiling_get = wrk(f"{ceiling_url}/x", connections, seconds)
            ceiling_post = wrk(
                f"{ceiling_url}/x",
                connections,
                seconds,
                "-s",
                lua,
                script_args=(AUTH, str(run), template),
            )
            results[f"ceiling_get_c{connections}"] = ceiling_get
            results[f"ceiling_post_c{connections}"] = ceiling_post
            for name, (url, options) in targets.items():
                script_args = (AUTH, str(run + 1), template) if name == "post_create" else ()
                figures = wrk(url, connections, seconds, *options, script_args=script_args)
                reference = ceiling_post if name == "post_create" else ceiling_get
                figures["share_of_ceiling"] = figures["rps"] / reference["rps"]
                results[f"{name}_c{connections}"] = figures
        http.close()
    return results

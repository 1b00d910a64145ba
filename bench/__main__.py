"""``make bench``: the client and the mock measured side by side, in one run, as ratios.

Absolute numbers on a shared 2-core machine drift by a third between runs; each figure is
therefore printed next to its baseline measured in the same run (raw httpx for the client, a
bare Starlette app for the mock). Writes reports/bench.json and reports/bench-list-latency.png.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from signalwire_sip import SipCredentials
from signalwire_sip_mock.server import free_port

from .fixture_setup import fixture_setup

ROOT = Path(__file__).resolve().parents[1]
COLLECTION = "/api/fabric/resources/sip_endpoints"
PROJECT, TOKEN = "bench-project", "PT-bench-token"
AUTH = "Basic " + base64.b64encode(f"{PROJECT}:{TOKEN}".encode()).decode()
TARGETS = {
    "fixture_setup_s": 5.0,
    "client_get": 1.10,
    "client_create": 1.20,
    "mock_get_by_id": 0.60,
    "mock_post_create": 0.50,
    "list_scaling": 1.5,
    "startup_s": 1.0,
}


@contextmanager
def serve(command: list[str], port: int, health: str) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}{health}", timeout=1).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{command[0]} did not start")
            time.sleep(0.02)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def mock(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "signalwire_sip_mock.cli",
        "--port",
        str(port),
        "--project",
        f"{PROJECT}:{TOKEN}",
        "--log-level",
        "warning",
    ]


def body() -> dict[str, Any]:
    key = str(uuid.uuid4())
    return {
        "id": key,
        "username": f"bench-{key}",
        "caller_id": "+15551234567",
        "send_as": "+15551234567",
        "ciphers": ["AEAD_AES_256_GCM_8"],
        "codecs": ["OPUS"],
        "encryption": "default",
        "call_handler": "default",
        "calling_handler_resource_id": None,
    }


# Client overhead ------------------------------------------------------------------------


def interleaved(
    calls: int, first: Callable[[], object], second: Callable[[], object]
) -> tuple[float, float]:
    """Median seconds per call of FIRST and SECOND, alternating call by call."""
    a, b = [], []
    for _ in range(calls):
        t0 = time.perf_counter()
        first()
        t1 = time.perf_counter()
        second()
        t2 = time.perf_counter()
        a.append(t1 - t0)
        b.append(t2 - t1)
    return statistics.median(a), statistics.median(b)


def client_overhead(calls: int) -> dict[str, Any]:
    port = free_port()
    with serve(mock(port), port, "/__mock__/health"):
        base = f"http://127.0.0.1:{port}"
        sip = SipCredentials(base_url=base, project_id=PROJECT, api_token=TOKEN, max_retries=0)
        raw = httpx.Client(auth=(PROJECT, TOKEN), timeout=30)  # a plain keep-alive client
        one = sip.create(username="bench-get", caller_id="x", send_as="y", ciphers=[], codecs=[])
        url = f"{base}{COLLECTION}/{one.id}"
        interleaved(min(calls, 200), lambda: sip.get(one.id), lambda: raw.get(url))  # warm up
        facade_get, raw_get = interleaved(calls, lambda: sip.get(one.id), lambda: raw.get(url))
        # Context: the raw call plus the JSON decoding that the facade cannot skip.
        facade_get_again, raw_json_get = interleaved(
            calls // 2, lambda: sip.get(one.id), lambda: raw.get(url).json()
        )
        bodies = [body() for _ in range(2 * calls)]
        pending = iter(bodies)

        def facade_create() -> object:
            b = next(pending)
            return sip.create(
                id=b["id"],
                username=b["username"],
                caller_id=b["caller_id"],
                send_as=b["send_as"],
                ciphers=b["ciphers"],
                codecs=b["codecs"],
            )

        facade_post, raw_post = interleaved(
            calls, facade_create, lambda: raw.post(base + COLLECTION, json=next(pending))
        )
        sip.close()
        raw.close()
    return {
        "calls": calls,
        "get_facade_us": facade_get * 1e6,
        "get_raw_us": raw_get * 1e6,
        "get_ratio": facade_get / raw_get,
        "get_raw_json_us": raw_json_get * 1e6,
        "get_ratio_to_raw_json": facade_get_again / raw_json_get,
        "create_facade_us": facade_post * 1e6,
        "create_raw_us": raw_post * 1e6,
        "create_ratio": facade_post / raw_post,
    }


# Mock throughput against the ceiling -------------------------------------------------------


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
    ceiling_port, mock_port = free_port(), free_port()
    ceiling_cmd = [sys.executable, str(ROOT / "bench" / "ceiling.py"), str(ceiling_port)]
    with (
        serve(ceiling_cmd, ceiling_port, "/"),
        serve(mock(mock_port), mock_port, "/__mock__/health"),
    ):
        base = f"http://127.0.0.1:{mock_port}"
        http = httpx.Client(base_url=base, auth=(PROJECT, TOKEN))
        one = http.post(COLLECTION, json=body()).json()["id"]
        http.post("/__mock__/seed", json={"count": 99})
        targets = {
            "get_by_id": (f"{base}{COLLECTION}/{one}", ["-H", f"Authorization: {AUTH}"]),
            "get_list": (f"{base}{COLLECTION}?page_size=50", ["-H", f"Authorization: {AUTH}"]),
            "post_create": (f"{base}{COLLECTION}", ["-s", lua]),
        }
        for connections in (1, 16):
            run = random.randrange(1, 2**31)
            ceiling_get = wrk(f"http://127.0.0.1:{ceiling_port}/x", connections, seconds)
            ceiling_post = wrk(
                f"http://127.0.0.1:{ceiling_port}/x",
                connections,
                seconds,
                "-s",
                lua,
                script_args=(AUTH, str(run)),
            )
            results[f"ceiling_get_c{connections}"] = ceiling_get
            results[f"ceiling_post_c{connections}"] = ceiling_post
            for name, (url, options) in targets.items():
                script_args = (AUTH, str(run + 1)) if name == "post_create" else ()
                figures = wrk(url, connections, seconds, *options, script_args=script_args)
                ceiling = ceiling_post if name == "post_create" else ceiling_get
                figures["share_of_ceiling"] = figures["rps"] / ceiling["rps"]
                results[f"{name}_c{connections}"] = figures
        http.close()
    return results


# Scaling, start-up, generation, contract ----------------------------------------------


def peak_rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


def list_scaling(sizes: list[int], calls: int) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for size in sizes:
        port = free_port()
        with serve(mock(port), port, "/__mock__/health") as process:
            http = httpx.Client(
                base_url=f"http://127.0.0.1:{port}", auth=(PROJECT, TOKEN), timeout=60
            )
            http.post("/__mock__/seed", json={"count": size}).raise_for_status()
            first = http.get(COLLECTION, params={"page_size": 50}).json()
            # A page in the middle of the store, reached through its cursor.
            middle = f"PA{size // 2:016x}"
            for _ in range(20):
                http.get(COLLECTION, params={"page_size": 50})
            timings_first, timings_middle = [], []
            for _ in range(calls):
                t0 = time.perf_counter()
                http.get(COLLECTION, params={"page_size": 50})
                t1 = time.perf_counter()
                http.get(COLLECTION, params={"page_size": 50, "page_token": middle})
                t2 = time.perf_counter()
                timings_first.append(t1 - t0)
                timings_middle.append(t2 - t1)
            assert len(first["data"]) == min(50, size)
            results[str(size)] = {
                "first_page_ms": statistics.median(timings_first) * 1e3,
                "middle_page_ms": statistics.median(timings_middle) * 1e3,
                "peak_rss_mib": peak_rss_mib(process.pid),
            }
            http.close()
    smallest, largest = results[str(sizes[0])], results[str(sizes[-1])]
    results["ratio_largest_to_smallest"] = max(
        largest["first_page_ms"] / smallest["first_page_ms"],
        largest["middle_page_ms"] / smallest["middle_page_ms"],
    )
    return results


def startup(runs: int) -> dict[str, Any]:
    seconds = []
    for _ in range(runs):
        port = free_port()
        t0 = time.perf_counter()
        process = subprocess.Popen(mock(port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = t0 + 30
        try:
            while True:
                try:
                    answer = httpx.get(
                        f"http://127.0.0.1:{port}{COLLECTION}", auth=(PROJECT, TOKEN), timeout=1
                    )
                    if answer.status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.perf_counter() > deadline or process.poll() is not None:
                    raise RuntimeError(f"the mock did not answer 200 on port {port} within 30 s")
                time.sleep(0.002)  # also after a non-200 answer: no busy loop
            seconds.append(time.perf_counter() - t0)
        finally:
            process.terminate()
            process.wait(timeout=10)
    return {"runs": runs, "median_s": statistics.median(seconds), "max_s": max(seconds)}


def generation(runs: int) -> dict[str, Any]:
    from scripts.check_generated import generate

    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as scratch:
            t0 = time.perf_counter()
            generate(ROOT, Path(scratch) / "pkg")
            seconds.append(time.perf_counter() - t0)
    return {"runs": runs, "median_s": statistics.median(seconds)}


def contract_gate() -> dict[str, Any]:
    t0 = time.perf_counter()
    result = subprocess.run(
        [str(Path(sys.executable).with_name("signalwire-sip-contract")), "mock"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    wall = time.perf_counter() - t0
    out = result.stdout
    cases = re.search(r"(\d+) generated", out)
    phases = dict(re.findall(r"(Examples|Coverage|Fuzzing|Stateful) \(in ([\d.]+)s\)", out))
    links = re.search(r"declared links covered by the stateful phase: (\d+/\d+)", out)
    return {
        "exit_code": result.returncode,
        "wall_s": wall,
        "cases": int(cases.group(1)) if cases else 0,
        "phase_s": {k: float(v) for k, v in phases.items()},
        "links": links.group(1) if links else "?",
    }


# Output --------------------------------------------------------------------------------


def verdict(value: float, target: float, higher_is_better: bool) -> str:
    met = value >= target if higher_is_better else value <= target
    return "met" if met else "MISSED"


def table(report: dict[str, Any]) -> str:
    rows = [("figure", "value", "baseline / target", "")]
    c = report.get("client")
    if c:
        rows += [
            (
                "client get (µs/call)",
                f"{c['get_facade_us']:.0f}",
                f"raw httpx {c['get_raw_us']:.0f}",
                "",
            ),
            (
                "client get ratio",
                f"{c['get_ratio']:.3f}x",
                f"≤ {TARGETS['client_get']}x ({c['get_ratio_to_raw_json']:.3f}x raw get + .json())",
                verdict(c["get_ratio"], TARGETS["client_get"], False),
            ),
            (
                "client create (µs/call)",
                f"{c['create_facade_us']:.0f}",
                f"raw httpx {c['create_raw_us']:.0f}",
                "",
            ),
            (
                "client create ratio",
                f"{c['create_ratio']:.3f}x",
                f"≤ {TARGETS['client_create']}x",
                verdict(c["create_ratio"], TARGETS["client_create"], False),
            ),
        ]
    m = report.get("mock")
    if m:
        for connections in (1, 16):
            for kind in ("get", "post"):
                ceiling = m[f"ceiling_{kind}_c{connections}"]
                rows.append(
                    (
                        f"ceiling {kind.upper()} c{connections}",
                        f"{ceiling['rps']:.0f} req/s",
                        f"p50 {ceiling['p50_ms']:.2f} ms, p99 {ceiling['p99_ms']:.2f} ms",
                        "",
                    )
                )
            for name in ("get_by_id", "get_list", "post_create"):
                f = m[f"{name}_c{connections}"]
                target = {
                    "get_by_id": TARGETS["mock_get_by_id"],
                    "post_create": TARGETS["mock_post_create"],
                }.get(name)
                judged = (
                    verdict(f["share_of_ceiling"], target, True)
                    if target and connections == 16
                    else ""
                )
                if f["non_2xx"] or f["socket_errors"]:
                    judged = "FAILED (non-2xx)"
                rows.append(
                    (
                        f"mock {name} c{connections}",
                        f"{f['rps']:.0f} req/s",
                        f"{f['share_of_ceiling']:.0%} of ceiling; p50 {f['p50_ms']:.2f} ms, "
                        f"p99 {f['p99_ms']:.2f} ms",
                        judged,
                    )
                )
    s = report.get("scaling")
    if s:
        for size, f in s.items():
            if isinstance(f, dict):
                rows.append(
                    (
                        f"list page, {int(size):,} stored",
                        f"{f['first_page_ms']:.2f} ms",
                        f"middle page {f['middle_page_ms']:.2f} ms; peak RSS {f['peak_rss_mib']:.0f} MiB",
                        "",
                    )
                )
        rows.append(
            (
                "list latency largest/smallest",
                f"{s['ratio_largest_to_smallest']:.2f}x",
                f"≤ {TARGETS['list_scaling']}x",
                verdict(s["ratio_largest_to_smallest"], TARGETS["list_scaling"], False),
            )
        )
    st = report.get("startup")
    if st:
        rows.append(
            (
                "start-up to first 200",
                f"{st['median_s'] * 1e3:.0f} ms",
                f"max {st['max_s'] * 1e3:.0f} ms; < {TARGETS['startup_s']:.0f} s",
                verdict(st["max_s"], TARGETS["startup_s"], False),
            )
        )
    fx = report.get("fixture_setup")
    if fx:
        rows.append(
            (
                f"mock set-up + tear-down, {fx['tests']} tests",
                f"{fx['session_server']['total_s']:.2f} s",
                f"server per test {fx['server_per_test']['total_s']:.2f} s; < 5 s",
                verdict(fx["session_server"]["total_s"], TARGETS["fixture_setup_s"], False),
            )
        )
    g = report.get("generate")
    if g:
        rows.append(
            ("make generate (generator + ruff)", f"{g['median_s']:.2f} s", f"{g['runs']} runs", "")
        )
    ct = report.get("contract")
    if ct:
        rows.append(
            (
                "contract gate",
                f"{ct['cases']} cases in {ct['wall_s']:.0f} s",
                f"links {ct['links']}; phases {ct['phase_s']}",
                "passed" if ct["exit_code"] == 0 else "FAILED",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def plot(scaling: dict[str, Any], target: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return
    sizes = [int(k) for k, v in scaling.items() if isinstance(v, dict)]
    fig, ax = plt.subplots(figsize=(5, 3.2), dpi=100)
    ax.plot(
        sizes, [scaling[str(s)]["first_page_ms"] for s in sizes], marker="o", label="first page"
    )
    ax.plot(
        sizes,
        [scaling[str(s)]["middle_page_ms"] for s in sizes],
        marker="s",
        label="middle page (cursor)",
    )
    ax.set_xscale("log")
    ax.set_ylim(bottom=0)
    ax.set_xlabel("stored credentials")
    ax.set_ylabel("median latency (ms)")
    ax.set_title("Mock list page (50 items) vs store size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(target)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes: checks the benchmark code runs"
    )
    parser.add_argument(
        "--skip-contract", action="store_true", help="leave out the contract gate run"
    )
    parser.add_argument("--out", default=str(ROOT / "reports" / "bench.json"))
    args = parser.parse_args(argv)
    quick = args.quick
    report: dict[str, Any] = {
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "quick": quick,
    }
    report["client"] = client_overhead(50 if quick else 3000)
    if ensure_wrk(install=not quick):
        report["mock"] = mock_throughput(1 if quick else 5)
    else:
        print("wrk is not installed and could not be: the mock throughput section is left out")
    report["scaling"] = list_scaling(
        [100, 1000] if quick else [100, 10_000, 100_000], 20 if quick else 300
    )
    report["startup"] = startup(2 if quick else 7)
    report["fixture_setup"] = fixture_setup(10 if quick else 100)
    report["generate"] = generation(1 if quick else 3)
    if not (quick or args.skip_contract):
        report["contract"] = contract_gate()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    plot(report["scaling"], out.with_name("bench-list-latency.png"))
    print(table(report))
    print(f"\nwritten: {out} and {out.with_name('bench-list-latency.png')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

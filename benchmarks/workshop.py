"""Benchmark (not a test): thirty participants opening the workshop within ten seconds.

Runs two servers one after the other on the same machine, in the same run:

* **workshop** — ``myndig workshop serve`` (Voilà with preheated kernels, sized for 30);
* **stock** — plain ``voila course/verksted`` with Voilà's defaults (no preheating).

Each simulated participant starts at a random moment within the first ten seconds, fetches the
participant page, connects to its kernel's websocket and asks for the kernel's info and the
widget comms — what the page's JavaScript does before the first control responds. "Time to
interactive" is from the first byte requested to that answer. Memory per participant is the
unique memory (USS) of each participant's kernel, and the whole server tree's RSS divided by
the number of participants.

Usage: ``.venv/bin/python benchmarks/workshop.py [--participants 30] [--window 10]``. The figures
depend on what else the machine is doing; run it on a quiet machine for numbers to quote.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets

ROOT = Path(__file__).resolve().parent.parent
PAGE = "voila/render/deltaker.ipynb"


@dataclass
class Outcome:
    seconds: float | None
    kernel_id: str | None
    error: str | None = None


@dataclass
class Run:
    name: str
    outcomes: list[Outcome] = field(default_factory=list)
    startup_seconds: float = 0.0
    kernel_uss_mb: list[float] = field(default_factory=list)
    tree_rss_mb: float = 0.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(folder: Path) -> dict[str, str]:
    empty = folder / "jupyter-config"
    empty.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(JUPYTER_CONFIG_DIR=str(empty), JUPYTER_CONFIG_PATH=str(empty),
               JUPYTER_RUNTIME_DIR=str(folder / "runtime"), JUPYTER_PLATFORM_DIRS="1",
               MYNDIG_VERKSTED_DB=str(folder / "verksted.sqlite3"),
               PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    return env


def start(name: str, folder: Path, participants: int) -> tuple[subprocess.Popen, str, Path]:
    port = free_port()
    log = folder / f"{name}.log"
    if name == "workshop":
        command = [sys.executable, "-m", "myndig.cli", "workshop", "serve", "--root", str(ROOT),
                   "--port", str(port), "--participants", str(participants),
                   "--database", str(folder / "verksted.sqlite3"),
                   "--config-dir", str(folder / "voila")]
    else:
        empty = folder / "stock-config"
        empty.mkdir(exist_ok=True)
        command = [sys.executable, "-m", "voila", str(ROOT / "course" / "verksted"),
                   "--no-browser", f"--port={port}", f"--Voila.config_file_paths={empty}"]
    with log.open("w") as stream:
        process = subprocess.Popen(command, cwd=folder, env=environment(folder), stdout=stream,
                                   stderr=subprocess.STDOUT)
    return process, f"http://127.0.0.1:{port}", log


def wait_ready(process: subprocess.Popen, url: str, log: Path, pool: int | None) -> None:
    """Until the server answers and, when preheating, every notebook's pool is full."""
    deadline = time.monotonic() + 900
    wanted = re.compile(rf"Kernel pool of deltaker\.ipynb is filled with {pool} kernel")
    notebooks = len(list((ROOT / "course" / "verksted").glob("*.ipynb")))
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            urllib.request.urlopen(f"{url}/voila/static/voila.js", timeout=5).close()
        except OSError:
            time.sleep(0.5)
            continue
        text = log.read_text()
        if pool is None or (wanted.search(text) and text.count("is filled with") >= notebooks):
            return
        time.sleep(0.5)
    raise TimeoutError(log.read_text()[-3000:])


def wait_quiet(process: subprocess.Popen, limit_percent: float = 25.0,
               timeout: float = 600) -> float:
    """Until the server and its kernels have finished starting (CPU below the limit for three
    seconds running); a pool reported filled may still be running its notebooks."""
    began = time.monotonic()
    quiet = 0
    while time.monotonic() - began < timeout and quiet < 3:
        tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
        for item in tree:
            with contextlib.suppress(psutil.Error):
                item.cpu_percent(None)
        time.sleep(1)
        used = 0.0
        for item in tree:
            with contextlib.suppress(psutil.Error):
                used += item.cpu_percent(None)
        quiet = quiet + 1 if used < limit_percent else 0
    return time.monotonic() - began


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=600) as response:
        return response.read().decode("utf-8")


async def participant(url: str, delay: float) -> Outcome:
    await asyncio.sleep(delay)
    started = time.perf_counter()
    try:
        html = await asyncio.to_thread(fetch, f"{url}/{PAGE}")
        kernel_id = json.loads(html.split('"kernelId": ')[1].split(",")[0])
        ws_url = (url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
                  f"?session_id={uuid.uuid4()}")
        async with websockets.connect(ws_url, max_size=None, open_timeout=600) as socket_:
            for message_type, content in (("kernel_info_request", {}),
                                          ("comm_info_request",
                                           {"target_name": "jupyter.widget"})):
                message_id = uuid.uuid4().hex
                await socket_.send(json.dumps({
                    "header": {"msg_id": message_id, "msg_type": message_type,
                               "username": "benchmark", "session": uuid.uuid4().hex,
                               "date": "", "version": "5.3"},
                    "parent_header": {}, "metadata": {}, "content": content,
                    "channel": "shell", "buffers": []}))
                while True:
                    reply = json.loads(await asyncio.wait_for(socket_.recv(), 600))
                    if (reply.get("channel") == "shell"
                            and reply["parent_header"].get("msg_id") == message_id):
                        break
            seconds = time.perf_counter() - started
        return Outcome(seconds, kernel_id)
    except Exception as error:  # a failed participant is a result to report, not a crash
        return Outcome(None, None, f"{type(error).__name__}: {error}")


def kernel_memory(process: subprocess.Popen, kernel_ids: set[str]) -> tuple[list[float], float]:
    tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    total = sum(item.memory_info().rss for item in tree) / 2**20
    unique = []
    for item in tree:
        try:
            command = " ".join(item.cmdline())
        except psutil.Error:
            continue
        if any(kernel_id in command for kernel_id in kernel_ids):
            unique.append(item.memory_full_info().uss / 2**20)
    return unique, total


def measure(name: str, participants: int, window: float, seed: int) -> Run:
    run = Run(name)
    with tempfile.TemporaryDirectory(prefix=f"myndig-bench-{name}-") as temporary:
        folder = Path(temporary)
        begun = time.perf_counter()
        process, url, log = start(name, folder, participants)
        try:
            pool = participants + 2 if name == "workshop" else None
            wait_ready(process, url, log, pool)
            wait_quiet(process)
            run.startup_seconds = time.perf_counter() - begun
            delays = sorted(random.Random(seed).uniform(0, window) for _ in range(participants))

            async def everyone() -> list[Outcome]:
                return await asyncio.gather(*[participant(url, delay) for delay in delays])

            run.outcomes = asyncio.run(everyone())
            ids = {outcome.kernel_id for outcome in run.outcomes if outcome.kernel_id}
            run.kernel_uss_mb, total = kernel_memory(process, ids)
            run.tree_rss_mb = total / participants
        finally:
            process.terminate()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
    return run


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def report(run: Run) -> dict[str, float]:
    times = [outcome.seconds for outcome in run.outcomes if outcome.seconds is not None]
    failures = [outcome.error for outcome in run.outcomes if outcome.seconds is None]
    figures = {
        "p50": statistics.median(times) if times else float("nan"),
        "p95": percentile(times, 0.95) if times else float("nan"),
        "max": max(times) if times else float("nan"),
    }
    print(f"\n{run.name}: {len(times)}/{len(run.outcomes)} participants interactive "
          f"(server ready after {run.startup_seconds:.0f} s)")
    print(f"  time to interactive: p50 {figures['p50']:.2f} s, p95 {figures['p95']:.2f} s, "
          f"max {figures['max']:.2f} s")
    if run.kernel_uss_mb:
        print(f"  memory per participant: kernel USS mean "
              f"{statistics.mean(run.kernel_uss_mb):.0f} MB (n={len(run.kernel_uss_mb)}); "
              f"whole server tree RSS / participants {run.tree_rss_mb:.0f} MB")
    for failure in failures[:5]:
        print(f"  failed: {failure}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--window", type=float, default=10.0, help="seconds over which they join")
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(f"{arguments.participants} participants joining within {arguments.window:g} s; "
          f"{psutil.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    workshop = report(measure("workshop", arguments.participants, arguments.window,
                              arguments.seed))
    stock = report(measure("stock", arguments.participants, arguments.window, arguments.seed))
    print(f"\nload average {os.getloadavg()[0]:.1f} at end")
    if workshop["p95"] > 0:
        print(f"p95 stock / workshop: {stock['p95'] / workshop['p95']:.1f}× "
              f"(target ≥ 2×); workshop p95 target ≤ 2 s: "
              f"{'met' if workshop['p95'] <= 2 else 'not met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

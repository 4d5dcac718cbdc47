"""Fixtures shared by the whole suite: the project root, free ports, servers and the browser."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where screenshots go for people to look at (gitignored)."""
    folder = ROOT / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def scripts_environment(**extra: str) -> dict[str, str]:
    """This interpreter's scripts first on PATH, and no Jupyter config from the machine."""
    environment = dict(os.environ)
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment["PATH"]])
    environment.update(extra)
    return environment


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            raise RuntimeError(f"server exited with {process.returncode}:\n{output}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answered; the status is the test's business
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


class Server:
    """A real server process on loopback, stopped and reaped when the test is done."""

    def __init__(self, command: list[str], url: str, cwd: Path, environment: dict[str, str]):
        self.url = url
        # Its own process group, so stopping `make lab` also stops the server make started.
        self.process = subprocess.Popen(
            command, cwd=cwd, env=environment, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, start_new_session=True,
        )

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator:
    started: list[Server] = []
    empty_config = tmp_path / "jupyter-config"
    empty_config.mkdir()

    def start(command: list[str], url: str, cwd: Path = ROOT, ready_path: str = "") -> Server:
        environment = scripts_environment(
            JUPYTER_CONFIG_DIR=str(empty_config),
            JUPYTER_CONFIG_PATH=str(empty_config),
            JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
            JUPYTER_PLATFORM_DIRS="1",
        )
        server = Server(command, url, cwd, environment)
        started.append(server)
        wait_for_http(url + ready_path, server.process)
        return server

    yield start
    for server in started:
        server.stop()


# Module scope: Playwright's sync API keeps an event loop running while it is open, so a
# session-long browser would stop other test modules from starting Playwright themselves.
@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium mangler: kjør «make system» (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def tcp_port() -> int:
    return free_port()

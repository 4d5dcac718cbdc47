"""A real workshop server (``myndig workshop serve``) on loopback, isolated from the machine:
an empty Jupyter config folder, its own Voilà config folder and its own database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
TOKEN = "hemmelig-verkstedtoken"


@dataclass
class WorkshopServer:
    url: str
    database: Path
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_workshop_server(folder: Path, *extra: str, participants: int = 2,
                          ready_pools: int = 0) -> WorkshopServer:
    """Start the server and wait until it answers and ``ready_pools`` kernel pools are filled."""
    folder.mkdir(parents=True, exist_ok=True)
    empty_config = folder / "jupyter-config"
    empty_config.mkdir(exist_ok=True)
    port = _free_port()
    environment = dict(os.environ)
    environment.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), environment["PATH"]]),
        JUPYTER_CONFIG_DIR=str(empty_config), JUPYTER_CONFIG_PATH=str(empty_config),
        JUPYTER_RUNTIME_DIR=str(folder / "runtime"), JUPYTER_PLATFORM_DIRS="1",
    )
    environment.pop("MYNDIG_VERKSTED_DB", None)
    database = folder / "verksted.sqlite3"
    log = folder / "server.log"
    command = [sys.executable, "-m", "myndig.cli", "workshop", "serve", "--root", str(ROOT),
               "--port", str(port), "--participants", str(participants),
               "--app-pool-size", "1", "--database", str(database),
               "--config-dir", str(folder / "voila"), *extra]
    with log.open("w") as stream:
        process = subprocess.Popen(command, cwd=folder, env=environment, stdout=stream,
                                   stderr=subprocess.STDOUT)
    server = WorkshopServer(f"http://127.0.0.1:{port}", database, process, log)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the workshop server stopped:\n{server.output()}")
        try:
            with urllib.request.urlopen(server.url + "/voila/static/voila.js", timeout=5):
                pass
        except urllib.error.HTTPError:
            pass
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
            continue
        if server.output().count("is filled with") >= ready_pools:
            return server
        time.sleep(0.5)
    stop(server)
    raise TimeoutError(f"the workshop server was not ready:\n{server.output()}")


def stop(server: WorkshopServer) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopServer]:
    app_pages = len(list((ROOT / "course" / "verksted").glob("*.ipynb")))
    server = start_workshop_server(tmp_path_factory.mktemp("verksted"), participants=6,
                                   ready_pools=app_pages)
    yield server
    stop(server)


@pytest.fixture(scope="module")
def token_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopServer]:
    """A server that asks for an access token (``TOKEN``)."""
    server = start_workshop_server(tmp_path_factory.mktemp("token"), "--token", TOKEN,
                                   participants=1, ready_pools=1)
    yield server
    stop(server)


@pytest.fixture(scope="session")
def access_token() -> str:
    return TOKEN


@pytest.fixture(scope="session")
def axe_script() -> str:
    if not AXE.exists():
        pytest.fail("axe-core mangler: kjør «bash tests/workshop/install-axe.sh» (npm install)")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def culling_server(tmp_path: Path) -> Iterator[WorkshopServer]:
    """A server that culls kernels without a tab after 3 idle seconds, checking every second."""
    server = start_workshop_server(tmp_path / "culling", "--cull-idle-seconds", "3",
                                   "--cull-interval-seconds", "1", participants=1,
                                   ready_pools=len(list((ROOT / "course" / "verksted").glob(
                                       "*.ipynb"))))
    yield server
    stop(server)

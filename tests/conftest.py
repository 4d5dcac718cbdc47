"""Fixtures shared by the whole suite: the project root, free ports, servers and the browser."""

from __future__ import annotations

import contextlib
import json
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


@pytest.fixture
def autograde_answers(tmp_path: Path):
    """Grade one made-up student's answers to an exercise with the real nbgrader.

    Gives a function ``(assignment, code, files) -> {test cell: score}``: ``code`` replaces the
    solution cells of the released notebook by grade id (each must exist), ``files`` are answer
    files a widget would have saved beside it. Made the way nbgrader's own tests do it: a
    temporary course directory, ``generate_assignment``, ``submitted/<student>/<assignment>``
    and ``autograde``.
    """
    from myndig.assignments import make_course_directory, nbgrader
    from myndig.grading.synthetic import fill, write_notebook
    from nbgrader.api import Gradebook

    student = "elev1"

    def grade(assignment: str, code: dict[str, str],
              files: dict[str, object] | None = None) -> dict[str, float]:
        course = make_course_directory(ROOT, tmp_path / "kurs", [assignment])
        nbgrader(course, "generate_assignment", assignment, "--force")
        folder = course / "submitted" / student / assignment
        folder.mkdir(parents=True)
        release = course / "exercises" / assignment / f"{assignment}.ipynb"
        write_notebook(folder / f"{assignment}.ipynb",
                       fill(json.loads(release.read_text(encoding="utf-8")), code, set(code)))
        for name, content in (files or {}).items():
            (folder / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        nbgrader(course, "autograde", assignment, "--force")
        with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
            graded = gradebook.find_submission_notebook(assignment, assignment, student)
            return {cell.name: cell.score for cell in graded.grades
                    if cell.cell.cell_type == "code"}

    return grade


@pytest.fixture(scope="session")
def hidden_answer_key():
    """The answer key a sorting exercise's hidden tests use, read from its solution notebook.

    Gives a function ``(assignment, variable) -> key``; every hidden test must use the same
    key, so the tests, the widget and the key cannot drift apart.
    """
    import ast
    import re

    import nbformat

    def read(assignment: str, variable: str) -> dict[str, str]:
        solution = ROOT / "solutions" / assignment / f"{assignment}.ipynb"
        found = [ast.literal_eval(match)
                 for cell in nbformat.read(solution, as_version=4).cells
                 for match in re.findall(rf"^{variable} = (\{{.*?\}})$", cell.source,
                                         re.MULTILINE | re.DOTALL)]
        assert found, f"{variable} not in {solution.name}"
        assert all(key == found[0] for key in found)
        return found[0]

    return read

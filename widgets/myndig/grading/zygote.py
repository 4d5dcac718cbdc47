"""Warm kernels: a process with the kernel's libraries already loaded forks each caged kernel.

Starting a kernel costs more CPU than grading most notebooks: Python, ipykernel, and then the
course's own imports (matplotlib, ipywidgets, ``myndig``), well over a second each time. On a
machine with two cores that is what keeps parallel grading from going twice as fast. So each
grading worker keeps one *zygote*: a root process that imported all of that once and forks a
fresh child per submission. The child builds the same cage as ``myndig.grading.sandbox`` (own
folder, own user id, hidden secrets, limits) and only then runs ipykernel in place, so every
submission still gets a kernel no other submission has touched.

nbgrader starts kernels itself and manages them as processes it launched, so the kernelspec
points at a small *stand-in* (``--stand-in``) that asks the zygote for a kernel, passes on the
signals nbgrader sends (an interrupt when a cell overruns its time limit) and exits the way the
kernel exited. If the stand-in is killed, the zygote kills the kernel.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import json
import os
import select
import signal
import socket
import sys
from pathlib import Path

from myndig.grading import sandbox

# Loaded once in the zygote. What the course's notebooks import, and what ipykernel needs.
PRELOADED = (
    "ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "ipywidgets", "matplotlib",
    "matplotlib.pyplot", "matplotlib_inline.backend_inline", "myndig.exercise", "myndig.answers",
    "myndig.views.learning_mix", "myndig.views.empowerment", "myndig.views.learning_loops",
    "myndig.views.knowledge_sources", "myndig.views.outcome_writer", "myndig.views.plan_app",
    "myndig.model.nkr", "myndig.model.plan",
)
# ipykernel sets this before the first plot; matplotlib reads it when it is imported.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
_PR_SET_PDEATHSIG = 1
# Signals nbgrader (jupyter_client) may send a kernel, passed on by the stand-in.
_FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGUSR1,
              signal.SIGUSR2)


def kernelspec_argv(socket_path: Path) -> list[str]:
    return [sys.executable, "-m", "myndig.grading.zygote", "--stand-in", str(socket_path),
            "--", "-f", "{connection_file}"]


def _send(connection: socket.socket, message: dict) -> None:
    connection.sendall(json.dumps(message).encode() + b"\n")


def _receive(stream) -> dict | None:
    line = stream.readline()
    return json.loads(line) if line else None


# ---------------------------------------------------------------------------------------------
# The zygote


def preload() -> None:
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    # Before numpy loads: a threaded BLAS would start threads here, and a process with threads
    # must not fork.
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[variable] = "1"
    for name in PRELOADED:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)


def serve(socket_path: Path) -> None:
    """Answer one request at a time (a worker grades one submission at a time)."""
    # Gone with the worker that started it, however that worker ends.
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # As ipykernel_launcher does: the folder we were started in is no place to import from.
    if sys.path and (sys.path[0] == "" or Path(sys.path[0]) == Path.cwd()):
        del sys.path[0]
    preload()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.suppress(FileNotFoundError):
        socket_path.unlink()
    listener.bind(str(socket_path))
    socket_path.chmod(0o600)
    listener.listen(4)
    print(json.dumps({"ready": True}), flush=True)
    while True:
        connection, _ = listener.accept()
        with connection:
            _serve_one(listener, connection)


def _serve_one(listener: socket.socket, connection: socket.socket) -> None:
    request = _receive(connection.makefile("r", encoding="utf-8"))
    if request is None:
        return
    child = os.fork()
    if child == 0:
        listener.close()
        connection.close()
        _become_kernel(request)  # never returns
    _send(connection, {"pid": child})
    pidfd = os.pidfd_open(child)
    try:
        while True:
            ready, _, _ = select.select([connection, pidfd], [], [])
            if pidfd in ready:
                _, status = os.waitpid(child, 0)
                _send(connection, {"status": status})
                return
            if not connection.recv(1, socket.MSG_PEEK):  # the stand-in is gone
                os.kill(child, signal.SIGKILL)
                os.waitpid(child, 0)
                return
            connection.recv(4096)  # nothing is expected; keep the socket drained
    finally:
        os.close(pidfd)


def _become_kernel(request: dict) -> None:
    try:
        os.setsid()
        # The zygote's stdout is the worker's pipe; the kernel must never write into it.
        quiet = os.open(os.devnull, os.O_RDWR)
        os.dup2(quiet, 0)
        os.dup2(quiet, 1)
        os.close(quiet)
        environment, arguments = sandbox.enter_cage(
            request["environment"], Path(request["cwd"]), list(request["arguments"]))
        os.environ.clear()
        os.environ.update(environment)
        os.environ["MPLBACKEND"] = INLINE_BACKEND
        sys.argv = ["ipykernel_launcher", *arguments]
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    except SystemExit as leaving:
        code = leaving.code
        os._exit(code if isinstance(code, int) else (0 if code is None else 1))
    except BaseException:  # the stand-in reports the exit code; nothing may escape the fork
        import traceback

        traceback.print_exc()
        os._exit(1)
    os._exit(0)


# ---------------------------------------------------------------------------------------------
# The stand-in


def stand_in(socket_path: Path, arguments: list[str]) -> int:
    """Ask the zygote for a kernel; behave like that kernel's process towards nbgrader."""
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    connection.connect(str(socket_path))
    stream = connection.makefile("r", encoding="utf-8")
    _send(connection, {"arguments": arguments, "cwd": str(Path.cwd()),
                       "environment": dict(os.environ)})
    answer = _receive(stream)
    if answer is None:
        return 1
    kernel = answer["pid"]

    def forward(number, _frame):
        with contextlib.suppress(ProcessLookupError):
            os.kill(kernel, number)

    for number in _FORWARDED:
        signal.signal(number, forward)
    # A forwarded signal interrupts this read; Python resumes it by itself (PEP 475).
    answer = _receive(stream)
    if answer is None:
        return 1
    status = answer["status"]
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    if sys.argv[1] == "--stand-in":
        sys.exit(stand_in(Path(sys.argv[2]), sys.argv[sys.argv.index("--") + 1:]))
    serve(Path(sys.argv[1]))

"""The cage a student's kernel runs in.

nbgrader starts a kernel for every notebook it grades, by the kernelspec named in the notebook.
During a run we put a kernelspec of the same name first on ``JUPYTER_PATH`` whose command is
this module: it starts as root, builds the cage and then ``exec``s the ordinary ipykernel, so
the kernel nbgrader talks to is the same process it would have started, only confined:

* its own working directory, a copy of the submission's folder, owned by a user id that
  belongs to this grading slot only (so no two running submissions can read each other);
* a private mount namespace where the course's secrets (gradebook, source notebooks with the
  hidden tests, other students' submissions) are covered by empty read-only file systems and
  every world-writable directory (``/tmp`` …) is a throw-away folder we inspect afterwards;
* resource limits for memory, processes, CPU time, file size and open files;
* no way back to root: groups cleared, ``PR_SET_NO_NEW_PRIVS`` so set-uid programs do not help.

The cage is described by the JSON in ``CAGE_VARIABLE``, written by the grading worker.
By default the kernel is not started anew but forked warm by ``myndig.grading.zygote``, which
builds the same cage with the functions here before it runs ipykernel; ``--cold-kernels`` (or
``RunOptions.warm_kernels = False``) uses this module's own launcher instead.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import shutil
import signal
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from myndig.processes import running

CAGE_VARIABLE = "MYNDIG_SANDKASSE"
# Fixed place the working directory is mounted at inside the namespace, so the kernel's path
# never reveals (or depends on) where the lecturer keeps the course.
INSIDE_WORKDIR = Path("/run/myndig-sandkasse/arbeid")
CONNECTION_FILE = ".kjerne.json"
# Directories any user may write to. Each gets a private stand-in inside the cage.
WORLD_WRITABLE = ("/var/tmp", "/run/lock", "/dev/shm", "/tmp")

_CLONE_NEWNS = 0x00020000
_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_PR_SET_NO_NEW_PRIVS = 38

# Passed through to the kernel; everything else in the worker's environment stays outside.
_KEPT_VARIABLES = ("PATH", "LANG", "LANGUAGE", "TZ", "TERM", "VIRTUAL_ENV", "MPLBACKEND",
                   "JPY_PARENT_PID", "PYTHONHASHSEED", "PYDEVD_DISABLE_FILE_VALIDATION")
_KEPT_PREFIXES = ("LC_", "NBGRADER_", "MYNDIG_", "JPY_")


@dataclass(frozen=True)
class Limits:
    memory_bytes: int = 2 * 1024**3
    processes: int = 96
    cpu_seconds: int = 600
    file_bytes: int = 64 * 1024**2
    open_files: int = 512


@dataclass(frozen=True)
class Cage:
    uid: int
    gid: int
    workdir: str
    spill: str
    hidden: list[str] = field(default_factory=list)
    exposed: list[str] = field(default_factory=list)
    limits: Limits = field(default_factory=Limits)
    matplotlib_cache: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Cage:
        data = json.loads(text)
        data["limits"] = Limits(**data.get("limits", {}))
        return cls(**data)


def spill_folder(spill: Path, directory: str) -> Path:
    return spill / directory.strip("/").replace("/", "_")


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)


def _mount(source: str | None, target: str, fstype: str | None, flags: int,
           data: str | None = None) -> None:
    def encode(text):
        return (text.encode() if text is not None else None)
    if _libc().mount(encode(source), encode(target), encode(fstype), flags, encode(data)) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {source} -> {target}: {os.strerror(error)}")


_SEALED_FILE = INSIDE_WORKDIR.parent / "skjult"


def _hide(path: Path) -> None:
    """Cover ``path`` with something empty and unreadable inside this namespace.

    Unreadable rather than merely empty, so an attempt fails with ``PermissionError`` and the
    report can say what was tried.
    """
    if not path.exists():
        return
    if path.is_dir():
        _mount("none", str(path), "tmpfs", _MS_RDONLY | _MS_NOSUID | _MS_NODEV, "size=4k,mode=0000")
    else:
        if not _SEALED_FILE.exists():
            _SEALED_FILE.touch(mode=0o000)
            _SEALED_FILE.chmod(0o000)
        _mount(str(_SEALED_FILE), str(path), None, _MS_BIND)


def prepare_workdir(cage: Cage, submission_folder: Path, connection_file: Path) -> None:
    workdir = Path(cage.workdir)
    shutil.copytree(submission_folder, workdir, dirs_exist_ok=True)
    shutil.copy2(connection_file, workdir / CONNECTION_FILE)
    if cage.matplotlib_cache:
        shutil.copytree(cage.matplotlib_cache, workdir / ".matplotlib", dirs_exist_ok=True)
    spill = Path(cage.spill)
    for directory in WORLD_WRITABLE:
        spill_folder(spill, directory).mkdir(parents=True, exist_ok=True)
    for root in (workdir, spill):
        os.chown(root, cage.uid, cage.gid)
        root.chmod(0o700)
        for folder, subfolders, files in os.walk(root):
            for name in subfolders + files:
                os.chown(Path(folder) / name, cage.uid, cage.gid, follow_symlinks=False)


def _closed_ancestor(path: Path) -> Path | None:
    """The outermost folder on the way to ``path`` that other users may not pass through."""
    for ancestor in [*reversed(path.parents), path]:
        if ancestor.is_dir() and not ancestor.stat().st_mode & 0o001:
            return ancestor
    return None


def _expose(paths: list[Path]) -> None:
    """Make ``paths`` reachable for the kernel's user although a parent is closed (``/root``).

    Each closed parent is replaced by an empty, traversable stand-in that holds only the
    needed paths, so the rest of that folder (a home directory) stays out of reach.
    """
    staged = []
    for number, path in enumerate(paths):
        closed = _closed_ancestor(path)
        if closed is None or not path.exists():
            continue
        stage = INSIDE_WORKDIR.parent / "vis" / str(number)
        stage.mkdir(parents=True, exist_ok=True)
        _mount(str(path), str(stage), None, _MS_BIND | _MS_REC)
        staged.append((path, closed, stage))
    covered: set[Path] = set()
    for path, closed, stage in staged:
        if closed not in covered:
            _mount("none", str(closed), "tmpfs", _MS_NOSUID | _MS_NODEV, "size=64k,mode=0755")
            covered.add(closed)
        path.mkdir(parents=True, exist_ok=True)
        _mount(str(stage), str(path), None, _MS_BIND | _MS_REC)


def enter_namespace(cage: Cage) -> None:
    libc = _libc()
    if libc.unshare(_CLONE_NEWNS) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"unshare: {os.strerror(error)}")
    _mount(None, "/", None, _MS_REC | _MS_PRIVATE)
    INSIDE_WORKDIR.mkdir(parents=True, exist_ok=True)
    _mount(cage.workdir, str(INSIDE_WORKDIR), None, _MS_BIND)
    _expose([Path(path) for path in cage.exposed])
    for path in cage.hidden:
        _hide(Path(path))
    spill = Path(cage.spill)
    # The interpreter or this package may itself live under /tmp (a checkout there): keep a
    # handle on those folders before /tmp is swapped out, and put them back afterwards.
    kept = _stage_under_world_writable([Path(path) for path in cage.exposed])
    # /tmp last: the spill folders may themselves live under /tmp.
    for directory in WORLD_WRITABLE:
        if Path(directory).is_dir():
            _mount(str(spill_folder(spill, directory)), directory, None, _MS_BIND)
    for path, stage in kept:
        path.mkdir(parents=True, exist_ok=True)
        _mount(str(stage), str(path), None, _MS_BIND | _MS_REC)


def _stage_under_world_writable(paths: list[Path]) -> list[tuple[Path, Path]]:
    staged = []
    for number, path in enumerate(paths):
        if not path.is_dir() or not any(
                path.is_relative_to(directory) for directory in WORLD_WRITABLE):
            continue
        stage = INSIDE_WORKDIR.parent / "behold" / str(number)
        stage.mkdir(parents=True, exist_ok=True)
        _mount(str(path), str(stage), None, _MS_BIND | _MS_REC)
        staged.append((path, stage))
    return staged


def apply_limits(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    resource.setrlimit(resource.RLIMIT_NPROC, (limits.processes, limits.processes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.open_files, limits.open_files))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # A too-large write should fail with an error in the cell, not kill the kernel.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def kernel_environment(outside: dict[str, str]) -> dict[str, str]:
    environment = {name: value for name, value in outside.items()
                   if name in _KEPT_VARIABLES or name.startswith(_KEPT_PREFIXES)}
    environment.pop(CAGE_VARIABLE, None)
    home = str(INSIDE_WORKDIR)
    environment.update({
        "HOME": home, "USER": "myndig-elev", "LOGNAME": "myndig-elev", "TMPDIR": "/tmp",
        "IPYTHONDIR": f"{home}/.ipython", "JUPYTER_RUNTIME_DIR": f"{home}/.jupyter-runtime",
        "JUPYTER_DATA_DIR": f"{home}/.jupyter-data", "MPLCONFIGDIR": f"{home}/.matplotlib",
        "MALLOC_ARENA_MAX": "2", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1",
    })
    return environment


def drop_privileges(uid: int, gid: int) -> None:
    os.setgroups([])
    os.setgid(gid)
    os.setuid(uid)
    if _libc().prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS)")


def enter_cage(outside: dict[str, str], submission_folder: Path,
               kernel_arguments: list[str]) -> tuple[dict[str, str], list[str]]:
    """Move this process into the cage ``outside[CAGE_VARIABLE]`` describes, for good.

    The one way in, for the cold launcher below and the warm kernels of
    ``myndig.grading.zygote`` alike: the folder, the mount namespace, the working directory,
    the limits, and last the user id. Returns the kernel's environment and its arguments with
    the connection file as seen from inside.
    """
    cage = Cage.from_json(outside[CAGE_VARIABLE])
    connection = kernel_arguments.index("-f") + 1
    prepare_workdir(cage, submission_folder, Path(kernel_arguments[connection]))
    enter_namespace(cage)
    os.chdir(INSIDE_WORKDIR)
    environment = kernel_environment(outside)
    apply_limits(cage.limits)
    drop_privileges(cage.uid, cage.gid)
    arguments = [*kernel_arguments]
    arguments[connection] = str(INSIDE_WORKDIR / CONNECTION_FILE)
    return environment, arguments


def launch(kernel_command: list[str]) -> None:
    """Build the cage from ``CAGE_VARIABLE`` and replace this process with the kernel."""
    environment, command = enter_cage(dict(os.environ), Path.cwd(), kernel_command)
    os.execve(command[0], command, environment)


def processes_of(uid: int) -> list[int]:
    """The ids of the processes running as ``uid``."""
    return [process.pid for process in running() if process.uid == uid]


def kill_everything_of(uid: int, patience: float = 10.0) -> int:
    """Kill every process running as ``uid`` (a forked bomb outlives its kernel).

    A child that takes on ``uid`` and calls ``kill(-1, SIGKILL)`` reaches all of them at once,
    including any forked while we looked. Returns how many were found on the first look.
    """
    first = len(processes_of(uid))
    deadline = time.monotonic() + patience
    while processes_of(uid) and time.monotonic() < deadline:
        child = os.fork()
        if child == 0:
            try:
                os.setgroups([])
                os.setgid(os.getgid())
                os.setuid(uid)
                os.kill(-1, signal.SIGKILL)
            finally:
                os._exit(0)
        os.waitpid(child, 0)
        time.sleep(0.05)
    return first


def needed_by_kernel() -> list[str]:
    """Folders the kernel must read: the interpreter, the virtual environment, this package."""
    import myndig

    package_root = Path(myndig.__file__).resolve().parents[1]
    found = {str(Path(sys.base_prefix).resolve()), str(Path(sys.prefix).resolve()),
             str(package_root)}
    return sorted(found)


def cold_kernel_argv() -> list[str]:
    return [sys.executable, "-m", "myndig.grading.sandbox", "--",
            sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]


def write_kernelspec(into: Path, argv: list[str], name: str = "python3") -> Path:
    """A kernelspec called ``name`` under ``into/kernels`` that starts kernels in the cage.

    ``argv`` is :func:`cold_kernel_argv` (a new Python per kernel) or the stand-in of
    ``myndig.grading.zygote`` (a warm fork).
    """
    folder = into / "kernels" / name
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": argv,
        "display_name": "Python 3 (myndig-sandkasse)",
        "language": "python",
        "interrupt_mode": "signal",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


if __name__ == "__main__":
    launch(sys.argv[sys.argv.index("--") + 1:])

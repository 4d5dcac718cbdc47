"""The cage on its own: the launcher runs a small program in place of a kernel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from myndig.grading.sandbox import (
    CAGE_VARIABLE,
    Cage,
    Limits,
    kill_everything_of,
    needed_by_kernel,
    processes_of,
)

UID = 64190

PROBE = r"""
import json, os, resource, sys
from pathlib import Path
report = {"uid": os.getuid(), "cwd": os.getcwd(), "files": sorted(os.listdir("."))}
def attempt(name, action):
    try:
        action()
        report[name] = "ok"
    except BaseException as error:
        report[name] = type(error).__name__
secret = Path(sys.argv[sys.argv.index("--secret") + 1])
attempt("read_secret", lambda: secret.read_bytes())
attempt("list_secret_folder", lambda: os.listdir(secret.parent))
attempt("write_parent", lambda: Path("../utenfor.txt").write_text("x"))
attempt("write_tmp", lambda: Path("/tmp/myndig-probe.txt").write_text("x"))
attempt("write_here", lambda: Path("eget.txt").write_text("x"))
def list_root():
    report["root_listing"] = sorted(os.listdir("/root"))
attempt("read_root_home", list_root)
attempt("import_myndig", lambda: __import__("myndig.model.learning_mix"))
attempt("memory", lambda: bytearray(600 * 1024 * 1024))
def fork_many():
    children = []
    try:
        for _ in range(200):
            pid = os.fork()
            if pid == 0:
                import time
                os.close(1)
                os.close(2)
                time.sleep(30)
                os._exit(0)
            children.append(pid)
    finally:
        report["forked"] = len(children)
attempt("fork_many", fork_many)
attempt("become_root", lambda: os.setuid(0))
print(json.dumps(report))
"""


def run_in_cage(tmp_path: Path, secret: Path, limits: Limits) -> dict:
    submission = tmp_path / "innlevering"
    submission.mkdir()
    (submission / "svar.txt").write_text("mitt svar", encoding="utf-8")
    connection = tmp_path / "tilkobling.json"
    connection.write_text("{}", encoding="utf-8")
    cage = Cage(uid=UID, gid=UID, workdir=str(tmp_path / "bur" / "arbeid"),
                spill=str(tmp_path / "bur" / "utenfor"), hidden=[str(secret.parent)],
                exposed=needed_by_kernel(), limits=limits)
    environment = {**os.environ, CAGE_VARIABLE: cage.to_json()}
    completed = subprocess.run(
        [sys.executable, "-m", "myndig.grading.sandbox", "--", sys.executable, "-c", PROBE,
         "-f", str(connection), "--secret", str(secret)],
        cwd=submission, env=environment, capture_output=True, text=True, timeout=120,
        check=False)
    kill_everything_of(UID)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def caged(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path]:
    tmp_path = tmp_path_factory.mktemp("bur")
    secrets = tmp_path / "kurs"
    secrets.mkdir()
    gradebook = secrets / "gradebook.db"
    gradebook.write_text("hemmelig", encoding="utf-8")
    report = run_in_cage(tmp_path, gradebook, Limits(memory_bytes=512 * 1024**2, processes=40))
    return report, tmp_path


def test_runs_as_an_unprivileged_user_in_its_own_folder(caged):
    """Does the code run as the slot's own user, in a copy of the submission's folder?"""
    report, _ = caged
    assert report["uid"] == UID
    assert report["cwd"] == "/run/myndig-sandkasse/arbeid"
    assert "svar.txt" in report["files"]
    assert report["write_here"] == "ok"
    assert report["import_myndig"] == "ok"


def test_cannot_read_the_gradebook_or_its_folder(caged):
    """Is reading the gradebook, or listing the course folder, refused?"""
    report, _ = caged
    assert report["read_secret"] in ("PermissionError", "FileNotFoundError")
    assert report["list_secret_folder"] in ("PermissionError", "FileNotFoundError")


def test_cannot_write_outside_its_folder(caged):
    """Do writes outside the folder fail, or land in a throw-away stand-in we can report?"""
    report, tmp_path = caged
    assert report["write_parent"] == "PermissionError"
    assert report["write_tmp"] == "ok"
    assert not Path("/tmp/myndig-probe.txt").exists()
    assert (tmp_path / "bur" / "utenfor" / "tmp" / "myndig-probe.txt").exists()


def test_a_home_folder_stays_closed(caged):
    """Is the rest of a closed home folder hidden, although the interpreter may live there?"""
    report, _ = caged
    needed_under_root = {Path(path).parts[2] for path in needed_by_kernel()
                         if Path(path).parts[1:2] == ("root",) and len(Path(path).parts) > 2}
    if report["read_root_home"] == "ok":
        assert set(report["root_listing"]) <= needed_under_root
    else:
        assert report["read_root_home"] == "PermissionError"


def test_memory_and_process_limits_hold(caged):
    """Do the memory and process limits stop a big allocation and a fork storm?"""
    report, _ = caged
    assert report["memory"] == "MemoryError"
    assert report["fork_many"] == "BlockingIOError"
    assert report["forked"] < 40
    assert report["become_root"] == "PermissionError"
    assert processes_of(UID) == []

"""Grade every submission of an assignment in parallel: one worker (and kernel) per core.

Each worker is a long-lived process (``myndig.grading.worker``) with its own grading slot and
user id; the runner hands out one submission at a time, enforces the time limit for a whole
notebook by killing a worker that overruns, saves each result as it arrives (so a run that is
interrupted resumes where it stopped) and shows progress.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pwd
import queue
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TextIO

from myndig.assignments import tool_environment
from myndig.grading.layout import Course, Reason, Result, fingerprint, load_result, save_result
from myndig.grading.progress import Progress
from myndig.grading.sandbox import Limits, kill_everything_of
from myndig.i18n import t
from myndig.model.errors import InvalidInput

# User ids for the grading slots; they must not belong to anybody (checked before use).
DEFAULT_UID_BASE = 64100
# Where runs claim their user ids (see SlotClaims); root-only, gone at reboot like the runs.
CLAIM_FOLDER = Path("/run/myndig-retting")
# How far above the base a run may look for free user ids.
CLAIMABLE_UIDS = 64
# How long a worker may take to import nbgrader before it is counted as dead.
STARTUP_SECONDS = 300.0


@dataclass
class RunOptions:
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    students: list[str] | None = None
    force: bool = False
    notebook_seconds: float = 900.0
    limits: Limits = field(default_factory=Limits)
    overrides: dict[str, dict[str, object]] = field(default_factory=dict)
    uid_base: int = DEFAULT_UID_BASE
    # Fork each kernel from a process that has its libraries loaded (myndig.grading.zygote).
    warm_kernels: bool = True
    progress: TextIO | None = None


def check_slot_uids(base: int, count: int) -> None:
    for uid in range(base, base + count):
        try:
            owner = pwd.getpwuid(uid).pw_name
        except KeyError:
            continue
        if not owner.startswith("myndig"):
            raise InvalidInput(t("grading.uid_taken", uid=uid, owner=owner), field="uid_base")


class SlotClaims:
    """User ids that belong to this run alone while it lasts.

    Every slot sweeps away all processes of its user id (a fork bomb outlives its kernel), so
    two grading runs on one machine (two lecturers, two courses) must never share an id: each
    id is claimed by an exclusive lock on a file of its own, held until the run ends. The
    lowest free ids are taken, so a lone run always uses ``base``, ``base + 1`` …
    """

    def __init__(self, base: int, count: int, folder: Path = CLAIM_FOLDER) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.uids: list[int] = []
        self._descriptors: list[int] = []
        for uid in range(base, base + CLAIMABLE_UIDS):
            if len(self.uids) == count:
                break
            check_slot_uids(uid, 1)
            descriptor = os.open(folder / f"{uid}.lock", os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                continue
            self.uids.append(uid)
            self._descriptors.append(descriptor)
        if len(self.uids) < count:
            self.release()
            raise InvalidInput(t("grading.no_free_uid", count=count, first=base,
                                 last=base + CLAIMABLE_UIDS - 1), field="uid_base")

    def release(self) -> None:
        for descriptor in self._descriptors:
            os.close(descriptor)  # closing drops the lock
        self._descriptors = []
        self.uids = []

    def __enter__(self) -> SlotClaims:
        return self

    def __exit__(self, *exception: object) -> None:
        self.release()


def matplotlib_cache() -> str | None:
    folder = Path(os.environ.get("MPLCONFIGDIR") or Path.home() / ".cache" / "matplotlib")
    return str(folder) if any(folder.glob("fontlist-*.json")) else None


def nbgrader_command(course: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nbgrader", *arguments], cwd=course,
                          capture_output=True, text=True, check=False, env=tool_environment())


def prepare_assignment(course: Course, assignment: str) -> None:
    """Make sure nbgrader knows the assignment and we have its released notebooks to compare."""
    from nbgrader.api import Gradebook, MissingEntry

    # nbgrader runs ``alembic`` by name when it opens a new gradebook.
    os.environ["PATH"] = tool_environment()["PATH"]
    if not (course.root / course.source / assignment).is_dir():
        raise InvalidInput(t("grading.no_source", assignment=assignment,
                             folder=course.source), field="assignment")
    with Gradebook(course.db_url) as gradebook:
        try:
            gradebook.find_assignment(assignment)
            known = True
        except MissingEntry:
            known = False
    release_copy = course.release_copy(assignment)
    if known and release_copy.is_dir():
        return
    with tempfile.TemporaryDirectory(prefix="myndig-utgave-") as scratch:
        completed = nbgrader_command(
            course.root, "generate_assignment", assignment, "--force",
            f"--CourseDirectory.release_directory={scratch}")
        if completed.returncode != 0:
            raise InvalidInput(t("grading.generate_failed", assignment=assignment,
                                 output=(completed.stdout + completed.stderr)[-2000:]))
        shutil.rmtree(release_copy, ignore_errors=True)
        shutil.copytree(Path(scratch) / assignment, release_copy)


def set_due_date(course: Course, assignment: str, due: str) -> None:
    from nbgrader.api import Gradebook

    with Gradebook(course.db_url) as gradebook:
        gradebook.update_or_create_assignment(assignment, duedate=due)


def still_to_grade(course: Course, assignment: str, options: RunOptions) -> list[str]:
    """Students whose submission has no result yet, or changed since it was graded."""
    students = options.students or course.students_with_submission(assignment)
    if options.force or options.students:
        return list(students)
    pending = []
    for student in students:
        previous = load_result(course, assignment, student)
        if previous is None or previous.fingerprint != fingerprint(
                course.submission(assignment, student)):
            pending.append(student)
    return pending


def longest_first(course: Course, assignment: str, students: list[str]) -> list[str]:
    """The order to hand out submissions: those that took longest last time first.

    With one worker per core, a slow submission started last keeps one core busy while the
    others have nothing left to do; started first, it overlaps with everyone else's (the
    longest-processing-time rule). Submissions never graded before count as typical: the
    median of those that were.
    """
    previous = {student: result.seconds for student in students
                if (result := load_result(course, assignment, student)) is not None
                and result.seconds > 0}
    if not previous:
        return list(students)
    typical = statistics.median(previous.values())
    position = {student: index for index, student in enumerate(students)}
    return sorted(students, key=lambda student: (-previous.get(student, typical),
                                                 position[student]))


class Slot:
    """One worker process and the user id its kernels run as."""

    def __init__(self, number: int, uid: int, course: Course, options: RunOptions,
                 cage_root: Path) -> None:
        self.number = number
        self.uid = uid
        self.setup = {
            "course": str(course.root), "slot": number, "uid": self.uid,
            "cage_root": str(cage_root), "limits": asdict(options.limits),
            "overrides": options.overrides, "matplotlib_cache": matplotlib_cache(),
            "warm_kernels": options.warm_kernels,
        }
        self.process: subprocess.Popen[str] | None = None
        self.ready = False

    def launch(self) -> None:
        """Start the worker without waiting for it: importing nbgrader takes seconds, which
        can pass while the runner prepares the assignment."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "myndig.grading.worker", json.dumps(self.setup)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, env=tool_environment(), start_new_session=True)
        self.ready = False

    def start(self) -> subprocess.Popen[str] | None:
        """The running worker, started if need be; None if it did not come up."""
        if self.process is None or self.process.poll() is not None:
            self.launch()
        if not self.ready:
            greeting = self._read_line(STARTUP_SECONDS)
            if not greeting or not json.loads(greeting).get("ready"):
                self.stop()
                return None
            self.ready = True
        return self.process

    def _read_line(self, seconds: float) -> str | None:
        """One line from the worker, or None if none came within ``seconds``."""
        assert self.process is not None
        assert self.process.stdout is not None
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.process.stdout], [], [], min(remaining, 1.0))
            if ready:
                return self.process.stdout.readline()
        return None

    def grade(self, assignment: str, student: str, seconds: float) -> dict | str:
        """The worker's result, or "timeout" when it overran ``seconds``, or "died"."""
        process = self.start()
        if process is None:
            return "died"
        assert process.stdin is not None
        try:
            process.stdin.write(json.dumps({"assignment": assignment, "student": student}) + "\n")
            process.stdin.flush()
        except OSError:
            self.stop()
            return "died"
        line = self._read_line(seconds)
        if line is None:
            self.stop()
            return "timeout"
        if not line:
            self.stop()
            return "died"
        return json.loads(line)

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._close_pipes()
        self.process = None
        kill_everything_of(self.uid)

    def _close_pipes(self) -> None:
        assert self.process is not None
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None and not pipe.closed:
                with contextlib.suppress(OSError):
                    pipe.close()

    def close(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            assert self.process.stdin is not None
            with contextlib.suppress(OSError):
                self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.stop()
                return
        self._close_pipes()
        self.process = None


def stopped_result(course: Course, assignment: str, student: str, why: str,
                   seconds: float) -> Result:
    reason = (Reason("notebook_time_limit", f"{seconds:g} s") if why == "timeout"
              else Reason("worker_died", ""))
    return Result(student=student, assignment=assignment, status="stopped", reasons=[reason],
                  seconds=round(seconds, 2),
                  fingerprint=fingerprint(course.submission(assignment, student)))


def grade_assignment(course: Course, assignment: str, options: RunOptions) -> list[Result]:
    """Grade every (pending) submission of ``assignment``; returns the results of this run."""
    students = still_to_grade(course, assignment, options)
    missing = [student for student in students
               if not course.submission(assignment, student).is_dir()]
    if missing:
        raise InvalidInput(t("grading.no_submission", student=", ".join(missing),
                             assignment=assignment), field="student")
    if not students:
        prepare_assignment(course, assignment)
        return []
    jobs = max(1, min(options.jobs, len(students)))
    claims = SlotClaims(options.uid_base, jobs)
    work: queue.Queue[str] = queue.Queue()
    for student in longest_first(course, assignment, students):
        work.put(student)
    progress = Progress(len(students), options.progress)
    results: list[Result] = []
    lock = threading.Lock()
    cage_root = Path(tempfile.mkdtemp(prefix="myndig-sandkasse-"))
    cage_root.chmod(0o700)
    slots = [Slot(number, uid, course, options, cage_root)
             for number, uid in enumerate(claims.uids)]
    try:
        for slot in slots:
            slot.launch()
        prepare_assignment(course, assignment)
    except BaseException:
        for slot in slots:
            slot.stop()
        claims.release()
        shutil.rmtree(cage_root, ignore_errors=True)
        raise

    def serve(slot: Slot) -> None:
        while True:
            try:
                student = work.get_nowait()
            except queue.Empty:
                return
            if stopping.is_set():
                return
            started = time.monotonic()
            answer = slot.grade(assignment, student, options.notebook_seconds)
            if stopping.is_set():
                return
            if isinstance(answer, str):
                result = stopped_result(course, assignment, student, answer,
                                        time.monotonic() - started)
            else:
                result = Result.from_dict(answer)
            save_result(course, result)
            with lock:
                results.append(result)
            progress.advance(result)

    stopping = threading.Event()
    threads = [threading.Thread(target=serve, args=(slot,), daemon=True) for slot in slots]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(timeout=0.5)
    except KeyboardInterrupt:
        # What is saved stays saved; the next run picks up the rest.
        stopping.set()
        for slot in slots:
            slot.stop()
        raise
    finally:
        for slot in slots:
            slot.close()
        claims.release()
        shutil.rmtree(cage_root, ignore_errors=True)
    return sorted(results, key=lambda result: result.student)

"""A grading worker: a long-lived process that grades one submission at a time.

Started by ``myndig.grading.runner`` as ``python -m myndig.grading.worker SETUP_JSON``; reads one
job (JSON) per line on stdin and answers with one result (JSON) per line. Each worker owns one
grading slot and the user id that goes with it, runs nbgrader's own ``Autograde`` for one
student at a time (``NbGraderAPI.autograde``) with the student's kernel in the cage, and holds
the gradebook lock only while nbgrader has a gradebook session open.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

from myndig.grading import diagnose, preflight
from myndig.grading.gradebook_lock import serialise_sessions
from myndig.grading.layout import Course, Reason, Result, fingerprint
from myndig.grading.sandbox import (
    CAGE_VARIABLE,
    Cage,
    Limits,
    cold_kernel_argv,
    kill_everything_of,
    needed_by_kernel,
    write_kernelspec,
)
from myndig.grading.speedups import check_metadata_schema_once, skip_iri_grammar
from myndig.grading.zygote import kernelspec_argv as zygote_argv


def load_config(course: Path, overrides: dict[str, dict[str, object]]):
    from traitlets.config import Config, PyFileConfigLoader

    config = Config()
    if (course / "nbgrader_config.py").exists():
        config.merge(PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config())
    config.merge(Config(overrides))
    config.CourseDirectory.root = str(course)
    return config


def make_api(course: Path, overrides: dict[str, dict[str, object]]):
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    config = load_config(course, overrides)
    coursedir = CourseDirectory(config=config)
    coursedir.root = str(course)
    return NbGraderAPI(coursedir=coursedir, config=config)


def checkout_secrets() -> list[Path]:
    """When this package runs from a source checkout, that checkout's solutions are secret too."""
    import myndig

    solutions = Path(myndig.__file__).resolve().parents[2] / "solutions"
    return [solutions] if solutions.is_dir() else []


def read_scores(db_url: str, assignment: str, student: str) -> dict[str, object]:
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return {}
        grades = {}
        penalty = 0.0
        for notebook in submission.notebooks:
            penalty += notebook.late_submission_penalty or 0.0
            for grade in notebook.grades:
                grades[f"{notebook.name}/{grade.name}"] = {
                    "score": grade.score, "max_score": grade.max_score,
                    "auto_score": grade.auto_score, "needs_manual_grade": grade.needs_manual_grade,
                }
        return {"score": submission.score, "max_score": submission.max_score, "grades": grades,
                "late_seconds": submission.total_seconds_late or 0.0, "late_penalty": penalty}


def grade(api, course: Course, setup: dict, job: dict) -> Result:
    started = time.monotonic()
    assignment, student = job["assignment"], job["student"]
    submission = course.submission(assignment, student)
    reasons = preflight.run_checks(submission, course.release_copy(assignment))
    cage_folder = Path(setup["cage_root"]) / f"plass-{setup['slot']}" / student
    shutil.rmtree(cage_folder, ignore_errors=True)
    cage_folder.mkdir(parents=True)
    cage = Cage(
        uid=setup["uid"], gid=setup["uid"], workdir=str(cage_folder / "arbeid"),
        spill=str(cage_folder / "utenfor"), hidden=[str(path) for path in course.secrets()],
        exposed=needed_by_kernel(),
        limits=Limits(**setup["limits"]), matplotlib_cache=setup.get("matplotlib_cache"))
    os.environ[CAGE_VARIABLE] = cage.to_json()
    try:
        outcome = api.autograde(assignment, student, force=True, create=True)
    finally:
        leftovers = kill_everything_of(cage.uid)
    log = outcome.get("log") or ""
    if outcome.get("error"):
        log += "\n" + outcome["error"]
    autograded = course.root / course.autograded / student / assignment
    found = diagnose.merge(
        reasons, diagnose.from_log(log), diagnose.from_notebooks(autograded, tuple(cage.hidden)),
        diagnose.from_spill(Path(cage.spill)),
        [Reason("processes_left", str(leftovers))] if leftovers else [],
    )
    if not outcome.get("success") and not found:
        errors = [line for line in log.splitlines() if line.startswith("[ERROR]")]
        found = [Reason("nbgrader_error", errors[0][len("[ERROR] "):][:200] if errors else "")]
    scores = read_scores(course.db_url, assignment, student)
    shutil.rmtree(cage_folder, ignore_errors=True)
    result = Result(
        student=student, assignment=assignment,
        status="graded" if outcome.get("success") else "failed",
        score=scores.get("score"), max_score=scores.get("max_score"),
        grades=scores.get("grades", {}), reasons=found,
        late_seconds=scores.get("late_seconds", 0.0), late_penalty=scores.get("late_penalty", 0.0),
        seconds=round(time.monotonic() - started, 2), fingerprint=fingerprint(submission),
    )
    write_log(course.log_file(assignment, student), result, log)
    return result


def start_zygote(socket_path: Path) -> subprocess.Popen[str]:
    """The warm-kernel process of ``myndig.grading.zygote``, loading while nbgrader loads here."""
    return subprocess.Popen([sys.executable, "-m", "myndig.grading.zygote", str(socket_path)],
                            stdout=subprocess.PIPE, text=True)


def zygote_ready(process: subprocess.Popen[str]) -> subprocess.Popen[str] | None:
    """The zygote once it has loaded; None (kernels start cold) if it did not come up."""
    assert process.stdout is not None
    greeting = process.stdout.readline()
    if not greeting or not json.loads(greeting).get("ready"):
        process.kill()
        process.wait()
        return None
    return process


def worker_error(course: Course, job: dict, details: str) -> Result:
    assignment, student = job["assignment"], job["student"]
    result = Result(student=student, assignment=assignment, status="failed",
                    reasons=[Reason("worker_error", details.strip().splitlines()[-1])],
                    fingerprint=fingerprint(course.submission(assignment, student)))
    write_log(course.log_file(assignment, student), result, details)
    return result


def write_log(path: Path, result: Result, nbgrader_log: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"student: {result.student}", f"oppgave: {result.assignment}",
             f"status: {result.status}", f"poeng: {result.score} av {result.max_score}",
             f"sekunder: {result.seconds}"]
    lines += [f"stoppet/merknad: {reason.code}: {reason.detail}" for reason in result.reasons]
    lines += ["", "--- nbgrader ---", nbgrader_log]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    skip_iri_grammar()
    setup = json.loads(sys.argv[1])
    course = Course(Path(setup["course"]))
    # Answers go on a private copy of stdout; anything nbgrader or a library prints goes to
    # stderr and cannot break the protocol.
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    os.chdir(course.root)
    kernels = Path(tempfile.mkdtemp(prefix="myndig-kjerner-"))
    socket_path = kernels / "zygote.sock"
    zygote = start_zygote(socket_path) if setup.get("warm_kernels", True) else None
    serialise_sessions(course.lock_file)
    check_metadata_schema_once()
    api = make_api(course.root, setup.get("overrides", {}))
    if zygote is not None:
        zygote = zygote_ready(zygote)
    write_kernelspec(kernels, zygote_argv(socket_path) if zygote else cold_kernel_argv())
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(kernels), *filter(None, [os.environ.get("JUPYTER_PATH")])])
    # Tell the runner start-up is over, so a notebook's time limit counts grading only.
    answers.write(json.dumps({"ready": True}) + "\n")
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            job = json.loads(line)
            try:
                result = grade(api, course, setup, job)
            except Exception:  # one broken submission must never stop the class
                result = worker_error(course, job, traceback.format_exc())
            answers.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if zygote is not None:
            zygote.kill()
            zygote.wait()
        shutil.rmtree(kernels, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

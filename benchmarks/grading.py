"""Benchmark: ``myndig grade`` (parallel, caged) against serial ``nbgrader autograde``.

A synthetic class of 30 hands in every exercise in ``solutions/``. Both runs grade the same
submissions in two copies of the course, one assignment after another, with the same nbgrader
configuration (cell time limit lowered to 30 s in both so the endless loops cost the same).
The memory and fork bombs are left out of the class: serial nbgrader has no limits and would
take the machine down; ``tests/grading_cli`` shows the cage stopping them.

Run as root from the project folder: ``.venv/bin/python benchmarks/grading.py [--students 30]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from myndig.assignments import assignment_ids, tool_environment
from myndig.grading.layout import Course
from myndig.grading.runner import prepare_assignment
from myndig.grading.summary import auto_scores
from myndig.grading.synthetic import DANGEROUS, HOSTILE, make_class

ROOT = Path(__file__).resolve().parents[1]
CELL_SECONDS = 30


def grades(course: Path, assignment: str) -> dict[tuple[str, str], float | None]:
    return auto_scores(Course(course), assignment)


def run(command: list[str], course: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=course, env=tool_environment(), check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args()
    assignments = assignment_ids(ROOT)
    kinds = [kind for kind in HOSTILE if kind not in DANGEROUS]
    with tempfile.TemporaryDirectory(prefix="myndig-benchmark-") as scratch:
        parallel = Path(scratch) / "parallell"
        plan = make_class(ROOT, parallel, arguments.students, assignments=assignments,
                          hostile_kinds=kinds)
        serial = Path(scratch) / "seriell"
        shutil.copytree(parallel, serial)
        for assignment in assignments:  # set-up outside the timing, for both
            prepare_assignment(Course(parallel), assignment)
            subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", assignment,
                            "--force", f"--CourseDirectory.release_directory={serial / 'rel'}"],
                           cwd=serial, env=tool_environment(), check=True,
                           capture_output=True)
        notebooks = sum(1 for _ in (parallel / "submitted").rglob("*.ipynb"))
        print(f"klasse: {arguments.students} studenter × {len(assignments)} oppgaver = "
              f"{len(plan)} innleveringer, {notebooks} notatbøker "
              f"({sum(s.hostile is not None for s in plan)} fiendtlige, uten minne-/prosessbomber)")
        print(f"maskin: {os.cpu_count()} kjerner, delt med andre prosesser under målingen")
        serial_seconds = parallel_seconds = 0.0
        differences = 0
        compared = 0
        for assignment in assignments:
            seconds_serial = run([sys.executable, "-m", "nbgrader", "autograde", assignment,
                                  "--force", f"--Execute.timeout={CELL_SECONDS}"], serial)
            seconds_parallel = run([sys.executable, "-m", "myndig.cli", "grade", assignment,
                                    "--course", str(parallel), "--jobs", str(arguments.jobs),
                                    "--cell-timeout", str(CELL_SECONDS)], parallel)
            expected, actual = grades(serial, assignment), grades(parallel, assignment)
            differing = sum(expected.get(key) != actual.get(key)
                            for key in set(expected) | set(actual))
            differences += differing
            compared += len(set(expected) | set(actual))
            serial_seconds += seconds_serial
            parallel_seconds += seconds_parallel
            print(f"{assignment:32s} seriell {seconds_serial:7.1f} s   "
                  f"myndig grade {seconds_parallel:7.1f} s   "
                  f"forhold {seconds_serial / seconds_parallel:4.2f}×   "
                  f"ulike karakterer: {differing}")
        print(f"SUM  seriell nbgrader autograde: {serial_seconds:7.1f} s "
              f"({serial_seconds / notebooks:.2f} s per notatbok)")
        print(f"SUM  myndig grade --jobs {arguments.jobs}:        {parallel_seconds:7.1f} s "
              f"({parallel_seconds / notebooks:.2f} s per notatbok)")
        print(f"forhold: {serial_seconds / parallel_seconds:.2f}× (mål ≥ 1,8×)")
        print(f"karakterer: {compared} celler sammenlignet, {differences} ulike "
              f"-> {'identiske' if differences == 0 else 'IKKE identiske'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

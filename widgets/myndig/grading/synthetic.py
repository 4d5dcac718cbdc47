"""A synthetic class: N students handing in every exercise in ``solutions/``.

The mix is realistic (most hand in full or partial answers, some blank, some late) plus the
hostile submissions the grading must survive. Full answers are the solution cells of the
source notebook pasted into the student's copy, so a "full" student is what a strong student
hands in, not the source notebook (which still holds the hidden tests).

Used by the tests and the benchmark; ``myndig grade-synthetic`` writes one into a course folder.
"""

from __future__ import annotations

import copy
import json
import random
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from myndig.assignments import assignment_ids, generate_release
from myndig.grading.roster import write_made_up_roster

# Ordinary submissions: profile -> share of the class.
MIX = (("full", 0.40), ("partial", 0.25), ("blank", 0.10), ("late", 0.10), ("hostile", 0.15))

# Hostile submissions: kind -> (where it goes, what it does). "cell" kinds add a code cell
# after the first answer cell of an otherwise full submission; "file" kinds change the files.
HOSTILE: dict[str, tuple[str, str]] = {
    "infinite_loop": ("cell", "while True:\n    pass"),
    "memory_bomb": ("cell", "blokker = []\nwhile True:\n"
                            "    blokker.append(bytearray(64 * 1024 * 1024))"),
    "fork_bomb": ("cell", "import os\nwhile True:\n    os.fork()"),
    "sys_exit": ("cell", "import sys\nsys.exit('ferdig for i dag')"),
    "os_exit": ("cell", "import os\nos._exit(3)"),
    "kernel_crash": ("cell", "import ctypes\nctypes.string_at(0)"),
    "input": ("cell", 'navn = input("Hva heter du? ")'),
    "huge_output": ("cell", 'print("x" * 50_000_000)'),
    "write_outside": ("cell", "from pathlib import Path\n"
                              "Path('/tmp/myndig-innbrudd.txt').write_text('hei')"),
    "write_other_student": ("cell", "from pathlib import Path\n"
                                    "Path('../../annen-student.txt').write_text('hei')"),
    "read_gradebook": ("cell", "from pathlib import Path\n"
                               "karakterbok = Path({gradebook!r}).read_bytes()\n"
                               "print('LEKKASJE', karakterbok[:16])"),
    "read_hidden_tests": ("cell", "from pathlib import Path\n"
                                  "kilde = Path({source!r}).read_text()\n"
                                  "print('LEKKASJE', 'HIDDEN TESTS' in kilde)"),
    "deleted_test_cell": ("file", "delete the first autograded test cell"),
    "edited_test_cell": ("file", "replace the first test cell with 'pass'"),
    "missing_notebook": ("file", "hand in the folder without the notebook"),
    "renamed_notebook": ("file", "rename the notebook"),
    "corrupt_json": ("file", "cut the notebook file in half"),
    "non_utf8": ("file", "save the notebook as Latin-1"),
}
# Cases that would harm the machine if run without the cage (serial nbgrader has none).
DANGEROUS = frozenset({"memory_bomb", "fork_bomb"})
# Cases that only cost time (a cell runs until the time limit).
SLOW = frozenset({"infinite_loop"})

DUE = datetime(2026, 11, 20, 23, 59, tzinfo=timezone.utc)
_SOLUTION_REGION = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


@dataclass(frozen=True)
class Submission:
    student: str
    assignment: str
    profile: str
    hostile: str | None
    timestamp: datetime | None


def _nbgrader(cell: dict) -> dict:
    return (cell.get("metadata") or {}).get("nbgrader") or {}


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def answers_from_source(source_notebook: dict) -> dict[str, str]:
    """grade_id -> what a student who knows the answer writes in that solution cell."""
    answers = {}
    for cell in source_notebook["cells"]:
        metadata = _nbgrader(cell)
        if metadata.get("solution"):
            answers[metadata["grade_id"]] = _SOLUTION_REGION.sub("", _source(cell)).strip("\n")
    return answers


def fill(release: dict, answers: dict[str, str], which: set[str]) -> dict:
    """A copy of ``release`` with the solution cells named in ``which`` answered.

    A name that is no solution cell of the release is an error, not a silent blank: it means
    the answers were written for another version of the exercise.
    """
    notebook = copy.deepcopy(release)
    filled = set()
    for cell in notebook["cells"]:
        grade_id = _nbgrader(cell).get("grade_id")
        if _nbgrader(cell).get("solution") and grade_id in which:
            cell["source"] = answers[grade_id]
            filled.add(grade_id)
    if missing := set(which) - filled:
        raise ValueError(f"no solution cell in the release for: {', '.join(sorted(missing))}")
    return notebook


def add_hostile_cell(notebook: dict, code: str) -> dict:
    notebook = copy.deepcopy(notebook)
    cells = notebook["cells"]
    first_answer = next((index for index, cell in enumerate(cells)
                         if _nbgrader(cell).get("solution") and cell["cell_type"] == "code"), 0)
    cells.insert(first_answer + 1, {"cell_type": "code", "execution_count": None,
                                    "metadata": {}, "outputs": [], "source": code})
    return notebook


def _first_test_index(notebook: dict) -> int | None:
    return next((index for index, cell in enumerate(notebook["cells"])
                 if _nbgrader(cell).get("grade") and cell["cell_type"] == "code"), None)


def write_notebook(path: Path, notebook: dict, encoding: str = "utf-8") -> None:
    text = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    path.write_bytes(text.encode(encoding, errors="replace"))


def hand_in(folder: Path, name: str, notebook: dict, kind: str | None, course: Path,
            assignment: str) -> None:
    """Write one submission's files, applying the hostile ``kind`` if any."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    if kind is None:
        write_notebook(target, notebook)
        return
    where, action = HOSTILE[kind]
    if where == "cell":
        code = action.format(gradebook=str(course / "gradebook.db"),
                             source=str(course / "solutions" / assignment / name))
        write_notebook(target, add_hostile_cell(notebook, code))
        return
    notebook = copy.deepcopy(notebook)
    if kind in ("deleted_test_cell", "edited_test_cell"):
        index = _first_test_index(notebook)
        if index is not None and kind == "deleted_test_cell":
            del notebook["cells"][index]
        elif index is not None:
            notebook["cells"][index]["source"] = "pass"
        write_notebook(target, notebook)
    elif kind == "missing_notebook":
        (folder / "notater.txt").write_text("Fikk ikke lagret notatboken.\n", encoding="utf-8")
    elif kind == "renamed_notebook":
        write_notebook(folder / f"{target.stem} (kopi).ipynb", notebook)
    elif kind == "corrupt_json":
        text = json.dumps(notebook, ensure_ascii=False, indent=1)
        target.write_text(text[: len(text) // 2], encoding="utf-8")
    elif kind == "non_utf8":
        notebook["cells"].append({"cell_type": "markdown", "metadata": {},
                                  "source": "Svar på norsk: blåbær og rødgrøt."})
        write_notebook(target, notebook, encoding="latin-1")


def plan_class(students: int, assignments: list[str], seed: int = 2026,
               hostile_kinds: list[str] | None = None,
               mix: tuple[tuple[str, float], ...] = MIX) -> list[Submission]:
    """Who hands in what. Every hostile kind in ``hostile_kinds`` (default: all that are safe
    outside a cage plus the dangerous ones) is used at least once when there is room."""
    kinds = list(HOSTILE) if hostile_kinds is None else list(hostile_kinds)
    rng = random.Random(seed)
    profiles = []
    for profile, share in mix:
        profiles += [profile] * round(share * students)
    profiles = (profiles + ["full"] * students)[:students]
    if kinds and "hostile" not in profiles and students:
        profiles[-1] = "hostile"
    plan = []
    hostile_turn = dict.fromkeys(assignments, 0)
    width = max(2, len(str(students)))
    for number in range(students):
        student = f"student{number + 1:0{width}d}"
        for assignment in assignments:
            profile = profiles[(number + assignments.index(assignment)) % students]
            kind = None
            if profile == "hostile":
                if kinds:
                    kind = kinds[hostile_turn[assignment] % len(kinds)]
                    hostile_turn[assignment] += 1
                else:
                    profile = "full"
            stamp = DUE - timedelta(hours=rng.randint(1, 72))
            if profile == "late":
                stamp = DUE + timedelta(hours=rng.randint(2, 60))
            plan.append(Submission(student, assignment, profile, kind, stamp))
    return plan


def releases(root: Path, assignments: list[str], into: Path) -> dict[str, Path]:
    """The student version of each assignment, made by nbgrader from ``root``'s solutions."""
    made = {}
    for assignment in assignments:
        made[assignment] = generate_release(root, assignment, into)
    return made


ROSTER_NAME = "klasseliste.csv"


def make_class(root: Path, course: Path, students: int, *, seed: int = 2026,
               assignments: list[str] | None = None,
               hostile_kinds: list[str] | None = None,
               mix: tuple[tuple[str, float], ...] = MIX) -> list[Submission]:
    """Write a class into ``course/submitted``; copies config and sources when missing."""
    assignments = assignments or assignment_ids(root)
    course.mkdir(parents=True, exist_ok=True)
    if not (course / "nbgrader_config.py").exists():
        shutil.copy2(root / "nbgrader_config.py", course / "nbgrader_config.py")
    for assignment in assignments:
        if not (course / "solutions" / assignment).is_dir():
            shutil.copytree(root / "solutions" / assignment, course / "solutions" / assignment)
    plan = plan_class(students, assignments, seed, hostile_kinds, mix)
    roster = course / ROSTER_NAME
    if not roster.exists():
        write_made_up_roster(roster, sorted({submission.student for submission in plan}))
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="myndig-klasse-") as scratch:
        released = releases(root, assignments, Path(scratch))
        for submission in plan:
            release_folder = released[submission.assignment]
            folder = course / "submitted" / submission.student / submission.assignment
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for extra in release_folder.iterdir():
                if extra.suffix != ".ipynb" and extra.is_file():
                    shutil.copy2(extra, folder / extra.name)
            for release_path in sorted(release_folder.glob("*.ipynb")):
                release = json.loads(release_path.read_text(encoding="utf-8"))
                source_path = root / "solutions" / submission.assignment / release_path.name
                answers = answers_from_source(json.loads(source_path.read_text(encoding="utf-8")))
                chosen = set(answers)
                if submission.profile == "blank":
                    chosen = set()
                elif submission.profile == "partial" or (
                        submission.profile == "late" and rng.random() < 0.5):
                    ordered = sorted(answers)
                    chosen = set(rng.sample(ordered, max(1, len(ordered) // 2)))
                hand_in(folder, release_path.name, fill(release, answers, chosen),
                        submission.hostile, course, submission.assignment)
            if submission.timestamp is not None:
                (folder / "timestamp.txt").write_text(
                    submission.timestamp.strftime("%Y-%m-%d %H:%M:%S.%f %Z") + "\n",
                    encoding="utf-8")
    return plan

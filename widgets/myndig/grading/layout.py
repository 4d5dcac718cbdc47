"""Where a grading run keeps its state inside the lecturer's course directory.

Everything ``myndig grade`` adds lives under ``<course>/myndig-retting/<assignment>/``: one
result file and one log per student (so an interrupted run resumes where it stopped), the
released notebooks the checks compare against, and the lecturer's summary.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from myndig.answers import read_json, save_json_atomic
from myndig.i18n import t

STATE_FOLDER = "myndig-retting"
LOCK_FILE = ".myndig-gradebook.lock"


@dataclass(frozen=True)
class Reason:
    """Why a submission was contained or needs the lecturer's eye; ``code`` is stable."""

    code: str
    detail: str = ""

    @property
    def text(self) -> str:
        """What happened, in Norwegian for the lecturer; the code itself if it has no text."""
        try:
            return t(f"grading.reason_{self.code}")
        except KeyError:
            return self.code

    @property
    def short_text(self) -> str:
        """The text up to its first explanation, for the progress line."""
        return re.split(r" \(|; ", self.text, maxsplit=1)[0]


@dataclass
class Result:
    student: str
    assignment: str
    status: str  # "graded", "failed" (nbgrader could not grade it) or "stopped" (time limit)
    score: float | None = None
    max_score: float | None = None
    grades: dict[str, dict[str, object]] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    late_seconds: float = 0.0
    late_penalty: float = 0.0
    seconds: float = 0.0
    fingerprint: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Result:
        data = dict(data)
        data["reasons"] = [Reason(**reason) for reason in data.get("reasons", [])]
        return cls(**data)

    @property
    def contained(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class Course:
    root: Path
    source: str = "solutions"
    submitted: str = "submitted"
    autograded: str = "autograded"
    feedback: str = "feedback"
    gradebook_file: str = "gradebook.db"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.root / self.gradebook_file}"

    @property
    def lock_file(self) -> Path:
        return self.root / LOCK_FILE

    def state(self, assignment: str) -> Path:
        return self.root / STATE_FOLDER / assignment

    def result_file(self, assignment: str, student: str) -> Path:
        return self.state(assignment) / "resultater" / f"{student}.json"

    def log_file(self, assignment: str, student: str) -> Path:
        return self.state(assignment) / "logg" / f"{student}.log"

    def release_copy(self, assignment: str) -> Path:
        return self.state(assignment) / "utgave"

    def submission(self, assignment: str, student: str) -> Path:
        return self.root / self.submitted / student / assignment

    def students_with_submission(self, assignment: str) -> list[str]:
        folder = self.root / self.submitted
        if not folder.is_dir():
            return []
        return sorted(entry.name for entry in folder.iterdir()
                      if (entry / assignment).is_dir())

    def secrets(self) -> list[Path]:
        """What a student's kernel must never see: hidden inside its cage."""
        return [self.root / self.source, self.root / self.submitted, self.root / self.autograded,
                self.root / self.feedback, self.root / self.gradebook_file,
                self.root / STATE_FOLDER, self.root / "release", self.root / "nbgrader_config.py"]


def fingerprint(folder: Path) -> str:
    """A digest of every file in a submission, so a resumed run regrades only what changed."""
    digest = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
                digest.update(path.read_bytes())
    return digest.hexdigest()


def save_result(course: Course, result: Result) -> None:
    save_json_atomic(course.result_file(result.assignment, result.student), result.to_dict())


def load_result(course: Course, assignment: str, student: str) -> Result | None:
    path = course.result_file(assignment, student)
    if not path.exists():
        return None
    try:
        return Result.from_dict(read_json(path))
    except (TypeError, ValueError, KeyError):
        return None


def load_results(course: Course, assignment: str) -> list[Result]:
    folder = course.state(assignment) / "resultater"
    results = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        loaded = load_result(course, assignment, path.stem)
        if loaded is not None:
            results.append(loaded)
    return results

"""Answer files: how a widget's state reaches the grader and survives a restart.

A widget saves after every change. Saves are atomic (write a sibling file, then rename), so a
crash never leaves half a file; a file that cannot be read is moved aside, never overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Generic, TypeVar

from myndig.files import write_text_atomically
from myndig.model.errors import InvalidFile

T = TypeVar("T")
MAX_ANSWER_BYTES = 5 * 1024 * 1024


def save_json_atomic(path: Path, data: object) -> None:
    write_text_atomically(Path(path), json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(path: Path) -> object:
    """The JSON in ``path``, or ``InvalidFile`` in Norwegian when it is not readable JSON."""
    path = Path(path)
    if path.stat().st_size > MAX_ANSWER_BYTES:
        raise InvalidFile(f"filen er større enn {MAX_ANSWER_BYTES // (1024 * 1024)} MB")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise InvalidFile("filen er ikke UTF-8-tekst") from error
    except json.JSONDecodeError as error:
        raise InvalidFile(f"filen er ikke gyldig JSON (linje {error.lineno})") from error


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What came of reading an answer file."""

    value: T | None = None
    kept_copy: Path | None = None
    problem: str | None = None


def load_or_set_aside(path: Path, parse: Callable[[object], T]) -> Loaded[T]:
    """Load ``path`` with ``parse``; a file that cannot be read is renamed aside, not lost.

    No file gives an empty result; a broken one gives the name it was kept under and why it
    could not be read, so the widget can tell the person.
    """
    path = Path(path)
    if not path.exists():
        return Loaded()
    try:
        return Loaded(value=parse(read_json(path)))
    except InvalidFile as error:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.stem}.uleselig-{stamp}{path.suffix}")
        path.replace(kept)
        return Loaded(kept_copy=kept, problem=str(error))

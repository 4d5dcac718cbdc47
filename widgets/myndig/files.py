"""Writing files so that a crash or a full disk never leaves half a file behind.

Every save in the kit (answer files, plans, exported documents) goes through
:func:`write_atomically`: the content is written to a sibling temporary file and moved into
place in one step, so the old file stays whole until the new one is complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a sibling temporary file, then move it into place in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        # mkstemp makes the file private (0600); a saved document should get the usual
        # permissions instead, so a colleague or the grader can read what was handed in.
        Path(temporary).chmod(0o666 & ~_umask())
        write(Path(temporary))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_text_atomically(path: Path, text: str) -> None:
    def write(target: Path) -> None:
        with target.open("w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())

    write_atomically(path, write)

"""The machine's running processes, as Linux lists them under ``/proc``.

One reader for everything that must find processes: the grading sandbox killing what a cage left
behind, and the tests checking that no worker, warm kernel or kernel connection file outlives
its run. A process can end between being listed and being read; it is then simply not there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")


@dataclass(frozen=True)
class Process:
    pid: int
    # The command line as the kernel keeps it: the arguments, each ended by a NUL byte.
    cmdline: bytes
    # The «Name: value» lines of /proc/PID/status.
    status: dict[str, str]

    @property
    def arguments(self) -> list[bytes]:
        return self.cmdline.rstrip(b"\0").split(b"\0") if self.cmdline else []

    @property
    def uid(self) -> int:
        """The real user id."""
        return int(self.status["Uid"].split()[0])

    @property
    def parent(self) -> int:
        return int(self.status["PPid"])


def running() -> Iterator[Process]:
    """Every process still there when it is read."""
    for entry in PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            status = (entry / "status").read_text(encoding="utf-8", errors="replace")
        except OSError:  # it ended while we looked
            continue
        fields = {}
        for line in status.splitlines():
            name, separator, value = line.partition(":")
            if separator:
                fields[name] = value.strip()
        yield Process(int(entry.name), cmdline, fields)

"""A progress bar on the terminal (one line per submission when it is not a terminal)."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from myndig.grading.layout import Result
from myndig.i18n import t

WIDTH = 28


def clock(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}:{seconds:02d}"


def duration(seconds: float) -> str:
    """A duration as people write it: "42 s", "1 min 37 s", "2 t 5 min"."""
    minutes, seconds = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} t {minutes} min"
    return f"{minutes} min {seconds} s" if minutes else f"{seconds} s"


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._interactive = bool(stream is not None and getattr(stream, "isatty", lambda: False)())

    def line(self, result: Result) -> str:
        elapsed = time.monotonic() - self.started
        remaining = elapsed / self.done * (self.total - self.done) if self.done else 0.0
        filled = round(WIDTH * self.done / self.total) if self.total else WIDTH
        bar = "█" * filled + "░" * (WIDTH - filled)
        text = t("grading.progress", bar=bar, done=self.done, total=self.total,
                 elapsed=clock(elapsed), remaining=clock(remaining), student=result.student,
                 score=_number(result.score), max_score=_number(result.max_score))
        if result.reasons:
            shown = dict.fromkeys(reason.short_text for reason in result.reasons)
            text += " " + t("grading.progress_contained", reasons="; ".join(shown))
        return text

    def advance(self, result: Result) -> None:
        with self._lock:
            self.done += 1
            if self.stream is None:
                return
            text = self.line(result)
            if self._interactive:
                self.stream.write("\r\x1b[2K" + text)
                if self.done == self.total:
                    self.stream.write("\n")
            else:
                self.stream.write(text + "\n")
            self.stream.flush()


def _number(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:g}"


def default_stream() -> TextIO:
    return sys.stderr

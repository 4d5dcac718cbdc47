"""The progress a lecturer watches while a class is graded, and how long it took."""

from __future__ import annotations

import io

import pytest
from myndig.grading.layout import Reason, Result
from myndig.grading.progress import Progress, clock, duration


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def result(student: str, score: float | None = 4.0, reasons: list[Reason] | None = None) -> Result:
    return Result(student=student, assignment="01", status="graded", score=score, max_score=6.0,
                  reasons=reasons or [])


@pytest.mark.parametrize(("seconds", "expected"), [
    (0.4, "0 s"), (42, "42 s"), (97, "1 min 37 s"), (600, "10 min 0 s"), (7500, "2 t 5 min"),
])
def test_durations_read_as_people_write_them(seconds, expected):
    """Is a run of 97 seconds reported as "1 min 37 s", not as "1:37 sekunder"?"""
    assert duration(seconds) == expected


def test_clock_pads_seconds():
    """Does the running clock show 1:05, not 1:5?"""
    assert clock(65) == "1:05"


def test_each_submission_gets_a_line_when_output_is_not_a_terminal():
    """Piped to a file, does every graded submission add one line with count, student and score?"""
    stream = io.StringIO()
    progress = Progress(3, stream)
    progress.advance(result("student01"))
    progress.advance(result("student02", score=None))
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert "1/3 " in lines[0]
    assert "student01: 4 av 6" in lines[0]
    assert "2/3 " in lines[1]
    assert "student02: – av 6" in lines[1]


def test_a_contained_submission_says_why_on_its_line_in_norwegian():
    """Does the line of a submission the cage stopped say in short Norwegian what stopped it,
    each reason once?"""
    stream = io.StringIO()
    reasons = [Reason("cell_time_limit", "30 s"), Reason("exit"), Reason("cell_time_limit")]
    Progress(2, stream).advance(result("student07", reasons=reasons))
    line = stream.getvalue()
    assert line.rstrip().endswith(
        "(en celle brukte for lang tid og ble avbrutt; koden prøvde å avslutte Python)")
    assert "cell_time_limit" not in line


@pytest.mark.parametrize(("code", "short"), [
    ("kernel_died", "Python-kjernen døde"),
    ("renamed_notebook", "notatboken har fått nytt navn"),
    ("ny_kode_uten_tekst", "ny_kode_uten_tekst"),
])
def test_reasons_read_in_norwegian_long_and_short(code, short):
    """Does every reason have its full text for the report and a short one for the progress
    line, and does a code without a text show itself instead of failing?"""
    reason = Reason(code)
    assert reason.short_text == short
    assert reason.text.startswith(short)


def test_a_terminal_gets_one_bar_redrawn_and_a_newline_at_the_end():
    """On a terminal, is the bar redrawn in place and finished with a newline at the last one?"""
    stream = Terminal()
    progress = Progress(2, stream)
    progress.advance(result("student01"))
    assert "\n" not in stream.getvalue()
    progress.advance(result("student02"))
    text = stream.getvalue()
    assert text.count("\r\x1b[2K") == 2
    assert text.endswith("\n")
    assert "█" * 28 in text


def test_no_stream_counts_silently():
    """Without a stream (the tests' own runs), does progress still count and print nothing?"""
    progress = Progress(2, None)
    progress.advance(result("student01"))
    assert progress.done == 1

"""Tests of reading the machine's processes from /proc."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from myndig.processes import running

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")


def test_own_process_is_listed_with_its_user_and_parent():
    """Is this test's own process found, with its real user id and its parent?"""
    mine = [process for process in running() if process.pid == os.getpid()]
    assert len(mine) == 1
    assert mine[0].uid == os.getuid()
    assert mine[0].parent == os.getppid()


def test_child_shows_its_arguments_and_is_gone_once_it_ends():
    """Does a child appear with its arguments and this process as parent, and vanish when it
    has ended and been reaped?"""
    child = subprocess.Popen(["sleep", "30"])
    try:
        found = [process for process in running() if process.pid == child.pid]
        assert [process.arguments for process in found] == [[b"sleep", b"30"]]
        assert found[0].parent == os.getpid()
        assert b"sleep\0" in found[0].cmdline
    finally:
        child.kill()
        child.wait()
    assert child.pid not in {process.pid for process in running()}

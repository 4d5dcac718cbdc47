"""The code follows the project's ruff configuration, and the package holds no stubs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_ruff_passes():
    """Does ruff, with the strict configuration in pyproject.toml, find nothing?"""
    ruff = Path(sys.executable).parent / "ruff"
    if not ruff.exists():
        pytest.fail("ruff mangler: installer med pip install -e '.[dev]'")
    completed = subprocess.run([str(ruff), "check", "--no-cache", "."], cwd=ROOT,
                               capture_output=True, text=True, check=False)
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_package_has_no_stubs():
    """Is the package free of TODO/FIXME markers and NotImplementedError stubs?"""
    pattern = re.compile(r"NotImplementedError|\bTODO\b|\bFIXME\b|\bXXX\b")
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in sorted((ROOT / "widgets").rglob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line)]
    assert found == []

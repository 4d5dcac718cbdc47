"""The ``myndig`` command starts fast: heavy libraries load only for the command using them."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("nbformat", "nbgrader", "matplotlib", "jsonschema")


def test_help_loads_no_heavy_library():
    """Does ``myndig --help`` build every subcommand's parser without importing nbformat,
    nbgrader, matplotlib or jsonschema (each costs up to seconds on a small machine)?"""
    probe = ("import json, sys\nfrom myndig import cli\ncli.build_parser()\n"
             f"print(json.dumps(sorted(name for name in sys.modules if name in {HEAVY!r})))")
    completed = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                               check=True)
    assert json.loads(completed.stdout) == []

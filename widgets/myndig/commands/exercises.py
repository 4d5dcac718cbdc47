"""``myndig exercises``: regenerate ``exercises/`` from ``solutions/`` with nbgrader."""

from __future__ import annotations

import argparse
from pathlib import Path

from myndig.assignments import generate_release, regenerate


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "exercises", help="lag exercises/ på nytt fra solutions/ med nbgrader generate_assignment")
    parser.add_argument("--regenerate", action="store_true",
                        help="lag alle oppgavene på nytt (standard når ingen oppgave er nevnt)")
    parser.add_argument("assignment", nargs="?", help="bare denne oppgaven, f.eks. 00-kom-i-gang")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="prosjektmappen (standard: her)")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    root = arguments.root.resolve()
    if arguments.assignment:
        generate_release(root, arguments.assignment, root / "exercises")
        print(f"laget: exercises/{arguments.assignment}")
        return 0
    for assignment in regenerate(root):
        print(f"laget: exercises/{assignment}")
    return 0

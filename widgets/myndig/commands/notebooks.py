"""``myndig notebooks``: check or normalise the committed notebooks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "notebooks", help="sjekk eller normaliser notatbøkene (ingen utdata, ryddig metadata)")
    parser.add_argument("--fix", action="store_true",
                        help="skriv om notatbøkene i stedet for å sjekke")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="prosjektmappen (standard: her)")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    from myndig.notebooks import normalise_file, notebook_paths, problems  # nbformat is slow

    failures = 0
    for path in notebook_paths(arguments.root):
        shown = path.relative_to(arguments.root)
        if arguments.fix:
            if normalise_file(path):
                print(f"normalisert: {shown}")
            continue
        for problem in problems(path):
            failures += 1
            print(f"{shown}: {problem}", file=sys.stderr)
    return 1 if failures else 0

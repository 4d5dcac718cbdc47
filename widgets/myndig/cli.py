"""The ``myndig`` command. Each subcommand lives in its own module under ``myndig.commands``.

A module there provides ``register(subparsers)``, which adds its parser and sets ``run`` as
the parser's default ``handler``; the handler returns the process exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from collections.abc import Sequence

from myndig import __version__, commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="myndig",
        description="Kurssettet for emnet Myndiggjørende ledelse.",
    )
    parser.add_argument("--version", action="version", version=f"myndig {__version__}")
    subparsers = parser.add_subparsers(title="kommandoer", metavar="KOMMANDO")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler = getattr(arguments, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(handler(arguments) or 0)
    except BrokenPipeError:
        # The reader stopped early («myndig analyse plan.txt | head»): nothing went wrong, and
        # Python's own flush at exit must not fail on the closed pipe either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""``myndig grade-synthetic``: a made-up class handing in every exercise, for trying the grading."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from myndig.grading.synthetic import DANGEROUS, HOSTILE, make_class
from myndig.i18n import t


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade-synthetic", help="lag en oppdiktet klasse å prøve rettingen på")
    parser.add_argument("course", type=Path, help="kursmappen klassen skrives til (ny mappe)")
    parser.add_argument("--students", type=int, default=30, help="antall studenter (standard: 30)")
    parser.add_argument("--seed", type=int, default=2026,
                        help="tilfeldig frø, for samme klasse igjen")
    parser.add_argument("--assignment", action="append", help="bare disse oppgavene")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="prosjektmappen med solutions/ (standard: her)")
    parser.add_argument("--no-dangerous", action="store_true",
                        help="ingen minne- eller prosessbomber (for kjøring uten innestenging)")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    kinds = [kind for kind in HOSTILE if not (arguments.no_dangerous and kind in DANGEROUS)]
    plan = make_class(arguments.root.resolve(), arguments.course.resolve(), arguments.students,
                      seed=arguments.seed, assignments=arguments.assignment, hostile_kinds=kinds)
    counts = Counter(submission.profile for submission in plan)
    print(t("grading.synthetic_done", count=len(plan), course=arguments.course,
            mix=", ".join(f"{profile}: {number}" for profile, number in sorted(counts.items()))))
    return 0

"""``myndig grade``: autograde every submission of an assignment in parallel, safely.

Runs nbgrader's own autograde for each student, one kernel per core, each kernel locked in
its own cage (see ``myndig.grading.sandbox``); shows progress, keeps a log per student,
resumes after an interruption, and writes the lecturer's summary at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from myndig.grading.layout import Course
from myndig.grading.progress import duration
from myndig.grading.runner import DEFAULT_UID_BASE, RunOptions, grade_assignment, set_due_date
from myndig.grading.sandbox import Limits
from myndig.grading.speedups import skip_iri_grammar
from myndig.i18n import t
from myndig.model.errors import InvalidInput


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "grade", help="rett alle innleveringer av en oppgave automatisk, parallelt og innestengt")
    parser.add_argument("assignment", help="oppgaven, f.eks. 00-kom-i-gang")
    parser.add_argument("--course", type=Path, default=Path.cwd(),
                        help="kursmappen med nbgrader_config.py og submitted/ (standard: her)")
    parser.add_argument("--student", action="append",
                        help="rett bare denne studenten på nytt (kan gjentas)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="hvor mange innleveringer som rettes samtidig (standard: alle)")
    parser.add_argument("--force", action="store_true",
                        help="rett alle på nytt, også de som er rettet og ikke endret")
    parser.add_argument("--cell-timeout", type=float,
                        help="sekunder per celle (standard: Execute.timeout i nbgrader_config.py)")
    parser.add_argument("--notebook-timeout", type=float, default=900.0,
                        help="sekunder for en hel innlevering før den stoppes (standard: 900)")
    parser.add_argument("--memory-mb", type=int, default=2048, help="minnegrense per kjerne i MB")
    parser.add_argument("--max-processes", type=int, default=96,
                        help="største antall prosesser og tråder per kjerne")
    parser.add_argument("--late-policy", default=None,
                        help="sen innlevering: none, zero eller percent:PROSENT[:NULL_ETTER_DØGN]")
    parser.add_argument("--due", help="innleveringsfrist, f.eks. '2026-11-20 23:59:00 UTC'")
    parser.add_argument("--collect", action="store_true",
                        help="hent innleveringene først med nbgrader collect")
    parser.add_argument("--cold-kernels", action="store_true",
                        help="start hver kjerne fra bunnen av i stedet for å kopiere en ferdig "
                             "lastet kjerne (tregere, for feilsøking)")
    parser.add_argument("--uid-base", type=int, default=DEFAULT_UID_BASE,
                        help="første bruker-ID for de innestengte kjernene")
    parser.set_defaults(handler=run)


def overrides(arguments: argparse.Namespace) -> dict[str, dict[str, object]]:
    settings: dict[str, dict[str, object]] = {}
    if arguments.cell_timeout:
        settings["Execute"] = {"timeout": int(arguments.cell_timeout)}
    if arguments.late_policy:
        from myndig.grading.late import policy_config  # imports nbgrader: only when asked

        settings.update(policy_config(arguments.late_policy))
    return settings


def run(arguments: argparse.Namespace) -> int:
    try:
        return _run(arguments)
    except InvalidInput as error:
        print(str(error), file=sys.stderr)
        return 2


def _run(arguments: argparse.Namespace) -> int:
    if os.geteuid() != 0:
        raise InvalidInput(t("grading.not_root"))
    skip_iri_grammar()
    course = Course(arguments.course.resolve())
    if arguments.collect:
        from myndig.grading.runner import nbgrader_command

        nbgrader_command(course.root, "collect", arguments.assignment)
    options = RunOptions(
        jobs=max(1, arguments.jobs), students=arguments.student, force=arguments.force,
        notebook_seconds=arguments.notebook_timeout,
        limits=Limits(memory_bytes=arguments.memory_mb * 1024**2,
                      processes=arguments.max_processes),
        overrides=overrides(arguments), uid_base=arguments.uid_base, progress=sys.stderr,
        warm_kernels=not arguments.cold_kernels)
    started = time.monotonic()
    if arguments.due:
        from myndig.grading.runner import prepare_assignment

        prepare_assignment(course, arguments.assignment)
        set_due_date(course, arguments.assignment, arguments.due)
    try:
        results = grade_assignment(course, arguments.assignment, options)
    except KeyboardInterrupt:
        from myndig.grading.layout import load_results

        print("\n" + t("grading.interrupted",
                       count=len(load_results(course, arguments.assignment))), file=sys.stderr)
        return 130
    if not results:
        print(t("grading.nothing_to_do"))
    for result in results:
        line = t("grading.summary_line", student=result.student,
                 score="–" if result.score is None else f"{result.score:g}",
                 max_score="–" if result.max_score is None else f"{result.max_score:g}")
        for reason in result.reasons:
            line += f"\n    {reason.text}"
        print(line)
    from myndig.grading.summary import write_summary  # matplotlib: not before it is needed

    summary, _ = write_summary(course, arguments.assignment)
    print(t("grading.done", count=len(results), duration=duration(time.monotonic() - started),
            logs=course.state(arguments.assignment) / "logg"))
    print(t("grading.summary_written", file=summary))
    return 0

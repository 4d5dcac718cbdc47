"""``myndig plan``: check a Plan for læring and export it to Word, Excel, Markdown or JSON.

Exit codes: 0 when the plan could be read (and, with ``--check``, has no errors; warnings are
advice), 1 when ``--check`` finds errors, 2 when the file cannot be read or written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from myndig.export import FORMATS, export_plan, import_plan
from myndig.i18n import t
from myndig.model.errors import InvalidFile
from myndig.model.plan import json_schema, royken_2015, validate
from myndig.model.plan.validation import errors, summary


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="sjekk en plan for læring, eller lagre den som Word, Excel, Markdown eller JSON",
        description="Leser en plan for læring (.json eller .xlsx fra kurssettet), sjekker den og "
                    "lagrer den i et annet format.")
    parser.add_argument("fil", nargs="?", type=Path, metavar="FIL",
                        help="planen som skal leses (.json eller .xlsx)")
    parser.add_argument("--eksempel", action="store_true",
                        help="bruk eksempelplanen fra NAV Røyken, våren 2015, i stedet for en fil")
    parser.add_argument("--check", "--sjekk", dest="check", action="store_true",
                        help="sjekk planen; avslutter med kode 1 hvis den har feil")
    parser.add_argument("--json", dest="as_json", action="store_true",
                        help="skriv funnene fra sjekken som JSON, ett per linje")
    parser.add_argument("--export", "--eksporter", dest="export", choices=FORMATS,
                        help="formatet planen skal lagres i")
    parser.add_argument("-o", "--output", dest="output", type=Path, metavar="UT",
                        help="filen planen skal lagres i (standard: samme navn, ny endelse)")
    parser.add_argument("--schema", "--skjema", dest="schema", action="store_true",
                        help="skriv JSON-skjemaet for planfilen og avslutt")
    parser.set_defaults(handler=run)


def run(arguments: argparse.Namespace) -> int:
    if arguments.schema:
        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    if arguments.eksempel:
        plan = royken_2015()
        name = Path("royken-2015.json")
    elif arguments.fil is None:
        print(t("plan.cli_mangler_fil"), file=sys.stderr)
        return 2
    else:
        name = arguments.fil
        try:
            plan = import_plan(arguments.fil)
        except InvalidFile as error:
            print(t("plan.cli_kan_ikke_lese", fil=arguments.fil, feil=error), file=sys.stderr)
            return 2

    problems = validate(plan)
    if arguments.check or not arguments.export:
        if arguments.as_json:
            for problem in problems:
                print(json.dumps(problem.to_json(), ensure_ascii=False))
        else:
            print(t("plan.cli_overskrift", kontor=plan.office, periode=plan.period.name))
            for problem in problems:
                print(f"  {problem.shown()}")
            print(summary(problems))

    if arguments.export:
        output = arguments.output or name.with_suffix(f".{arguments.export}")
        try:
            export_plan(plan, output, arguments.export)
        except (InvalidFile, OSError) as error:
            print(t("plan.cli_kan_ikke_skrive", fil=output, feil=error), file=sys.stderr)
            return 2
        print(t("plan.cli_lagret", fil=output), file=sys.stderr)
    return 1 if arguments.check and errors(problems) else 0

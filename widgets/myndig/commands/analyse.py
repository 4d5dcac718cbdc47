"""``myndig analyse``: check learning outcomes after NKR, one statement per line.

Reads a file (or standard input) and writes one JSON object per line, or a readable table with
``--table``. A whole study plan can be pasted as it stands: blank lines and headings such as
"Kunnskap:" are skipped, and a shared stem ("Studenten har kunnskap om:", "Kandidaten") is read
in front of each item under it when the wording is checked (:mod:`myndig.model.nkr.plan_text`).
A line that cannot be analysed gets an object with its Norwegian explanation instead of
stopping the run.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TextIO

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.nkr import Analysis, analyse_set, analyse_statement
from myndig.model.nkr.plan_text import PlanOutcome, read_plan

MAX_FILE_BYTES = 5_000_000


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "analyse", help="analyser læringsutbytter etter NKR (én setning per linje)",
        description="Analyser læringsutbytter etter NKR: kategori, nivå og forslag til "
                    "forbedringer. Leser én setning per linje fra FIL eller standard inn.")
    parser.add_argument("fil", nargs="?", metavar="FIL", type=Path,
                        help="tekstfil med ett læringsutbytte per linje (standard: standard inn)")
    parser.add_argument("--table", "--tabell", dest="table", action="store_true",
                        help="skriv en lesbar tabell i stedet for JSON-linjer")
    parser.add_argument("--nivaa", "--level", dest="level", type=int, choices=range(1, 9),
                        metavar="N", help="målnivå i NKR (1–8) for oppsummeringen")
    parser.add_argument("--uten-forslag", dest="suggest", action="store_false",
                        help="ikke spør stavekontrollen om rettelser (raskere)")
    parser.set_defaults(handler=run)


def _read_lines(arguments: argparse.Namespace) -> list[str]:
    path: Path | None = arguments.fil
    if path is None or str(path) == "-":
        return sys.stdin.read(MAX_FILE_BYTES).splitlines()
    if not path.is_file():
        raise InvalidInput(t("nkr.cli_finnes_ikke", fil=str(path)))
    raw = path.read_bytes()[:MAX_FILE_BYTES]
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding).splitlines()
        except UnicodeDecodeError:
            continue
    raise InvalidInput(t("nkr.cli_ikke_tekstfil", fil=str(path)))


def _write_table(rows: list[tuple[PlanOutcome, Analysis | None, str]], out: TextIO) -> None:
    header = f"{'linje':>5}  {'kategori':<20} {'nivå':>4}  utbytte og funn"
    print(header, file=out)
    print("-" * len(header), file=out)
    stem_shown = ""
    for outcome, analysis, error in rows:
        number, text = outcome.line, outcome.text
        if outcome.stem != stem_shown:
            stem_shown = outcome.stem
            if stem_shown:
                print(f"{'':>33}{t('nkr.cli_stamme', stamme=stem_shown.strip()[:60])}", file=out)
        if analysis is None:
            print(f"{number:>5}  {'–':<20} {'–':>4}  {text[:70]}", file=out)
            print(f"{'':>33}! {error}", file=out)
            continue
        category = analysis.category.label if analysis.category else t("nkr.cli_ukjent")
        print(f"{number:>5}  {category:<20} {analysis.level:>4}  {analysis.own_text[:70]}",
              file=out)
        for finding in analysis.findings:
            for index, line in enumerate(textwrap.wrap(
                    f"{finding.message} {finding.suggestion}", 66)):
                print(f"{'':>33}{'- ' if index == 0 else '  '}{line}", file=out)


def run(arguments: argparse.Namespace) -> int:
    try:
        lines = _read_lines(arguments)
    except (InvalidInput, OSError) as error:
        print(str(error) if isinstance(error, InvalidInput)
              else t("nkr.cli_kan_ikke_lese", feil=error.strerror or str(error)), file=sys.stderr)
        return 2
    outcomes = read_plan(lines)
    if not outcomes:
        print(t("nkr.cli_ingen_linjer"), file=sys.stderr)
        return 1
    rows: list[tuple[PlanOutcome, Analysis | None, str]] = []
    for outcome in outcomes:
        try:
            rows.append((outcome, analyse_statement(outcome.text, stem=outcome.stem,
                                                    suggest_spelling=arguments.suggest), ""))
        except InvalidInput as error:
            rows.append((outcome, None, str(error)))
    out = sys.stdout
    if arguments.table:
        _write_table(rows, out)
        report = analyse_set([row[1] for row in rows if row[1] is not None],
                             target_level=arguments.level)
        print(file=out)
        for line in report.summary:
            print(line, file=out)
    else:
        for outcome, analysis, error in rows:
            record = (analysis.to_json() if analysis is not None else
                      {"text": outcome.text, "category": None, "level": None, "findings": [],
                       "error": error} | ({"stem": outcome.stem} if outcome.stem else {}))
            record["line"] = outcome.line
            print(json.dumps(record, ensure_ascii=False), file=out)
    return 0

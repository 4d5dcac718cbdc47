"""``myndig analyse``: check learning outcomes after NKR, one statement per line.

Reads a file (or standard input) and writes one JSON object per line, or a readable table with
``--table``. Blank lines and headings such as "Kunnskap:" are skipped; a line that cannot be
analysed gets an object with its Norwegian explanation instead of stopping the run.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from pathlib import Path
from typing import TextIO

from myndig.i18n import t
from myndig.model.errors import InvalidInput
from myndig.model.nkr import Analysis, analyse_set, analyse_statement

MAX_FILE_BYTES = 5_000_000
HEADING = re.compile(
    r"^\s*(?:kunnskap(?:er|ar)?|ferdighet(?:er)?|ferdigheit(?:ar|er)?|generell kompetanse|"
    r"læringsutbytte|kandidaten|studenten|deltakeren|deltakaren)\s*(?:kan|har)?\s*[:.]?\s*$",
    re.IGNORECASE)


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


def _statements(lines: list[str]) -> list[tuple[int, str]]:
    # A line ending in a colon is a heading or a shared stem ("Etter emnet kan studenten:").
    return [(number, line) for number, line in enumerate(lines, start=1)
            if line.strip() and not HEADING.match(line) and not line.rstrip().endswith(":")]


def _write_table(rows: list[tuple[int, str, Analysis | None, str]], out: TextIO) -> None:
    header = f"{'linje':>5}  {'kategori':<20} {'nivå':>4}  utbytte og funn"
    print(header, file=out)
    print("-" * len(header), file=out)
    for number, text, analysis, error in rows:
        if analysis is None:
            print(f"{number:>5}  {'–':<20} {'–':>4}  {text[:70]}", file=out)
            print(f"{'':>33}! {error}", file=out)
            continue
        category = analysis.category.label if analysis.category else t("nkr.cli_ukjent")
        print(f"{number:>5}  {category:<20} {analysis.level:>4}  {analysis.cleaned[:70]}", file=out)
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
    statements = _statements(lines)
    if not statements:
        print(t("nkr.cli_ingen_linjer"), file=sys.stderr)
        return 1
    rows: list[tuple[int, str, Analysis | None, str]] = []
    for number, text in statements:
        try:
            rows.append((number, text, analyse_statement(text, suggest_spelling=arguments.suggest),
                         ""))
        except InvalidInput as error:
            rows.append((number, text, None, str(error)))
    out = sys.stdout
    if arguments.table:
        _write_table(rows, out)
        report = analyse_set([row[2] for row in rows if row[2] is not None],
                             target_level=arguments.level)
        print(file=out)
        for line in report.summary:
            print(line, file=out)
    else:
        for number, text, analysis, error in rows:
            record = (analysis.to_json() if analysis is not None else
                      {"text": text, "category": None, "level": None, "findings": [],
                       "error": error})
            record["line"] = number
            print(json.dumps(record, ensure_ascii=False), file=out)
    return 0

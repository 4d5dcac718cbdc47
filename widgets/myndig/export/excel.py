"""The plan as an Excel workbook that can be edited and read back.

One sheet per part of the plan. The sheet *Temaer* has one line per row of the plan, with the
Røyken columns first so it reads as the plan does, and the theme's own fields repeated on each of
its lines; a theme without rows is a line with only the theme's fields. Choices (type of arena,
method, answers) get drop-down lists. Text is always stored as text, so a cell starting with "="
stays words and never becomes a formula.
"""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from myndig.answers import MAX_ANSWER_BYTES
from myndig.files import write_atomically
from myndig.i18n import t
from myndig.model.errors import InvalidFile
from myndig.model.plan import (
    FORMAT,
    FORMAT_VERSION,
    Answer,
    ArenaKind,
    Extent,
    LearningPlan,
    Method,
    Origin,
    plan_from_json,
)

SHEET_PLAN = "Plan"
SHEET_THEMES = "Temaer"
SHEET_ARENAS = "Arenaer"
SHEET_FLOW = "Kunnskapsflyt"
SHEET_GROUP = "Arbeidsgruppe"
LIST_SEPARATOR = "; "
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
MAX_SHEET_ROWS = 2000

THEME_COLUMNS = (
    "Tema", "Læringsutbytte", "Arena", "Pedagogisk virkemiddel", "Deltakere",
    "Tid for gjennomføring", "Fra", "Til", "Type virkemiddel", "Ansvarlig for raden",
    "Merknad til raden", "Tema nr.", "Forslag fra", "Ansvarlig for temaet", "Evaluering",
    "Evaluering fra", "Evaluering til", "Merknad til temaet", "Gjennomført", "Nyttig",
    "Hva bør endres", "Videreføres",
)
ROW_COLUMNS = THEME_COLUMNS[1:11]
ARENA_COLUMNS = ("Navn", "Type", "Hyppighet", "Deltakere", "Ansvarlig", "Beskrivelse",
                 "Andre navn")
FLOW_COLUMNS = ("Overføring nr.", "Overføring", "Aktivitet", "Arena", "Ansvar", "Omfang")
GROUP_COLUMNS = ("Navn", "Rolle")
PLAN_FIELDS = ("Format", "Versjon", "Kontor", "Leder", "Periode", "Periode fra", "Periode til",
               "Innledning", "Kilde", "Leder av arbeidsgruppa", "Referent", "Mandat",
               "Tidsramme", "Tidsramme fra", "Tidsramme til")
YES, NO = "Ja", "Nei"


def _put(sheet: Worksheet, row: int, column: int, value: object) -> None:
    cell = sheet.cell(row=row, column=column)
    if value is None or value == "":
        return
    if isinstance(value, date):
        cell.value = value
        cell.number_format = "DD.MM.YYYY"
        return
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _header(sheet: Worksheet, columns: tuple[str, ...], widths: dict[int, int]) -> None:
    for index, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=name)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = widths.get(index, 16)
    sheet.freeze_panes = "A2"


def _choices(sheet: Worksheet, column: int, values: list[str]) -> None:
    letter = get_column_letter(column)
    listing = ",".join(value.replace(",", " ") for value in values)
    validation = DataValidation(type="list", formula1=f'"{listing}"', allow_blank=True)
    validation.error = t("plan.excel_velg_fra_lista")
    sheet.add_data_validation(validation)
    validation.add(f"{letter}2:{letter}{MAX_SHEET_ROWS}")


def _excel_label(label: str) -> str:
    return label.replace(",", " ")


def build_workbook(plan: LearningPlan) -> Workbook:
    book = Workbook()
    info = book.active
    info.title = SHEET_PLAN
    group = plan.working_group
    values = (FORMAT, FORMAT_VERSION, plan.office, plan.leader, plan.period.name,
              plan.period.start, plan.period.end, plan.introduction, plan.source, group.leader,
              group.minute_taker, group.mandate, group.time_frame.text, group.time_frame.start,
              group.time_frame.end)
    for row, (name, value) in enumerate(zip(PLAN_FIELDS, values, strict=True), start=1):
        info.cell(row=row, column=1, value=name).font = Font(bold=True)
        _put(info, row, 2, value)
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 90

    themes = book.create_sheet(SHEET_THEMES)
    _header(themes, THEME_COLUMNS, {1: 22, 2: 50, 3: 22, 4: 26, 5: 26, 6: 18, 11: 30, 18: 30,
                                     21: 30})
    line = 2
    for number, theme in enumerate(plan.themes, start=1):
        review = theme.review
        theme_values = [
            number, LIST_SEPARATOR.join(o.label for o in theme.origins), theme.responsible,
            theme.evaluation.text, theme.evaluation.start, theme.evaluation.end, theme.note,
            review.done.label if review.done else "", review.useful.label if review.useful else "",
            review.changes, YES if review.carry_forward else NO,
        ]
        for row in theme.rows or [None]:
            _put(themes, line, 1, theme.title)
            if row is not None:
                row_values = [row.outcome, row.arena, row.method_detail, row.participants,
                              row.timing.text, row.timing.start, row.timing.end,
                              _excel_label(row.method.label) if row.method else "",
                              row.responsible, row.note]
                for offset, value in enumerate(row_values):
                    _put(themes, line, 2 + offset, value)
            for offset, value in enumerate(theme_values):
                _put(themes, line, 12 + offset, value)
            line += 1
    _choices(themes, 9, [_excel_label(method.label) for method in Method])
    answers = [answer.label for answer in Answer]
    _choices(themes, 19, answers)
    _choices(themes, 20, answers)
    _choices(themes, 22, [YES, NO])

    arenas = book.create_sheet(SHEET_ARENAS)
    _header(arenas, ARENA_COLUMNS, {1: 36, 2: 30, 4: 30, 6: 50})
    for line, arena in enumerate(plan.register.arenas, start=2):
        for column, value in enumerate((arena.name, _excel_label(arena.kind.label),
                                        arena.frequency, arena.participants, arena.responsible,
                                        arena.description, LIST_SEPARATOR.join(arena.aliases)),
                                       start=1):
            _put(arenas, line, column, value)
    _choices(arenas, 2, [_excel_label(kind.label) for kind in ArenaKind])

    flow = book.create_sheet(SHEET_FLOW)
    _header(flow, FLOW_COLUMNS, {2: 40, 3: 36, 4: 30, 5: 20})
    for line, item in enumerate(plan.flow.rows, start=2):
        for column, value in enumerate((item.transfer.number, item.transfer.label, item.activity,
                                        item.arena, item.responsible, item.extent.value),
                                       start=1):
            _put(flow, line, column, value)

    members = book.create_sheet(SHEET_GROUP)
    _header(members, GROUP_COLUMNS, {1: 30, 2: 30})
    for line, member in enumerate(group.members, start=2):
        _put(members, line, 1, member.name)
        _put(members, line, 2, member.role)
    return book


def write_excel(plan: LearningPlan, path: Path) -> None:
    book = build_workbook(plan)
    write_atomically(path, lambda target: book.save(str(target)))


# Reading back --------------------------------------------------------------------------------


class _Where:
    def __init__(self, sheet: str, line: int | None = None) -> None:
        self.sheet, self.line = sheet, line

    def fail(self, message: object) -> InvalidFile:
        if self.line is None:
            return InvalidFile(t("plan.excel_feil_ark", ark=self.sheet, feil=message))
        return InvalidFile(t("plan.excel_feil_linje", ark=self.sheet, linje=self.line,
                             feil=message))


def _text(value: object, where: _Where) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, (int, float)):
        return f"{value:g}"
    if isinstance(value, (datetime, date)):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        return value
    raise where.fail(t("plan.excel_ukjent_verdi", verdi=value))


def _date(value: object, where: _Where) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return value
    raise where.fail(t("plan.excel_ikke_dato", verdi=value))


def _code(kind: type, value: object, where: _Where) -> Any:
    """An enum's code from its code or its label (as shown in the drop-down list)."""
    text = _text(value, where).strip()
    if not text:
        return None
    for member in kind:
        if text.casefold() in (str(member.value).casefold(), member.label.casefold(),
                               _excel_label(member.label).casefold()):
            return member.value
    return text  # unknown: the model's own check explains it with the valid choices


def _rows(sheet: Worksheet, columns: tuple[str, ...], name: str) -> list[tuple[int, dict]]:
    lines = sheet.iter_rows(values_only=True, max_row=MAX_SHEET_ROWS + 1)
    header = next(lines, None)
    if header is None:
        raise _Where(name).fail(t("plan.excel_tomt_ark"))
    positions: dict[str, int] = {}
    for index, title in enumerate(header):
        if isinstance(title, str) and title.strip() in columns:
            positions[title.strip()] = index
    missing = [column for column in columns if column not in positions]
    if missing:
        raise _Where(name).fail(t("plan.excel_mangler_kolonner", kolonner=", ".join(missing)))
    found = []
    for number, values in enumerate(lines, start=2):
        if number > MAX_SHEET_ROWS:
            raise _Where(name).fail(t("plan.excel_for_mange_linjer", maks=MAX_SHEET_ROWS))
        record = {column: values[index] if index < len(values) else None
                  for column, index in positions.items()}
        if any(value not in (None, "") for value in record.values()):
            found.append((number, record))
    return found


def _sheet(book: Any, name: str) -> Worksheet:
    if name not in book.sheetnames:
        raise InvalidFile(t("plan.excel_mangler_ark", ark=name))
    return book[name]


def _plan_fields(sheet: Worksheet) -> dict[str, object]:
    fields: dict[str, object] = {}
    for values in sheet.iter_rows(values_only=True, max_row=60, max_col=2):
        if values and isinstance(values[0], str):
            fields[values[0].strip()] = values[1] if len(values) > 1 else None
    return fields


def workbook_to_json(book: Any) -> dict[str, Any]:
    info = _plan_fields(_sheet(book, SHEET_PLAN))
    where = _Where(SHEET_PLAN)
    if info.get("Format") != FORMAT:
        raise InvalidFile(t("plan.excel_feil_format"))
    version = info.get("Versjon")
    data: dict[str, Any] = {
        "format": FORMAT,
        "versjon": int(version) if isinstance(version, (int, float)) and not isinstance(
            version, bool) else version,
        "kontor": _text(info.get("Kontor"), where),
        "leder": _text(info.get("Leder"), where),
        "periode": {"navn": _text(info.get("Periode"), where),
                    "fra": _date(info.get("Periode fra"), where),
                    "til": _date(info.get("Periode til"), where)},
        "innledning": _text(info.get("Innledning"), where),
        "kilde": _text(info.get("Kilde"), where),
        "arbeidsgruppe": {
            "leder": _text(info.get("Leder av arbeidsgruppa"), where),
            "referent": _text(info.get("Referent"), where),
            "mandat": _text(info.get("Mandat"), where),
            "tidsramme": {"tekst": _text(info.get("Tidsramme"), where),
                          "fra": _date(info.get("Tidsramme fra"), where),
                          "til": _date(info.get("Tidsramme til"), where)},
            "medlemmer": [],
        },
        "arenaer": [], "kunnskapsflyt": [], "temaer": [],
    }
    for number, record in _rows(_sheet(book, SHEET_GROUP), GROUP_COLUMNS, SHEET_GROUP):
        here = _Where(SHEET_GROUP, number)
        data["arbeidsgruppe"]["medlemmer"].append(
            {"navn": _text(record["Navn"], here), "rolle": _text(record["Rolle"], here)})
    for number, record in _rows(_sheet(book, SHEET_ARENAS), ARENA_COLUMNS, SHEET_ARENAS):
        here = _Where(SHEET_ARENAS, number)
        aliases = [a.strip() for a in _text(record["Andre navn"], here).split(";") if a.strip()]
        data["arenaer"].append({
            "navn": _text(record["Navn"], here),
            "type": _code(ArenaKind, record["Type"], here) or ArenaKind.INTERNAL.value,
            "hyppighet": _text(record["Hyppighet"], here),
            "deltakere": _text(record["Deltakere"], here),
            "ansvarlig": _text(record["Ansvarlig"], here),
            "beskrivelse": _text(record["Beskrivelse"], here),
            "andre_navn": aliases,
        })
    for number, record in _rows(_sheet(book, SHEET_FLOW), FLOW_COLUMNS, SHEET_FLOW):
        here = _Where(SHEET_FLOW, number)
        data["kunnskapsflyt"].append({
            "overforing": _whole_number(record["Overføring nr."], here),
            "aktivitet": _text(record["Aktivitet"], here),
            "arena": _text(record["Arena"], here),
            "ansvar": _text(record["Ansvar"], here),
            "omfang": _whole_number(record["Omfang"], here) or Extent.REGULAR.value,
        })
    data["temaer"] = _themes(_rows(_sheet(book, SHEET_THEMES), THEME_COLUMNS, SHEET_THEMES))
    return data


def _whole_number(value: object, where: _Where) -> object:
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return value


def _themes(lines: list[tuple[int, dict]]) -> list[dict[str, Any]]:
    themes: list[dict[str, Any]] = []
    keys: list[object] = []
    for number, record in lines:
        here = _Where(SHEET_THEMES, number)
        key = record["Tema nr."] if record["Tema nr."] not in (None, "") else record["Tema"]
        if not keys or keys[-1] != key:
            origins = [_code(Origin, part, here) for part in
                       _text(record["Forslag fra"], here).split(";") if part.strip()]
            carry = _text(record["Videreføres"], here).strip().casefold()
            themes.append({
                "tittel": _text(record["Tema"], here),
                "opphav": origins,
                "ansvarlig": _text(record["Ansvarlig for temaet"], here),
                "evaluering": {"tekst": _text(record["Evaluering"], here),
                               "fra": _date(record["Evaluering fra"], here),
                               "til": _date(record["Evaluering til"], here)},
                "merknad": _text(record["Merknad til temaet"], here),
                "rader": [],
                "vurdering": {"gjennomfort": _code(Answer, record["Gjennomført"], here),
                              "nyttig": _code(Answer, record["Nyttig"], here),
                              "endringer": _text(record["Hva bør endres"], here),
                              "videreforing": carry in ("ja", "true", "1", "x")},
            })
            keys.append(key)
        if any(record[column] not in (None, "") for column in ROW_COLUMNS):
            themes[-1]["rader"].append({
                "utbytte": _text(record["Læringsutbytte"], here),
                "arena": _text(record["Arena"], here),
                "metode": _code(Method, record["Type virkemiddel"], here),
                "virkemiddel": _text(record["Pedagogisk virkemiddel"], here),
                "deltakere": _text(record["Deltakere"], here),
                "gjennomforing": {"tekst": _text(record["Tid for gjennomføring"], here),
                                  "fra": _date(record["Fra"], here),
                                  "til": _date(record["Til"], here)},
                "ansvarlig": _text(record["Ansvarlig for raden"], here),
                "merknad": _text(record["Merknad til raden"], here),
            })
    return themes


def read_excel(path: str | Path) -> LearningPlan:
    """A plan from a workbook written by :func:`write_excel` (and perhaps edited since)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidFile(t("plan.fil_finnes_ikke", fil=path.name))
    if path.stat().st_size > MAX_ANSWER_BYTES:
        raise InvalidFile(t("plan.excel_for_stor", maks=MAX_ANSWER_BYTES // (1024 * 1024)))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise InvalidFile(t("plan.excel_uleselig", fil=path.name)) from error
    try:
        data = workbook_to_json(book)
    finally:
        book.close()
    return plan_from_json(data)

"""A plan as a document an office can use at once: Word, Excel, Markdown and JSON.

Word and Markdown are for reading; Excel and JSON can also be read back (``import_plan``), so an
office can edit its plan in a spreadsheet and bring it back into the kit.
"""

from __future__ import annotations

from pathlib import Path

from myndig.export.excel import read_excel, write_excel
from myndig.export.jsonfile import write_json
from myndig.export.markdown import to_markdown, write_markdown
from myndig.export.word import write_word
from myndig.i18n import t
from myndig.model.errors import InvalidFile
from myndig.model.plan import LearningPlan, read_plan

FORMATS = ("docx", "xlsx", "md", "json")


def export_plan(plan: LearningPlan, path: str | Path, kind: str | None = None) -> Path:
    """Write ``plan`` to ``path`` in ``kind`` (by default the file's suffix)."""
    path = Path(path)
    kind = (kind or path.suffix.lstrip(".")).lower()
    writers = {"docx": write_word, "xlsx": write_excel, "md": write_markdown, "json": write_json}
    if kind not in writers:
        raise InvalidFile(t("plan.eksport_ukjent_format", format=kind, valg=", ".join(FORMATS)))
    writers[kind](plan, path)
    return path


def import_plan(path: str | Path) -> LearningPlan:
    """A plan from a .json or .xlsx file; ``InvalidFile`` in Norwegian when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_excel(path)
    if suffix == ".json":
        return read_plan(path)
    raise InvalidFile(t("plan.import_ukjent_format", fil=path.name))


__all__ = ["FORMATS", "export_plan", "import_plan", "to_markdown"]

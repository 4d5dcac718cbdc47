"""``myndig plan`` on the command line: check, export, and explain unreadable files."""

from __future__ import annotations

import json

import pytest
from docx import Document
from myndig.cli import main
from myndig.model.plan import plan_to_json, read_plan, royken_2015, save_plan


def test_check_of_valid_plan_passes(plan, tmp_path, capsys):
    """Does a complete plan pass the check with exit code 0?"""
    path = tmp_path / "plan.json"
    save_plan(path, plan)
    assert main(["plan", str(path), "--check"]) == 0
    assert "komplett" in capsys.readouterr().out


def test_check_with_errors_fails(plan, tmp_path, capsys):
    """Does a plan with errors fail the check (exit 1) and list them in Norwegian?"""
    plan.themes[0].responsible = ""
    path = tmp_path / "plan.json"
    save_plan(path, plan)
    assert main(["plan", str(path), "--check"]) == 1
    output = capsys.readouterr().out
    assert "Feil: Tema «Arbeidsmarkedskompetanse» mangler ansvarlig." in output
    assert "1 feil og 0 advarsler." in output


def test_warnings_do_not_fail_the_check(plan, tmp_path):
    """Do warnings alone leave the exit code at 0?"""
    plan.working_group.members.clear()
    path = tmp_path / "plan.json"
    save_plan(path, plan)
    assert main(["plan", str(path), "--check"]) == 0


def test_check_as_json_lines(tmp_path, capsys):
    """Does --json print one JSON object per problem?"""
    assert main(["plan", "--eksempel", "--check", "--json"]) == 1
    lines = capsys.readouterr().out.strip().splitlines()
    records = [json.loads(line) for line in lines]
    assert {"regel", "alvor", "melding", "tema", "rad"} <= set(records[0])
    assert any(record["regel"] == "ukjent_arena" for record in records)


@pytest.mark.parametrize("kind", ["docx", "xlsx", "md", "json"])
def test_export_every_format(tmp_path, kind):
    """Does --export write each format to -o?"""
    output = tmp_path / f"royken.{kind}"
    assert main(["plan", "--eksempel", "--export", kind, "-o", str(output)]) == 0
    assert output.stat().st_size > 1000


def test_export_from_excel_to_word(tmp_path):
    """Can a plan exported to Excel be read back and exported to Word?"""
    workbook = tmp_path / "plan.xlsx"
    assert main(["plan", "--eksempel", "--export", "xlsx", "-o", str(workbook)]) == 0
    assert main(["plan", str(workbook), "--export", "docx"]) == 0
    document = Document(str(tmp_path / "plan.docx"))
    assert any(p.text == "Tema: Arbeidsmarkedskompetanse" for p in document.paragraphs)


def test_export_json_reads_back(tmp_path):
    """Is the exported JSON the same plan as the example?"""
    output = tmp_path / "plan.json"
    assert main(["plan", "--eksempel", "--export", "json", "-o", str(output)]) == 0
    assert plan_to_json(read_plan(output)) == plan_to_json(royken_2015())


def test_unreadable_file_is_explained(tmp_path, capsys):
    """Is a broken file explained on standard error with exit code 2, and left untouched?"""
    path = tmp_path / "plan.json"
    path.write_text("{", encoding="utf-8")
    assert main(["plan", str(path), "--check"]) == 2
    assert "ikke gyldig JSON" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "{"


def test_missing_file_argument_is_explained(capsys):
    """Is running without a file explained?"""
    assert main(["plan", "--check"]) == 2
    assert "--eksempel" in capsys.readouterr().err


def test_unwritable_output_is_explained(tmp_path, capsys):
    """Is an output path that cannot be written explained with exit code 2?"""
    blocker = tmp_path / "fil"
    blocker.write_text("x", encoding="utf-8")
    assert main(["plan", "--eksempel", "--export", "md", "-o", str(blocker / "plan.md")]) == 2
    assert "Kan ikke lagre" in capsys.readouterr().err


def test_schema_is_printed(capsys):
    """Does --schema print the JSON Schema?"""
    assert main(["plan", "--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["properties"]["format"]["const"] == "myndig.plan_for_laering"

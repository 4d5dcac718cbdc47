"""Tests of ``myndig analyse``."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from myndig import spelling
from myndig.cli import main

PLAN = """Kunnskap:
Kandidaten har inngående kunnskap om relasjonsorientert ledelse

Deltakerne skal forstå hva myndiggjøring er
😀
kan formidle erfaringer fra kollegaveiledning til ledergruppen
"""


def run(argv, monkeypatch, capsys, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(["analyse", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_lines_from_a_file(tmp_path, monkeypatch, capsys):
    """Does each statement in a file give one JSON object with the promised fields?"""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, out, _ = run([str(plan), "--uten-forslag"], monkeypatch, capsys)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [record["line"] for record in records] == [2, 4, 5, 6]
    assert records[0]["category"] == "kunnskap"
    assert records[0]["level"] == 7
    assert records[1]["findings"][0]["kode"] == "uobserverbart_verb"
    assert records[2]["category"] is None
    assert "ingen ord" in records[2]["error"]
    assert records[3]["category"] == "generell_kompetanse"


def test_standard_input_is_read(monkeypatch, capsys):
    """Are statements read from standard input when no file is given?"""
    code, out, _ = run([], monkeypatch, capsys, "Deltakeren kan anvende MI i samtaler\n")
    assert code == 0
    assert json.loads(out)["category"] == "ferdigheter"


def test_table_has_summary(tmp_path, monkeypatch, capsys):
    """Does --table print a readable table and the set's summary?"""
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    code, out, _ = run([str(plan), "--table", "--nivaa", "6"], monkeypatch, capsys)
    assert code == 0
    assert "kategori" in out
    assert "Kunnskap" in out
    assert "Antall læringsutbytter: 3" in out
    assert "målnivået 6" in out


def test_headings_are_skipped_and_shared_stems_read_with_their_items(monkeypatch, capsys):
    """Are headings left out, and is a shared stem («Etter emnet kan studenten:») read in front
    of the items under it, until the next heading?"""
    plan = ("Læringsutbytte\nKunnskap\nEtter fullført emne skal studenten kunne:\n"
            "gjøre rede for de tre kunnskapskildene\nFerdigheter:\n"
            "anvende kunnskapskildene i egen praksis\n")
    code, out, _ = run([], monkeypatch, capsys, plan)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [record["line"] for record in records] == [4, 6]
    assert [record["category"] for record in records] == ["kunnskap", "ferdigheter"]
    assert records[0]["stem"] == "Etter fullført emne skal studenten kunne"
    assert "stem" not in records[1]


def test_list_under_a_knowledge_stem_is_knowledge(monkeypatch, capsys):
    """Does a plan's list of topics under «Studenten har kunnskap om:» come out as kunnskap, and
    does the table say which stem the items were read with?"""
    plan = ("Kunnskap\nStudenten har kunnskap om:\n- forvaltningsrettens hovedprinsipper\n"
            "- arbeids- og velferdsforvaltningens oppgaver\n")
    code, out, _ = run(["--uten-forslag"], monkeypatch, capsys, plan)
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [record["category"] for record in records] == ["kunnskap", "kunnskap"]
    assert [record["text"] for record in records] == [
        "- forvaltningsrettens hovedprinsipper", "- arbeids- og velferdsforvaltningens oppgaver"]
    code, out, _ = run(["--table", "--uten-forslag"], monkeypatch, capsys, plan)
    assert "Under stammen «Studenten har kunnskap om»:" in out
    assert "    3  Kunnskap" in out


@pytest.mark.skipif(not spelling.is_available("nb"), reason="hunspell-no er ikke installert")
def test_clause_under_a_stem_that_names_the_category_takes_it(monkeypatch, capsys):
    """Does a clause under «Emnet gir deg kunnskap om:», which alone reads as generell
    kompetanse, come out as kunnskap, with the stem given as the reason?"""
    plan = "Kunnskap\nEmnet gir deg kunnskap om:\n- hvordan brukere kan medvirke i egen sak\n"
    code, out, _ = run(["--uten-forslag"], monkeypatch, capsys, plan)
    record = json.loads(out)
    assert code == 0
    assert record["category"] == "kunnskap"
    assert "stammen «Emnet gir deg kunnskap om»" in record["reasons"][0]
    assert record["reasons"][1] == "Alene ville punktet blitt lest som generell kompetanse."


def test_missing_file_gets_a_norwegian_message(tmp_path, monkeypatch, capsys):
    """Does a missing file give exit code 2 and a message saying what to do?"""
    code, _, err = run([str(tmp_path / "finnes-ikke.txt")], monkeypatch, capsys)
    assert code == 2
    assert "Finner ikke filen" in err


def test_empty_input_gets_a_message(monkeypatch, capsys):
    """Does input with no statements give exit code 1 and a message?"""
    code, out, err = run([], monkeypatch, capsys, "\n   \n")
    assert code == 1
    assert out == ""
    assert "ett utbytte per linje" in err


def test_windows_encoded_file_is_read(tmp_path, monkeypatch, capsys):
    """Is a file saved as Windows-1252 (common from Word) still read correctly?"""
    plan = tmp_path / "plan.txt"
    plan.write_bytes("Deltakeren kan gjøre rede for læringssystemet i kontoret\n".encode("cp1252"))
    code, out, _ = run([str(plan)], monkeypatch, capsys)
    assert code == 0
    assert json.loads(out)["text"].startswith("Deltakeren kan gjøre rede for læringssystemet")


@pytest.mark.slow
def test_installed_command_runs(tmp_path):
    """Does the installed ``myndig analyse`` command run end to end?"""
    result = subprocess.run([sys.executable, "-m", "myndig.cli", "analyse", "--table"],
                            input="Deltakeren kan anvende MI i samtaler med brukere\n",
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "Ferdigheter" in result.stdout


@pytest.mark.slow
def test_reader_that_stops_early_gets_no_traceback():
    """When the output goes to a reader that stops early («| head»), does the command end
    quietly instead of printing a traceback?"""
    plan = "Deltakeren kan anvende MI i samtaler med brukere i NAV-kontoret\n" * 1500
    process = subprocess.Popen([sys.executable, "-m", "myndig.cli", "analyse", "--uten-forslag"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    process.stdin.write(plan)
    process.stdin.close()
    first = process.stdout.readline()
    process.stdout.close()
    process.wait(timeout=120)
    error = process.stderr.read()
    process.stderr.close()
    assert json.loads(first)["line"] == 1
    assert "Traceback" not in error
    assert process.returncode == 0
